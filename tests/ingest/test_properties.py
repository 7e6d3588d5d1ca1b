"""Property tests: whatever the bytes, parse_article returns exact spans or raises DossierError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.errors import DossierError
from dossier.ingest import parse_article
from tests.ingest.helpers import STORY, assert_offsets

NAMES = st.sampled_from(["a.txt", "a.md", "a.html", "a.htm"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real-looking pages, glued with every newline style and some hostile characters.
PIECES = [
    *STORY.split("\n"),
    "---",
    "title: Talks",
    "published: 2022-01-12",
    "a: &a [1, *a]",
    "Brussels 12.01.2022 Jane Doe The council met on Wednesday.",
    "12 January 2022, 06:21 PM",
    "By Example News",
    "Share this article",
    "Leave a Reply",
    "Related Posts",
    "Copyright \u00a9 2024",
    "\u2022 issues related to security;",
    "<p>Negotiators met on Tuesday &amp; agreed.</p>",
    "<script>alert(1)</script>",
    "<a href='javascript:alert(1)'>x</a>",
    "{{ 7*7 }} {% include 'x' %}",
    "Переговоры продолжатся.",
    "\u201cquote",
    "\x00",
    "\ufeff",
    "\u2028",
    "   ",
    "",
]
SEPARATORS = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", " ", "\x00", "\t"])


def _check(raw: bytes, name: str) -> None:
    try:
        article = parse_article(raw, name)
    except DossierError as exc:
        assert str(exc)  # a one-line reason
        assert "\n" not in exc.message
        return
    assert_offsets(article)
    assert article.paragraphs
    assert article.id and article.id.isascii()


@SETTINGS
@given(raw=st.binary(max_size=3000), name=NAMES)
def test_arbitrary_bytes(raw, name):
    _check(raw, name)


@SETTINGS
@given(text=st.text(max_size=3000), name=NAMES)
def test_arbitrary_text(text, name):
    _check(text.encode("utf-8", "surrogatepass"), name)


@SETTINGS
@given(
    parts=st.lists(st.tuples(st.sampled_from(PIECES), SEPARATORS), max_size=40),
    name=NAMES,
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
)
def test_page_like_text(parts, name, encoding):
    text = "".join(piece + sep for piece, sep in parts)
    raw = text.encode(encoding, "replace")
    _check(raw, name)
