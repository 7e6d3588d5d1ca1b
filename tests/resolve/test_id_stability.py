"""Ids hang on keys every spelling shares: adding, removing or reordering articles keeps them."""

from __future__ import annotations

import itertools
import random
from collections import defaultdict

from dossier.resolve import resolve, source_from


def _spelling(art, source, spelling, n_mentions, quote):
    """An article naming the deputy minister `spelling`, quoting him with `quote`."""
    sentences = [f"Deputy Foreign Minister {spelling} spoke in Geneva."]
    sentences += [f"{spelling} repeated it." for _ in range(n_mentions - 1)]
    sentences += [f"“{quote}” he said.", "Moscow demanded legally binding security guarantees."]
    a = art(source, sentences)
    mentions = [(spelling, i, "name") for i in range(n_mentions)]
    a.ent("p", spelling, mentions=[*mentions, ("he", n_mentions, "pronoun")])
    a.ent("ru", "Russia", "state", mentions=[("Moscow", n_mentions + 1, "capital")])
    a.quote("p", quote, n_mentions)
    a.demand("ru", [], "legally binding security guarantees", n_mentions + 1)
    return a


def _corpus(art):
    return {
        # The two spellings, each once the more frequent one, and two printings of one quote
        # that differ only by a contraction and an editorial insertion.
        "a": _spelling(art, "a", "Aleksandr Petrov", 3, "We don't need a new arms race now."),
        "b": _spelling(art, "b", "Alexander Petrov", 1, "We do not need a new arms race now."),
        "c": _spelling(art, "c", "Alexander Petrov", 1, "We do not need [another] new arms race."),
        "d": _spelling(art, "d", "Aleksandr Petrov", 2, "We don't need a new arms race now."),
    }


def _resolve(arts):
    return resolve(
        [source_from(a.article(), a.analysis()) for a in arts], [a.analysis() for a in arts]
    )


def test_either_spelling_in_either_order_gives_one_id(art):
    corpus = _corpus(art)
    seen_ids, seen_names, quote_ids = set(), set(), set()
    for r in range(1, len(corpus) + 1):
        for keys in itertools.permutations(sorted(corpus), r):
            d = _resolve([corpus[k] for k in keys])
            (person,) = [x for x in d.actors if x.type == "person"]
            seen_ids.add(person.id)
            seen_names.add(person.name)
            quote_ids |= {q.id for q in d.quotes}
            assert {x.id for x in d.demands} == {"russia-legally-binding-security-guarantee"}
    assert seen_ids == {"alexander-petrov"}
    assert seen_names == {"Aleksandr Petrov", "Alexander Petrov"}  # the display still varies
    assert len(quote_ids) == 1, quote_ids


def test_surname_spelling_variants_share_an_id(art):
    # Neither spelling is listed; the id is the spelling nearest the shared key either way.
    one = art("one", ["Volodymyr Zelenskyy spoke."]).ent("z", "Volodymyr Zelenskyy")
    two = art("two", ["Volodymyr Zelensky spoke.", "Zelensky left."]).ent(
        "z",
        "Volodymyr Zelensky",
        mentions=[("Volodymyr Zelensky", 0, "name"), ("Zelensky", 1, "name")],
    )
    ids = {tuple(x.id for x in _resolve(arts).actors) for arts in ([one], [two], [one, two])}
    assert ids == {("vladimir-zelensky",)}


def test_organisation_keeps_its_acronym_id_when_the_long_form_appears(art):
    short = art("s", ["The OSCE met."]).ent("o", "OSCE", "organization")
    long = art("l", ["The Organization for Security and Co-operation in Europe met."]).ent(
        "o", "Organization for Security and Co-operation in Europe", "organization"
    )
    both = art("b", ["The Organization for Security and Cooperation in Europe (OSCE) met."]).ent(
        "o",
        "Organization for Security and Cooperation in Europe",
        "organization",
        mentions=[
            ("Organization for Security and Cooperation in Europe", 0, "name"),
            ("OSCE", 0, "name"),
        ],
    )
    assert [x.id for x in _resolve([short]).actors] == ["osce"]
    assert [x.id for x in _resolve([short, long, both]).actors] == ["osce"]
    assert [x.id for x in _resolve([long, both]).actors] == ["osce"]


# -- the seeds, through the real pipeline ----------------------------------------------------


def _same_actor(a, b) -> bool:
    """One real-world actor in two dossiers: a shared name that is not a bare title."""
    return bool({a.name, *a.aliases} & {b.name, *b.aliases}) and a.type == b.type


def _check_subset(seeds, picked: list[int]) -> int:
    """Assert every item in both dossiers has one id; return how many were compared."""
    checked = 0
    _, sources, analyses, full, _ = seeds
    part = resolve([sources[i] for i in picked], [analyses[i] for i in picked])
    for actor in part.actors:
        if actor.type == "person" and len(actor.name.split()) < 2:
            continue  # only a surname here: a different key, by design (no given name known)
        matches = [f for f in full.actors if _same_actor(actor, f)]
        if len(matches) == 1:
            assert actor.id == matches[0].id, (actor.name, matches[0].name, picked)
            checked += 1
    full_ids = {a.id for a in full.actors}
    # A quote or demand resting on the same sentence in both is the same item.
    for section in ("quotes", "demands", "positions"):
        by_id = {x.id: x for x in getattr(full, section)}
        by_ev = defaultdict(set)  # one sentence may carry several quotes
        for x in getattr(full, section):
            for e in x.evidence or []:
                by_ev[(e.source, e.start)].add(x.id)
        for item in getattr(part, section):
            who = getattr(item, "speaker", None) or getattr(item, "by", None) or item.actor
            if who not in full_ids:
                continue  # its actor is known here by surname only: checked above
            hits = [by_ev.get((e.source, e.start), set()) for e in item.evidence]
            if not hits or not all(h and h == hits[0] for h in hits) or section == "positions":
                continue
            # Two different wordings merged as one item cannot both name it: the guarantee is
            # for the wording the full dossier shows, whenever that printing is still there.
            shown = {by_id[i].text for i in hits[0]}
            if any(t[:40] in e.text for t in shown for e in item.evidence):
                assert item.id in hits[0], (section, item.id, hits[0], picked)
                checked += 1
    cells = {(p.actor, p.issue): p.id for p in full.positions}
    for p in part.positions:  # positions are keyed by actor and issue alone
        if (p.actor, p.issue) in cells:
            assert p.id == cells[(p.actor, p.issue)]
            checked += 1
    return checked


def test_seed_ids_survive_random_subsets_and_orders(seeds):
    rng = random.Random(20220112)  # fixed: the same subsets on every run
    n = len(seeds[1])
    checked = 0
    for _ in range(25):
        order = rng.sample(range(n), n)
        checked += _check_subset(seeds, order[: rng.randint(1, n)])
    assert checked > 500  # the comparison is not vacuous


def test_each_seed_removed_keeps_the_other_ids(seeds):
    n = len(seeds[1])
    checked = sum(_check_subset(seeds, [i for i in range(n) if i != drop]) for drop in range(n))
    assert checked > 200
