"""Text normalisation shared by resolve's matchers: folding, tokens, contractions, similarity."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache

from spacy.lang.en.stop_words import STOP_WORDS

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"'})
# Latin letters Unicode does not decompose to ASCII (so NFKD alone would drop them).
_LETTERS = str.maketrans(
    {
        "ı": "i",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "þ": "th",
        "Þ": "Th",
        "ð": "d",
        "Ð": "D",
        "ħ": "h",
    }
)
_DASHES = re.compile(r"[‐‑‒–—―-]+")
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Contractions whose expansion is unambiguous; "'s" is left alone (is/has/possessive).
_CONTRACTIONS = [
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bcan't\b"), "can not"),
    (re.compile(r"\bcannot\b"), "can not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"'re\b"), " are"),
    (re.compile(r"'ve\b"), " have"),
    (re.compile(r"'ll\b"), " will"),
    (re.compile(r"'m\b"), " am"),
    (re.compile(r"'d\b"), " would"),
    (re.compile(r"\blet's\b"), "let us"),
    (re.compile(r"\b(it|that|there|what|he|she|who|here)'s\b"), r"\1 is"),
]
STOPWORDS = frozenset(STOP_WORDS) | {"said", "say", "says", "told", "would", "also", "mr", "ms"}


def fold(text: str) -> str:
    """Lower-case ASCII with straight quotes: for comparing, never for display.

    Text with no Latin letters keeps its own letters (casefolded), so non-Latin names still match.
    """
    text = text.translate(_APOSTROPHES).translate(_LETTERS)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if not re.search(r"[A-Za-z0-9]", ascii_text) and re.search(r"\w", text):
        return text.casefold()
    return ascii_text.casefold()


def expand_contractions(folded: str) -> str:
    for pattern, repl in _CONTRACTIONS:
        folded = pattern.sub(repl, folded)
    return folded


@cache
def stem(word: str) -> str:
    """A light plural strip so "talks"/"talk" and "guarantees"/"guarantee" meet; not linguistics."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str, *, brackets: bool = True) -> list[str]:
    """Folded words with contractions expanded; `brackets=False` drops editorial [..] and (..)."""
    if not brackets:
        text = _BRACKETED.sub(" ", text)
    folded = expand_contractions(fold(_DASHES.sub(" ", text)))
    return [w.replace("'", "") for w in _WORD.findall(folded) if w not in {"'s"}]


def quote_tokens(text: str) -> list[str]:
    """Tokens for comparing two printings of one quote: editorial insertions dropped."""
    return [stem(w) for w in words(text, brackets=False)]


def content_tokens(tokens: list[str]) -> list[str]:
    """Tokens worth blocking on: no stop words, no short words."""
    return [t for t in tokens if len(t) > 2 and t not in STOPWORDS and not t.isdigit()]


def seq_ratio(a: list[str], b: list[str]) -> float:
    """difflib's ratio over token lists: 1.0 identical, 0.0 nothing shared."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def containment(short: list[str], long: list[str]) -> float:
    """Share of `short`'s tokens found, in order, inside `long`."""
    if not short:
        return 0.0
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(short)


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def content_key(text: str, n: int = 4) -> str:
    """The first `n` content words of `text`, folded, stemmed, contractions expanded.

    The readable part of an item's id that small wording differences between printings
    ("doesn't"/"does not", "[Russia]", "guarantee"/"guarantees", "the") leave unchanged.
    """
    return " ".join(content_tokens(quote_tokens(text))[:n])


def clean_space(text: str) -> str:
    return " ".join(text.split())
