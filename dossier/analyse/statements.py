"""Dated statements that are events: a named speaker's words to an audience or at an occasion."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Span, Token

from dossier import lexicons

from .context import Ctx

_QUOTED = re.compile(r"\"[^\"]*\"?|“[^”]*”?")


@cache
def _occasions() -> re.Pattern[str]:
    """One alternation of `statement_occasions.yaml`."""
    phrases = lexicons.load("statement_occasions")["occasions"]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")")


def unquoted(text: str) -> str:
    """The text with what stands inside quotation marks blanked: the narrator's words only."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), text.replace("’", "'"))


def speaker(verb: Token) -> Token | None:
    """The person the verb's subject names ("Ortega", "the minister, Ana Ortega,"), if it names one.

    A participle ("speaking to reporters on Tuesday, X said") has the subject of its verb.
    """
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.dep_ == "nsubj":
        subjects = [verb.head]  # "X, speaking to reporters, said"
    else:
        tok = verb.head if verb.tag_ == "VBG" and verb.dep_ == "advcl" else verb
        # every subject the parse gives: a dateline ("LIMA — X told ...") may be taken for one
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subj in subjects:
        # the subject itself ("X"), else the name apposed to it ("the minister, Jane X,")
        named = [subj, *(c for c in subj.children if c.dep_ == "appos")]
        found = next((t for t in named if t.ent_type_ == "PERSON"), None)
        if found is not None:
            return found
    return None


def _occasion_in(sent: Span) -> bool:
    return _occasions().search(unquoted(sent.text).lower()) is not None


NEARBY = 6  # sentences after a statement where its occasion may be named, at most


def _nearby(ctx: Ctx, si: int) -> list[int]:
    """The sentences after `si` in its paragraph, and the first of the next paragraph (a few
    at most: a one-paragraph article must not make each statement read to its end)."""
    para = ctx.sentences[si].paragraph
    out = []
    for j in range(si + 1, min(len(ctx.sents), si + 1 + NEARBY)):
        out.append(j)
        if ctx.sentences[j].paragraph != para:
            break
    return out


def occasion(ctx: Ctx, si: int, verb: Token) -> int | None:
    """The sentence that makes a dated statement an event of its own, None if none does.

    An event needs a named speaker, and an audience or an occasion named in the statement's
    sentence or in a later sentence of the paragraph (or the next one) that names the same
    speaker ("X said on Friday ... Briefing reporters ..., X said ...") or calls them "he" or
    "she" with nobody else named since ("X said on Friday ... “...,” she told reporters").
    """
    who = speaker(verb)
    if who is None:
        return None
    if _occasion_in(ctx.sents[si]):
        return si
    name = re.compile(rf"\b{re.escape(who.text)}\b")
    others = False  # a person other than the speaker named since the statement
    for j in _nearby(ctx, si):
        narrator = unquoted(ctx.sents[j].text)
        named = name.search(narrator) is not None
        if (named or (not others and _PRONOUN.search(narrator))) and _occasion_in(ctx.sents[j]):
            return j
        others = others or _names_another(ctx, j, who.text)
    return None


_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _names_another(ctx: Ctx, j: int, name: str) -> bool:
    """Whether the narrator of sentence `j` names a person other than `name`."""
    sent = ctx.sents[j]
    narrator = unquoted(sent.text)
    for ent in ctx.ents(j):
        if ent.label_ != "PERSON" or name in ent.text or ent.text in name:
            continue
        a = ent.start_char - sent.start_char
        if narrator[a : a + len(ent.text)] == ent.text.replace("’", "'"):
            return True  # said by the narrator, not inside a quotation
    return False
