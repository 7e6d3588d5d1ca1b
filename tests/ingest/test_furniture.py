"""Every furniture rule in dossier/lexicons/furniture.yaml, and the generic paragraph tests."""

from __future__ import annotations

import re

import pytest

from dossier.ingest import furniture
from tests.ingest.helpers import STORY, kept, reasons

# (paragraph, reason) pairs: at least one for every rule in the lexicon.
FURNITURE = [
    ("Share this article", "share button"),
    ("Share this articleComments", "share button"),
    ("Share on Facebook", "share button"),
    ("Tweet Email Print", "share button"),
    ("Facebook | Twitter | WhatsApp", "share button"),
    ("Copy/paste the article video embed link below:Copy to clipboardCopied", "share button"),
    ("Privacy and Cookie Policies.", "cookie notice"),
    ("Cookie settings", "cookie notice"),
    ("We use cookies to give you the best experience on our website.", "cookie notice"),
    ("You could close this page. Or you could help. Become a Patron!", "donation appeal"),
    ("Support independent journalism: donate now.", "donation appeal"),
    (
        "We kindly ask for your support by disabling your ad blocker. Thank you!",
        "ad-blocker notice",
    ),
    ("Sign up for our daily newsletter", "newsletter box"),
    (
        "Subscribe to Harbour Ledger Daily, the top stories every morning at 7 a.m.",
        "newsletter box",
    ),
    ("Fresh daily newsletter covering the top headlines and developments", "newsletter box"),
    ("Daily at 9am EST", "newsletter box"),
    ("Leave a Reply", "comment form"),
    ("Leave a Comment", "comment form"),
    ("12 Comments", "comment form"),
    ("Fill in your details below or click an icon to log in:", "comment form"),
    (
        "You are commenting using your WordPress.com account. Log\u00a0Out\u00a0/\u00a0 Change )",
        "comment form",
    ),
    ("Connecting to %s", "comment form"),
    ("WordPress.com Logo", "comment form"),
    ("Facebook photo", "comment form"),
    ("Related Posts", "related links"),
    ("**Related**", "related links"),
    (
        "Get the Evening Digest from The Example Post in your inbox every weekday. Sign up here.",
        "newsletter box",
    ),
    ("You might also like", "related links"),
    ("Further reading:", "related links"),
    ("Most read", "related links"),
    ("Read more: Ports reopen after the storm", "related links"),
    ("Follow us on Twitter, Facebook and Google News", "social follow"),
    ("To suggest a correction or clarification, write to us here", "corrections contact"),
    ("You can also highlight the text and press Ctrl + Enter", "corrections contact"),
    ("Please leave your suggestions or corrections here", "corrections contact"),
    (
        "When referencing our materials, please include an active hyperlink to the material.",
        "reprint terms",
    ),
    ("The work of Example Press is supported by the Example Foundation", "supporter notice"),
    ("Jane Roe in Rome and Ann Poe in Oslo contributed to this report.", "contributor credit"),
    ("Reporting by Jane Roe; Editing by John Poe", "contributor credit"),
    ("Delegates arrive at the palace on Monday. Screenshot: Channel24", "photo credit"),
    ("Photo: Jane Roe/Agency", "photo credit"),
    ("Caption: delegates arrive at the palace on Monday.", "photo credit"),
    ("Copyright \u00a9 2024", "copyright line"),
    (
        "Delegates arrive, Jan 12 2022 Copyright Jon Peel/Copyright 2022 The Agency. All rights reserved",
        "copyright line",
    ),
    ("\u00a9 The Agency. All rights reserved.", "copyright line"),
    ("X", "page widget"),
    ("poster", "page widget"),
    ("Show more news", "page widget"),
    ("Video of day", "page widget"),
    ("Advertisement", "page widget"),
    ("4 min read", "page widget"),
    ("https://example.org/world/story-1", "bare link"),
]

