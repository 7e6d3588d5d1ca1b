"""The dossier's title when the caller gives none: the event's most shared name and its dates."""

from __future__ import annotations

from dossier.dates import format_range
from dossier.model.dossier import Actor, Source


def date_range(sources: list[Source]) -> str:
    """ "12 January 2022", "10–12 January 2022" or "30 December 2021 – 12 January 2022"."""
    return format_range((s.published for s in sources if s.published), empty="")


def derive_title(sources: list[Source], actors: list[Actor]) -> str:
    """The name of the event, else its two main parties, with the sources' date range.

    The event is the multi-word organisation or other named thing reported by most sources
    (at least half of them, and two); else "A and B" for the two most reported states/bodies.
    """
    n = len(sources)
    need = max(2, (n + 1) // 2) if n > 1 else 1
    named = [
        a
        for a in actors
        if a.type in ("organization", "other", "group")
        and len(a.name.replace("-", " ").split()) > 1
        and len(a.sources) >= need
    ]
    if named:
        name = min(named, key=lambda a: (-len(a.sources), -a.mentions, a.name)).name
    else:
        parties = sorted(
            (a for a in actors if a.type in ("state", "organization")),
            key=lambda a: (-len(a.sources), -a.mentions, a.name),
        )[:2]
        name = " and ".join(sorted(a.name for a in parties)) if parties else "Briefing"
    when = date_range(sources)
    return f"{name}, {when}" if when else name
