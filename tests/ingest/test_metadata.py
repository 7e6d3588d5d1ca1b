"""Dates, datelines, bylines, outlet notices and headlines read from the page."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.ingest import metadata


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Brussels 12.01.2022", "2022-01-12"),
        ("12 January 2022, 06:21 PM", "2022-01-12"),
        ("Wednesday Jan 12 2022", "2022-01-12"),
        ("Wed, 12 Jan 2022", "2022-01-12"),
        ("January 12, 2022", "2022-01-12"),
        ("Jan. 12, 2022", "2022-01-12"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("the 3rd of March 2023", "2023-03-03"),
        ("2022-01-12T18:21:00+02:00", "2022-01-12"),
        ("25/12/2021", "2021-12-25"),
    ],
)
def test_find_date(text, iso):
    assert metadata.find_date(text)[0] == iso


@pytest.mark.parametrize("text", ["on Jan. 12", "05/06/2021", "31.02.2022", "in 2014", "May 2022"])
def test_no_full_or_unambiguous_date(text):
    assert metadata.find_date(text) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (dt.date(2022, 1, 12), "2022-01-12"),
        (dt.datetime(2022, 1, 12, 18, 0), "2022-01-12"),
        ("2022-01-12", "2022-01-12"),
        ("12 January 2022", "2022-01-12"),
        ("2022-13-45", None),
        ("soon", None),
        (2022, None),
    ],
)
def test_parse_date(value, iso):
    assert metadata.parse_date(value) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("12 January 2022, 06:21 PM", "2022-01-12"),
        ("Brussels 12.01.2022", "2022-01-12"),
        ("Published: Jan 12, 2022 | Updated 14:05 GMT", "2022-01-12"),
        ("Wednesday Jan 12 2022", "2022-01-12"),
        ("The talks began on 12 January 2022 in Brussels.", None),
        ("NATO chief welcomes envoys in Brussels, Wednesday Jan 12 2022", None),
    ],
)
def test_dateline(line, iso):
    assert metadata.dateline(line) == iso


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Euronews", (None, "Euronews")),
        ("By\u00a0Example", (None, "Example")),
        ("By Jane Doe", ("Jane Doe", None)),
        ("By Anna van Densky", ("Anna van Densky", None)),
        ("By Jane Doe and John O'Neil", ("Jane Doe and John O'Neil", None)),
        ("By Example News", (None, "Example News")),
        ("By Jane Doe, Harbour Times", ("Jane Doe", "Harbour Times")),
        ("By the end of the week, talks had resumed.", None),
        ("Bystanders gathered outside", None),
    ],
)
def test_byline(line, expected):
    assert metadata.byline(line) == expected


@pytest.mark.parametrize(
    ("paragraph", "rest", "date", "author", "outlet"),
    [
        (
            "Brussels 12.01.2022 Anna van Densky The council met on Wednesday.",
            "The council met on Wednesday.",
            "2022-01-12",
            "Anna van Densky",
            None,
        ),
        (
            "Geneva 03.03.2023 The talks opened on Friday.",
            "The talks opened on Friday.",
            "2023-03-03",
            None,
            None,
        ),
        (
            "VIENNA, March 3, 2023 \u2014 Diplomats met again.",
            "Diplomats met again.",
            "2023-03-03",
            None,
            None,
        ),
        ("BRUSSELS (AP) \u2014 NATO and Russia met.", "NATO and Russia met.", None, None, "AP"),
        ("PARIS (AFP, Jan 3, 2024) - Talks ended.", "Talks ended.", "2024-01-03", None, "AFP"),
        (
            "CAIRO, Feb. 4 \u2014 Egypt said it would wait.",
            "Egypt said it would wait.",
            None,
            None,
            None,
        ),
        (
            "KYIV, Ukraine, March 3, 2022 \u2013 Talks resumed.",
            "Talks resumed.",
            "2022-03-03",
            None,
            None,
        ),
        (
            "Astana, 11 June 2025. The third round ended.",
            "The third round ended.",
            "2025-06-11",
            None,
            None,
        ),
        (
            "VALLETTA (March 3, 2025) – Talks ended.",
            "Talks ended.",
            "2025-03-03",
            None,
            None,
        ),
        (
            "LONDON, Jan 12 (Wire) - Talks ended.",
            "Talks ended.",
            None,
            None,
            "Wire",
        ),
    ],
)
def test_glued_head_is_cut(paragraph, rest, date, author, outlet):
    head = metadata.glued_head(paragraph)
    assert head is not None
    assert paragraph[head.cut :] == rest
    assert (head.date, head.author, head.outlet) == (date, author, outlet)


@pytest.mark.parametrize(
    "paragraph",
    [
        "On 12 January 2022 at NATO headquarters in Brussels, envoys met.",
        "On 12 January 2022 NATO and Russia met in Brussels.",
        "12 January 2022 was the day the council met again.",
        "The NATO-Russia Council met in Brussels on Wednesday.",
    ],
)
def test_story_openings_are_not_datelines(paragraph):
    head = metadata.glued_head(paragraph)
    assert head is None or paragraph[head.cut :] == paragraph


def test_a_title_is_not_taken_for_a_byline_name():
    # "NATO Secretary" is no byline: without a sentence starter after it, nothing is cut but the date.
    head = metadata.glued_head(
        "Brussels 12.01.2022 NATO Secretary General Jens Doe said talks went well."
    )
    assert head is not None and head.author is None


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("The work of Example Press is supported by a foundation", "Example Press"),
        ("\u00a9 2024 Harbour Ledger. All rights reserved.", "Harbour Ledger"),
        ("Copyright \u00a9 2024", None),
        ("Copyright Jon Peel", None),
    ],
)
def test_outlet_notice(line, outlet):
    found = metadata.outlet_notice(line)
    assert (found[1] if found else None) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Steppe Times", "Steppe Times"),
        ("The Harbour Ledger", "The Harbour Ledger"),
        ("South Caucasus Monitor", "South Caucasus Monitor"),
        ("Times", None),  # one word: a section, not a masthead
        ("Ukraine", None),
        ("Breaking news from the region", None),
    ],
)
def test_masthead(line, outlet):
    assert metadata.masthead(line) == outlet


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "NATO and Russia agree to hold further meetings",
            "NATO and Russia agree to hold further meetings",
        ),
        ("# Grain deal talks resume", "Grain deal talks resume"),
        ("Will the corridor stay open?", "Will the corridor stay open?"),
        ("The talks began on Tuesday.", None),
        ("Ukraine", None),
        ("WORLD NEWS", None),
        ("the talks went on and on", None),
    ],
)
def test_headline(line, title):
    assert metadata.headline(line) == title
