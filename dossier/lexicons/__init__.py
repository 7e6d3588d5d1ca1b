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
