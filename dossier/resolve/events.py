"""Next steps (future) and the timeline (past): dated claims merged across outlets."""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.model.analysis import Analysis
from dossier.model.dossier import DiscrepancyValue, Evidence, NextStep, TimelineEvent
from dossier.resolve.actors import ActorTable
from dossier.resolve.cluster import cluster
from dossier.resolve.ids import assign_ids, wording_key
from dossier.resolve.names import norm
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.stats import Stats
from dossier.resolve.text import (
    clean_space,
    content_key,
    content_tokens,
    fold,
    jaccard,
    quote_tokens,
    seq_ratio_at_least,
)

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
JACCARD = 0.4
RATIO = 0.6
SHARED_WORDS = 3
LOOSE_JACCARD = 0.2
SAME_EVENT = 0.6  # content overlap of two items with different dates that may be one event
DAY_WORDS = 2  # words an unplaced item shares with the day's placed items to take their place


@dataclass
class Item:
    tense: str
    date: str | None
    text: str
    toks: list[str]
    place: str | None
    actors: list[str]
    source: str
    sentence: int
    ev: Evidence | None


def _names(text: str, place: str) -> bool:
    """Whether `text` names `place` as whole words."""
    return f" {' '.join(quote_tokens(place))} " in f" {' '.join(quote_tokens(text))} "


def _places_agree(a: Item, b: Item) -> bool:
    """No place, or the same one, or each item's place named in the other's text ("discussed
    security in Europe at a meeting in Brussels" does not contradict "met in Brussels")."""
    if not (a.place and b.place) or norm(a.place) == norm(b.place):
        return True
    return _names(a.text, b.place) or _names(b.text, a.place)


def _similar(a: Item, b: Item) -> bool:
    if a.place and b.place and norm(a.place) == norm(b.place):
        return True
    ca, cb = set(content_tokens(a.toks)), set(content_tokens(b.toks))
    if jaccard(ca, cb) >= JACCARD or seq_ratio_at_least(a.toks, b.toks, RATIO):
        return True
    # Same day, places not at odds, and several words in common (long sentences about one
    # meeting rarely reach the ratio above): one event.
    return _places_agree(a, b) and len(ca & cb) >= SHARED_WORDS and jaccard(ca, cb) >= LOOSE_JACCARD


@dataclass
class Merged:
    tense: str
    date: str | None
    text: str
    place: str | None
    actors: list[str]
    evidence: list[Evidence]
    items: list[Item]

    @property
    def sources(self) -> set[str]:
        return {it.source for it in self.items}


def _items(table: ActorTable, analyses: list[Analysis], stats: Stats) -> list[Item]:
    items = []
    for a in analyses:
        for d in a.dated:
            date = d.date if d.date and _ISO.match(d.date) else None
            if date is None and d.tense == "past":
                stats.dated_invalid += 1
                continue
            actors = sorted({x for k in d.actors if (x := table.actor_of(a.source, k))})
            items.append(
                Item(
                    d.tense,
                    date,
                    clean_space(d.text),
                    quote_tokens(d.text),
                    clean_space(d.place) if d.place else None,
                    actors,
                    a.source,
                    d.sentence,
                    evidence(a, d.sentence),
                )
            )
    items.sort(key=lambda it: (it.source, it.sentence, it.text))
    _one_spelling(items)
    _place_of_the_day(items)
    return items


# letters written out where a keyboard lacks the letter ("Aarhus" for Århus, "Koeln"
# for Köln), folded like the letter itself folds
_WRITTEN_OUT = re.compile(r"(?<=[aou])e|(?<=a)a")


def _place_key(place: str) -> str:
    """Comparison key of a place name: spellings with and without diacritics agree ("Malmö",
    "Malmo"; "Århus", "Aarhus"; "Göttingen", "Goettingen")."""
    return _WRITTEN_OUT.sub("", norm(fold(place)))


