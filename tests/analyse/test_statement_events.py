"""Dated statements as events, and the dates and places of the clauses around them."""

from __future__ import annotations


def _on(analyse, text: str, surface: str, published: str = "2024-03-16"):
    return [d for d in analyse(text, published=published).dated if d.date_surface == surface]


def test_occasion_named_in_the_next_sentence_about_the_same_speaker(analyse):
    text = (
        "The border will stay open, Foreign Minister Tomas Ekberg said on Friday.\n\n"
        "Speaking at a news conference in the ministry, Ekberg said the guards had orders."
    )
    found = _on(analyse, text, "Friday")
    assert [(d.date, d.tense) for d in found] == [("2024-03-15", "past")]


def test_statement_with_no_occasion_is_only_the_date_of_the_words(analyse):
    text = (
        "Foreign Minister Tomas Ekberg said on Friday that the border would stay open.\n\n"
        "The guards have orders to let traders through."
    )
    assert not _on(analyse, text, "Friday")


def test_lead_statement_takes_the_dateline_place_not_a_place_in_its_words(analyse):
    text = (
        "OSLO — Prime Minister Ingrid Halvorsen told parliament on Friday that the fleet would "
        "stay in port, a day after talks in Reykjavik failed."
    )
    found = _on(analyse, text, "Friday")
    assert [(d.date, d.place) for d in found] == [("2024-03-15", "Oslo")]


def test_lead_event_with_no_place_takes_the_dateline_place(analyse):
    text = "LIMA — Peru agreed on Friday to reopen two border crossings with Bolivia."
    assert [d.place for d in _on(analyse, text, "Friday")] == ["Lima"]


def test_would_with_a_bare_verb_is_a_future_seen_from_the_past(analyse):
    text = "The senator said she would raise the matter in the chamber on Monday."
    found = _on(analyse, text, "Monday", published="2024-03-15")
    assert [(d.date, d.tense) for d in found] == [("2024-03-18", "future")]


def test_a_month_with_its_year_needs_no_preposition(analyse):
    found = analyse(
        "The mission has monitored the valley since the floods of October 2021.",
        published="2024-03-15",
    ).dated
    assert [d.date for d in found] == ["2021-10"]


def test_a_possessive_date_after_under_names_a_thing_not_the_step(analyse):
    found = analyse(
        "Under Monday's accord, monitors will be able to visit the camps from next month.",
        published="2024-03-13",
    ).dated
    assert [(d.date, d.tense) for d in found] == [("2024-04", "future")]


def test_a_participle_on_the_subject_takes_the_tense_of_its_verb(analyse):
    found = _on(
        analyse,
        "Ambassador Lena Varga, speaking to reporters in Quito late on Tuesday, said the talks "
        '"will go on".',
        "Tuesday",
        published="2024-03-13",
    )
    assert [(d.date, d.tense, d.place) for d in found] == [("2024-03-12", "past", "Quito")]


def test_this_year_in_a_since_clause_is_a_rough_start_not_an_event(analyse):
    found = analyse(
        "Both sides agreed on Monday to reopen the crossing, the first result of talks since "
        "their quarrel flared again this year.",
        published="2024-03-13",
    ).dated
    assert [d.date for d in found if d.date] == ["2024-03-11"]


def test_a_place_off_the_coast_is_where_the_deed_happened(analyse):
    found = analyse(
        "The trawler was seized by the navy off Kestrel Point on March 2.", published="2024-03-13"
    ).dated
    assert [(d.date, d.place) for d in found] == [("2024-03-02", "Kestrel Point")]


def test_relative_date_in_a_quote_opened_in_an_earlier_sentence(analyse):
    text = (
        'The minister said the deal mattered. "Families have waited long enough. If it holds, '
        'yesterday was worth it," she said.'
    )
    assert not _on(analyse, text, "yesterday")


def test_a_speakers_quoted_resolve_is_no_next_step(analyse):
    found = analyse('"We intend to hold them to that," the minister said.').dated
    assert not found


def test_dateline_cut_by_ingest_still_places_the_lead(analyse):
    from dossier.model.article import Removed

    from .conftest import article_from_text

    text = "QUITO, Ecuador, 15 March 2024 –\n\nEcuador agreed on Friday to reopen the crossing."
    article = article_from_text(text, published="2024-03-16")
    cut = article.paragraphs[0]
    article = article.model_copy(
        update={
            "paragraphs": article.paragraphs[1:],
            "removed": [
                Removed(start=cut.start, end=article.paragraphs[1].start, reason="dateline")
            ],
        }
    )
    assert [d.place for d in analyse(article).dated] == ["Quito"]


def test_a_lead_event_long_before_the_article_is_not_placed_by_the_dateline(analyse):
    text = "LIMA — Peru agreed on January 4 to reopen two border crossings with Bolivia."
    assert [d.place for d in analyse(text, published="2024-03-16").dated] == [None]


def test_a_place_off_the_coast_belongs_to_its_own_verb(analyse):
    found = analyse(
        "The crew, detained off Kestrel Point in February, will be freed next week.",
        published="2024-03-13",
    ).dated
    assert {d.date_surface: d.place for d in found}["next week"] is None


def test_occasion_named_after_a_quote_by_he_or_she_is_the_speakers(analyse):
    text = (
        "LISBON — The bloc will keep pressing for access, Trade Commissioner Ilse Marenko said "
        "on Friday.\n\n"
        "“We came back with half of what we wanted,” she told reporters in Vienna."
    )
    found = _on(analyse, text, "Friday")
    assert [(d.date, d.tense, d.place) for d in found] == [("2024-03-15", "past", "Vienna")]


def test_he_or_she_after_another_person_is_named_is_not_the_speaker(analyse):
    text = (
        "The bloc will keep pressing for access, Trade Commissioner Ilse Marenko said on "
        "Friday. Her deputy Paul Ostrow was less sure. “We will see,” he told reporters."
    )
    assert not _on(analyse, text, "Friday")
