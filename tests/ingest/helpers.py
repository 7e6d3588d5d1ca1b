"""Shared helpers for the ingest tests: a sample story and the offset invariant."""

from __future__ import annotations

from pathlib import Path

from dossier.model.article import Article

INGEST_FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A short English story used wherever a test needs "some real article text".
STORY = (
    "Negotiators from both countries met in Geneva on Tuesday to discuss the grain corridor. "
    "The talks lasted four hours, and officials said they would meet again next week.\n\n"
    "\u201cWe are here to find a solution,\u201d the chief negotiator said as she arrived.\n\n"
    "The United Nations, which mediates the talks, said both sides had agreed on an agenda.\n"
)


def assert_offsets(article: Article) -> None:
    """Every kept paragraph is an exact, trimmed, non-empty span of the decoded text."""
    for span in article.paragraphs:
        para = article.text[span.start : span.end]
        assert 0 <= span.start < span.end <= len(article.text)
        assert para == para.strip(), f"untrimmed span {para[:40]!r}"
        assert "\x00" not in para
    for gone in article.removed:
        assert 0 <= gone.start <= gone.end <= len(article.text)
        assert gone.reason


def kept(article: Article) -> list[str]:
    return [article.text[p.start : p.end] for p in article.paragraphs]


def reasons(article: Article) -> dict[str, str]:
    """Removed text (stripped) -> reason."""
    return {article.text[r.start : r.end].strip(): r.reason for r in article.removed}
