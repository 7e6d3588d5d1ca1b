"""Clause helpers over the parse: the verb a date hangs from, its tense, clause, subject and actors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from . import lexicon as lx
from .context import Ctx

FUTURE_WORDS = frozenset(
    [
        "will",
        "shall",
        "'ll",
        "next",
        "upcoming",
        "planned",
        "scheduled",
        "due",
        "expected",
        "coming",
        "later",
        "future",
        "plan",
        "schedule",
    ]
)


def governor(span: Span) -> Token | None:
    """The verb the date expression hangs from."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    root = span.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def tense(verb: Token, sent: Span) -> str:
    """ "future" or "past" for the verb, from its auxiliaries, its form and future words."""
    words = {t.lower_ for t in verb.children} | {verb.lower_}
    # Only the verb's own clause: "wrote in October, and said it could act if the next round
    # fails" is past, whatever a later clause plans.
    scope = _clause(verb, sent) or sent
    if words & {"will", "shall", "'ll"} or any(
        t.lower_ in ("upcoming", "next", "planned", "scheduled") for t in scope
    ):
        return "future"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return "future"  # "talks to be held on ...", "the treaty to be signed in 2031"
    if verb.tag_ in ("VBD", "VBN") or any(
        c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")
    ):
        return "past"
    if any(t.lower_ in FUTURE_WORDS for t in sent):
        return "future"
    return "past"


def _clause(verb: Token, sent: Span) -> Span | None:
    """The verb's clause without its subordinate clauses: short, readable, contiguous."""
    toks = {verb.i}
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis") or child.dep_ == "cc":
            continue
        toks.update(t.i for t in child.subtree)
    lo, hi = min(toks), max(toks)
    lo = max(lo, sent.start)
    hi = min(hi, sent.end - 1)
    doc = sent.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi - lo < 2:
        return None
    return doc[lo : hi + 1]


_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_REPORTED = frozenset({"ccomp", "parataxis"})


def subject(tok: Token) -> Token | None:
    """The verb's own subject, if not a relative pronoun ("the talks that ended")."""
    for c in tok.children:
        if c.dep_ in _SUBJECT and c.tag_ not in ("WDT", "WP"):
            return c
    return None


def statement(verb: Token, sent: Span) -> Span | None:
    """The verb's clause, widened until it has a subject and so reads as a statement.

    A conjoined or controlled verb ("... and agreed on Tuesday to ...") takes the subject of
    the verb it depends on; a participle or relative clause on a noun ("offers turned down on
    Monday included ...") takes the clause of the verb governing that noun. Where no
    subject is found, or only across reported speech, the whole sentence.
    """
    clause = _clause(verb, sent)
    if clause is None or subject(verb) is not None:
        return clause
    tok, via_noun = verb, False
    for _ in range(8):
        if tok.dep_ in _REPORTED or tok.head.i == tok.i:
            return sent
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            via_noun = True
            continue
        subj = subject(tok)
        if subj is None:
            continue
        if via_noun:
            outer = _clause(tok, sent) or sent
            lo, hi = min(outer.start, clause.start), max(outer.end, clause.end)
        else:
            lo, hi = min(subj.left_edge.i, clause.start), max(subj.right_edge.i + 1, clause.end)
        return sent.doc[lo:hi]
    return sent


def readable(span: Span) -> str:
    """The item's text without discourse connectors that lean on the sentence before."""
    lead, mid = lx.connectors()
    text = mid.sub("", span.text)
    trimmed = lead.sub("", text)
    if trimmed != text and trimmed:
        trimmed = trimmed[0].upper() + trimmed[1:]
    return trimmed or text


def cue_verbs(span: Span) -> tuple[Token, Token | None]:
    """The verb nearest the cue, and the predicate that controls it ("are ready to meet" -> are)."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return tok, None
        tok = tok.head
    else:
        return tok, None
    low = tok
    # climb control chains ("agreed to hold", "ready to meet", "wants to discuss"), not
    # over reported speech: "said they would meet again" keeps "meet" as its predicate
    while tok.dep_ in ("xcomp", "acomp") or (tok.dep_ == "advcl" and tok.head.pos_ == "ADJ"):
        tok = tok.head
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            tok = tok.head
    return low, tok if tok.pos_ in ("VERB", "AUX") else low


def negated_chain(low: Token, top: Token) -> bool:
    """Whether a verb on the way up from `low` to `top` is negated ("did not agree to meet")."""
    tok = low
    for _ in range(6):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.i == top.i or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def actors(ctx: Ctx, span: Span) -> list[str]:
    """The keys of the entities mentioned in the span, in order of first mention."""
    out: list[str] = []
    for t in span:
        k = ctx.tok_ent.get(t.i)
        if k and k not in out:
            out.append(k)
    return out
