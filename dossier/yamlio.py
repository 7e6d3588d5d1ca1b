"""Every YAML read and write: safe loading with limits, deterministic dumping."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from dossier.errors import DossierError

# libyaml's C loader when present (10x faster on front matter), else the pure-Python one;
# both are the safe loader: plain data only, no Python objects.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 40  # PyYAML recurses per level: deep flow nesting is slow, then a RecursionError
MAX_ALIASES = 16  # hand-written files need few; pydantic would expand each one
_BRACKETS = re.compile(r"[\[\]{}]")


def load(
    text: str,
    path: str | Path,
    *,
    max_bytes: int = MAX_YAML_BYTES,
    max_aliases: int = MAX_ALIASES,
    max_depth: int = MAX_DEPTH,
    line_offset: int = 0,
) -> Any:
    """Parse YAML with the safe loader, refusing oversized documents and alias bombs.

    Aliases are counted on the event stream before anything is built, so a "billion
    laughs" document is refused in microseconds instead of being expanded.
    """
    if len(text.encode("utf-8", "replace")) > max_bytes:
        raise DossierError(
            f"YAML is larger than {max_bytes} bytes", path, fix="split it or raise the limit"
        )
    if _flow_depth(text) > max_depth:
        raise DossierError(
            f"YAML nests brackets deeper than {max_depth} levels", path, fix="flatten the structure"
        )
    try:
        aliases = sum(isinstance(ev, yaml.AliasEvent) for ev in yaml.parse(text, Loader=SafeLoader))
        if aliases > max_aliases:
            raise DossierError(
                f"YAML uses {aliases} aliases (limit {max_aliases}); refusing a "
                "possible alias bomb",
                path,
                fix="write the values out",
            )
        return yaml.load(text, Loader=SafeLoader)  # the safe loader, see above
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 + line_offset if exc.problem_mark else None
        raise DossierError(
            f"invalid YAML: {exc.problem}", path, line, fix="fix the syntax"
        ) from None
    except yaml.YAMLError as exc:
        raise DossierError(f"invalid YAML: {exc}", path) from None
    except RecursionError:
        raise DossierError("YAML nests too deeply", path, fix="flatten the structure") from None


def _flow_depth(text: str) -> int:
    """How deep `[`/`{` nest, brackets inside quoted strings included (a cheap estimate)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        depth = depth + 1 if m.group() in "[{" else max(depth - 1, 0)
        deepest = max(deepest, depth)
    return deepest


# libyaml's emitter writes the same bytes as PyYAML's pure-Python one, about four times faster:
# on a warm rebuild of a large dossier, writing dossier.yaml was the largest single cost.
_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliases(_BaseDumper):  # type: ignore[misc,valid-type]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    """Deterministic YAML: keys in model order, Unicode kept, no aliases, stable width."""
    return yaml.dump(
        data,
        Dumper=_NoAliases,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
