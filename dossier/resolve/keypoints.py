"""Key points for the briefing's home page: the most corroborated extracted items, condensed."""

from __future__ import annotations

from dossier.model.dossier import (
    Actor,
    Demand,
    Evidence,
    KeyPoint,
    NextStep,
    Position,
    Quote,
    TimelineEvent,
)

MAX_POINTS = 7


def _n_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


def _names(ids: list[str], actors: dict[str, Actor]) -> str:
    names = [actors[i].name for i in ids if i in actors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _when(date: str | None, place: str | None) -> str:
    parts = [p for p in (f"in {place}" if place else "", f"on {date}" if date else "") if p]
    return f" ({', '.join(parts)})" if parts else ""


def key_points(
    actors: list[Actor],
    positions: list[Position],
    demands: list[Demand],
    next_steps: list[NextStep],
    timeline: list[TimelineEvent],
    quotes: list[Quote],
) -> list[KeyPoint]:
    """Up to seven points, each restating one extracted item and carrying its evidence.

    Candidates are ranked by how many sources corroborate them; kinds are interleaved so the
    page covers what happened, who wants what and what comes next.
    """
    by_id = {a.id: a for a in actors}
    ranked: list[list[tuple[int, str, str, list[Evidence]]]] = []

    steps = sorted(next_steps, key=lambda s: (-_n_sources(s.evidence), s.date or "9999", s.id))
    ranked.append(
        [
            (
                _n_sources(s.evidence),
                f"kp-{s.id}",
                f"Next: {s.text}{_when(s.date, s.place)}.",
                s.evidence,
            )
            for i, s in enumerate(steps[:2])
            if i == 0 or _n_sources(s.evidence) > 1
        ]
    )

    rejected = [d for d in demands if d.status == "rejected"]
    rejected.sort(key=lambda d: (-_n_sources(d.evidence), d.id))
    ranked.append(
        [
            (
                _n_sources(d.evidence),
                f"kp-{d.id}",
                f"{by_id[d.by].name if d.by in by_id else d.by} demanded"
                f"{' of ' + _names(d.of, by_id) if d.of else ''}: {d.text} (rejected).",
                d.evidence,
            )
            for d in rejected[:2]
        ]
    )

    body_positions = [
        p
        for p in positions
        if p.stance != "neutral"
        and p.confidence == "high"
        and by_id.get(p.actor)
        and by_id[p.actor].type != "person"
    ]
    body_positions.sort(key=lambda p: (-_n_sources(p.evidence), -len(p.evidence), p.id))
    ranked.append(
        [(_n_sources(p.evidence), f"kp-{p.id}", p.summary, p.evidence) for p in body_positions[:3]]
    )

    events = sorted(timeline, key=lambda e: (-_n_sources(e.evidence), e.date, e.id))
    ranked.append(
        [
            (
                _n_sources(e.evidence),
                f"kp-{e.id}",
                f"{e.date}: {e.text}{_when(None, e.place)}.",
                e.evidence,
            )
            for e in events[:1]
        ]
    )

    multi = [q for q in quotes if _n_sources(q.evidence) > 1]
    multi.sort(key=lambda q: (-_n_sources(q.evidence), q.id))
    ranked.append(
        [
            (
                _n_sources(q.evidence),
                f"kp-{q.id}",
                f"{by_id[q.speaker].name if q.speaker in by_id else q.speaker}: “{q.text}”",
                q.evidence,
            )
            for q in multi[:1]
        ]
    )

    # Round-robin over kinds, best first within each, so no kind crowds out the others.
    points: list[KeyPoint] = []
    seen: set[str] = set()
    depth = max((len(r) for r in ranked), default=0)
    for level in range(depth):
        tier = [r[level] for r in ranked if len(r) > level]
        for _, pid, text, ev in sorted(tier, key=lambda t: -t[0]):
            if pid not in seen and len(points) < MAX_POINTS:
                seen.add(pid)
                points.append(KeyPoint(id=pid, text=text, evidence=ev))
    return points
