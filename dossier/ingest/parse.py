"""One article's bytes to an `Article`: decode, front matter or HTML, paragraphs, metadata. Pure."""

from __future__ import annotations

import hashlib
import re
from pathlib import PurePosixPath

from dossier.errors import DossierError
from dossier.ingest import language, metadata
from dossier.ingest.decode import decode
from dossier.ingest.frontmatter import read_front_matter
from dossier.ingest.furniture import match, normalise
from dossier.ingest.htmltext import parse_html
from dossier.ingest.paragraphs import select
from dossier.ingest.segment import MAX_LINES, Candidate, TooManyLines, segment
from dossier.model.article import Article, Removed
from dossier.slug import slugify

DEFAULT_MAX_BYTES = 5_000_000  # as dossier.config.Settings; DOSSIER_MAX_ARTICLE_BYTES overrides
MAX_BYTES_ENV = "DOSSIER_MAX_ARTICLE_BYTES"
HTML_SUFFIXES = frozenset((".html", ".htm"))


def too_large(size: int, max_bytes: int, rel_path: str) -> DossierError:
    return DossierError(
        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
        rel_path,
        fix=f"split the article, or raise the limit with the environment variable {MAX_BYTES_ENV}",
    )


def parse_article(raw: bytes, rel_path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Parse one article file's bytes. `rel_path` is repository-relative with POSIX separators.

    Raises `DossierError` (naming the file, and the line where there is one) for a file the
    caller should skip: too large, empty, binary, undecodable, broken front matter, not
    English, or with no story text left once the furniture is gone.
    """
    if len(raw) > max_bytes:
        raise too_large(len(raw), max_bytes, rel_path)
    path = PurePosixPath(rel_path)
    is_html = path.suffix.lower() in HTML_SUFFIXES
    decoded = decode(raw, rel_path, html=is_html)
    text = decoded.text
    warnings = list(decoded.warnings)

    try:
        candidates, fields, removed, front_warnings = _candidates(text, rel_path, is_html)
    except TooManyLines:
        raise DossierError(
            f"more than {MAX_LINES:,} lines: not one article",
            rel_path,
            fix="split it into one file per article",
        ) from None
    warnings.extend(front_warnings)

    lang = language.declared(fields["language"], rel_path) if "language" in fields else None
    chosen = select(text, candidates, title=fields.get("title"), unescape=is_html)
    if not chosen.paragraphs:
        raise DossierError(
            f"no article text: all {len(candidates)} paragraph(s) are page furniture, headings or "
            "captions, with no sentence",
            rel_path,
            fix="check that the file holds the article itself",
        )
    if lang is None:
        sample = "\n".join(text[p.start : p.end] for p in chosen.paragraphs[:50])
        language.check_english(sample, rel_path)
    nuls = text.count("\x00")
    if nuls:
        warnings.append(f"{nuls} NUL byte(s) ignored")
    removed.extend(chosen.removed)
    removed.sort(key=lambda r: (r.start, r.end))
    return Article(
        id=slugify(path.stem, fallback="source"),
        path=rel_path,
        sha256=hashlib.sha256(raw).hexdigest(),
        encoding=decoded.encoding,
        text=text,
        title=fields.get("title") or chosen.title or _title_from_name(path.stem),
        outlet=fields.get("outlet") or chosen.outlet,
        url=fields.get("url"),
        published=fields.get("published") or chosen.published,
        author=fields.get("author") or chosen.author,
        language=lang or "en",
        paragraphs=chosen.paragraphs,
        removed=removed,
        warnings=warnings,
    )


def _candidates(
    text: str, rel_path: str, is_html: bool
) -> tuple[list[Candidate], dict[str, str], list[Removed], list[str]]:
    """Candidate paragraphs, metadata fields, what was dropped and warnings, for HTML or text."""
    removed: list[Removed] = []
    fields: dict[str, str] = {}
    warnings: list[str] = []
    candidates: list[Candidate] = []
    if is_html:
        page = parse_html(text, rel_path)
        fields.update(page.meta)
        removed.extend(page.removed)
        for start, end in page.runs:
            found, dropped = segment(text, start, end, joined=True)
            candidates.extend(found)
            removed.extend(dropped)
            if len(candidates) > MAX_LINES:
                raise TooManyLines(MAX_LINES)
        return candidates, fields, removed, warnings
    front = read_front_matter(text, rel_path)
    body = 0
    if front is not None:
        fields.update(front.fields)
        warnings.extend(front.warnings)
        removed.append(Removed(start=0, end=front.end, reason="front matter"))
        body = front.end
    candidates, dropped = segment(text, body, len(text), is_special=_is_special)
    removed.extend(dropped)
    return candidates, fields, removed, warnings


def _is_special(line: str) -> bool:
    """Lines that never join a hard-wrapped paragraph: datelines, bylines, furniture."""
    if len(line) > 120:
        return False
    return bool(metadata.dateline(line) or metadata.byline(line) or match(normalise(line)))


def _title_from_name(stem: str) -> str:
    """A readable title from a file name ("nato-talks_2022" -> "Nato talks 2022")."""
    words = re.sub(r"[-_.]+", " ", stem).split()
    return " ".join(words).capitalize() if words else "Untitled article"
