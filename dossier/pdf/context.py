"""The print view of a Dossier: dates, footnotes, tables and matrix chunks, as plain data for the template."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from dossier.dates import format_date, format_range
from dossier.errors import DossierError
from dossier.model.dossier import Actor, Dossier, Evidence, Issue, KeyPoint, Position, Source

STANCE_LABEL = {"support": "Supports", "oppose": "Opposes", "mixed": "Mixed", "neutral": "Neutral"}
# A footnote quotes one sentence; a scraped 2 MB "sentence" must not swallow the page.
MAX_QUOTE = 320
MAX_LABEL = 60
# "Key points: one page at most." Eight points, or fewer when they are long: with their
# footnotes, about this many characters of point text fill an A4 or Letter page.
MAX_KEY_POINTS = 8
KEY_POINTS_BUDGET = 1400
# Widest matrix a landscape page keeps legible: the actor column plus this many issues.
MAX_MATRIX_COLUMNS = 6
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPACE = re.compile(r"\s+")


def html_id(prefix: str, item_id: str) -> str:
    """An HTML id that is always a valid link target, whatever the data's id holds."""
    return f"{prefix}-" + re.sub(r"[^A-Za-z0-9_-]", "_", item_id)


@dataclass(frozen=True)
class BuildStamp:
    """The build date shown on the cover and written as the PDF's creation date."""

    date: str | None  # ISO day
    w3c: str | None  # for <meta name=dcterms.created>
    origin: str  # where it came from, for the colophon


def build_stamp(
    dossier: Dossier, explicit: str | None = None, env: Mapping[str, str] | None = None
) -> BuildStamp:
    """Explicit date, else SOURCE_DATE_EPOCH, else the newest source, else `updated`: never the clock."""
    env = os.environ if env is None else env
    if explicit:
        if not _ISO_DAY.match(explicit):
            raise DossierError(
                f"build date {explicit!r} is not YYYY-MM-DD",
                fix="pass an ISO day such as 2022-01-12",
            )
        return BuildStamp(explicit, f"{explicit}T00:00:00Z", "given")
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise DossierError(
                f"SOURCE_DATE_EPOCH={epoch[:40]!r} is not a Unix timestamp",
                fix="set it to whole seconds since 1970, e.g. 1641945600",
            ) from None
        return BuildStamp(
            moment.date().isoformat(), moment.strftime("%Y-%m-%dT%H:%M:%SZ"), "SOURCE_DATE_EPOCH"
        )
    newest = max((s.published for s in dossier.sources if s.published), default=None)
    day = newest or dossier.updated
    if day:
        return BuildStamp(day, f"{day}T00:00:00Z", "newest source")
    return BuildStamp(None, None, "none")


def _clean(text: str, limit: int) -> str:
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:") + "…"


@dataclass(frozen=True)
class Note:
    """One footnote: the first source quoted, the others that corroborate it named."""

    outlet: str
    date: str
    quote: str
    target: str  # html id of the source's entry in the Sources list
    also: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatrixChunk:
    first: int  # 1-based number of its first issue, for "issues 6–10 of 14"
    issues: tuple[Issue, ...]
    rows: tuple[tuple[Actor, tuple[Position | None, ...]], ...]


@dataclass
class PrintView:
    """Everything the print template reads. Built once, pure, from the Dossier."""

    dossier: Dossier
    stamp: BuildStamp
    paper: str
    date_range: str
    outlets: list[str]
    unnamed: int  # sources with no outlet
    key_points: list[KeyPoint] = field(default_factory=list)
    key_points_left: int = 0
    actors: dict[str, Actor] = field(default_factory=dict)
    ordered_actors: list[Actor] = field(default_factory=list)
    issues: dict[str, Issue] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    stance_summary: dict[str, list[tuple[str, list[Issue]]]] = field(default_factory=dict)
    matrix: list[MatrixChunk] = field(default_factory=list)
    positions_by_issue: list[tuple[Issue, list[Position]]] = field(default_factory=list)
    next_steps: list = field(default_factory=list)
    timeline: list = field(default_factory=list)
    _sources_by_id: dict[str, Source] = field(default_factory=dict)

    def source_label(self, source_id: str) -> str:
        source = self._sources_by_id.get(source_id)
        if source is None:
            return source_id
        # Without an outlet, the article's title names it; cut short, it is a label, not a quote.
        return source.outlet or _clean(source.title, MAX_LABEL) or source.id

    def source_labels(self, source_ids: list[str]) -> str:
        return ", ".join(self.source_label(s) for s in source_ids)

    def note(self, evidence: list[Evidence]) -> Note | None:
        """The footnote for a claim, or None when nothing supports it (the template says so)."""
        if not evidence:
            return None
        first = evidence[0]
        source = self._sources_by_id.get(first.source)
        also: list[str] = []
        for item in evidence[1:]:
            label = self.source_label(item.source)
            if item.source != first.source and label not in also:
                also.append(label)
        return Note(
            outlet=self.source_label(first.source),
            date=format_date(source.published) if source else "undated",
            quote=_clean(first.text, MAX_QUOTE),
            target=html_id("src", first.source),
            also=tuple(also),
        )

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id


