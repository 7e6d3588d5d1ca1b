"""Text normalisation shared by resolve's matchers: folding, tokens, contractions, similarity."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache, lru_cache

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
        "đ": "dj",  # Serbo-Croatian Đ is written Dj without diacritics (Đorđević / Djordjevic)
        "Đ": "Dj",
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
# One table, one pass (the two maps share no keys, and neither yields the other's keys).
_FOLD_CHARS = {**_APOSTROPHES, **_LETTERS}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group()
    return _FOLD_CHARS.get(ord(ch), ch)


_DASHES = re.compile(r"[‐‑‒–—―-]+")
_BRACKETED = re.compile(r"\[[^\]]*\]|\([^)]*\)")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
# Contractions whose expansion is unambiguous; "'s" is left alone (is/has/possessive).
_CONTRACTIONS = [
    ("won't", re.compile(r"\bwon't\b"), "will not"),
    ("can't", re.compile(r"\bcan't\b"), "can not"),
    ("cannot", re.compile(r"\bcannot\b"), "can not"),
    ("shan't", re.compile(r"\bshan't\b"), "shall not"),
    ("ain't", re.compile(r"\bain't\b"), "is not"),
    ("n't", re.compile(r"n't\b"), " not"),
    ("'re", re.compile(r"'re\b"), " are"),
    ("'ve", re.compile(r"'ve\b"), " have"),
    ("'ll", re.compile(r"'ll\b"), " will"),
    ("'m", re.compile(r"'m\b"), " am"),
    ("'d", re.compile(r"'d\b"), " would"),
    ("let's", re.compile(r"\blet's\b"), "let us"),
    ("'s", re.compile(r"\b(it|that|there|what|he|she|who|here)'s\b"), r"\1 is"),
]
STOPWORDS = frozenset(STOP_WORDS) | {"said", "say", "says", "told", "would", "also", "mr", "ms"}


_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_ANY_WORD = re.compile(r"\w")


# Resolve folds the same names and sentences many times over (every claim on a sentence,
# every mention of a name): memoised, since fold is pure and its inputs repeat.
@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case ASCII with straight quotes: for comparing, never for display.

    Text with no Latin letters keeps its own letters (casefolded), so non-Latin names still match.
    """
    if text.isascii():
        return text.lower()  # what the steps below come to on ASCII, without the round trip
    # Only the few non-ASCII characters are looked up (str.translate walks every character).
    text = _NON_ASCII.sub(_fold_char, text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    if not _ASCII_ALNUM.search(ascii_text) and _ANY_WORD.search(text):
        return text.casefold()
    return ascii_text.casefold()


def _fold_uncached(text: str) -> str:
    # Whole sentences are seen once per words() memo entry: no need to memoise them twice.
    return fold.__wrapped__(text)


def expand_contractions(folded: str) -> str:
    # Every pattern but "cannot" needs an apostrophe: most sentences skip all thirteen passes.
    # Each pattern runs only where its literal occurs (no replacement writes a literal).
    if "'" not in folded and "cannot" not in folded:
        return folded
    for literal, pattern, repl in _CONTRACTIONS:
        if literal in folded:
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
    return list(_words(text, brackets))


@lru_cache(maxsize=1 << 15)
def _words(text: str, brackets: bool) -> tuple[str, ...]:
    # A tuple, so a caller that edits its list never edits the memo.
    if not brackets:
        text = _BRACKETED.sub(" ", text)
    folded = expand_contractions(_fold_uncached(_DASHES.sub(" ", text)))
    found = _WORD.findall(folded)
    if "'" not in folded:
        return tuple(found)
    return tuple(w.replace("'", "") for w in found if w != "'s")


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


def seq_ratio_at_least(a: list[str], b: list[str], threshold: float) -> bool:
    """`seq_ratio(a, b) >= threshold`, deciding from difflib's cheap upper bounds first: most
    pairs compared are far apart, and the full ratio is the costly part of merging items."""
    if not a or not b:
        return threshold <= 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return False
    return matcher.ratio() >= threshold


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
