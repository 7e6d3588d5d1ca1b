"""Discrepancies: facts the sources disagree on (a person's title, a figure, a date)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache

from dossier.model.analysis import Analysis
from dossier.model.dossier import Discrepancy, DiscrepancyValue
from dossier.resolve import lexicon
from dossier.resolve.actors import ActorTable
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import figure_nouns
from dossier.resolve.roles import title_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.text import content_tokens, fold, stem
from dossier.resolve.text import words as words_of
from dossier.resolve.unionfind import UnionFind

SAME_QUANTITY = 2.0  # two counts within this factor may be two estimates of one quantity
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<mult>thousand|million|billion))?"
    r"(?P<rest>(?:\s+[A-Za-z][\w’'-]*){1,4})"
)
MAX_MODIFIERS = 3  # words between a number and its noun ("100,000 combat-ready Russian troops")
_MULT = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


MIN_OFFICE = 2  # words an office needs before a longer title counts as the same office


def title_conflicts(table: ActorTable) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Per actor, one office given differently: another rank (Deputy/Under/Assistant Secretary
    of State) or more words ("Minister of Trade and Integration" / "Deputy Trade Minister")."""
    out = []
    for actor in table.actors:
        keys = [(title_key(r.title, table.proper), r) for r in actor.roles]
        keys = [(k, r) for k, r in keys if k.office]
        # Group roles whose offices nest (few roles per actor: pairs are cheap here).
        uf = UnionFind(len(keys))
        for i, (a, _) in enumerate(keys):
            for j in range(i + 1, len(keys)):
                b = keys[j][0]
                small, big = sorted((set(a.office), set(b.office)), key=len)
                if small <= big and len(small) >= min(MIN_OFFICE, len(big)):
                    uf.union(i, j)
        groups: dict[int, list] = defaultdict(list)
        for i, (_, role) in enumerate(keys):
            groups[uf.find(i)].append(role)
        for root in sorted(groups):
            roles = groups[root]
            if len(roles) < 2:
                continue
            values = [
                DiscrepancyValue(
                    value=r.title,
                    sources=sorted({e.source for e in r.evidence}),
                    evidence=r.evidence,
                )
                for r in roles
            ]
            values.sort(key=lambda v: (-len(v.sources), v.value))
            out.append((actor.id, values))
    return out


@cache
def _casualty_words() -> re.Pattern[str]:
    """Any casualty word as a whole word, in one pass (never matches when the list is empty)."""
    words = lexicon.figures()["casualty_words"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)")


def _figures(analyses: list[Analysis]):
    """(noun key, noun as written, value, source, evidence) for each count in the sentences."""
    nouns = figure_nouns()
    extra = lexicon.figures()
    casualty_words = _casualty_words()
    for a in analyses:
        for si, s in enumerate(a.sentences):
            casualty = None  # found on demand: most sentences hold no count at all
            for m in _NUMBER.finditer(s.text):
                following = [fold(w.strip("’'.,;:")) for w in m.group("rest").split()]
                head = following[: MAX_MODIFIERS + 1]
                idx = next((i for i, w in enumerate(head) if w in nouns), None)
                if idx is not None:
                    key, label = stem(head[idx]), head[idx]
                elif any(w in extra["people"] for w in head) and (
                    casualty
                    if casualty is not None
                    else (casualty := bool(casualty_words.search(fold(s.text))))
                ):
                    key = label = extra["casualty_label"]  # "at least 40 people" were killed
                else:
                    continue
                raw = m.group("num")
                if not m.group("mult") and "," not in raw and re.fullmatch(r"(19|20)\d\d", raw):
                    continue  # a year
                value = float(raw.replace(",", "")) * _MULT.get(m.group("mult") or "", 1)
                yield key, label, int(value), a.source, evidence(a, si)


_MONEY = re.compile(
    r"(?P<cur>€|\$|£|¥|US\$|EUR|USD)\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<mult>thousand|million|billion|trillion|bn|m)\b)?"
)
_MONEY_WORDS = {
    "thousand",
    "million",
    "billion",
    "trillion",
    "bn",
    "according",
    "roughly",
    "about",
    "around",
    "worth",
    "some",
    "nearly",
    "almost",
}
_MONEY_MULT = {
    "thousand": 1e3,
    "million": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
}


