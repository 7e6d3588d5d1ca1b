"""Page-furniture rules (dossier/lexicons/furniture.yaml) and the text shape tests they rely on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dossier import lexicons

# Rules only look at short paragraphs (furniture is short); longer text is never normalised
# in full, which keeps every check bounded however long the paragraph.
NORM_LIMIT = 3000
DEFAULT_MAX_LEN = 300
END_WINDOW = 200  # "end" rules are anchored with $: only the tail can match

# Curly quotes to straight ones, odd spaces to plain ones (str.replace beats str.translate).
_STRAIGHTEN = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‟", '"'),
    ("\u00a0", " "),
    ("\u2007", " "),
    ("\u202f", " "),
)
_SPACES = re.compile(r"\s+")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
# Where a paragraph may end: sentence punctuation, possibly inside closing quotes/brackets.
TERMINALS = frozenset(".!?:;…\"”’'")
_TRAILING = ")]}*_ \t"
# A sentence boundary inside a paragraph: ". The", "?” She", "… And".
_INNER_BOUNDARY = re.compile(r"[.!?…][\"”’')\]]{0,2}\s{1,5}[\"“‘'(]{0,2}[A-Z0-9]")
_BULLET = re.compile(r"(?:[•·◦▪▫‣⁃●○■□►▶✓✔–—*+-]|\d{1,3}[.)])\s")
_STARTS_LOWER = re.compile(r"[\"“‘'(…\s]{0,3}[a-z]")


@dataclass(frozen=True)
class Rule:
    how: str
    pattern: re.Pattern[str]
    reason: str
    max_len: int
    related: bool


@cache
def rules() -> tuple[Rule, ...]:
    """The furniture rules, compiled once."""
    out = []
    for item in lexicons.load("furniture")["rules"]:
        how = item["how"]
        if how not in ("whole", "start", "end", "anywhere"):
            raise ValueError(f"furniture.yaml: unknown rule kind {how!r}")
        out.append(
            Rule(
                how=how,
                # Paragraphs are case-folded before matching, so patterns are lower case and
                # compiled without IGNORECASE, which would slow every alternation down.
                pattern=re.compile(item["pattern"]),
                reason=item["reason"],
                max_len=int(item.get("max_len", DEFAULT_MAX_LEN)),
                related=bool(item.get("related", False)),
            )
        )
    return tuple(out)


@cache
def outlet_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in lexicons.load("furniture")["outlet_patterns"])


@cache
def outlet_words() -> frozenset[str]:
    return frozenset(lexicons.load("furniture")["outlet_words"])


@cache
def outlet_heads() -> frozenset[str]:
    """Last words of outlet names ("Ledger", "Monitor"), shared with analyse's non-actors."""
    return frozenset(lexicons.load("non_actors")["outlet_heads"])


@cache
def html_lexicon() -> dict[str, frozenset[str]]:
    data = lexicons.load("furniture")["html"]
    return {key: frozenset(value) for key, value in data.items()}


def normalise(text: str, *, fold: bool = True, limit: int | None = NORM_LIMIT) -> str:
    """Collapse whitespace, straighten quotes and (by default) fold case: the form rules see."""
    out = text[:limit]
    if not out.isascii():
        for odd, plain in _STRAIGHTEN:
            if odd in out:
                out = out.replace(odd, plain)
    out = _SPACES.sub(" ", out).strip()
    return out.casefold() if fold else out


def match(norm: str, long: bool = False) -> Rule | None:
    """The first furniture rule that matches the normalised paragraph `norm`, if any.

    `long` says the paragraph was longer than NORM_LIMIT, so no rule applies.
    """
    if long:
        return None
    # Markdown emphasis around a label ("**Related**", "_Share this_") is typography, not words.
    norm = norm.strip("*_ ")
    size = len(norm)
    for rule in rules():
        if size > rule.max_len:
            continue
        if rule.how == "whole":
            hit = rule.pattern.fullmatch(norm)
        elif rule.how == "start":
            hit = rule.pattern.match(norm)
        elif rule.how == "end":
            hit = rule.pattern.search(norm, max(0, size - END_WINDOW))
        else:
            hit = rule.pattern.search(norm)
        if hit:
            return rule
    return None


def ends_like_sentence(text: str) -> bool:
    """Does the paragraph end with sentence punctuation (closing quotes and brackets allowed)?"""
    tail = text[-50:].rstrip(_TRAILING)
    return bool(tail) and tail[-1] in TERMINALS


def has_inner_boundary(text: str) -> bool:
    return _INNER_BOUNDARY.search(text) is not None


def is_bullet(text: str) -> bool:
    return _BULLET.match(text) is not None


def starts_lower(text: str) -> bool:
    """Does the paragraph continue a sentence (starts in lower case, maybe after a quote)?"""
    return _STARTS_LOWER.match(text) is not None


def is_prose(text: str) -> bool:
    """Enough letters to be words: not a number table, an encoded blob or a row of symbols."""
    sample = text[:NORM_LIMIT]
    letters = len(_NOT_LETTERS.sub("", sample))
    visible = len(_SPACES.sub("", sample))
    if letters < 2 or letters * 2 < visible:
        return False
    # A "word" of hundreds of characters is an encoded blob or a URL, not prose.
    return not (len(sample) > 80 and _SPACES.search(sample.strip()) is None)
