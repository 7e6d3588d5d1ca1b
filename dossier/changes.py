"""Compares the previous build's dossier with this one: what `/changes/` and `report.json` show."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from dossier.model.changes import Change, Changes, Kind
from dossier.model.dossier import Dossier

# For each list in the dossier: its change kind, how a reader recognises an item, and which
# fields count as a change worth reporting (ids are stable, so the same id is the same item).
_TRACKED: dict[str, tuple[Kind, Callable[[Any, dict[str, str]], str], tuple[str, ...]]] = {
    "sources": ("source", lambda s, _: s.title, ("title", "outlet", "published")),
    "actors": ("actor", lambda a, _: a.name, ("name", "type", "affiliation")),
    "issues": ("issue", lambda i, _: i.label, ("label",)),
    "positions": (
        "position",
        lambda p, names: f"{names.get(p.actor, p.actor)} on {p.issue}",
        ("stance",),
    ),
    "demands": (
        "demand",
        lambda d, names: f"{names.get(d.by, d.by)}: {d.text}",
        ("status", "text"),
    ),
    "next_steps": ("next_step", lambda n, _: n.text, ("date", "place")),
    "timeline": ("timeline", lambda t, _: f"{t.date}: {t.text}", ("date",)),
    "quotes": (
        "quote",
        lambda q, names: f"{names.get(q.speaker, q.speaker)}: {q.text}",
        ("speaker",),
    ),
    "discrepancies": ("discrepancy", lambda d, _: f"{d.subject}: {d.field}", ()),
}


def _by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def diff(previous: Dossier | None, current: Dossier) -> Changes:
    """Added, removed and changed items, in schema order then id order (deterministic)."""
    changes = Changes(first_build=previous is None, previous=previous.updated if previous else None)
    previous = previous or Dossier(title=current.title)  # a first build adds everything
    names = {a.id: a.name for a in (*previous.actors, *current.actors)}
    for attr, (kind, label, fields) in _TRACKED.items():
        old, new = _by_id(getattr(previous, attr)), _by_id(getattr(current, attr))
        for item_id in sorted(new.keys() - old.keys()):
            changes.added.append(Change(kind=kind, id=item_id, label=label(new[item_id], names)))
        for item_id in sorted(old.keys() - new.keys()):
            changes.removed.append(Change(kind=kind, id=item_id, label=label(old[item_id], names)))
        for item_id in sorted(old.keys() & new.keys()):
            before, after = old[item_id], new[item_id]
            moved = [
                f"{f}: {getattr(before, f)} → {getattr(after, f)}"
                for f in fields
                if getattr(before, f) != getattr(after, f)
            ]
            added_sources = _source_ids(after) - _source_ids(before)
            if added_sources:
                moved.append("new sources: " + ", ".join(sorted(added_sources)))
            if moved:
                changes.changed.append(
                    Change(
                        kind=kind, id=item_id, label=label(after, names), detail="; ".join(moved)
                    )
                )
    return changes


def _source_ids(item: Any) -> set[str]:
    if hasattr(item, "evidence"):
        return {e.source for e in item.evidence}
    return set(getattr(item, "sources", []) or [])
