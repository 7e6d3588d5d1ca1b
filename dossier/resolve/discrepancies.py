"""Discrepancies: facts the sources disagree on (a person's title, a figure, a date)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from dossier.model.analysis import Analysis
from dossier.model.dossier import Discrepancy, DiscrepancyValue, Evidence
from dossier.resolve import lexicon
from dossier.resolve.actors import ActorTable
from dossier.resolve.entity_forms import with_rank
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import figure_nouns
from dossier.resolve.roles import TitleKey, title_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.text import STOPWORDS, content_tokens, fold, stem
from dossier.resolve.text import words as words_of
from dossier.resolve.unionfind import UnionFind

SAME_QUANTITY = 2.0  # two counts within this factor may be two estimates of one quantity
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?P<mult>thousand|million|billion))?"
    # A unit may be joined to the number as a compound adjective ("a 2,500-square-kilometre
    # lake"), so the first word may follow a hyphen.
    r"(?P<rest>(?:(?:\s+|(?<=\d)-)[A-Za-z][\w’'-]*){1,8})"
)
MAX_MODIFIERS = 3  # words between a number and its noun ("6,000 well-armed Chilean troops")
_MULT = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


MIN_OFFICE = 2  # words an office needs before a longer title counts as the same office


def title_conflicts(table: ActorTable) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Per actor, one office given differently: another rank (Deputy/Under/Assistant Secretary
    of State) or more words ("Minister of Fisheries and Ports" / "Deputy Fisheries Minister");
    or two posts that outlets give apart (`_rival_offices`)."""
    out = []
    for actor in table.actors:
        keys = [(_same_office(title_key(r.title, table.proper)), r) for r in actor.roles]
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
        for i, (key, role) in enumerate(keys):
            groups[uf.find(i)].append((key, role))
        for root in sorted(groups):
            if len(groups[root]) < 2 or _short_forms(groups[root]):
                continue
            roles = [role for _, role in groups[root]]
            out.append((actor.id, _title_values(roles, _written_titles(table, actor.id, roles))))
        rivals = _rival_offices([groups[root] for root in sorted(groups)])
        if rivals:
            out.append((actor.id, _title_values(rivals, _written_titles(table, actor.id, rivals))))
    return out


def _written_titles(table: ActorTable, actor_id: str, roles: list) -> dict[str, str]:
    """Per role title, the title as the outlets most often write it out ("Assistant Minister for
    Foreign Affairs", whose normal form is "Assistant Foreign Minister"): a disagreement is
    shown in the outlets' words. Only capitalised forms count; "the foreign minister" is no
    formal title."""
    written: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for ent in table.groups[table.index_of[actor_id]]:
        for rc in ent.e.roles:
            title = with_rank(rc.title, rc.surface, ent.analysis, rc.sentence)
            surface = title if title != rc.title else rc.surface
            if surface[:1].isupper():
                written[title_key(title, table.proper).words][surface] += 1
    out = {}
    for r in roles:
        c = written.get(title_key(r.title, table.proper).words)
        surface = min(c, key=lambda t: (-c[t], -len(t), t)) if c else r.title
        # The title as written, unless that differs from it only in case.
        out[r.title] = r.title if surface.casefold() == r.title.casefold() else surface
    return out


def _title_values(roles: list, written: dict[str, str]) -> list[DiscrepancyValue]:
    """The titles as discrepancy values with their sources, the most widely given first."""
    values = [
        DiscrepancyValue(
            value=written.get(r.title, r.title),
            sources=sorted({e.source for e in r.evidence}),
            evidence=r.evidence,
        )
        for r in roles
    ]
    values.sort(key=lambda v: (-len(v.sources), v.value))
    return values


def _rival_offices(groups: list[list]) -> list:
    """The roles of two or more posts one person is given by different outlets, none of which
    gives two of them ("Finance Minister" in one, "Trade Minister" in another).

    A person may hold two posts, but then an outlet naming both says so; outlets that each name
    only another post disagree. Only posts count (a title headed by an `office_heads` word):
    envoy, negotiator or chair is a part played beside a post. Posts whose words nest at all
    ("Minister" / "Prime Minister") may be one post named short, so they are not rivals; a
    post named short beside two fuller rivals fits either and is left out of the comparison.
    """
    heads = lexicon.title_ranks()["office_heads"]
    posts = [g for g in groups if any(heads & set(key.office) for key, _ in g)]
    # A part played for the very portfolio a post is for ("Special Envoy for Trade" / "Deputy
    # Trade Minister") is that post described otherwise: it takes part in the comparison.
    posts += [g for g in groups if g not in posts and _shares_portfolio(g, posts)]
    # A post named only short ("Minister") fits any fuller post; it takes no side.
    posts = [g for g in posts if not _named_short(g, [h for h in posts if h is not g])]

    def sources(group: list) -> set[str]:
        return {e.source for _, role in group for e in role.evidence}

    def nest(a: list, b: list) -> bool:
        return any(
            set(x.office) <= set(y.office) or set(y.office) <= set(x.office)
            for x, _ in a
            for y, _ in b
        )

    for i, a in enumerate(posts):
        for b in posts[i + 1 :]:
            if nest(a, b) or sources(a) & sources(b):
                return []  # one outlet names two posts, or one post is named short
    if len(posts) < 2:
        return []
    return [role for g in posts for _, role in g]


