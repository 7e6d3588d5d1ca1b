"""Dated and undated claims: next steps without a date, statement dates, quotes, written years."""

from __future__ import annotations

import pytest


@pytest.fixture
def undated(analyse):
    def run(text: str, published: str | None = "2024-03-14"):
        a = analyse(text, published=published)
        return [d for d in a.dated if d.date is None]

    return run


def test_undated_next_step_future_meetings(undated):
    steps = undated("Both delegations expressed the need to explore a schedule of future meetings.")
    assert len(steps) == 1
    assert steps[0].tense == "future" and "schedule of future meetings" in steps[0].text


def test_undated_next_step_ready_to_meet_again(undated):
    steps = undated(
        "The envoy said the mediators are ready to meet again with both sides to put "
        "concrete proposals on the table."
    )
    assert len(steps) == 1 and "meet again" in steps[0].text


def test_undated_next_step_pending_bill(undated):
    steps = undated("Senators released a bill that would increase sanctions against the junta.")
    assert steps and "would increase sanctions" in steps[0].text


def test_no_undated_step_for_negated_or_general_readiness(undated):
    assert not undated("The rebels are not ready to sign any deal.")
    assert not undated("Allies are ready to support the country on its path to membership.")
    assert not undated("Another round of talks ended without agreement.")


def test_dated_sentence_makes_no_extra_undated_step(analyse):
    a = analyse("The ministers will meet again in Lima on March 20.", published="2024-03-14")
    assert [(d.date, d.tense) for d in a.dated] == [("2024-03-20", "future")]


def test_statement_date_is_not_an_event_date(analyse):
    a = analyse(
        "Officials said on Friday that the talks ended their first day without agreement.",
        published="2024-03-15",
    )
    assert not [d for d in a.dated if d.date_surface == "Friday"]


def test_relative_date_inside_a_quote_is_not_resolved(analyse):
    a = analyse(
        'The minister said: "Today both delegations agreed to talk."', published="2024-03-15"
    )
    assert not [d for d in a.dated if d.date_surface == "Today"]


def test_end_of_the_year(analyse):
    a = analyse(
        "Both sides aim to conclude the agreement by the end of the year.", published="2025-06-10"
    )
    assert [(d.date, d.tense) for d in a.dated] == [("2025", "future")]


def test_years_ago_prefers_the_year_the_article_writes(analyse):
    a = analyse(
        "The rebels seized the northern port in 2014. Trade collapsed when the rebels seized "
        "the northern port seven years ago.",
        published="2022-01-12",
    )
    ago = next(d for d in a.dated if d.date_surface == "seven years ago")
    assert ago.date == "2014"


def test_reference_date_from_dateline_when_metadata_has_none(analyse):
    a = analyse(
        "Lima, 11 June 2025. The ministers met on Monday and will meet again on July 8.",
        published=None,
    )
    assert {d.date_surface: d.date for d in a.dated} == {
        "Monday": "2025-06-09",
        "July 8": "2025-07-08",
    }


def test_future_weekday_on_the_publication_weekday_is_that_day(analyse):
    a = analyse(
        "The envoys will meet on Wednesday in Oslo. A second panel meets next Wednesday.",
        published="2024-03-13",  # a Wednesday
    )
    got = [(d.date_surface, d.date) for d in a.dated]
    assert got == [("Wednesday", "2024-03-13"), ("Wednesday", "2024-03-20")]


def test_place_of_a_team_sent_somewhere(analyse):
    a = analyse("She said the AU would send a team to Abyei next week.", published="2025-03-14")
    assert [(d.date, d.place) for d in a.dated] == [("2025-03-17", "Abyei")]


def test_undated_next_step_announced_action(undated):
    steps = undated(
        "The Red Cross said its delegates would visit every detainee before the handover."
    )
    assert len(steps) == 1 and "visit every detainee" in steps[0].text
    assert not undated("Officials said the talks would be difficult.")


def test_past_verb_stays_past_when_a_later_clause_plans_ahead(analyse):
    a = analyse(
        "Norway wrote to the council in October, accusing Chile of delays, and diplomats said "
        "Oslo could return to the council if the next round fails.",
        published="2026-02-04",
    )
    dated = [d for d in a.dated if d.date]
    assert [(d.date, d.tense) for d in dated] == [("2025-10", "past")]


def test_month_of_a_next_round_is_still_ahead(analyse):
    a = analyse("The next round will be held in Oslo in March.", published="2026-02-04")
    assert [(d.date, d.tense) for d in a.dated if d.date] == [("2026-03", "future")]


def test_attending_with_no_object_is_the_event_just_announced(analyse):
    a = analyse(
        "Norway would host the next ministerial round in Oslo in March. Chile's deputy "
        "minister, Ana Soto, who led the delegation, is expected to attend.",
        published="2026-02-04",
    )
    step = next(d for d in a.dated if "attend" in d.text)
    assert (step.date, step.place, step.tense) == ("2026-03", "Oslo", "future")


