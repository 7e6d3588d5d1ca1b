"""Same-day items merge when one names the other's place; the headline matches the Where."""

from __future__ import annotations

TOPIC = (
    "On March 3, the envoys discussed security in the region and draft guarantees "
    "at a meeting of the Joint Council in Lima"
)
MEETING = "The Joint Council met in Lima on Tuesday to discuss security guarantees"
MEETING_2 = "The meeting of the Joint Council held in Lima on March 3 was tense"


def test_place_named_in_the_other_text_is_not_at_odds(art, run_resolve):
    a = art("a", [TOPIC + "."]).dated("2024-03-03", TOPIC, "past", 0, "region")
    b = art("b", [MEETING + "."]).dated("2024-03-03", MEETING, "past", 0, "Lima")
    c = art("c", [MEETING_2 + "."]).dated("2024-03-03", MEETING_2, "past", 0, "Lima")
    d = run_resolve([a, b, c])
    assert len(d.timeline) == 1
    event = d.timeline[0]
    assert sorted(e.source for e in event.evidence) == ["a", "b", "c"]
    # the longest text is the topic sentence; the headline comes from an item placed in Lima
    assert event.place == "Lima" and event.text in (MEETING, MEETING_2)


def test_places_at_odds_still_keep_items_apart(art, run_resolve):
    text_a = "Envoys of the Joint Council signed a water accord in Lima with the mayors"
    text_b = "The Joint Council envoys opened a trade fair in Quito for farmers and traders"
    a = art("a", [text_a + "."]).dated("2024-03-03", text_a, "past", 0, "Lima")
    b = art("b", [text_b + "."]).dated("2024-03-03", text_b, "past", 0, "Quito")
    d = run_resolve([a, b])
    assert sorted(e.place or "" for e in d.timeline) == ["Lima", "Quito"]
