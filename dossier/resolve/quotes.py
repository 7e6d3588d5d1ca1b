"""Quotes: the same words printed by several outlets become one quote with evidence from each."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dossier.model.analysis import Analysis
from dossier.model.dossier import Evidence, Quote
from dossier.resolve.actors import ActorTable
from dossier.resolve.cluster import attach, cluster
from dossier.resolve.ids import assign_ids, wording_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.stats import Stats
from dossier.resolve.text import (
    clean_space,
    containment,
    content_key,
    content_tokens,
    quote_tokens,
    seq_ratio_at_least,
)

MIN_WORDS = 3  # shorter quoted words are scare quotes or labels ("security guarantees")
# ... unless analyse found a verdict in them and a speaker named for them ("X called it
# 'unacceptable'", "'deeply disappointing'"): analyse drops the short labels itself, where it
# sees the parse.
MIN_WORDS_NAMED = 1
_NAMED = frozenset(["explicit", "pronoun", "title"])  # a speaker the sentence itself names
RATIO = 0.75  # token-sequence similarity of two printings of one quote
CONTAINED = 0.85  # share of a partial quote found inside a longer printing
MAX_STRETCH = 2.5  # a "partial" quote may not be a fragment of a much longer speech


@dataclass
class Item:
    speaker: str | None
    text: str
    toks: list[str]
    source: str
    start: int
    ev: Evidence | None
    explicit: bool


def similar_tokens(a: list[str], b: list[str]) -> bool:
    """One quote, however printed: near-identical words, or a partial quote inside a fuller one."""
    if a == b:
        return bool(a)  # the same printing twice (outlets share wire copy): no difflib needed
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    # Cheap bound first: both tests need most of the shorter text's words in the longer one.
    in_long = set(long)
    if sum(t in in_long for t in short) < min(RATIO, CONTAINED) * len(short) * 0.9:
        return False
    if seq_ratio_at_least(a, b, RATIO):
        return True
    return (
        len(short) >= 4
        and len(long) <= MAX_STRETCH * len(short)
        and containment(short, long) >= CONTAINED
    )


def _items(table: ActorTable, analyses: list[Analysis], stats: Stats) -> list[Item]:
    items = []
    for a in analyses:
        for q in a.quotes:
            if q.kind == "reported":  # indirect speech: a paraphrase, not a quote
                stats.quotes_reported += 1
                continue
            toks = quote_tokens(q.text)
            least = MIN_WORDS_NAMED if q.attribution in _NAMED else MIN_WORDS
            if len(toks) < least:
                stats.quotes_short += 1
                continue
            items.append(
                Item(
                    speaker=table.actor_of(a.source, q.speaker),
                    text=clean_space(q.text),
                    toks=toks,
                    source=a.source,
                    start=q.start,
                    ev=evidence(a, q.sentence),
                    explicit=q.attribution == "explicit",
                )
            )
    items.sort(key=lambda it: (it.source, it.start))
    return items


def resolve_quotes(table: ActorTable, analyses: list[Analysis], stats: Stats) -> list[Quote]:
    items = _items(table, analyses, stats)
    known = [it for it in items if it.speaker]
    groups = cluster(
        known,
        lambda it: it.speaker,
        lambda it: content_tokens(it.toks),
        lambda x, y: similar_tokens(x.toks, y.toks),
    )
    # A quote whose speaker was not found joins the same words attributed elsewhere.
    orphans = [it for it in items if not it.speaker]
    left = attach(
        groups,
        orphans,
        lambda it: content_tokens(it.toks),
        lambda x, y: similar_tokens(x.toks, y.toks),
    )
    stats.quotes_unattributed += len(left)
    stats.quotes_attributed_by_match += len(orphans) - len(left)

    quotes, keys = [], []
    for group in groups:
        # Printings that differ only in stop words or contractions count as one wording.
        variants: dict[str, list[Item]] = defaultdict(list)
        for it in group:
            variants[" ".join(content_tokens(it.toks))].append(it)
        best = min(
            variants.values(),
            key=lambda v: (-len({it.source for it in v}), -len(v[0].toks), v[0].text),
        )
        best = sorted(best, key=lambda it: (-len(it.toks), it.text))
        sources = {it.source for it in group}
        keys.append(wording_key(best[0].text, [it.text for it in group]))
        quotes.append(
            Quote(
                id="",
                speaker=group[0].speaker or "",
                text=best[0].text,
                evidence=merge_evidence([it.ev for it in group]),
                confidence="high"
                if len(sources) > 1 or any(it.explicit for it in group)
                else "low",
            )
        )
    ids = assign_ids(
        [f"{q.speaker} {k}" for q, k in zip(quotes, keys, strict=True)],
        [f"{q.speaker}|{content_key(q.text, 40)}" for q in quotes],
        fallback="quote",
    )
    for q, qid in zip(quotes, ids, strict=True):
        q.id = qid
    return sorted(quotes, key=lambda q: (q.speaker, q.id))