def _one_spelling(items: list[Item]) -> None:
    """Spellings of one place across the outlets become one: the form with its diacritics if
    any outlet writes them (readers see the place's own name), else the commonest."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for it in items:
        if it.place:
            forms[_place_key(it.place)][it.place] += 1
    best = {
        k: min(c, key=lambda p: (p.isascii(), -c[p], p)) for k, c in forms.items() if len(c) > 1
    }
    for it in items:
        if it.place and (form := best.get(_place_key(it.place))):
            it.place = form


# words of a date, which every item on that day shares whatever it is about
_DATE_WORDS = frozenset(
    w.lower() for w in (*calendar.day_name, *calendar.month_name[1:], "late", "night", "morning")
)


def _place_of_the_day(items: list[Item]) -> None:
    """An unplaced past item on a day whose placed items all name one place, and that shares
    words with them, happened there ("X dismissed the offer at the session on Monday" beside
    "the session in Lima on Monday"): it takes that place, and so merges with them."""
    by_day: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        if it.tense == "past" and it.date and len(it.date) == 10:
            by_day[it.date].append(it)
    for day in by_day.values():
        placed = [it for it in day if it.place]
        if len({norm(it.place or "") for it in placed}) != 1:
            continue
        words = {t for it in placed for t in content_tokens(it.toks)} - _DATE_WORDS
        for it in day:
            if it.place is None and len(set(content_tokens(it.toks)) & words) >= DAY_WORDS:
                it.place = placed[0].place


def _merge(group: list[Item]) -> Merged:
    places = Counter(it.place for it in group if it.place)
    place = min(places, key=lambda p: (-places[p], p)) if places else None
    # the headline agrees with the Where column: taken from an item placed there, if any
    texts: dict[str, set[str]] = defaultdict(set)
    for it in group:
        if place is None or it.place == place or not any(x.place == place for x in group):
            texts[it.text].add(it.source)
    # ... and, among those, one that names the place itself: the announcement ("host the
    # talks in Lima"), not a sentence leaning on it ("X is expected to attend")
    text = min(texts, key=lambda t: (-len(texts[t]), not (place and _names(t, place)), -len(t), t))
    return Merged(
        group[0].tense,
        group[0].date,
        text,
        place,
        sorted({x for it in group for x in it.actors}),
        merge_evidence([it.ev for it in group]),
        group,
    )


def merge_dated(table: ActorTable, analyses: list[Analysis], stats: Stats) -> list[Merged]:
    items = _items(table, analyses, stats)

    def tokens(it: Item) -> list[str]:
        # The place is a token too: two items on one day in one place are compared (and so
        # merged, see _similar) even when their words differ ("X will host the talks in
        # Lima in June" / "Y is expected to attend").
        place = [f"\0place:{norm(it.place)}"] if it.place else []
        return content_tokens(it.toks) + place

    groups = cluster(items, lambda it: (it.tense, it.date or ""), tokens, _similar)
    return _restated(_merge(g) for g in groups)


RESTATED = 0.75  # share of a dated step's words an undated sentence must hold to restate it
# words of any date ("in the new year", "next month"), which say nothing of what is due
_PERIOD_WORDS = frozenset({"new", "next", "year", "month", "week", "day", "end", "early"})


def _restated(merged: Iterable[Merged]) -> list[Merged]:
    """An undated next step whose sentence holds most words of a dated one ("X and Y will send
    divers to map the reef, the sides agreed" beside "divers from both countries will map
    the reef jointly from next spring") is that step without its date: its
    evidence joins the dated step's, and it is no step of its own."""
    out = list(merged)
    # the words of each dated step's own items, taken before any undated item joins one
    dated = [
        (m, [set(content_tokens(it.toks)) - _DATE_WORDS - _PERIOD_WORDS for it in m.items])
        for m in out
        if m.tense == "future" and m.date
    ]
    keep = []
    for m in out:
        into = _dated_step_of(m, dated) if m.tense == "future" and not m.date else None
        if into is None:
            keep.append(m)
            continue
        into.items.extend(m.items)
        into.evidence = merge_evidence([*into.evidence, *m.evidence])
        into.actors = sorted({*into.actors, *m.actors})
    return keep


def _dated_step_of(undated: Merged, dated: list[tuple[Merged, list[set[str]]]]) -> Merged | None:
    """The dated step whose words `undated`'s sentences hold best, if they hold enough."""
    said = {t for ev in undated.evidence for t in content_tokens(quote_tokens(ev.text))}
    best: tuple[float, Merged] | None = None
    for m, item_words in dated:
        for words in item_words:
            held = len(words & said)
            if held < SHARED_WORDS:
                continue
            if held / len(words) >= RESTATED and (best is None or held / len(words) > best[0]):
                best = (held / len(words), m)
    return best[1] if best else None


def _key(m: Merged) -> str:
    return wording_key(m.text, sorted({it.text for it in m.items}))


def next_steps(merged: list[Merged]) -> list[NextStep]:
    future = [m for m in merged if m.tense == "future"]
    ids = assign_ids(
        [f"{m.date or 'undated'} {_key(m)}" for m in future],
        [content_key(m.text, 40) for m in future],
        fallback="step",
    )
    out = [
        NextStep(
            id=i, text=m.text, date=m.date, place=m.place, actors=m.actors, evidence=m.evidence
        )
        for i, m in zip(ids, future, strict=True)
    ]
    return sorted(out, key=lambda s: (s.date or "9999", s.id))


def timeline(merged: list[Merged]) -> list[TimelineEvent]:
    past = [m for m in merged if m.tense == "past" and m.date]
    ids = assign_ids(
        [f"{m.date} {_key(m)}" for m in past],
        [content_key(m.text, 40) for m in past],
        fallback="event",
    )
    out = [
        TimelineEvent(
            id=i,
            date=m.date or "",
            text=m.text,
            place=m.place,
            actors=m.actors,
            evidence=m.evidence,
        )
        for i, m in zip(ids, past, strict=True)
    ]
    return sorted(out, key=lambda e: (e.date, e.id))


def date_conflicts(merged: list[Merged]) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Events that sources date differently: same place, same month, alike words, no shared source.

    Returns (subject text, values) pairs; a source that gives both dates means two events.
    """
    dated = [m for m in merged if m.date and len(m.date) == 10 and m.place]

    def alike(a: Merged, b: Merged) -> bool:
        ta = set(content_tokens([t for it in a.items for t in it.toks]))
        tb = set(content_tokens([t for it in b.items for t in it.toks]))
        return not (a.sources & b.sources) and jaccard(ta, tb) >= SAME_EVENT

    groups = cluster(
        dated,
        lambda m: (m.tense, norm(m.place or ""), (m.date or "")[:7]),
        lambda m: content_tokens([t for it in m.items for t in it.toks]),
        alike,
    )
    out = []
    for group in groups:
        if len({m.date for m in group}) < 2:
            continue
        values = [
            DiscrepancyValue(value=m.date or "", sources=sorted(m.sources), evidence=m.evidence)
            for m in sorted(group, key=lambda m: m.date or "")
        ]
        subject = max(group, key=lambda m: (len(m.sources), m.text)).text
        out.append((subject, values))
    return out
