"""Restricted objects: a contested thing the articles mostly name through a measure against it
("the ban on night fishing", "a visa ban") is shown as that measure, every stance turned."""

from __future__ import annotations

from collections import Counter
from functools import cache

from dossier import lexicons
from dossier.resolve.issues import BOUNDARY, COMMA, stems
from dossier.resolve.text import STOPWORDS, fold, stem

RESTRICT_REACH = 4  # tokens from "ban on" to the restricted word ("ban on the local currency")


@cache
def restriction_words() -> dict[str, str]:
    """Stem -> surface of each restriction noun (contested.yaml `restrictions`)."""
    out: dict[str, str] = {}
    for w in lexicons.load("contested").get("restrictions") or []:
        out.setdefault(stem(fold(w)), fold(w))  # the first (singular) form names the measure
    return out


def _restricted_at(toks: list[str], i: int) -> str | None:
    """The restriction noun that governs the word at `i` ("ban on the X", "X ban"), if any."""
    nouns = restriction_words()
    if i + 1 < len(toks) and toks[i + 1] in nouns:
        return toks[i + 1]
    for j in range(i - 1, max(-1, i - 2 - RESTRICT_REACH), -1):
        if toks[j] in (BOUNDARY, COMMA):
            return None
        if toks[j] == "on" and j > 0 and toks[j - 1] in nouns:
            return toks[j - 1]
    return None


def restricted_label(label: str, keywords: list[str], sentences: list[str]) -> str | None:
    """The label of the measure a contested thing is named through in most of the sentences
    that name it ("Ban on night fishing"), or None when most name the thing itself."""
    nouns = restriction_words()
    own = {t for text in [label, *keywords] for t in stems(text)} - STOPWORDS
    if not own or own & set(nouns):
        return None  # the issue is a measure already
    seen, plain = Counter(), 0
    for text in sentences:
        toks = stems(text)
        at = [i for i, t in enumerate(toks) if t in own]
        if not at:
            continue
        found = [n for n in (_restricted_at(toks, i) for i in at) if n]
        if found:
            seen[found[0]] += 1
        else:
            plain += 1
    if sum(seen.values()) <= plain:
        return None
    noun = nouns[max(seen, key=lambda n: (seen[n], n))]
    return f"{noun.capitalize()} on {label[:1].lower()}{label[1:]}"
