"""Affiliations and body types: the part of a body before the whole, a body's seat is no state."""

from __future__ import annotations


def _actor(d, name):
    return next(a for a in d.actors if a.name == name)


def test_a_person_works_for_the_part_of_a_body_both_named(art, run_resolve):
    # "The EU's chief negotiator" twice, "director at the European Commission" once: the
    # Commission (part of the EU) says more about where she works.
    a = (
        art("a", ["The EU's chief negotiator, Marta Kowalczyk, spoke.", "The EU agreed."])
        .ent("e1", "Marta Kowalczyk", roles=[("Chief Negotiator", 0, "EU")])
        .ent(
            "e2", "European Union", "organization", mentions=[("EU", 0, "name"), ("EU", 1, "name")]
        )
    )
    b = (
        art(
            "b",
            [
                "Marta Kowalczyk, director at the European Commission, spoke.",
                "The EU's chief negotiator Marta Kowalczyk left.",
            ],
        )
        .ent(
            "e1",
            "Marta Kowalczyk",
            roles=[("Director", 0, "European Commission"), ("Chief Negotiator", 1, "EU")],
        )
        .ent("e2", "European Commission", "organization", affiliations=["European Union"])
        .ent("e3", "European Union", "organization", mentions=[("EU", 1, "name")])
    )
    d = run_resolve([a, b])
    eu, commission = _actor(d, "European Union"), _actor(d, "European Commission")
    assert commission.affiliation == eu.id
    assert _actor(d, "Marta Kowalczyk").affiliation == commission.id


def test_a_body_named_by_its_seat_stays_a_body(art, run_resolve):
    a = art("a", ["Brussels wants lower duties.", "The European Union said so."]).ent(
        "e1",
        "European Union",
        "organization",
        mentions=[("Brussels", 0, "capital"), ("European Union", 1, "name")],
    )
    d = run_resolve([a])
    eu = _actor(d, "European Union")
    assert eu.type == "organization"
