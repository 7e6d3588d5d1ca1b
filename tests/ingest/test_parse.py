"""parse_article on ordinary articles: plain wrapped text, Markdown, front matter fields."""

from __future__ import annotations

import hashlib

from tests.ingest.helpers import STORY, kept, reasons

WRAPPED = """Talks resume in Geneva
By Jane Doe

GENEVA (Wire) - Negotiators from both countries met on Tuesday to
discuss the grain corridor. The talks lasted four hours, and officials
said they would meet again next week.

"We are here to find a solution," the chief negotiator said as she
arrived at the building.
"""


def test_hard_wrapped_plain_text(parse):
    article = parse(WRAPPED, "wrapped.txt")
    assert (article.title, article.author, article.outlet) == (
        "Talks resume in Geneva",
        "Jane Doe",
        "Wire",
    )
    assert kept(article) == [
        "Negotiators from both countries met on Tuesday to\ndiscuss the grain corridor. The talks "
        "lasted four hours, and officials\nsaid they would meet again next week.",
        '"We are here to find a solution," the chief negotiator said as she\narrived at the building.',
    ]
    assert reasons(article) == {
        "Talks resume in Geneva": "title",
        "By Jane Doe": "byline",
        "GENEVA (Wire) -": "dateline",
    }


def test_markdown_article(parse):
    article = parse(
        "# Grain talks resume\n\n*By Jane Doe*\n\n" + STORY + "\n## What comes next\n\n"
        "**Both sides will meet again on Thursday.**\n\n[Read the statement](https://example.org/s)\n",
        "talks.md",
    )
    assert (article.title, article.author) == ("Grain talks resume", "Jane Doe")
    assert "**Both sides will meet again on Thursday.**" in kept(article)
    assert "## What comes next" not in kept(article)
    assert "[Read the statement](https://example.org/s)" not in kept(article)


def test_front_matter_fields(parse):
    raw = (
        "---\r\ntitle:   Talks   resume\r\noutlet: Harbour Ledger\r\nurl: https://example.org/a\r\n"
        "published: 12 January 2022\r\nauthor: Jane Doe\r\nlanguage: en\r\n---\r\n" + STORY
    ).encode()
    article = parse(raw, "content/articles/Talks Resume.md")
    assert article.title == "Talks resume"
    assert article.outlet == "Harbour Ledger"
    assert article.url == "https://example.org/a"
    assert article.published == "2022-01-12"
    assert article.author == "Jane Doe"
    assert article.id == "talks-resume"
    assert article.path == "content/articles/Talks Resume.md"
    assert article.sha256 == hashlib.sha256(raw).hexdigest()
    assert article.removed[0].reason == "front matter"
    assert article.text[article.removed[0].end :].startswith("Negotiators")
    assert not article.warnings


def test_empty_front_matter_and_date_object(parse):
    assert parse(f"---\n---\n{STORY}").title == "Article"  # from the file name
    assert parse(f"---\npublished: 2022-01-12 10:00:00\n---\n{STORY}").published == "2022-01-12"


def test_removed_is_in_file_order_and_every_reason_is_set(parse):
    article = parse(WRAPPED + "\nShare this article\n\nLeave a Reply\n")
    starts = [r.start for r in article.removed]
    assert starts == sorted(starts)
    assert [r.reason for r in article.removed][-2:] == ["share button", "comment form"]
