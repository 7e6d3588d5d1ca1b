"""What a demand asks for: the clause after its cue (a to-infinitive, a that-clause, an object), trimmed."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

# asides after a dash, a semicolon or an opening parenthesis are not part of the demand
_CUT = re.compile(r"\s+(?:–|—|--|-)\s+|;|\s+\(")


def infinitive(verb: Token) -> Token | None:
    """The to-clause that says what `verb` asks for ("urged Y to X", "wanted Y, in turn, to X")."""
    for c in verb.subtree:
        if (
            c.dep_ in ("xcomp", "ccomp", "advcl", "dep")
            and c.pos_ in ("VERB", "AUX")
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        ) and (c.head == verb or (c.head.head == verb and not _that_clause(c.head))):
            return c
    # "wanted Chile, in turn, to lower ...": the parser may hang the to-clause on the
    # verb's own head, right after the verb's phrase
    for c in verb.head.children:
        if (
            c.dep_ in ("ccomp", "advcl", "xcomp", "dep")
            and c.i > verb.i
            and 0 < c.left_edge.i - verb.right_edge.i <= 2
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
        ):
            return c
    return None


def _that_clause(tok: Token) -> bool:
    """ "asked that Y be allowed to X": a to-clause inside a that-clause is not the verb's own."""
    return any(a.dep_ == "mark" and a.lower_ == "that" for a in tok.children)


def is_question(clause: Token) -> bool:
    """ "asked whether Y would ...", "asked what Y wants": an indirect question, not a demand."""
    first = clause.left_edge
    return first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")


def from_to(inf: Token) -> Span:
    """The infinitive clause after its "to" (and after its subject).

    The parser sometimes splits a hyphenated verb ("de-escalate") into siblings, so the
    clause runs on over adjacent siblings until a comma or conjunction.
    """
    toks = sorted(inf.subtree, key=lambda t: t.i)
    to = next((t for t in toks if t.lower_ == "to" and t.dep_ == "aux" and t.head == inf), None)
    start = to.i + 1 if to is not None else toks[0].i
    right = toks[-1].i
    for sib in sorted(inf.head.children, key=lambda t: t.i):
        if sib.i <= right:
            continue
        if (sib.dep_ in ("punct", "cc") and sib.text != "-") or sib.left_edge.i != right + 1:
            break
        right = sib.right_edge.i
    return cut(inf.doc[start : right + 1])


def subtree(tok: Token, drop_mark: bool = False) -> Span:
    """The phrase `tok` heads, cut; `drop_mark` drops a leading "that"."""
    toks = sorted(tok.subtree, key=lambda t: t.i)
    start = toks[0].i
    if drop_mark and tok.doc[start].lower_ == "that":
        start += 1
    return cut(tok.doc[start : toks[-1].i + 1])


def cut(span: Span) -> Span:
    """`span` up to a dash, semicolon or parenthesis, without punctuation at either end."""
    m = _CUT.search(span.text)
    if m:
        end_char = span.start_char + m.start()
        short = span.doc.char_span(span.start_char, end_char, alignment_mode="contract")
        if short is not None and len(short):
            span = short
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) and span[0].is_punct:
        span = span[1:]
    return span


def noun_infinitive(noun: Token) -> Token | None:
    """The to-clause of a demand noun ("a request from the AU to let convoys through"),
    whether the parser hung it on the noun or on the noun's verb right after it."""
    right = noun.right_edge.i
    for c in [*noun.children, *noun.head.children]:
        if (
            c.dep_ in ("acl", "advcl", "xcomp", "relcl")
            and c.pos_ in ("VERB", "AUX")
            and c.left_edge.i in (right + 1, c.i - 1)
            and c.i > noun.i
            and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            and (c.head.i == noun.i or c.left_edge.i == right + 1)
        ):
            return c
    return None


def done_clause(verb: Token) -> Span | None:
    """ "wanted its record recognised", "wants the talks moved to Geneva": the object and the bare
    past participle after it (no auxiliary), which says what the subject wants done by others.

    The parser makes the participle a clause of the verb (with the object as its subject) or
    hangs it inside the object phrase; either way the participle closes the phrase.
    """
    for c in verb.children:
        if (
            c.dep_ in ("ccomp", "xcomp", "oprd")
            and c.tag_ == "VBN"
            and c.i > verb.i
            and not any(a.dep_ in ("aux", "auxpass", "mark") for a in c.children)
            and any(a.dep_ in ("nsubj", "nsubjpass") and a.i < c.i for a in c.children)
        ):
            return subtree(c)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for t in obj.subtree:
        if (
            t.dep_ == "acl"
            and t.tag_ == "VBN"
            and t.i > obj.i
            and not any(a.dep_ in ("aux", "auxpass", "mark", "nsubj") for a in t.children)
            and t.right_edge.i == obj.right_edge.i
            and t.left_edge.i == t.i
            and t.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
        ):
            return subtree(obj)
    return None
