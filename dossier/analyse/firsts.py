"""Past items from "the first … since <date>" and "the first in <N> years" qualifiers."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from dossier.model.analysis import DatedClaim

from . import clauses as cl
from .context import Ctx
from .date_expressions import NUMBERS, PATTERNS, in_quote, resolve

_APPOS_PUNCT = frozenset({"--", "—", "–", ",", "("})
_PRONOUN_SUBJECTS = frozenset({"it", "this", "that", "they", "these", "those"})
_YEARS_SINCE = re.compile(
    r"\b(?:in|for)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+years\b",
    re.IGNORECASE,
)


def firsts(ctx: Ctx, sent: Span, si: int, published: date | None) -> list[DatedClaim]:
    """Past items from "<NP> -- the first (of its kind|<noun>) since <date>|in <N> years".

    The qualifier dates the previous such event; the item's text is the noun phrase the
    "first" describes plus the qualifier, so it says what the date refers to. Where no
    such noun phrase can be found ("It was the first since 2019"), nothing.
    """
    out: list[DatedClaim] = []
    doc = ctx.doc
    text = sent.text  # a span builds its text on every access
    # only "since <date>" qualifies: a sentence without the word needs no date patterns run
    quals: list[tuple[str, re.Match[str]]] = (
        [
            (kind, m)
            for kind, rx in PATTERNS
            for m in rx.finditer(text)
            if m.group().lower().startswith("since")
        ]
        if "since" in text.lower()
        else []
    )
    quals += [("years", m) for m in _YEARS_SINCE.finditer(text)]
    for kind, m in quals:
        if in_quote(text, m.start()):
            continue
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        prep = span[0]
        if prep.head.pos_ in ("VERB", "AUX"):
            continue  # "have stalled since 2019": the verb's own item
        first, noun = _first_of(prep.head)
        if first is None:
            continue
        head = _first_head(first, noun)
        if head is None:
            continue
        if kind == "years":
            if published is None:
                continue
            n = m.group("n").lower()
            value = str(published.year - (int(n) if n.isdigit() else NUMBERS[n] or 0))
        else:
            value = resolve(kind, m, published, "past")
        if value is None:
            continue
        text = doc[head.start : span.end]
        out.append(
            DatedClaim(
                date=value,
                text=cl.readable(text),
                tense="past",
                sentence=si,
                place=None,
                actors=cl.actors(ctx, text),
                date_surface=ctx.text[s:e],
            )
        )
    return out


def _first_of(tok: Token) -> tuple[Token | None, Token | None]:
    """The "first" a qualifier hangs from, and the noun it describes (None: "the first of its kind")."""
    if tok.lower_ == "first":
        return tok, None
    for c in tok.children:
        if c.lower_ == "first" and c.dep_ in ("amod", "nummod", "advmod"):
            return c, tok if tok.pos_ in ("NOUN", "PROPN") else None
    return None, None


def _first_head(first: Token, noun: Token | None) -> Span | None:
    """Where the item's text starts: the subject or apposed noun phrase, else the "first" noun's own."""
    doc = first.doc
    top = noun or first
    lo = min(first.i, top.left_edge.i)
    if top.dep_ in ("attr", "acomp") and top.head.lemma_ == "be":
        subj = cl.subject(top.head)
        if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS and subj.pos_ != "PRON":
            return doc[subj.left_edge.i : lo]  # "The talks were the first ... since 2019"
    apposed_to = noun is None or (top.dep_ == "appos" and top.head.i == lo - 2)
    if (
        apposed_to
        and lo >= 2
        and doc[lo - 1].text in _APPOS_PUNCT
        and doc[lo - 2].pos_ in ("NOUN", "PROPN")
    ):
        apposed = doc[lo - 2]
        start = apposed.left_edge.i if apposed.left_edge.i < apposed.i else apposed.i
        return doc[start:lo]  # "the Andean summit -- the first of its kind since ..."
    if noun is not None:  # its own noun, not the place before a dash ("met in Lima -- the ...")
        return doc[lo : lo + 1]  # "the first such meeting since 2019"
    return None
