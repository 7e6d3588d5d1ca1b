"""Discrepancies: facts the sources disagree on (a person's title, a figure, a date)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dossier.model.analysis import Analysis
from dossier.model.dossier import Discrepancy, DiscrepancyValue
from dossier.resolve.actors import ActorTable
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import figure_nouns
from dossier.resolve.roles import title_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.text import fold, stem

SAME_QUANTITY = 2.0  # two counts within this factor may be two estimates of one quantity
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<mult>thousand|million|billion))?"
    r"(?P<rest>(?:\s+[A-Za-z][\w’'-]*){1,4})"
)
MAX_MODIFIERS = 3  # words between a number and its noun ("100,000 combat-ready Russian troops")
_MULT = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


def title_conflicts(table: ActorTable) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Per actor, one office given with different ranks (Deputy/Under/Assistant Secretary)."""
    out = []
    for actor in table.actors:
        offices: dict[tuple[str, ...], list] = defaultdict(list)
        for role in actor.roles:
            key = title_key(role.title, table.proper)
            if key.office:
                offices[key.office].append(role)
        for office in sorted(offices):
            roles = offices[office]
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


def _figures(analyses: list[Analysis]):
    nouns = figure_nouns()
    for a in analyses:
        for si, s in enumerate(a.sentences):
            for m in _NUMBER.finditer(s.text):
                following = m.group("rest").split()
                idx = next(
                    (
                        i
                        for i, w in enumerate(following[: MAX_MODIFIERS + 1])
                        if fold(w.strip("’'")) in nouns
                    ),
                    None,
                )
                if idx is None:
                    continue
                noun = following[idx]
                raw = m.group("num")
                if not m.group("mult") and "," not in raw and re.fullmatch(r"(19|20)\d\d", raw):
                    continue  # a year
                value = float(raw.replace(",", "")) * _MULT.get(m.group("mult") or "", 1)
                yield stem(fold(noun)), noun.lower(), int(value), a.source, evidence(a, si)


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


def build(title: list, figures: list, dates: list) -> list[Discrepancy]:
    items = [(subject, "title", values) for subject, values in title]
    items += [(subject, "figure", values) for subject, values in figures]
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
