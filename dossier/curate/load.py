"""Reads `curation.yaml` safely, keeping the line of every key so errors can say `file:line`."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from dossier.curate.model import ActorCuration, Curation, IssueCuration, PositionCuration
from dossier.errors import DossierError, Problems
from dossier.yamlio import MAX_ALIASES, MAX_YAML_BYTES

Loc = tuple[str | int, ...]


class CurationInvalid(Problems):
    """Every schema problem in the curation file, one `file:line: message (fix)` per line."""

    def __init__(self, problems: list[DossierError]) -> None:
        super().__init__(sorted(problems, key=lambda p: p.line or 0))


def load_curation(
    path: Path, *, max_bytes: int = MAX_YAML_BYTES, max_aliases: int = MAX_ALIASES
) -> Curation:
    """The curation at `path`; a missing file is an empty curation.

    Raises `CurationInvalid` (a DossierError) naming the file and line of every problem.
    """
    path = Path(path)
    if not path.exists():
        return Curation()
    if not path.is_file():
        raise DossierError("not a file", path, fix="curation must be one YAML file")
    size = path.stat().st_size
    if size > max_bytes:
        raise DossierError(
            f"curation file is {size} bytes (limit {max_bytes})",
            path,
            fix="keep corrections short, or raise the limit",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DossierError(f"not UTF-8 (byte {exc.start})", path, fix="save it as UTF-8") from None
    return parse_curation(text, path, max_aliases=max_aliases)


def parse_curation(
    text: str, path: str | Path = "curation.yaml", *, max_aliases: int = MAX_ALIASES
) -> Curation:
    """Parse curation YAML text; `path` is only used in error messages."""
    yaml = YAML(typ="rt")
    try:
        # Count aliases on the event stream before building anything: a "billion laughs"
        # document is refused here in microseconds instead of being expanded by validation.
        aliases = 0
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent):
                aliases += 1
                if aliases > max_aliases:
                    line = event.start_mark.line + 1 if event.start_mark else None
                    raise DossierError(
                        f"more than {max_aliases} YAML aliases; refusing a possible alias bomb",
                        path,
                        line,
                        fix="write the values out instead of using *aliases",
                    )
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = (exc.problem or exc.context or "syntax error").strip()
        raise DossierError(f"invalid YAML: {problem}", path, line, fix="fix the syntax") from None
    except YAMLError as exc:
        raise DossierError(f"invalid YAML: {exc}", path, fix="fix the syntax") from None
    except RecursionError:
        # ruamel recurses per level: a few KB of "- - - …" or "[[[…" exceed Python's stack.
        raise DossierError("YAML nests too deeply", path, fix="flatten the structure") from None

    if tree is None:
        curation = Curation()
        curation._path = str(path)
        return curation
    if not isinstance(tree, CommentedMap):
        raise DossierError(
            "the curation file must be a mapping (title:, actors:, positions:, suppress:)",
            path,
            1,
            fix="see the format in the file header",
        )
    lines: dict[Loc, int] = {}
    _record_lines(tree, (), lines)
    data = _plain(tree, (), lines, path)
    try:
        curation = Curation.model_validate(data)
    except ValidationError as exc:
        raise CurationInvalid([_explain(err, path, lines) for err in exc.errors()]) from None
    curation._path = str(path)
    curation._lines = lines
    return curation


def _record_lines(node: Any, loc: Loc, lines: dict[Loc, int]) -> None:
    if isinstance(node, CommentedMap):
        lines.setdefault(loc, node.lc.line + 1)
        for key, value in node.items():
            pos = node.lc.key(key)
            if pos:
                lines[(*loc, key)] = pos[0] + 1
            _record_lines(value, (*loc, key), lines)
    elif isinstance(node, CommentedSeq):
        lines.setdefault(loc, node.lc.line + 1)
        for i, value in enumerate(node):
            pos = node.lc.item(i)
            if pos:
                lines[(*loc, i)] = pos[0] + 1
            _record_lines(value, (*loc, i), lines)


def _plain(node: Any, loc: Loc, lines: dict[Loc, int], path: str | Path) -> Any:
    """ruamel's round-trip nodes as plain Python values, refusing anything that is not data."""
    tag = getattr(node, "tag", None)
    if isinstance(node, TaggedScalar) or (tag is not None and getattr(tag, "value", None)):
        raise DossierError(
            "YAML tags (!!…) are not allowed", path, _line(loc, lines), fix="write a plain value"
        )
    if isinstance(node, CommentedMap):
        return {
            str(k) if isinstance(k, str) else k: _plain(v, (*loc, k), lines, path)
            for k, v in node.items()
        }
    if isinstance(node, CommentedSeq):
        return [_plain(v, (*loc, i), lines, path) for i, v in enumerate(node)]
    if isinstance(node, TaggedScalar):
        raise DossierError(
            "YAML tags (!!…) are not allowed", path, _line(loc, lines), fix="write a plain value"
        )
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int | float):
        return node
    if isinstance(node, dt.date | dt.datetime):
        # An unquoted date is still the text the analyst meant; validation decides.
        return node.isoformat()
    return str(node)


def _line(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for n in range(len(loc), -1, -1):
        if tuple(loc[:n]) in lines:
            return lines[tuple(loc[:n])]
    return None


_MODELS = {"actors": ActorCuration, "issues": IssueCuration, "positions": PositionCuration}


def _allowed_keys(loc: Loc) -> list[str]:
    model = Curation if len(loc) <= 1 else _MODELS.get(str(loc[0]))
    return list(model.model_fields) if model else []


def _explain(err: dict[str, Any], path: str | Path, lines: dict[Loc, int]) -> DossierError:
    """A pydantic error as a message an analyst can act on, at the line of the offending key."""
    loc: Loc = tuple(p for p in err["loc"] if p != "[key]")
    line = _line(loc, lines)
    where = ".".join(str(p) for p in loc) or "top level"
    kind = err["type"]
    fix = None
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(loc[:-1])
        message = f"unknown key '{key}' in {'.'.join(str(p) for p in loc[:-1]) or 'top level'}"
        close = difflib.get_close_matches(key, allowed, n=1)
        fix = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
    elif kind == "missing":
        parent = ".".join(str(p) for p in loc[:-1]) or "top level"
        message = f"{parent}: missing key '{loc[-1]}'"
        fix = f"add '{loc[-1]}:'"
    elif kind == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",")]
        value = err.get("input")
        message = f"{where}: {value!r} is not one of {', '.join(options)}"
        close = difflib.get_close_matches(str(value), options, n=1)
        fix = f"did you mean '{close[0]}'?" if close else None
    else:
        message = f"{where}: {err['msg']}"
        if err.get("input") is not None and not isinstance(err["input"], dict | list):
            message += f" (got {err['input']!r})"
    return DossierError(message, path, line, fix)
