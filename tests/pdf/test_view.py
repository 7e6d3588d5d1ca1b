"""The print view (pure) and the URL fetcher: dates, build stamp, footnotes, matrix chunks, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.model.dossier import Dossier, Evidence, KeyPoint, Source
from dossier.pdf.context import (
    MAX_QUOTE,
    _chunks,
    build_stamp,
    build_view,
    fit_key_points,
    format_date,
    format_range,
    html_id,
)
from dossier.pdf.document import print_dir_of, render_html, write_pdf
from dossier.pdf.fetcher import LocalOnlyFetcher


def test_dates_read_as_a_briefing_writes_them():
    assert format_date("2022-01-12") == "12 January 2022"
    assert format_date("2022-01") == "January 2022"
    assert format_date("2021") == "2021"
    assert format_date(None) == "undated"
    assert format_range(["2022-01-12", "2022-01-10", "2022-01-11"]) == "10–12 January 2022"
    assert format_range(["2021-12-30", "2022-01-02"]) == "30 December 2021 – 2 January 2022"
    assert format_range(["2022-02-03", "2022-01-10"]) == "10 January – 3 February 2022"
    assert format_range(["2022-01-12"]) == "12 January 2022"
    assert format_range([]) == "undated"


def _dossier(*published: str | None, updated: str | None = None) -> Dossier:
    sources = [
        Source(id=f"s{n}", title=f"T{n}", published=p, path=f"a/{n}.txt", sha256="0")
        for n, p in enumerate(published)
    ]
    return Dossier(title="T", sources=sources, updated=updated)


def test_build_date_never_comes_from_the_clock():
    d = _dossier("2022-01-10", "2022-01-12", None, updated="2022-01-11")
    assert build_stamp(d, env={}).date == "2022-01-12"  # the newest source
    assert build_stamp(d, env={"SOURCE_DATE_EPOCH": "1642032000"}).w3c == "2022-01-13T00:00:00Z"
    assert (
        build_stamp(d, "2023-05-01", env={"SOURCE_DATE_EPOCH": "1642032000"}).date == "2023-05-01"
    )
    assert build_stamp(_dossier(None, updated="2022-01-11"), env={}).date == "2022-01-11"
    undated = build_stamp(_dossier(None), env={})
    assert (undated.date, undated.w3c) == (None, None)


def test_bad_build_dates_are_errors_that_say_the_fix():
    with pytest.raises(DossierError, match="SOURCE_DATE_EPOCH='yesterday' is not a Unix timestamp"):
        build_stamp(_dossier(), env={"SOURCE_DATE_EPOCH": "yesterday"})
    with pytest.raises(DossierError, match="is not YYYY-MM-DD"):
        build_stamp(_dossier(), "12/01/2022", env={})


def test_matrix_chunks_are_even_and_never_wider_than_six():
    assert [len(c) for c in _chunks(list(range(14)), 6)] == [5, 5, 4]
    assert [len(c) for c in _chunks(list(range(6)), 6)] == [6]
    assert [len(c) for c in _chunks(list(range(7)), 6)] == [4, 3]
    assert _chunks([], 6) == []


def test_a_footnote_quotes_the_first_source_and_names_the_others(kit):
    view = build_view(kit.make_sample(), env={})
    position = next(p for p in view.dossier.positions if p.id == "nato-open-door")
    note = view.note(position.evidence)
    assert (note.outlet, note.date, note.target) == (
        "Euromaidan Press",
        "12 January 2022",
        "src-euromaidan",
    )
    assert note.quote == position.evidence[0].text
    assert note.also == ("Euronews",)
    assert view.note([]) is None


def test_a_huge_sentence_is_cut_in_its_footnote(kit):
    view = build_view(kit.make_sample(), env={})
    long = Evidence(source="euronews", text="word " * 100_000, start=0, end=500_000)
    quote = view.note([long]).quote
    assert len(quote) <= MAX_QUOTE + 1 and quote.endswith("…")


def test_sources_without_outlet_are_labelled_by_a_short_title(kit):
    view = build_view(kit.make_sample(), env={})
    assert (
        view.source_label("breakthrough")
        == "No Ukraine breakthrough, but NATO and Russia eye more talks"
    )
    assert view.source_label("unknown-id") == "unknown-id"


def test_html_ids_are_always_safe_link_targets():
    assert html_id("actor", "jens-stoltenberg") == "actor-jens-stoltenberg"
    assert html_id("actor", '../x" onload="y') == "actor-___x__onload__y"


def test_untrusted_text_is_escaped_in_the_html(kit):
    view = build_view(kit.make_hostile(), env={})
    html = render_html(view, print_dir_of(kit.templates))
    assert "<script" not in html and "<iframe" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% include &#39;/etc/passwd&#39; %}" in html
    assert 'href="javascript' not in html and "file:///etc/passwd" in html  # printed, not linked


def test_fetcher_serves_template_files_only(kit, tmp_path):
    print_dir = print_dir_of(kit.templates)
    fetcher = LocalOnlyFetcher([print_dir])
    css = print_dir / "briefing.css"
    response = fetcher.fetch(css.as_uri())
    assert response.content_type == "text/css" and response.read() == css.read_bytes()
    outside = tmp_path / "secret.css"
    outside.write_text("x")
    for url in (
        "http://127.0.0.1/x.css",
        "https://example.org/font.woff",
        "data:text/css,p{}",
        "ftp://example.org/x",
        outside.as_uri(),
        f"{print_dir.as_uri()}/../../etc/passwd",
        "file://evil.example/etc/passwd",
        f"{print_dir.as_uri()}/missing.css",
    ):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)


def test_a_remote_resource_stops_the_build_instead_of_being_fetched(kit, tmp_path: Path):
    # If markup ever slipped past escaping, WeasyPrint would try to load it: the fetcher
    # refuses, and the refusal is an error, not a silently incomplete PDF.
    html = '<html lang="en"><title>t</title><img src="http://127.0.0.1:9/x.png"></html>'
    with pytest.raises(DossierError, match="WeasyPrint"):
        write_pdf(html, tmp_path / "x.pdf", print_dir_of(kit.templates), "A4")
    assert not (tmp_path / "x.pdf").exists()


def test_key_points_are_cut_to_one_page():
    short = [KeyPoint(id=f"k{n}", text="x" * 100) for n in range(12)]
    assert len(fit_key_points(short)) == 8
    long = [KeyPoint(id=f"k{n}", text="x" * 600) for n in range(5)]
    assert len(fit_key_points(long)) == 2
    assert len(fit_key_points([KeyPoint(id="k", text="x" * 5000)])) == 1  # never none
    assert fit_key_points([]) == []


def test_the_briefing_says_how_many_key_points_are_left_out(kit):
    d = kit.make_sample()
    d.key_points = [KeyPoint(id=f"k{n}", text=f"Point {n}.") for n in range(11)]
    view = build_view(d, env={})
    assert (len(view.key_points), view.key_points_left) == (8, 3)
    html = render_html(view, print_dir_of(kit.templates))
    assert "3 further points on the briefing website." in html
