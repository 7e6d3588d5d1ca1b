"""Read-only lookups over a Dossier for the templates: by id, per actor, highlights; always sorted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

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

HIGHLIGHTS = 8  # items of each kind on the briefing page; the full lists have their own pages
RELATED = 12  # co-occurring actors listed on an actor page


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


def _date_key(date: str | None) -> tuple[int, str]:
    return (1, "") if date is None else (0, date)


class View:
    """Indexes a Dossier once; every list it returns has a deterministic order."""

    def __init__(self, dossier: Dossier) -> None:
        self.d = dossier
        self.actors = {a.id: a for a in dossier.actors}
        self.sources = {s.id: s for s in dossier.sources}
        self.issues = {i.id: i for i in dossier.issues}

    def actor_view(self, actor: Actor) -> ActorView:
        d, aid = self.d, actor.id
        demands_made = [x for x in d.demands if x.by == aid]
        demands_received = [x for x in d.demands if aid in x.of]
        view = ActorView(
            actor=actor,
            affiliation=self.actors.get(actor.affiliation) if actor.affiliation else None,
            members=sorted(
                (a for a in d.actors if a.affiliation == aid), key=lambda a: (a.name, a.id)
            ),
            positions=[p for p in d.positions if p.actor == aid],
            demands_made=demands_made,
            demands_received=demands_received,
            quotes=[q for q in d.quotes if q.speaker == aid],
            next_steps=self.next_steps([x for x in d.next_steps if aid in x.actors]),
            timeline=self.timeline([x for x in d.timeline if aid in x.actors]),
            sources=[self.sources[s] for s in sorted(set(actor.sources)) if s in self.sources],
        )
        view.related = self._related(actor, view)
        return view

    def _related(self, actor: Actor, view: ActorView) -> list[tuple[Actor, str]]:
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
        # Then the actors that share the most sources with this one.
        mine = set(actor.sources)
        shared = Counter(
            {a.id: len(mine & set(a.sources)) for a in self.d.actors if a.id != actor.id}
        )
        added = 0
        for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0])):
            if n == 0 or added >= RELATED:
                break
            if other not in why:
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
        rows = [a for a in self.d.actors if any(k[0] == a.id for k in cells)]
        cols = [i for i in self.d.issues if any(k[1] == i.id for k in cells)]
        return rows, cols, cells

    def orphan_positions(self) -> list[Position]:
        """Positions whose actor or issue is not in the dossier: still shown, never dropped."""
        return [
            p for p in self.d.positions if p.actor not in self.actors or p.issue not in self.issues
        ]

    @staticmethod
    def next_steps(items: list[NextStep]) -> list[NextStep]:
        return sorted(items, key=lambda x: (_date_key(x.date), x.id))

    @staticmethod
    def timeline(items: list[TimelineEvent]) -> list[TimelineEvent]:
        return sorted(items, key=lambda x: (x.date, x.id))

    def timeline_highlights(self) -> list[TimelineEvent]:
        """The best-corroborated events (newest first on ties), shown in date order."""
        best = sorted(
            self.d.timeline, key=lambda x: (-count_sources(x.evidence), _neg(x.date), x.id)
        )[:HIGHLIGHTS]
        return self.timeline(best)

    def demand_highlights(self) -> list[Demand]:
        order = {"open": 0, "rejected": 1, "accepted": 2, "unknown": 3}
        return sorted(
            self.d.demands, key=lambda x: (order[x.status], -count_sources(x.evidence), x.id)
        )[:HIGHLIGHTS]

    def next_step_highlights(self) -> list[NextStep]:
        return self.next_steps(self.d.next_steps)[:HIGHLIGHTS]

    def demands_by_status(self) -> list[tuple[str, list[Demand]]]:
        groups = [
            ("open", "Open"),
            ("rejected", "Rejected"),
            ("accepted", "Accepted"),
            ("unknown", "Status unknown"),
        ]
        out = []
        for status, title in groups:
            items = [x for x in self.d.demands if x.status == status]
            if items:
                out.append((title, items))
        return out

    def source_actors(self, source: Source) -> list[Actor]:
        return sorted(
            (a for a in self.d.actors if source.id in a.sources), key=lambda a: (a.name, a.id)
        )


def _neg(date: str) -> str:
    """Sort key putting later ISO dates first (digits complemented)."""
    return date.translate(str.maketrans("0123456789", "9876543210"))