def _shares_portfolio(group: list, posts: list[list]) -> bool:
    """Whether a title of the group names a portfolio that a title of one of the posts names."""
    return any(
        p <= set(key.office) and p <= set(other.office)
        for p in lexicon.portfolios()
        for key, _ in group
        for post in posts
        for other, _ in post
    )


def _named_short(group: list, others: list[list]) -> bool:
    """Whether each office of the group is a part of some office in the other groups."""
    fuller = [set(key.office) for g in others for key, _ in g]
    return bool(fuller) and all(any(set(k.office) < f for f in fuller) for k, _ in group)


def _same_office(key: TitleKey) -> TitleKey:
    """The key with another name of an office replaced by the office ("permanent
    representative" -> "ambassador"), so the two names meet and only their ranks are compared."""
    words = set(key.office)
    for name, office in lexicon.title_ranks()["office_names"]:
        if name <= words:
            words = (words - name) | set(office)
    return TitleKey(office=tuple(sorted(words)), rank=key.rank)


def _short_forms(group: list) -> bool:
    """Titles that only shorten the fullest of them at one rank ("Krill Minister", "Fishing
    Minister" / "Minister of Fishing Grounds and Krill"): one office, named more or less
    fully, not a disagreement."""
    if len({key.rank for key, _ in group}) > 1:
        return False
    offices = [set(key.office) for key, _ in group]
    full = max(offices, key=len)  # each title a part of the fullest: one office
    return all(office <= full for office in offices)


@cache
def _casualty_words() -> re.Pattern[str]:
    """Any casualty word as a whole word, in one pass (never matches when the list is empty)."""
    words = lexicon.figures()["casualty_words"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!)")


def _demonym_state(word: str, *, plural: bool) -> str | None:
    """The state a folded demonym names ("chilean" -> "Chile"); `plural` for the people
    themselves ("chileans", "peruvians"), which count persons without a noun."""
    if plural:
        if not word.endswith("s") or word.endswith("ss"):
            return None
        word = word[:-1]
    return lexicon.demonyms().get(word)


@dataclass(frozen=True)
class _Count:
    """One count in a sentence: what is counted, whose, and where."""

    state: str  # whose people or things, from a demonym ("Chilean sailors"); "" if unsaid
    noun: str  # the counted noun as a key ("sailor"); "" for the people themselves ("Chileans")
    label: str  # as written ("Chilean sailors")
    value: int
    source: str
    evidence: Evidence | None
    split: bool = False  # one part of a breakdown ("11 Chilean and four Peruvian sailors")
    written: str = ""  # the number as written when it has a multiplier ("12 million")


def _count_key(following: list[str]) -> tuple[str, str, bool] | None:
    """(state or "", noun, part of a breakdown) for the words after a number.

    "12 Chilean sailors" -> ("Chile", "sailors"); the noun of a breakdown is shared
    ("12 Chilean and four Peruvian sailors": 12 Chilean sailors); "9 Chileans" ->
    ("Chile", ""), a count of the people themselves.
    """
    # A unit of measure right after the number ("12 million barrels of oil").
    extra = lexicon.figures()
    # A hyphenated unit ("2,500-square-kilometre lake") reads as its words.
    flat = [part for w in following[: MAX_MODIFIERS + 1] for part in w.split("-") if part]
    for unit in extra["units"]:
        if tuple(flat[: len(unit)]) == unit:
            written = " ".join(unit)
            return "", extra["unit_variants"].get(written, written), False
    nouns = figure_nouns()
    head = following[: MAX_MODIFIERS + 1]
    idx = next((i for i, w in enumerate(head) if w in nouns), None)
    if idx is not None:
        state = next((st for w in head[:idx] if (st := _demonym_state(w, plural=False))), "")
        return state, head[idx], False
    if not following:
        return None
    state = _demonym_state(following[0], plural=True)
    if state:
        split = following[1:2] in (["and"], ["or"])
        return state, "", split
    state = _demonym_state(following[0], plural=False)
    # A breakdown by nationality: "<N> Chilean and <M> Peruvian sailors".
    if (
        state
        and following[1:2] in (["and"], ["or"])
        and len(following) > 2
        and (following[2].isdigit() or following[2] in lexicon.figures()["number_words"])
    ):
        rest = following[3 : 3 + MAX_MODIFIERS + 1]
        idx = next((i for i, w in enumerate(rest) if w in nouns), None)
        if idx is not None and all(_demonym_state(w, plural=False) for w in rest[:idx]):
            return state, rest[idx], True
    return None