def money_conflicts(analyses: list[Analysis]) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Sums of one currency that sentences about the same thing give differently.

    Two amounts are one quantity when they are within 1.5x of each other and their sentences
    share a content word ("trade"); a source giving both means two quantities.
    """
    currencies = lexicon.figures()["currencies"]
    found = []  # (currency, value, written, source, evidence, words)
    for a in analyses:
        for si, s in enumerate(a.sentences):
            for m in _MONEY.finditer(s.text):
                cur = currencies.get(m.group("cur"), m.group("cur"))
                value = float(m.group("num").replace(",", "")) * _MONEY_MULT.get(
                    m.group("mult") or "", 1
                )
                # What the amount is of is said before it ("trade reached about €40 billion").
                before = words_of(s.text[: m.start()])
                words = set(content_tokens([stem(w) for w in before])) - _MONEY_WORDS
                found.append((cur, value, m.group(0), a.source, evidence(a, si), words))
    by_cur: dict[str, list] = defaultdict(list)
    for item in found:
        by_cur[item[0]].append(item)
    out = []
    for cur in sorted(by_cur):
        items = sorted(by_cur[cur], key=lambda x: (x[1], x[3]))
        for i, x in enumerate(items):
            for y in items[i + 1 :]:
                if y[1] > x[1] * 1.5:
                    break
                shared = x[5] & y[5]
                if x[1] == y[1] or x[3] == y[3] or not shared:
                    continue
                subject = min(shared, key=lambda w: (-len(w), w))
                out.append(
                    (
                        subject,
                        [
                            DiscrepancyValue(
                                value=v[2], sources=[v[3]], evidence=merge_evidence([v[4]])
                            )
                            for v in (x, y)
                        ],
                    )
                )
    # One discrepancy per subject: the first pair found in value order.
    seen, unique = set(), []
    for subject, values in out:
        if subject not in seen:
            seen.add(subject)
            unique.append((subject, values))
    return unique


def figure_conflicts(analyses: list[Analysis]) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Counts of one noun that sources give differently, within a factor of two of each other.

    Counts far apart are different quantities ("100,000 troops" near a border, "3,000 troops"
    elsewhere); close counts with no source giving both are rival estimates.
    """
    by_noun: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    for noun, surface, value, source, ev in _figures(analyses):
        by_noun[noun][value].append((source, ev))
        surfaces[noun][surface] += 1
    out = []
    for noun in sorted(by_noun):
        values = sorted(by_noun[noun])
        chains, chain = [], [values[0]]
        for v in values[1:]:
            if v <= chain[-1] * SAME_QUANTITY:
                chain.append(v)
            else:
                chains.append(chain)
                chain = [v]
        chains.append(chain)
        for chain in chains:
            srcs = {v: {s for s, _ in by_noun[noun][v]} for v in chain}
            disputed = [v for v in chain if any(srcs[v] - srcs[w] for w in chain if w != v)]
            if len(chain) < 2 or len(disputed) < 2:
                continue
            label = min(surfaces[noun], key=lambda s: (-surfaces[noun][s], s))
            out.append(
                (
                    label,
                    [
                        DiscrepancyValue(
                            value=f"{v:,}",
                            sources=sorted(srcs[v]),
                            evidence=merge_evidence([e for _, e in by_noun[noun][v]]),
                        )
                        for v in chain
                    ],
                )
            )
    return out


def build(title: list, figures: list, dates: list, money: list = ()) -> list[Discrepancy]:
    items = [(subject, "title", values) for subject, values in title]
    items += [(subject, "figure", values) for subject, values in figures]
    items += [(subject, "value", values) for subject, values in money]
    items += [(subject, "date", values) for subject, values in dates]
    ids = assign_ids(
        [f"{s} {f}" for s, f, _ in items],
        [f"{f}|{s}|" + "|".join(v.value for v in vals) for s, f, vals in items],
        fallback="discrepancy",
    )
    out = [
        Discrepancy(id=i, subject=s, field=f, values=vals)
        for i, (s, f, vals) in zip(ids, items, strict=True)
    ]
    return sorted(out, key=lambda d: d.id)
