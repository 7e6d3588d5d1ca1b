"""What changed between the previous build's dossier and this one: the data of `/changes/`."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Kind = Literal[
    "source",
    "actor",
    "issue",
    "position",
    "demand",
    "next_step",
    "timeline",
    "quote",
    "discrepancy",
]


class Change(BaseModel):
    kind: Kind
    id: str
    label: str  # what a reader recognises: a name, a demand's text, "Actor on Issue"
    detail: str = ""  # for "changed": what changed, e.g. "stance: support → oppose"


class Changes(BaseModel):
    first_build: bool = False  # no previous build: everything is in `added`
    previous: str | None = None  # `updated` of the previous dossier (None if it had no dates)
    added: list[Change] = []
    removed: list[Change] = []
    changed: list[Change] = []
