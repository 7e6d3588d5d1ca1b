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


def _nearby(ctx: Ctx, si: int) -> list[int]:
    """The sentences after `si` in its paragraph, and the first of the next paragraph."""
    para = ctx.sentences[si].paragraph
    out = []
    for j in range(si + 1, len(ctx.sents)):
        out.append(j)
        if ctx.sentences[j].paragraph != para:
            break
    return out


def is_event(ctx: Ctx, si: int, verb: Token) -> bool:
    """Whether a dated statement is an event of its own: a named speaker, and an audience or an
    occasion named in its sentence or in a later sentence of the paragraph (or the next one)
    that names the same speaker ("X said on Friday ... Briefing reporters ..., X said ...")."""
    who = speaker(verb)
    if who is None:
        return False
    if _occasion_in(ctx.sents[si]):
        return True
    name = re.compile(rf"\b{re.escape(who.text)}\b")
    return any(
        name.search(unquoted(ctx.sents[j].text)) and _occasion_in(ctx.sents[j])
        for j in _nearby(ctx, si)
    )
