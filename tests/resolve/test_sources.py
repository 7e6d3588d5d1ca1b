"""Sources carry their anchored sentences; every evidence span is exact."""

from __future__ import annotations

from dossier.resolve import source_from


def _spans(obj):
    if isinstance(obj, dict):
        if {"source", "text", "start", "end"} <= obj.keys():
            yield obj
        for v in obj.values():
            yield from _spans(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _spans(v)


def test_source_from_groups_sentences_into_paragraphs(art):
    a = art("a", ["First sentence.", "Second one."], outlet="Outlet")
    src = source_from(a.article(), a.analysis())
    assert (src.id, src.outlet, src.published) == ("a", "Outlet", "2022-01-12")
    assert [[s.anchor for s in p] for p in src.paragraphs] == [["s1"], ["s2"]]
    assert all(a.text[s.start : s.end] == s.text for p in src.paragraphs for s in p)


def test_every_evidence_span_is_exact(art, run_resolve):
    a = art(
        "a",
        [
            "Russia demands that NATO stop its expansion.",
            "“We will keep the door open,” Stoltenberg said.",
        ],
    )
    a.ent("ru", "Russia", "state").ent("nato", "NATO", "organization")
    a.ent(
        "js",
        "Jens Stoltenberg",
        mentions=[("Stoltenberg", 1, "name")],
        roles=[("Secretary General", 1, "NATO")],
    )
    a.demand("ru", ["nato"], "NATO stop its expansion", 0)
    a.quote("js", "We will keep the door open,", 1)
    d = run_resolve([a])
    spans = list(_spans(d.model_dump(exclude={"sources"})))
    assert spans
    assert all(a.text[s["start"] : s["end"]] == s["text"] for s in spans)


def test_title_is_the_argument_or_derived_with_dates(art, run_resolve):
    a = art("a", ["The Geneva Security Council met."], published="2022-01-10")
    a.ent("c", "Geneva Security Council", "organization")
    b = art("b", ["The Geneva Security Council met again."], published="2022-01-12")
    b.ent("c", "Geneva Security Council", "organization")
    assert run_resolve([a, b]).title == "Geneva Security Council, 10–12 January 2022"
    assert run_resolve([a, b], "My title").title == "My title"


def test_hostile_names_and_dates_do_not_break_resolve(art, run_resolve):
    a = art(
        "a", ["../../etc/passwd said so.", "RFE/RL reported it.", "!!! ???"], published="12/01/2022"
    )
    a.ent("e1", "../../etc/passwd", "organization").ent("e2", "RFE/RL", "organization")
    a.ent("e3", "!!!", "organization", mentions=[("!!!", 2, "name")])
    a.ent("e4", "Путин", "person", mentions=[("Путин", 0, "name")])
    d = run_resolve([a])
    assert d.sources[0].published is None
    ids = [x.id for x in d.actors]
    assert all("/" not in i and "." not in i and i for i in ids)
    assert len(ids) == len(set(ids)) == 3  # "!!!" has no readable surface: not an actor
