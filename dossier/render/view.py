"""Read-only lookups over a Dossier for the templates: by id, per actor, highlights; always sorted."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from dossier.model.dossier import (
    Actor,
    Demand,
    Dossier,
    Issue,
    NextStep,
    Position,
    Quote,
    Source,
    TimelineEvent,
)
from dossier.render.footnotes import count_sources

K = TypeVar("K")
T = TypeVar("T")

HIGHLIGHTS = 8  # items of each kind on the briefing page; the full lists have their own pages
RELATED = 12  # actors sharing sources listed on an actor page, besides the direct relations
_STATUS_ORDER = {"open": 0, "rejected": 1, "accepted": 2, "unknown": 3}
_STATUS_TITLES = {
    "open": "Open",
    "rejected": "Rejected",
    "accepted": "Accepted",
    "unknown": "Status unknown",
}


@dataclass
class ActorView:
    """Everything an actor page shows."""

    actor: Actor
    affiliation: Actor | None
    members: list[Actor]
    positions: list[Position]
    demands_made: list[Demand]
    demands_received: list[Demand]
    quotes: list[Quote]
    next_steps: list[NextStep]
    timeline: list[TimelineEvent]
    sources: list[Source]
    related: list[tuple[Actor, str]] = field(default_factory=list)  # (actor, why)


class View:
    """Indexes a Dossier once; every list it returns has a deterministic order.

    The per-actor indexes keep rendering linear in the size of the dossier: an actor page
    never scans every item of the dossier.
    """

    def __init__(self, dossier: Dossier) -> None:
        self.d = dossier
        self.actors = {a.id: a for a in dossier.actors}
        self.sources = {s.id: s for s in dossier.sources}
        self.issues = {i.id: i for i in dossier.issues}
        self._members = _group((a.affiliation, a) for a in dossier.actors)
        self._positions = _group((p.actor, p) for p in dossier.positions)
        self._made = _group((x.by, x) for x in dossier.demands)
        self._received = _group((a, x) for x in dossier.demands for a in dict.fromkeys(x.of))
        self._quotes = _group((q.speaker, q) for q in dossier.quotes)
        self._steps = _group((a, x) for x in dossier.next_steps for a in dict.fromkeys(x.actors))
        self._events = _group((a, x) for x in dossier.timeline for a in dict.fromkeys(x.actors))
        self._by_source = _group(
            (s, a.id) for a in dossier.actors for s in dict.fromkeys(a.sources)
        )
        # Ids of every item per kind (the kinds of `Change`), for links from /changes/.
        self.item_ids = {
            "issue": set(self.issues),
            "position": {x.id for x in dossier.positions},
            "demand": {x.id for x in dossier.demands},
            "next_step": {x.id for x in dossier.next_steps},
            "timeline": {x.id for x in dossier.timeline},
            "discrepancy": {x.id for x in dossier.discrepancies},
        }
        self.quote_speakers = {q.id: q.speaker for q in dossier.quotes}

    def actor_view(self, actor: Actor) -> ActorView:
        aid = actor.id
        view = ActorView(
            actor=actor,
            affiliation=self.actors.get(actor.affiliation) if actor.affiliation else None,
            members=sorted(self._members.get(aid, []), key=lambda a: (a.name, a.id)),
            positions=self._positions.get(aid, []),
            demands_made=self._made.get(aid, []),
            demands_received=self._received.get(aid, []),
            quotes=self._quotes.get(aid, []),
            next_steps=self.next_steps(self._steps.get(aid, [])),
            timeline=self.timeline(self._events.get(aid, [])),
            sources=[self.sources[s] for s in sorted(set(actor.sources)) if s in self.sources],
        )
        view.related = self._related(actor, view)
        return view

    def _related(self, actor: Actor, view: ActorView) -> list[tuple[Actor, str]]:
        """Direct relations first (affiliation, members, demand counterparts), then co-mentions."""
        why: dict[str, str] = {}
        if view.affiliation:
            why[view.affiliation.id] = "affiliation"
        for member in view.members:
            why.setdefault(member.id, "member")
        for dem in view.demands_made:
            for other in dem.of:
                why.setdefault(other, "asked by them")
        for dem in view.demands_received:
            why.setdefault(dem.by, "asks of them")
        shared = Counter(other for s in set(actor.sources) for other in self._by_source.get(s, []))
        added = 0
        for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            if added >= RELATED:
                break
            if other != actor.id and other not in why:
                why[other] = f"{n} shared source{'s' if n > 1 else ''}"
                added += 1
        why.pop(actor.id, None)
        return [(self.actors[i], w) for i, w in why.items() if i in self.actors]

    def positions_matrix(
        self,
    ) -> tuple[list[Actor], list[Issue], dict[tuple[str, str], list[Position]]]:
        """Rows (actors with a position), columns (issues with a position) and the cells."""
        cells: dict[tuple[str, str], list[Position]] = {}
        for p in self.d.positions:
            cells.setdefault((p.actor, p.issue), []).append(p)
        row_ids = {actor for actor, _ in cells}
        col_ids = {issue for _, issue in cells}
        rows = [a for a in self.d.actors if a.id in row_ids]
        cols = [i for i in self.d.issues if i.id in col_ids]
        return rows, cols, cells

    def orphan_positions(self) -> list[Position]:
        """Positions whose actor or issue is not in the dossier: still shown, never dropped."""
        return [
            p for p in self.d.positions if p.actor not in self.actors or p.issue not in self.issues
        ]

    @staticmethod
    def next_steps(items: list[NextStep]) -> list[NextStep]:
        """By date, undated last."""
        return sorted(items, key=lambda x: (x.date is None, x.date or "", x.id))

    @staticmethod
    def timeline(items: list[TimelineEvent]) -> list[TimelineEvent]:
        return sorted(items, key=lambda x: (x.date, x.id))

    def timeline_highlights(self) -> list[TimelineEvent]:
        """The best-corroborated events (newest first on ties), shown in date order."""
        best = sorted(
            self.d.timeline, key=lambda x: (-count_sources(x.evidence), _newest_first(x.date), x.id)
        )
        return self.timeline(best[:HIGHLIGHTS])

    def demand_highlights(self) -> list[Demand]:
        """Open demands first, then the best corroborated."""
        return sorted(
            self.d.demands,
            key=lambda x: (_STATUS_ORDER.get(x.status, 9), -count_sources(x.evidence), x.id),
        )[:HIGHLIGHTS]

    def next_step_highlights(self) -> list[NextStep]:
        return self.next_steps(self.d.next_steps)[:HIGHLIGHTS]

    def demands_by_status(self) -> list[tuple[str, list[Demand]]]:
        groups = _group((x.status, x) for x in self.d.demands)
        return [(title, groups[s]) for s, title in _STATUS_TITLES.items() if s in groups]

    def source_actors(self, source: Source) -> list[Actor]:
        actors = (self.actors[a] for a in self._by_source.get(source.id, []))
        return sorted(actors, key=lambda a: (a.name, a.id))


def _group(pairs: Iterable[tuple[K, T]]) -> dict[K, list[T]]:
    """Items grouped by key, each group in input order."""
    groups: dict[K, list[T]] = {}
    for key, item in pairs:
        groups.setdefault(key, []).append(item)
    return groups


def _newest_first(date: str) -> str:
    """Sort key putting later ISO dates first (digits complemented)."""
    return date.translate(str.maketrans("0123456789", "9876543210"))
