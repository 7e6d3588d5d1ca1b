"""HTML articles: text runs as exact spans of the HTML file, furniture elements dropped, meta read."""

from __future__ import annotations

import html

from dossier.ingest import parse_article
from tests.ingest.helpers import INGEST_FIXTURES, assert_offsets, kept, reasons

FIXTURE = INGEST_FIXTURES / "trade-talks.html"


def _article():
    return parse_article(FIXTURE.read_bytes(), "tests/ingest/fixtures/trade-talks.html")


def test_metadata_comes_from_the_page():
    article = _article()
    assert article.title == "Grain deal talks resume in Geneva"
    assert article.outlet == "The Harbour Ledger"
    assert article.published == "2023-03-14"
    assert article.author == "Mara Quill"
    assert article.url == "https://ledger.example.org/world/grain-talks"
    assert article.language == "en"


def test_offsets_index_the_html_file_and_spans_hold_no_markup():
    article = _article()
    assert article.text == FIXTURE.read_text(encoding="utf-8")
    assert_offsets(article)
    for para in kept(article):
        assert "<" not in para and ">" not in para


def test_story_is_kept_and_wire_dateline_cut():
    paragraphs = [html.unescape(p) for p in kept(_article())]
    assert paragraphs[0].startswith("Negotiators from Veldoria and the Republic of Ostrana")
    assert "\u201cWe are here to find a solution, not to trade accusations,\u201d" in paragraphs[1]
    # A paragraph wrapped over two source lines is one paragraph.
    assert paragraphs[2].startswith("The talks are mediated") and paragraphs[2].endswith(
        "stay open."
    )
    assert "Shipments of 30 million tonnes of grain since the deal began;" in paragraphs
    assert paragraphs.count("Talks will resume on Thursday, a UN spokesperson said.") == 1


def test_entities_stay_verbatim_in_spans():
    # Evidence quotes the file exactly, so an entity reference is part of the span.
    assert any("&ldquo;" in p for p in kept(_article()))


def test_furniture_elements_and_lines_are_dropped():
    article = _article()
    body = " ".join(kept(article))
    for gone in (
        "Home",
        "cookies",
        "Share on Facebook",
        "Photo:",
        "newsletter",
        "Ports reopen",
        "Most read",
        "Leave a Reply",
        "All rights reserved",
        "Advertisement",
        "Follow us",
        "window.dataLayer",
        "By Mara Quill",
        "Read about the sanctions",
    ):
        assert gone not in body, gone
    why = set(reasons(article).values())
    assert {"html <nav>", "html <script>", "html <footer>", "html <aside>", "title"} <= why


def test_inline_links_split_a_paragraph_into_runs(parse):
    # The documented limitation: text on either side of a link becomes separate runs.
    page = (
        "<html><body><h1>Talks resume in Geneva</h1>"
        "<p>Negotiators met on Tuesday, <a href='/x'>officials</a> said after the talks ended.</p>"
        "<p>The United Nations mediates the talks and both sides agreed on an agenda.</p></body></html>"
    )
    article = parse(page, "page.html")
    assert kept(article) == [
        "said after the talks ended.",
        "The United Nations mediates the talks and both sides agreed on an agenda.",
    ]


def test_head_without_closing_tag_and_hidden_elements(parse):
    page = (
        "<html lang=en><head><title>Talks | Site</title><body>"
        "<div hidden>Secret drafts are hidden here, and should not be read.</div>"
        "<p>Negotiators met on Tuesday and agreed to meet again next week.</p>"
    )
    article = parse(page, "page.htm")
    assert article.title == "Talks"
    assert kept(article) == ["Negotiators met on Tuesday and agreed to meet again next week."]


def test_declared_language_and_meta_charset(parse):
    page = (
        '<html lang="en"><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head>'
        "<body><p>Negotiators met at the caf\xe9 on Tuesday and agreed to meet again.</p></body></html>"
    ).encode("cp1252")
    article = parse(page, "page.html")
    assert article.encoding == "cp1252" and article.title == "Café talks"
