"""Dated items read as statements: a subject of their own, no connectors, no reference dates."""

from __future__ import annotations


def _dated(analyse, text: str, published: str = "2024-03-14"):
    return [d for d in analyse(text, published=published).dated if d.date]


def test_participle_date_takes_the_clause_of_its_noun(analyse):
    found = _dated(
        analyse, "Rebel demands rejected on Tuesday included a call for early elections."
    )
    assert [d.date for d in found] == ["2024-03-12"]
    assert found[0].text.startswith("Rebel demands rejected on Tuesday included")


def test_conjoined_verb_takes_the_subject_of_its_head(analyse):
    found = _dated(
        analyse, "The envoys arrived in Lima last week and signed the accord on Tuesday."
    )
    tuesday = [d for d in found if d.date_surface == "Tuesday"]
    assert tuesday and tuesday[0].text.startswith("The envoys arrived")


def test_date_on_what_someone_called_something_is_no_event(analyse):
    found = _dated(analyse, "Petrova, for her part, called Tuesday’s talks “frank and useful.”")
    assert not found


def test_whole_sentence_fallback_drops_connectors(analyse):
    found = _dated(analyse, "But, for her part, Petrova met the envoys in Lima on Tuesday.")
    assert found and found[0].text.startswith("Petrova met the envoys")


def test_first_since_date_is_a_reference_point(analyse):
    found = _dated(
        analyse,
        "The ministers met in Lima -- the first such meeting since March 2019 -- on Tuesday.",
    )
    assert [d.date for d in found] == ["2024-03-12", "2019-03"]
    assert found[0].text.startswith("The ministers met in Lima")
    assert found[1].text == "the first such meeting since March 2019"


def test_first_of_its_kind_since_names_the_apposed_noun_phrase(analyse):
    found = _dated(
        analyse,
        "Petrova spoke after the Andean Council -- the first of its kind since May 2018 -- "
        "on Tuesday that ended without a deal.",
    )
    prior = [d for d in found if d.date == "2018-05"]
    assert len(prior) == 1 and prior[0].tense == "past"
    assert prior[0].text == "the Andean Council -- the first of its kind since May 2018"


def test_first_such_meeting_since_as_predicate(analyse):
    found = _dated(analyse, "It was the first such meeting since 2019.")
    assert [(d.date, d.text) for d in found] == [("2019", "the first such meeting since 2019")]


def test_first_in_n_years_dates_the_previous_one(analyse):
    found = _dated(
        analyse, "The Andean Forum, the first gathering of its kind in six years, opened on Monday."
    )
    prior = [d for d in found if d.date == "2018"]
    assert (
        prior and prior[0].text == "The Andean Forum, the first gathering of its kind in six years"
    )


def test_first_since_with_a_subject_keeps_the_subject(analyse):
    found = _dated(analyse, "The talks were the first since October 2020.")
    assert [(d.date, d.text) for d in found] == [
        ("2020-10", "The talks were the first since October 2020")
    ]


def test_first_since_without_a_noun_phrase_is_nothing(analyse):
    assert not _dated(analyse, "It was the first since March 2019.")


def test_since_reference_without_another_date_is_not_an_event(analyse):
    assert not _dated(analyse, "It was the highest-level contact since March 2019.")


def test_since_on_a_verb_alone_still_dates_the_sentence(analyse):
    found = _dated(analyse, "Talks have stalled since 2019, when the envoys last met in Oslo.")
    assert [d.date for d in found] == ["2019"]