def _figures(analyses: list[Analysis]) -> Iterator[_Count]:
    """Each count of a known noun (or of a nationality's people) in the sentences.

    The state is set when a demonym says whose people or things are counted ("17 Armenian
    detainees", "19 Armenians"); counts of the same noun for two states are two quantities.
    """
    extra = lexicon.figures()
    casualty_words = _casualty_words()
    for a in analyses:
        for si, s in enumerate(a.sentences):
            casualty = None  # found on demand: most sentences hold no count at all
            for m in _NUMBER.finditer(s.text):
                words_after = [w.strip("’'.,;:") for w in m.group("rest").split()]
                following = [fold(w) for w in words_after]
                found = _count_key(following)
                split = False
                if found is not None:
                    state, noun, split = found
                    key, label = stem(noun), noun
                    if state:  # the demonym as written, then the noun: "Chilean sailors"
                        demonym = next(
                            (
                                w
                                for w, f in zip(words_after, following, strict=True)
                                if _demonym_state(f, plural=not noun) == state
                            ),
                            words_after[0],
                        )  # "6,000 well-armed Chilean troops": Chilean, not well-armed
                        label = " ".join([demonym, noun] if noun else [demonym])
                elif any(w in extra["people"] for w in following[: MAX_MODIFIERS + 1]) and (
                    casualty
                    if casualty is not None
                    else (casualty := bool(casualty_words.search(fold(s.text))))
                ):
                    state, key = "", extra["casualty_label"]  # "at least 40 people" were killed
                    label = key
                else:
                    continue
                raw = m.group("num")
                if not m.group("mult") and "," not in raw and re.fullmatch(r"(19|20)\d\d", raw):
                    continue  # a year
                value = float(raw.replace(",", "")) * _MULT.get(m.group("mult") or "", 1)
                as_written = f"{raw} {m.group('mult')}" if m.group("mult") else ""
                yield _Count(
                    state, key, label, int(value), a.source, evidence(a, si), split, as_written
                )


def _count_groups(counts: list[_Count]) -> dict[tuple[str, str], list[_Count]]:
    """Counts grouped by what they count: (state, noun).

    A count with no state joins its noun's one state when only one state's counts of that noun
    are given and none is a breakdown ("6,500 troops" ~ "6,000 Chilean troops"); a count of
    a nationality's people joins that nationality's one counted noun of persons ("12
    Chileans" ~ "11 Chilean sailors").
    """
    persons = lexicon.figures()["person_nouns"]
    states_of: dict[str, set[str]] = defaultdict(set)
    split_nouns: set[str] = set()
    for c in counts:
        if c.noun:
            if c.state:
                states_of[c.noun].add(c.state)
            if c.split:
                split_nouns.add(c.noun)
    nouns_of: dict[str, set[str]] = defaultdict(set)
    for noun, states in states_of.items():
        if noun in persons:
            for st in states:
                nouns_of[st].add(noun)
    groups: dict[tuple[str, str], list[_Count]] = defaultdict(list)
    for c in counts:
        key = (c.state, c.noun)
        if not c.state and len(states_of[c.noun]) == 1 and c.noun not in split_nouns:
            key = (next(iter(states_of[c.noun])), c.noun)
        elif c.state and not c.noun and len(nouns_of[c.state]) == 1:
            key = (c.state, next(iter(nouns_of[c.state])))
        groups[key].append(c)
    return groups


MIN_SHARED_CONTEXT = 3  # content words two sentences share to be about one group of people


@dataclass(frozen=True)
class _Headcount:
    """A count of people named by no counted noun ("9,000 people", "8,000 Andean herders")."""

    count: _Count
    context: frozenset[str]  # the sentence's content words, the count's own words left out
    keyed: bool  # already compared as a figure (a nationality's people right after the number)


