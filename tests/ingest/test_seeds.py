"""The five seed articles: furniture gone, story kept, metadata read with and without front matter."""

from __future__ import annotations

import re

import pytest

from dossier.ingest import ingest_dir, parse_article
from tests.conftest import ROOT, SEEDS
from tests.ingest.helpers import assert_offsets, kept

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))
FURNITURE_PHRASES = [
    "Share this article",
    "Copy to clipboard",
    "Leave a Reply",
    "Leave a Comment",
    "You are commenting using",
    "contributed to this report",
    "Become a Patron",
    "Related Posts",
    "You might also like",
    "Further reading",
    "Follow us on Twitter",
    "Screenshot:",
    "Copyright",
    "Cookie",
    "newsletter",
    "ad blocker",
    "By\u00a0Euronews",
    "Show more news",
    "Video of day",
    "Daily at 9am",
    "To suggest a correction",
    "Connecting to %s",
]
# Story text a careful reader would keep, per seed.
KEY_CONTENT = {
    "euromaidan-press-nato-russia-talk-more.txt": [
        "On 12 January 2022 at NATO headquarters in Brussels",
        "both parties had",  # a quote continues in the next paragraph
        "\u201cexpressed the need to dialogue and explore a schedule of future meetings,\u201d",
        "\u201cIf Russia walks away\u2026 it will be quite apparent",
        "According to RFE/RL",
    ],
    "euronews-nato-russia-further-meetings.txt": [
        "The first meeting between both sides in over two years was held in Brussels on Wednesday.",
        "No one else has anything to say.",
        "Fyodor Lukyanov, editor-in-chief",
        "has reasons to be concerned about further expansion.",
    ],
    "nato-reaffirms-sovereign-right.txt": [
        "\u201cThat is exactly why this meeting was so important,\u201d",
        "\u2022 issues related to European security;",
        "\u2022 the situation in and around Ukraine;",
        "Earlier, Stoltenberg announced the agenda of the discussion with Russia:",
    ],
    "nato-russia-council-step-forward.txt": [
        "The NATO-Russia Council, which brings together all 30 NATO Allies and Russia",
        "On December 17, 2021, the Russian Foreign Ministry published the draft agreements",
    ],
    "no-ukraine-breakthrough-more-talks.txt": [
        "Russian President Vladimir Putin wants NATO to withdraw its troops",
        "This version has been corrected to show that Wendy Sherman is Assistant Secretary of State",
        "Grushko added.",
    ],
}
# What ingest infers from the page alone once the front matter is stripped.
INFERRED = {
    "euromaidan-press-nato-russia-talk-more.txt": {
        "title": "NATO and Russia agreed to talk more at Brussels talks",
        "outlet": "Euromaidan Press",
        "published": "2022-01-12",
        "author": None,
    },
    "euronews-nato-russia-further-meetings.txt": {
        "title": "NATO and Russia agree to hold further meetings amid Ukraine tensions",
        "outlet": "Euronews",
        "published": "2022-01-12",
        "author": None,
    },
    "nato-reaffirms-sovereign-right.txt": {
        "title": "'Each nation has sovereign right to choose its own path,\u2019 NATO reaffirms as "
        "talks with Russia end",
        "outlet": None,
        "published": "2022-01-12",
        "author": None,
    },
    "nato-russia-council-step-forward.txt": {
        "title": "NATO-Russia Council step forward",
        "outlet": None,
        "published": "2022-01-12",
        "author": "Anna van Densky",
    },
    "no-ukraine-breakthrough-more-talks.txt": {
        "title": "No Ukraine breakthrough, but NATO and Russia eye more talks",
        "outlet": None,
        "published": None,
        "author": None,
    },
}


def _seed(name: str):
    return parse_article((SEEDS / name).read_bytes(), f"content/articles/{name}")


def _without_front_matter(name: str) -> bytes:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S).encode("utf-8")


def test_the_five_seeds_are_there():
    assert len(SEED_NAMES) == 5


@pytest.mark.parametrize("name", SEED_NAMES)
def test_offsets_are_exact(name):
    article = _seed(name)
    assert article.paragraphs
    assert_offsets(article)
    assert article.text == (SEEDS / name).read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_no_furniture_in_kept_paragraphs(name):
    body = "\n".join(kept(_seed(name)))
    found = [phrase for phrase in FURNITURE_PHRASES if phrase.lower() in body.lower()]
    assert not found


@pytest.mark.parametrize("name", SEED_NAMES)
def test_key_content_is_kept(name):
    body = "\n".join(kept(_seed(name)))
    missing = [snippet for snippet in KEY_CONTENT[name] if snippet not in body]
    assert not missing


@pytest.mark.parametrize("name", SEED_NAMES)
def test_front_matter_is_read_and_dropped(name):
    article = _seed(name)
    assert article.removed[0].start == 0 and article.removed[0].reason == "front matter"
    assert article.published == "2022-01-12"
    assert article.title == INFERRED[name]["title"].replace("\u2019", "'")
    assert article.paragraphs[0].start >= article.removed[0].end


def test_duplicated_paragraph_is_kept_once():
    paragraphs = kept(_seed("nato-reaffirms-sovereign-right.txt"))
    opening = "The meeting of the NATO-Russia Council held in Brussels on Jan. 12 was"
    assert sum(p.startswith(opening) for p in paragraphs) == 1


def test_glued_dateline_and_byline_are_cut_from_the_first_paragraph():
    article = _seed("nato-russia-council-step-forward.txt")
    first = kept(article)[0]
    assert first.startswith("The NATO-Russia Council, which brings together")
    assert "dateline and byline" in [r.reason for r in article.removed]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_metadata_is_inferred_without_front_matter(name):
    article = parse_article(_without_front_matter(name), name)
    assert_offsets(article)
    got = {key: getattr(article, key) for key in INFERRED[name]}
    assert got == INFERRED[name]
    assert kept(article) == kept(_seed(name))


def test_ingest_dir_reads_the_seed_folder():
    result = ingest_dir(SEEDS, ROOT, 5_000_000)
    assert not result.skipped
    assert [a.path for a in result.articles] == [f"content/articles/{n}" for n in SEED_NAMES]
    assert [a.id for a in result.articles] == [n.removesuffix(".txt") for n in SEED_NAMES]
    assert all(a.encoding == "utf-8" and a.language == "en" for a in result.articles)