# Real story text that mentions the same words and must never be taken for furniture.
CONTENT = [
    "This version has been corrected to show that the minister is a deputy, not the head.",
    "Share prices fell sharply on Tuesday after the announcement.",
    "The company said it would update its privacy policy after the ruling.",
    "By the end of the week, both sides had agreed to meet again.",
    "The court ruled on copyright law in 2019.",
    "Related talks in Vienna will follow next week.",
    "Follow-up talks are planned for March, the ministry said.",
    "\u201cWe will not leave a reply unanswered,\u201d the minister said.",
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_rule(line, reason):
    rule = furniture.match(furniture.normalise(line))
    assert rule is not None, line
    assert rule.reason == reason


def test_every_rule_has_an_example():
    hit = {furniture.match(furniture.normalise(line)) for line, _ in FURNITURE}
    missing = [rule.pattern.pattern for rule in furniture.rules() if rule not in hit]
    assert not missing


@pytest.mark.parametrize("line", CONTENT)
def test_story_text_is_not_furniture(line):
    assert furniture.match(furniture.normalise(line)) is None


@pytest.mark.parametrize("line", CONTENT)
def test_story_text_is_kept_in_an_article(parse, line):
    article = parse(f"A headline about the talks\n\n{STORY}\n{line}\n")
    assert line in kept(article)


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture_is_dropped_from_an_article(parse, line, reason):
    article = parse(f"A headline about the talks\n\n{STORY}\n{line}\n")
    assert line not in kept(article)
    assert reasons(article)[line.strip()] in {reason, "related links"}


def test_rules_skip_long_paragraphs():
    long = "We use cookies in this sentence, which goes on and on. " * 20
    assert furniture.match(furniture.normalise(long)) is None


def test_short_line_without_sentence_punctuation_is_dropped(parse):
    article = parse(
        f"A headline about the talks\n\n{STORY}\nAn ultimatum in any language: what the experts say\n"
    )
    assert reasons(article)["An ultimatum in any language: what the experts say"] == "no sentence"


def test_caption_repeated_with_a_credit_is_a_duplicate_caption(parse):
    caption = "The envoy welcomes the delegation in Geneva, Tuesday Mar 14 2023"
    article = parse(
        f"Headline of the story here\n\n{caption}\n{caption} Jon Peel/Agency\n\n{STORY}"
    )
    assert reasons(article)[f"{caption} Jon Peel/Agency"] == "duplicate caption"
    assert article.published == "2023-03-14"  # the caption above the story dates it


def test_repeated_paragraph_is_kept_once(parse):
    para = "The talks lasted four hours, and officials said they would meet again next week."
    article = parse(f"Headline of the story here\n\n{para}\n\n{para}\n\n{STORY}")
    assert kept(article).count(para) == 1
    assert "repeat" in [r.reason for r in article.removed]


def test_paragraph_repeating_only_the_start_of_an_earlier_one_is_a_repeat(parse):
    first = "The talks lasted four hours, and officials said they would meet again next week."
    article = parse(f"Headline of the story here\n\n{first}\n\n{first[:50].rstrip()}\n\n{STORY}")
    assert first[:50].rstrip() not in kept(article)


def test_paragraph_extending_an_earlier_one_keeps_only_the_new_part(parse):
    first = "The talks lasted four hours, and officials said they would meet again."
    extra = "A statement followed in the evening."
    article = parse(f"Headline of the story here\n\n{first}\n\n{first} {extra}\n\n{STORY}")
    assert kept(article)[:2] == [first, extra]


def test_related_links_after_a_heading_are_dropped(parse):
    article = parse(
        f"Headline of the story here\n\n{STORY}\nRelated Posts\n\nWill the corridor stay open?\n\n"
        "Prices fall on the news!\n\nThe talks continue on Thursday, a spokesperson said.\n"
    )
    assert "Will the corridor stay open?" not in kept(article)
    assert "Prices fall on the news!" not in kept(article)
    assert "The talks continue on Thursday, a spokesperson said." in kept(article)


def test_related_links_after_a_bold_markdown_heading_are_dropped(parse):
    article = parse(
        f"Headline of the story here\n\n{STORY}\n**Related**\n\n- Explainer: what is the pact?\n\n"
        "- Valley town closes two more mines\n"
    )
    assert "- Explainer: what is the pact?" not in kept(article)
    assert "- Valley town closes two more mines" not in kept(article)


def test_bullets_under_a_colon_are_kept(parse):
    article = parse(
        f"Headline of the story here\n\n{STORY}\nThe agenda has three items:\n\n"
        "\u2022 issues related to European security;\n\n\u2022 the situation in and around the region\n"
    )
    assert "\u2022 issues related to European security;" in kept(article)
    assert "\u2022 the situation in and around the region" in kept(article)


def test_quote_split_across_a_paragraph_break_is_kept(parse):
    article = parse(
        "Headline of the story here\n\nBoth parties had, according to the envoy who chaired them, "
        "both sides had\n\n\u201cexpressed the need for dialogue,\u201d the envoy said.\n\n" + STORY
    )
    assert any(p.endswith("both sides had") for p in kept(article))


def test_patterns_are_lower_case():
    # Paragraphs are case-folded before matching; an upper-case letter could never match.
    for rule in furniture.rules():
        literal = re.sub(r"\\[A-Za-z]", "", rule.pattern.pattern)
        assert literal == literal.lower(), rule.pattern.pattern
