"""The default title's date range, written through dossier.dates like the PDF's."""

from __future__ import annotations

from dossier.dates import format_range
from dossier.model.dossier import Source
from dossier.resolve.heading import date_range


def _sources(*days: str | None) -> list[Source]:
    return [
        Source(id=f"s{i}", title="t", path=f"a/s{i}.txt", sha256="0" * 64, published=day)
        for i, day in enumerate(days)
    ]


def test_date_range_writes_the_shared_month_and_year_once():
    assert date_range(_sources("2022-01-12", None, "2022-01-12")) == "12 January 2022"
    assert date_range(_sources("2022-01-12", "2022-01-10")) == "10–12 January 2022"
    assert date_range(_sources("2022-02-03", "2022-01-10")) == "10 January – 3 February 2022"
    assert date_range(_sources("2021-12-30", "2022-01-12")) == "30 December 2021 – 12 January 2022"
    assert date_range(_sources(None)) == ""


def test_a_month_or_year_alone_spans_without_inventing_a_day():
    assert format_range(["2022-01", "2022-01-12"]) == "January 2022 – 12 January 2022"
    assert format_range(["2021", "2022-03"]) == "2021 – March 2022"
    assert format_range([]) == "undated"
