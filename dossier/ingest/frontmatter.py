"""Optional YAML front matter between `---` lines at the top of a .md/.txt article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier import yamlio
from dossier.errors import DossierError
from dossier.ingest.metadata import parse_date

KEYS = ("title", "outlet", "url", "published", "language", "author")
MAX_FRONT_MATTER = 65_536  # characters; real front matter is a few lines
_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
# PyYAML takes quadratic time, then recurses, on deeply nested [ {: real front matter is flat.
MAX_DEPTH = 20
_URL = re.compile(r"https?://[^\s<>\"']{1,2000}")


@dataclass
class FrontMatter:
    """What the front matter says, where the body starts, and what the reader should know."""

    end: int  # offset just after the closing line
    fields: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_front_matter(text: str, rel_path: str) -> FrontMatter | None:
    """Parse front matter if `text` opens with a `---` line; None if it has none.

    Raises `DossierError` naming the file and line for broken YAML, an unclosed block, an
    alias bomb or a block that is not a mapping.
    """
    opening = _OPEN.match(text)
    if not opening:
        return None
    pos = opening.end()
    while pos <= min(len(text), MAX_FRONT_MATTER):
        line = _LINE.match(text, pos)
        if _CLOSE.fullmatch(line.group(1)):
            return _parse(text[opening.end() : pos], line.end(), rel_path)
        if line.end() == pos:  # end of text
            break
        pos = line.end()
    raise DossierError(
        "front matter opened on line 1 is never closed",
        rel_path,
        1,
        fix="end it with a line of three dashes '---', or remove the first line",
    )


def _parse(yaml_text: str, end: int, rel_path: str) -> FrontMatter:
    try:
        data = yamlio.load(
            yaml_text,
            rel_path,
            max_bytes=MAX_FRONT_MATTER * 4,
            max_depth=MAX_DEPTH,
            line_offset=1,
        )
    except DossierError as exc:
        message = " ".join(exc.message.split())  # PyYAML's messages span lines
        raise DossierError(f"front matter: {message}", rel_path, exc.line, exc.fix) from None
    except Exception as exc:  # e.g. a date like 2022-13-45, or nesting deep enough to recurse
        raise DossierError(
            f"front matter: cannot read it ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})",
            rel_path,
            fix="fix the values",
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DossierError(
            "front matter is not a mapping of keys to values",
            rel_path,
            2,
            fix="write 'key: value' lines",
        )
    out = FrontMatter(end=end)
    for key, value in data.items():
        name = str(key)
        if name not in KEYS:
            out.warnings.append(
                f"unknown front matter key '{name[:40]}' ignored (known: {', '.join(KEYS)})"
            )
            continue
        if value is None:
            continue
        if name == "published":
            iso = parse_date(value)
            if iso:
                out.fields[name] = iso
            else:
                out.warnings.append(
                    f"front matter 'published' is not a date: {str(value)[:40]!r} (use YYYY-MM-DD)"
                )
            continue
        if not isinstance(value, str | int | float):
            out.warnings.append(f"front matter '{name}' should be text; ignored")
            continue
        text = " ".join(str(value).split())[:500]
        if name == "url" and not _URL.fullmatch(text):
            out.warnings.append("front matter 'url' ignored: only http(s) addresses are kept")
            continue
        if text:
            out.fields[name] = text
    return out
