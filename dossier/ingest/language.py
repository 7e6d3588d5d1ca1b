"""Is the article English? A script count and a stopword rate: cheap, offline, and enough to skip others."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from dossier.errors import DossierError

SAMPLE = 20_000  # characters of kept text looked at
# The commonest English function words. In English news they are a third of all words;
# in French, German or Spanish text only the odd "a", "in" or "on" matches.
_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "that",
        "for",
        "on",
        "it",
        "with",
        "as",
        "was",
        "by",
        "at",
        "from",
        "he",
        "she",
        "said",
        "has",
        "have",
        "be",
        "are",
        "not",
        "but",
        "this",
        "which",
        "an",
        "they",
        "their",
        "his",
        "its",
        "were",
        "will",
        "would",
        "had",
        "been",
        "who",
    ]
)
MIN_STOPWORD_RATE = 0.12
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[\u0000-\u024f\u1e00-\u1eff]+")


def declared(value: str, rel_path: str) -> str:
    """The language a file declares (front matter, `<html lang>`), as "en"; others are refused."""
    primary = re.split(r"[-_\s]", value.strip().lower(), maxsplit=1)[0]
    if primary in ("en", "eng", "english"):
        return "en"
    raise DossierError(
        f"language '{value[:20]}' is not supported; only English articles are analysed",
        rel_path,
        fix="add an English version of the article",
    )


def check_english(text: str, rel_path: str) -> None:
    """Raise `DossierError` when the kept text is clearly not English; say nothing when unsure."""
    words = _WORD.findall(text[:SAMPLE])
    letters = sum(len(w) for w in words)
    if letters < 40:
        return
    joined = "".join(words)
    other = _LATIN.sub("", joined)  # the letters of other scripts
    if len(other) * 2 > letters:
        scripts = Counter(unicodedata.name(ch, "UNKNOWN").split()[0] for ch in other)
        script = scripts.most_common(1)[0][0].title()
        raise DossierError(
            f"not English: the text is in {script} script; only English articles are analysed",
            rel_path,
            fix="add an English version, or set 'language: en' in front matter if it is English",
        )
    if len(words) < 30:
        return
    rate = sum(w.lower() in _STOPWORDS for w in words) / len(words)
    if rate < MIN_STOPWORD_RATE:
        raise DossierError(
            f"not English: only {rate:.0%} of its words are common English words",
            rel_path,
            fix="add an English version, or set 'language: en' in front matter if it is English",
        )