def _headcounts(analyses: list[Analysis]) -> Iterator[_Headcount]:
    """Each count of people as such: a people word or a nationality's people within a few
    words after a number, with no counted noun or unit, in a sentence not about casualties."""
    extra = lexicon.figures()
    for a in analyses:
        for si, s in enumerate(a.sentences):
            for m in _NUMBER.finditer(s.text):
                raw = m.group("num")
                if not m.group("mult") and "," not in raw and re.fullmatch(r"(19|20)\d\d", raw):
                    continue  # a year
                words_after = [w.strip("’'.,;:") for w in m.group("rest").split()]
                following = [fold(w) for w in words_after]
                found = _count_key(following)
                if found is not None and found[1]:
                    continue  # a counted noun or unit: compared as a figure
                head = next(
                    (
                        i
                        for i, w in enumerate(following[: MAX_MODIFIERS + 1])
                        if w in extra["people"] or _demonym_state(w, plural=True)
                    ),
                    None,
                )
                if head is None or any(w in STOPWORDS for w in following[:head]):
                    continue
                if _casualty_words().search(fold(s.text)):
                    continue  # counted as the dead or wounded
                own = {stem(w) for w in following[: head + 1]}
                context = frozenset(
                    w
                    for w in content_tokens([stem(w) for w in words_of(s.text)])
                    if w not in own and w not in _MONEY_WORDS
                )
                value = int(float(raw.replace(",", "")) * _MULT.get(m.group("mult") or "", 1))
                label = " ".join(words_after[: head + 1])
                count = _Count("", "", label, value, a.source, evidence(a, si))
                yield _Headcount(count, context, found is not None)


def _headcount_conflicts(analyses: list[Analysis]) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Counts of people that outlets give differently in sentences about the same thing.

    "About 8,000 Andean herders" and "more than 9,000 people" count one group when the
    sentences share several content words (the drought, the herds, the grazing) and the counts
    are within a factor of two; a source giving both counts means two groups.
    """
    counts = list(_headcounts(analyses))
    values_of: dict[str, set[int]] = defaultdict(set)
    for h in counts:
        values_of[h.count.source].add(h.count.value)
    uf = UnionFind(len(counts))
    for i, x in enumerate(counts):
        for j in range(i + 1, len(counts)):
            y = counts[j]
            lo, hi = sorted((x.count.value, y.count.value))
            if (
                lo == hi
                or hi > lo * SAME_QUANTITY
                or (x.keyed and y.keyed)  # two nationality counts: the figures compare them
                or {lo, hi} <= values_of[x.count.source]
                or {lo, hi} <= values_of[y.count.source]
                or len(x.context & y.context) < MIN_SHARED_CONTEXT
            ):
                continue
            uf.union(i, j)
    groups: dict[int, list[_Count]] = defaultdict(list)
    for i, h in enumerate(counts):
        groups[uf.find(i)].append(h.count)
    out = []
    for root in sorted(groups):
        members = groups[root]
        if len({c.value for c in members}) < 2:
            continue
        by_value: dict[int, list[_Count]] = defaultdict(list)
        for c in members:
            by_value[c.value].append(c)
        # The outlets may name the group differently ("Andean herders", "people"): each name
        # is part of the disagreement, the most qualified first.
        labels = Counter(c.label for c in members)
        label = " / ".join(sorted(labels, key=lambda s: (-(" " in s), -labels[s], s)))
        values = [
            DiscrepancyValue(
                value=f"{v:,}",
                sources=sorted({c.source for c in by_value[v]}),
                evidence=merge_evidence([c.evidence for c in by_value[v]]),
            )
            for v in sorted(by_value)
        ]
        out.append((label, values))
    return out


def figure_conflicts(analyses: list[Analysis]) -> list[tuple[str, list[DiscrepancyValue]]]:
    """Counts of one thing that sources give differently, within a factor of two of each other.

    Counts far apart are different quantities ("100,000 troops" near a border, "3,000 troops"
    elsewhere); close counts with no source giving both are rival estimates. Counts of people
    named by no counted noun are compared by what their sentences are about
    (`_headcount_conflicts`).
    """
    out = _headcount_conflicts(analyses)
    groups = _count_groups(list(_figures(analyses)))
    for key in sorted(groups):
        by_value: dict[int, list[_Count]] = defaultdict(list)
        for c in groups[key]:
            by_value[c.value].append(c)
        values = sorted(by_value)
        chains, chain = [], [values[0]]
        for v in values[1:]:
            if v <= chain[-1] * SAME_QUANTITY:
                chain.append(v)
            else:
                chains.append(chain)
                chain = [v]
        chains.append(chain)
        for chain in chains:
            srcs = {v: {c.source for c in by_value[v]} for v in chain}
            disputed = [v for v in chain if any(srcs[v] - srcs[w] for w in chain if w != v)]
            if len(chain) < 2 or len(disputed) < 2:
                continue
            # Named as most counts of the chain write it, a qualified form first.
            surfaces = Counter(c.label for v in chain for c in by_value[v])
            label = min(surfaces, key=lambda s: (-(" " in s), -surfaces[s], s))
            out.append(
                (
                    label,
                    [
                        DiscrepancyValue(
                            # "12 million" reads better than "12,000,000"
                            value=next((c.written for c in by_value[v] if c.written), f"{v:,}"),
                            sources=sorted(srcs[v]),
                            evidence=merge_evidence([c.evidence for c in by_value[v]]),
                        )
                        for v in chain
                    ],
                )
            )
    return out


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
                # What the amount is of is said before it ("exports reached about $9 billion").
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
