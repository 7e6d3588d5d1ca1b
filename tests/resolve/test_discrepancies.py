"""Discrepancies: a title, a figure and a date that sources give differently."""

from __future__ import annotations


def _sherman(art, source, sentence, title):
    a = art(source, [sentence])
    a.ent("e1", "Wendy Sherman", roles=[(title, 0, "US")])
    a.ent("e2", "US", "state")
    return a


def test_title_ranks_that_differ_are_a_discrepancy_with_their_sources(art, run_resolve):
    a = _sherman(
        art, "a", "US Deputy Secretary of State Wendy Sherman spoke.", "Deputy Secretary of State"
    )
    b = _sherman(
        art, "b", "Deputy Secretary of State Wendy Sherman spoke.", "Deputy Secretary of State"
    )
    c = _sherman(
        art, "c", "US Under Secretary of State Wendy Sherman spoke.", "Under Secretary of State"
    )
    e = art(
        "e",
        [
            "This version has been corrected to show that Wendy Sherman is Assistant "
            "Secretary of State, not Secretary of State."
        ],
    )
    e.ent("e1", "Wendy Sherman", roles=[("Assistant Secretary of State", 0, None)])
    d = run_resolve([a, b, c, e])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("wendy-sherman", "title")
    values = {v.value: v.sources for v in disc.values}
    assert values == {
        "Deputy Secretary of State": ["a", "b"],
        "Under Secretary of State": ["c"],
        "Assistant Secretary of State": ["e"],
    }
    assert all(v.evidence for v in disc.values)


def test_spelling_variants_of_a_title_are_not_a_discrepancy(art, run_resolve):
    a = art("a", ["Deputy Defence Minister Alexander Fomin spoke."]).ent(
        "e1", "Alexander Fomin", roles=[("Deputy Defence Minister", 0, None)]
    )
    b = art("b", ["Russian Deputy Minister of Defense Alexander Fomin spoke."]).ent(
        "e1", "Alexander Fomin", roles=[("Russian Deputy Minister of Defense", 0, None)]
    )
    d = run_resolve([a, b])
    assert d.discrepancies == []
    assert len(d.actors[0].roles) == 1


def test_rival_estimates_of_a_figure(art, run_resolve):
    a = art("a", ["Russia has massed 100,000 troops near the border."])
    b = art("b", ["Russia has massed around 100,000 combat-ready troops near the border."])
    c = art(
        "c", ["Russia has massed 127,000 troops near the border.", "In 2014, 3,000 troops crossed."]
    )
    d = run_resolve([a, b, c])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("troops", "figure")
    assert {v.value: v.sources for v in disc.values} == {"100,000": ["a", "b"], "127,000": ["c"]}


def test_same_figure_with_qualifiers_is_no_discrepancy(art, run_resolve):
    a = art("a", ["More than 100,000 Russian troops are deployed."])
    b = art("b", ["Around 100,000 troops are deployed, and 2,000 troops left in 2014."])
    assert run_resolve([a, b]).discrepancies == []


def test_one_event_dated_differently(art, run_resolve):
    a = art("a", ["The United States and Russia held talks in Geneva on January 10."]).dated(
        "2022-01-10", "The United States and Russia held talks in Geneva", "past", 0, "Geneva"
    )
    b = art("b", ["The United States and Russia held talks in Geneva on January 9."]).dated(
        "2022-01-09", "The United States and Russia held talks in Geneva", "past", 0, "Geneva"
    )
    d = run_resolve([a, b])
    (disc,) = d.discrepancies
    assert disc.field == "date"
    assert {v.value: v.sources for v in disc.values} == {"2022-01-09": ["b"], "2022-01-10": ["a"]}
