"""Lookups over an Analysis for readable assertions."""

from __future__ import annotations

from dossier.model.analysis import Analysis, LocalEntity


def entity(a: Analysis, name: str) -> LocalEntity:
    """The entity whose name or a surface is `name` (exactly one)."""
    found = [e for e in a.entities if e.name == name or name in e.surfaces]
    assert len(found) == 1, f"{name!r}: {[(e.name, e.surfaces) for e in found]}"
    return found[0]


def names(a: Analysis) -> set[str]:
    return {e.name for e in a.entities}


def quote(a: Analysis, fragment: str, kind: str | None = None):
    found = [q for q in a.quotes if fragment in q.text and (kind is None or q.kind == kind)]
    assert found, f"no quote with {fragment!r}"
    return found[0]


def speaker_name(a: Analysis, key: str | None) -> str | None:
    return next((e.name for e in a.entities if e.key == key), None)
