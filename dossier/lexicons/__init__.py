"""Loads the general language data (titles, verbs, cues, furniture, capitals) shipped as YAML files.

The lexicons are data reviewed like code: each file says what it is for, and no file may
name anything specific to one event.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load(name: str) -> Any:
    """The parsed contents of `dossier/lexicons/<name>.yaml` (cached; treat as read-only)."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def generic_head_roles() -> dict[str, frozenset[str]]:
    """A generic head of a title reference ("envoy") -> the role words it may stand for
    ("ambassador", ...), from titles.yaml; shared by analyse and resolve."""
    table = load("titles").get("generic_head_roles") or {}
    return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in table.items()}
