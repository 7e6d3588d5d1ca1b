"""Ids and output: stable when articles are added, independent of input order, deterministic."""

from __future__ import annotations

from dossier.resolve import resolve, source_from
from dossier.yamlio import dump


def _corpus(art):
    a = art(
        "a",
        [
            "NATO Secretary General Jens Stoltenberg said: “We will keep the door open.”",
            "Russia demands that NATO stop its expansion.",
            "The next meeting is in Vienna on 13 January.",
        ],
    )
    a.ent(
        "js",
        "Jens Stoltenberg",
        mentions=[("Jens Stoltenberg", 0, "name")],
        roles=[("Secretary General", 0, "NATO")],
    )
    a.ent("nato", "NATO", "organization", mentions=[("NATO", 0, "name"), ("NATO", 1, "name")])
    a.ent("ru", "Russia", "state", mentions=[("Russia", 1, "name")])
    a.quote("js", "We will keep the door open.", 0)
    a.demand("ru", ["nato"], "NATO stop its expansion", 1, "rejected")
    a.stance("ru", "oppose", ["expansion"], 1)
    a.dated("2022-01-13", "The next meeting", "future", 2, "Vienna")
    b = art(
        "b",
        [
            "Stoltenberg said “we will keep the door open” to new members.",
            "Moscow wants NATO to halt its eastward expansion.",
            "The Vienna meeting is on 13 January.",
        ],
        published="2022-01-13",
    )
    b.ent("js", "Stoltenberg", mentions=[("Stoltenberg", 0, "name")])
    b.ent("ru", "Russia", "state", mentions=[("Moscow", 1, "capital")])
    b.ent("nato", "NATO", "organization", mentions=[("NATO", 1, "name")])
    b.quote("js", "we will keep the door open", 0, kind="partial")
    b.demand("ru", ["nato"], "NATO to halt its eastward expansion", 1)
    b.stance("ru", "oppose", ["eastward expansion"], 1)
    b.dated("2022-01-13", "The Vienna meeting", "future", 2, "Vienna")
    c = art(
        "c",
        ["Alexander Grushko met Jens Stoltenberg.", "Grushko demanded guarantees."],
        published="2022-01-14",
    )
    c.ent(
        "ag",
        "Alexander Grushko",
        mentions=[("Alexander Grushko", 0, "name"), ("Grushko", 1, "name")],
    )
    c.ent("js", "Jens Stoltenberg", mentions=[("Jens Stoltenberg", 0, "name")])
    c.demand("ag", [], "legally binding security guarantees", 1)
    return [a, b, c]


def _ids(d):
    return {
        "actors": [x.id for x in d.actors],
        "quotes": [x.id for x in d.quotes],
        "demands": [x.id for x in d.demands],
        "next_steps": [x.id for x in d.next_steps],
        "positions": [x.id for x in d.positions],
        "issues": [x.id for x in d.issues],
    }


def _resolve(arts):
    return resolve(
        [source_from(a.article(), a.analysis()) for a in arts], [a.analysis() for a in arts]
    )


def test_ids_survive_adding_an_article(art):
    a, b, c = _corpus(art)
    before = _ids(_resolve([a, b]))
    after = _ids(_resolve([a, b, c]))
    for section, ids in before.items():
        assert set(ids) <= set(after[section]), section
    assert "alexander-grushko" in after["actors"]


def test_input_order_does_not_matter_and_output_is_byte_identical(art):
    arts = _corpus(art)
    one = dump(_resolve(arts).model_dump(mode="json"))
    two = dump(_resolve(list(reversed(arts))).model_dump(mode="json"))
    three = dump(_resolve(arts).model_dump(mode="json"))
    assert one == two == three


def test_sections_are_sorted_and_ids_unique(art):
    d = _resolve(_corpus(art))
    for items in (d.actors, d.quotes, d.demands, d.positions, d.issues, d.key_points):
        ids = [x.id for x in items]
        assert len(ids) == len(set(ids))
    assert [x.id for x in d.actors] == sorted(x.id for x in d.actors)
    assert d.updated == "2022-01-14"
    assert 3 <= len(d.key_points) <= 7
    assert all(k.evidence for k in d.key_points)