def test_attending_a_named_event_is_not_taken_from_the_sentence_before(analyse):
    a = analyse(
        "Norway would host the next ministerial round in Oslo in March. Chile is expected to "
        "attend a separate summit.",
        published="2026-02-04",
    )
    step = next(d for d in a.dated if "attend" in d.text)
    assert step.date is None


def test_a_step_under_a_condition_is_the_main_clause(undated):
    steps = undated("Diplomats said Oslo could return to the council if the next round fails.")
    assert len(steps) == 1
    assert "return to the council" in steps[0].text


def test_the_capital_of_a_named_nationality_is_the_place(analyse):
    a = analyse(
        "Talks in the Norwegian capital ended on Tuesday without a deal.", published="2026-02-04"
    )
    (claim,) = [d for d in a.dated if d.date]
    assert (claim.date, claim.place) == ("2026-02-03", "Oslo")


def test_month_of_that_year_takes_the_year_written_before_it(analyse):
    a = analyse(
        "The 2019 border accord, signed in Lima in May of that year, has since lapsed.",
        published="2024-03-15",
    )
    assert [d.date for d in a.dated if "May" in (d.date_surface or "")] == ["2019-05"]


def test_later_this_month_is_ahead_even_after_a_past_verb(analyse):
    a = analyse(
        "Norway has offered to host a meeting of both delegations later this month.",
        published="2024-03-15",
    )
    assert [(d.date, d.tense) for d in a.dated] == [("2024-03", "future")]


def test_a_state_lasting_until_a_date_is_no_next_step(analyse):
    a = analyse(
        '"The pause gives both sides a way to look busy until June," the analyst said.',
        published="2024-03-15",
    )
    assert not [d for d in a.dated if d.date]


def test_a_statement_date_that_names_an_event_is_kept(analyse):
    a = analyse(
        "The envoy told the council on Monday, when the session opened, that talks had stalled.",
        published="2024-03-15",
    )
    assert [d.date for d in a.dated if d.date_surface == "Monday"] == ["2024-03-11"]
    # (b) A named speaker's words to an audience are an event of the timeline in their own
    # right (a decision taken for the briefing: readers follow who said what where, and two
    # independent annotators dated such statements): telling the council is an occasion.
    b = analyse(
        "Envoy Marta Lindqvist told the council on Monday that talks had stalled.",
        published="2024-03-15",
    )
    assert [d.date for d in b.dated if d.date_surface == "Monday"] == ["2024-03-11"]
    # (c) With no name, the date is still only the date of the words.
    c = analyse(
        "The envoy told the council on Monday that talks had stalled.", published="2024-03-15"
    )
    assert not [d for d in c.dated if d.date_surface == "Monday"]


def test_a_town_the_model_takes_for_a_body_is_the_place(analyse):
    # the small model tags unfamiliar towns as ORG; "in" after a noun still locates the thing
    a = analyse("They removed cameras from a workshop in Isfahan in June 2022.")
    assert [(d.date, d.place) for d in a.dated] == [("2022-06", "Isfahan")]
    b = analyse("The vote in Congress on Tuesday was close.", published="2024-03-15")
    assert [d.place for d in b.dated] == [None]


def test_by_the_end_of_a_month_dates_the_step(analyse):
    a = analyse(
        "The mediator asked the council to send a draft charter to the court by the end of June.",
        published="2024-03-14",
    )
    assert [(d.date, d.tense) for d in a.dated if d.date] == [("2024-06", "future")]


def test_in_the_new_year_is_the_year_after_the_article(analyse):
    a = analyse(
        "The inspectors must file their report by 3 December, and the monitors should deploy "
        "in the new year.",
        published="2025-11-20",
    )
    assert ("2026", "future") in [(d.date, d.tense) for d in a.dated]
    new_year = next(d for d in a.dated if d.date == "2026")
    assert "monitors should deploy" in new_year.text


def test_a_year_qualifying_an_event_noun_dates_that_event(analyse):
    a = analyse(
        "A 2011 verdict by the constitutional court upheld the border.", published="2024-03-14"
    )
    assert [(d.date, d.tense) for d in a.dated] == [("2011", "past")]


def test_a_year_qualifying_an_object_dates_the_noun_phrase_not_the_clause(analyse):
    a = analyse(
        "The minister rejected the claim, citing the 2009 agreement on grazing rights.",
        published="2024-03-14",
    )
    assert [(d.date, d.text) for d in a.dated] == [("2009", "the 2009 agreement on grazing rights")]


def test_a_year_not_yet_past_or_in_a_name_dates_nothing(analyse):
    assert not analyse("Both sides reaffirmed the 2030 targets.", published="2024-03-14").dated
    assert not analyse(
        "Both sides invoked the 1982 Lisbon Convention.", published="2024-03-14"
    ).dated


def test_for_this_year_after_an_amount_is_its_period_not_an_event(analyse):
    a = analyse(
        "The size of the herring quota, which the council cut to 40,000 tonnes for this year, "
        "was left for the next meeting.",
        published="2024-03-14",
    )
    assert not [d for d in a.dated if d.date_surface == "this year"]
    b = analyse("A vote on the charter is scheduled for next month.", published="2024-03-14")
    assert [(d.date, d.tense) for d in b.dated] == [("2024-04", "future")]
