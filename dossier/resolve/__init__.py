"""Stage 3, resolve: all `Analysis`es together into one `Dossier` (actors, issues, positions, ...).

Contract: `resolve(sources, analyses, title=None) -> Dossier`, pure and deterministic.
Ids are slugs of stable names, so adding an article keeps existing ids. Every step is
near-linear in the number of mentions: blocking keys and inverted indexes, never all pairs.
`source_from(article, analysis)` builds the `Source` (with its anchored sentences) that
`resolve` expects; `resolve_with_stats` also returns what was set aside, for the build report.
"""

from __future__ import annotations

import logging

from dossier.model.analysis import Analysis
from dossier.model.dossier import Dossier, Source
from dossier.resolve import discrepancies, events
from dossier.resolve.actors import ActorTable
from dossier.resolve.contested import speaking_party
from dossier.resolve.demands import resolve_demands
from dossier.resolve.heading import derive_title
from dossier.resolve.issues import derive_issues
from dossier.resolve.keypoints import key_points
from dossier.resolve.positions import resolve_positions
from dossier.resolve.quotes import resolve_quotes
from dossier.resolve.sources import source_from
from dossier.resolve.stats import Stats

__all__ = ["Stats", "resolve", "resolve_with_stats", "source_from"]

log = logging.getLogger(__name__)


def resolve_with_stats(
    sources: list[Source], analyses: list[Analysis], title: str | None = None
) -> tuple[Dossier, Stats]:
    """The dossier, and counts of claims resolve could not use (e.g. quotes with no speaker)."""
    stats = Stats()
    known = {s.id for s in sources}
    # Input order never matters: everything below walks sources and claims in id order.
    analyses = sorted((a for a in analyses if a.source in known), key=lambda a: a.source)
    sources = sorted(sources, key=lambda s: s.id)

    table = ActorTable(analyses)
    issue_set = derive_issues(analyses, party=speaking_party(table))
    positions = resolve_positions(table, analyses, issue_set, len(sources))
    demands = resolve_demands(table, analyses, stats)
    quotes = resolve_quotes(table, analyses, stats)
    merged = events.merge_dated(table, analyses, stats)
    next_steps, timeline = events.next_steps(merged), events.timeline(merged)
    found = discrepancies.build(
        discrepancies.title_conflicts(table),
        discrepancies.figure_conflicts(analyses),
        events.date_conflicts(merged),
        discrepancies.money_conflicts(analyses),
    )
    published = [s.published for s in sources if s.published]
    dossier = Dossier(
        title=title or derive_title(sources, table.actors),
        updated=max(published) if published else None,
        key_points=key_points(table.actors, positions, demands, next_steps, timeline, quotes),
        sources=sources,
        actors=table.actors,
        issues=issue_set.issues,
        positions=positions,
        demands=demands,
        next_steps=next_steps,
        timeline=timeline,
        quotes=quotes,
        discrepancies=found,
    )
    if any(stats.as_dict().values()):
        log.info(
            "resolve set aside: %s", ", ".join(f"{k}={v}" for k, v in stats.as_dict().items() if v)
        )
    return dossier, stats


def resolve(sources: list[Source], analyses: list[Analysis], title: str | None = None) -> Dossier:
    """One `Dossier` from every source and its analysis; pure and deterministic."""
    return resolve_with_stats(sources, analyses, title)[0]
