"""Next steps and the timeline: dated claims merged across outlets."""

from __future__ import annotations


def test_next_step_reported_by_several_outlets_is_one_item(art, run_resolve):
    a = art("a", ["The next round will take place at the OSCE in Vienna on Jan. 13."])
    a.ent("o", "OSCE", "organization")
    a.dated(
        "2022-01-13", "The next round will take place at the OSCE", "future", 0, "Vienna", ["o"]
    )
    b = art("b", ["The third stage will happen as an OSCE meeting in Vienna on January 13."])
    b.ent("o", "OSCE", "organization")
    b.dated(
        "2022-01-13", "The third stage will happen as an OSCE meeting", "future", 0, "Vienna", ["o"]
    )
    c = art("c", ["Further meetings will be held, but no date has been set."])
    c.dated("", "Further meetings will be held", "future", 0)
    d = run_resolve([a, b, c])
    assert [(s.date, s.place) for s in d.next_steps] == [("2022-01-13", "Vienna"), (None, None)]
    step = d.next_steps[0]
    assert step.actors == ["osce"]
    assert [e.source for e in step.evidence] == ["a", "b"]
    assert step.id.startswith("2022-01-13-")


def test_timeline_merges_same_date_similar_text_and_keeps_partial_dates(art, run_resolve):
    a = art(
        "a",
        [
            "The United States and Russia held talks in Geneva on January 10.",
            "Russia annexed Crimea in 2014.",
        ],
    )
    a.dated("2022-01-10", "The United States and Russia held talks in Geneva", "past", 0, "Geneva")
    a.dated("2014", "Russia annexed Crimea", "past", 1)
    b = art(
        "b",
        [
            "Talks between the United States and Russia took place in Geneva on January 10.",
            "On December 17, 2021, the ministry published draft agreements.",
        ],
    )
    b.dated(
        "2022-01-10", "Talks between the United States and Russia took place", "past", 0, "Geneva"
    )
    b.dated("2021-12-17", "the ministry published draft agreements", "past", 1)
    b.dated("sometime", "an undated event", "past", 1)
    d = run_resolve([a, b])
    assert [(e.date, len(e.evidence)) for e in d.timeline] == [
        ("2014", 1),
        ("2021-12-17", 1),
        ("2022-01-10", 2),
    ]
    assert d.timeline[-1].place == "Geneva"


def test_same_day_same_place_steps_merge_even_without_shared_words(art, run_resolve):
    a = art(
        "a",
        ["Norway would host the next round in Oslo in March.", "Ana Soto is expected to attend."],
    )
    a.dated("2026-03", "Norway would host the next round in Oslo", "future", 0, "Oslo")
    a.dated("2026-03", "Ana Soto is expected to attend", "future", 1, "Oslo")
    d = run_resolve([a])
    assert [(s.date, s.place, len(s.evidence)) for s in d.next_steps] == [("2026-03", "Oslo", 2)]
    assert d.next_steps[0].text == "Norway would host the next round in Oslo"


ACCORD = "Envoys signed a water accord in {} on Tuesday"
FAIR = "Ministers opened a trade fair in {} on Tuesday"
CRITICS = "Critics called the accord a fair start on Tuesday"  # a word from each, no place


def _day(art, accord_place: str, fair_place: str):
    accord, fair = ACCORD.format(accord_place), FAIR.format(fair_place)
    a = art("a", [accord + "."]).dated("2024-03-12", accord, "past", 0, accord_place)
    b = art("b", [fair + "."]).dated("2024-03-12", fair, "past", 0, fair_place)
    c = art("c", [CRITICS + "."]).dated("2024-03-12", CRITICS, "past", 0)
    return [a, b, c]


def test_unplaced_item_sharing_words_with_the_days_placed_items_takes_their_place(art, run_resolve):
    d = run_resolve(_day(art, "Quito", "Quito"))
    assert [(e.place, len(e.evidence)) for e in d.timeline] == [("Quito", 3)]


def test_a_day_with_two_places_lends_no_place(art, run_resolve):
    d = run_resolve(_day(art, "Quito", "Lima"))
    assert sorted(e.place or "" for e in d.timeline) == ["", "Lima", "Quito"]


def test_spellings_of_one_place_become_the_one_with_diacritics(art, run_resolve):
    a = art("a", ["The skipper is due in court in Tromso on Nov. 3."])
    a.dated("2026-11-03", "The skipper is due in court in Tromso", "future", 0, "Tromso")
    b = art("b", ["The envoys met in Tromsø on Thursday.", "Fishers flew in from Ålesund."])
    b.dated("2026-10-08", "The envoys met in Tromsø", "past", 0, "Tromsø")
    c = art("c", ["Fishers met in Aalesund on Friday."])
    c.dated("2026-10-09", "Fishers met in Aalesund", "past", 0, "Aalesund")
    d = art("d", ["Boat owners met in Ålesund on Friday."])
    d.dated("2026-10-09", "Boat owners met in Ålesund", "past", 0, "Ålesund")
    dossier = run_resolve([a, b, c, d])
    assert [s.place for s in dossier.next_steps] == ["Tromsø"]
    assert {e.place for e in dossier.timeline} == {"Tromsø", "Ålesund"}


def test_undated_step_restating_a_dated_one_joins_it(art, run_resolve):
    lead = (
        "Both navies will send divers to map the wreck and the reef together, the two sides "
        "agreed on Monday."
    )
    a = art("a", [lead, "Fishers may yet return to the reef."])
    a.dated(
        None, "Both navies will send divers to map the wreck and the reef together", "future", 0
    )
    a.dated(None, "Fishers may yet return to the reef", "future", 1)
    b = art(
        "b", ["Divers from both navies will map the wreck and reef together from the new year."]
    )
    b.dated("2027", "Divers from both navies will map the wreck and reef together", "future", 0)
    dossier = run_resolve([a, b])
    assert [(s.date, len(s.evidence)) for s in dossier.next_steps] == [("2027", 2), (None, 1)]
    assert dossier.next_steps[1].text == "Fishers may yet return to the reef"