def _chunks(items: list, width: int) -> list[list]:
    """Split into the fewest chunks of at most `width`, as even as possible (5+5+4, not 6+6+2)."""
    if not items:
        return []
    count = math.ceil(len(items) / width)
    size = math.ceil(len(items) / count)
    return [items[i : i + size] for i in range(0, len(items), size)]


def fit_key_points(points: list[KeyPoint]) -> list[KeyPoint]:
    """The leading key points that fit one page; always at least the first."""
    kept: list[KeyPoint] = []
    used = 0
    for point in points[:MAX_KEY_POINTS]:
        used += len(point.text)
        if kept and used > KEY_POINTS_BUDGET:
            break
        kept.append(point)
    return kept


def _date_key(date: str | None) -> str:
    # Undated items go last; partial dates sort before full days of the same month, as they should.
    return date or "9999"


def build_view(
    dossier: Dossier,
    paper: str = "A4",
    build_date: str | None = None,
    env: Mapping[str, str] | None = None,
) -> PrintView:
    """Turn the Dossier into the print view. Pure apart from reading SOURCE_DATE_EPOCH."""
    actors = {a.id: a for a in dossier.actors}
    issues = {i.id: i for i in dossier.issues}
    sources_by_id = {s.id: s for s in dossier.sources}
    outlets: list[str] = []
    for source in dossier.sources:
        if source.outlet and source.outlet not in outlets:
            outlets.append(source.outlet)

    cells: dict[tuple[str, str], Position] = {}
    for position in dossier.positions:
        cells.setdefault((position.actor, position.issue), position)

    stance_summary: dict[str, list[tuple[str, list[Issue]]]] = {}
    for actor in dossier.actors:
        groups: list[tuple[str, list[Issue]]] = []
        for stance, label in STANCE_LABEL.items():
            found = [
                issue
                for issue in dossier.issues
                if (p := cells.get((actor.id, issue.id))) and p.stance == stance
            ]
            if found:
                groups.append((label, found))
        stance_summary[actor.id] = groups

    # Principal actors first: the most mentioned lead the table and the matrix.
    ordered = sorted(dossier.actors, key=lambda a: (-a.mentions, a.name.casefold(), a.id))
    matrix_actors = [a for a in ordered if any((a.id, i.id) in cells for i in dossier.issues)]
    matrix, first = [], 1
    for chunk in _chunks(list(dossier.issues), MAX_MATRIX_COLUMNS):
        rows = tuple((a, tuple(cells.get((a.id, i.id)) for i in chunk)) for a in matrix_actors)
        matrix.append(MatrixChunk(first=first, issues=tuple(chunk), rows=rows))
        first += len(chunk)
    actor_order = {a.id: n for n, a in enumerate(ordered)}
    positions_by_issue = []
    for issue in dossier.issues:
        held = [p for p in dossier.positions if p.issue == issue.id]
        held.sort(key=lambda p: actor_order.get(p.actor, len(actor_order)))
        if held:
            positions_by_issue.append((issue, held))

    key_points = fit_key_points(dossier.key_points)
    return PrintView(
        dossier=dossier,
        stamp=build_stamp(dossier, build_date, env),
        paper=paper,
        date_range=format_range([s.published for s in dossier.sources if s.published]),
        outlets=outlets,
        unnamed=sum(1 for s in dossier.sources if not s.outlet),
        key_points=key_points,
        key_points_left=len(dossier.key_points) - len(key_points),
        actors=actors,
        ordered_actors=ordered,
        issues=issues,
        sources=sorted(dossier.sources, key=lambda s: (_date_key(s.published), s.title, s.id)),
        stance_summary=stance_summary,
        matrix=matrix,
        positions_by_issue=positions_by_issue,
        next_steps=sorted(dossier.next_steps, key=lambda n: _date_key(n.date)),
        timeline=sorted(dossier.timeline, key=lambda t: _date_key(t.date)),
        _sources_by_id=sources_by_id,
    )
