"""Demands: merged across outlets, rejected if any outlet says so, `by` kept honest."""

from __future__ import annotations


def _parties(art, source, sentences):
    a = art(source, sentences)
    a.ent("ru", "Russia", "state", mentions=[("Russia", None, "name")])
    a.ent("nato", "NATO", "organization", mentions=[("NATO", None, "name")])
    return a


def test_same_demand_from_two_outlets_merges_and_rejection_wins(art, run_resolve):
    a = _parties(art, "a", ["Russia demands that NATO stop its eastward expansion."])
    a.demand("ru", ["nato"], "NATO stop its eastward expansion", 0, "open")
    b = _parties(art, "b", ["NATO rejected Russia's demand that it halt its expansion eastward."])
    b.demand("ru", ["nato"], "it halt its expansion eastward", 0, "rejected")
    d = run_resolve([a, b])
    assert len(d.demands) == 1
    dem = d.demands[0]
    assert (dem.by, dem.of, dem.status) == ("russia", ["nato"], "rejected")
    assert [e.source for e in dem.evidence] == ["a", "b"]


def test_different_demands_stay_apart(art, run_resolve):
    a = _parties(
        art,
        "a",
        [
            "Russia demands that NATO stop its expansion.",
            "Russia also wants NATO to withdraw troops from Romania.",
        ],
    )
    a.demand("ru", ["nato"], "NATO stop its expansion", 0)
    a.demand("ru", ["nato"], "NATO withdraw troops from Romania", 1)
    d = run_resolve([a])
    assert len(d.demands) == 2


def test_person_keeps_the_demand_unless_the_body_demands_too(art, run_resolve):
    a = _parties(
        art, "a", ["Russian President Vladimir Putin wants NATO to stop admitting members."]
    )
    a.ent("vp", "Vladimir Putin", roles=[("President", 0, "Russia")])
    a.demand("vp", ["nato"], "NATO to stop admitting members", 0)
    d = run_resolve([a])
    assert d.demands[0].by == "vladimir-putin"

    b = _parties(art, "b", ["Russia demands that NATO stop admitting new members."])
    b.demand("ru", ["nato"], "NATO stop admitting new members", 0, "open")
    d = run_resolve([a, b])
    assert len(d.demands) == 1
    assert d.demands[0].by == "russia"


def test_demand_without_author_is_counted_not_invented(art):
    from dossier.resolve import resolve_with_stats, source_from

    a = art("a", ["There were calls for an immediate ceasefire."]).demand(
        None, [], "an immediate ceasefire", 0
    )
    d, stats = resolve_with_stats([source_from(a.article(), a.analysis())], [a.analysis()])
    assert d.demands == []
    assert stats.demands_without_by == 1


def test_a_demand_is_never_of_the_body_its_maker_speaks_for(art, run_resolve):
    a = art(
        "a",
        [
            "Iran's envoy Kazem Gharibpour demanded that the agency guarantee secrecy, an Iranian complaint."
        ],
    )
    a.ent("e1", "Kazem Gharibpour", roles=[("Envoy", 0, "Iran")], affiliations=["Iran"])
    a.ent("e2", "Iran", "state").ent("e3", "IAEA", "organization")
    a.demand("e1", ["e3", "e2"], "the agency guarantee secrecy", 0)
    d = run_resolve([a])
    assert [x.of for x in d.demands] == [["iaea"]]


def test_unaddressed_demand_goes_to_the_one_counterpart_the_party_asks(art, run_resolve):
    a = _parties(
        art,
        "a",
        [
            "Russia demands that NATO stop its expansion.",
            "Russia again pressed for its ships to be allowed into the Baltic ports.",
        ],
    )
    a.demand("ru", ["nato"], "NATO stop its expansion", 0)
    a.demand("ru", [], "be allowed into the Baltic ports", 1)
    d = run_resolve([a])
    assert [dem.of for dem in d.demands] == [["nato"], ["nato"]]


def test_unaddressed_demand_stays_so_when_the_party_asks_several(art, run_resolve):
    a = _parties(
        art,
        "a",
        [
            "Russia demands that NATO stop its expansion.",
            "Russia urged Finland to close its border.",
            "Russia wants its grain exports recognised.",
        ],
    )
    a.ent("fi", "Finland", "state", mentions=[("Finland", None, "name")])
    a.demand("ru", ["nato"], "NATO stop its expansion", 0)
    a.demand("ru", ["fi"], "close its border", 1)
    a.demand("ru", [], "its grain exports recognised", 2)
    d = run_resolve([a])
    unaddressed = [dem for dem in d.demands if "grain" in dem.text]
    assert unaddressed[0].of == []
