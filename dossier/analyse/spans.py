"""NER spans made into mention candidates: cut at titles and line breaks, trimmed, classified."""

from __future__ import annotations

import re

from spacy.tokens import Span

from . import lexicon as lx
from .candidates import (
    GROUP_NOUNS,
    TITLE_REACH,
    Cand,
    State,
    in_title,
    is_blocked,
    titles_near,
    token_range,
    trim,
)

# Prepositions that make a capital a place ("talks in Moscow"), not an actor.
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "near",
        "from",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "toward",
        "towards",
        "via",
        "throughout",
        "within",
        "based",
        "of",
        "on",
    ]
)

ACTOR_PREPS = frozenset(["between", "with", "against", "by"])


POSSESSIVE = {"'s", "’s", "'", "’"}

_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[a-z]{1,3}|al-\w+|[A-Z]\.)$")
_WORD_TAIL = re.compile(r"[\w'’\-]*\.?")


def _capitalised(word: str) -> bool:
    """A name word starting with a capital outside ASCII ("Đorđević", "Ørsted")."""
    return word[:1].isupper() and bool(_WORD_TAIL.fullmatch(word[1:]))


def add_ent(st: State, ent: Span) -> None:
    start, end = ent.start_char, ent.end_char
    raw = st.text[start:end]
    # an entity never crosses a line break (captions glued to headlines)
    if "\n" in raw:
        end = start + raw.index("\n")
        raw = st.text[start:end]
    if " (" in raw:
        end = start + raw.index(" (")  # "… Krill Tribunal (SKT": the acronym is found on its own
    # cut out titles: "UN Sec-Gen Ana Ruiz" -> "UN" + title + "Ana Ruiz"
    pieces = [(start, end)]
    for ts, te, _ in titles_near(st, start, end):
        nxt = []
        for ps, pe in pieces:
            if te <= ps or ts >= pe:
                nxt.append((ps, pe))
                continue
            if ps < ts:
                nxt.append((ps, ts))
            if te < pe:
                nxt.append((te, pe))
        pieces = nxt
    for ps, pe in pieces:
        label = ent.label_
        if (ps, pe) != (start, end) and ps > start:
            label = "PERSON" if _looks_like_name(st, ps, pe) else label
        for s, e in _split_coordination(st, ps, pe, label == "PERSON"):
            add_span(st, s, e, label)


def body_name(st: State, ent: Span) -> Span | None:
    """ "NATO" + "-Russia Council": the model cut a joint body's name at the hyphen."""
    doc = st.doc
    i = ent.end
    if i + 2 > len(doc) or doc[i].text not in ("-", "–") or doc[i - 1].whitespace_:
        return None
    j = i + 1
    while j < len(doc) and j - i <= 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
        if doc[j - 1].text in st.body_heads:
            return Span(doc, ent.start, j, label="ORG")
        if not doc[j - 1].whitespace_ and j < len(doc) and doc[j].text not in ("-", "–"):
            break
    return None


def _split_coordination(st: State, start: int, end: int, person: bool) -> list[tuple[int, int]]:
    """ "Ivan Petrov & Russia's" -> two spans ("and" splits only person names)."""
    raw = st.text[start:end]
    out = []
    pos = 0
    for m in re.finditer(r"\s+(?:&|and)\s+" if person else r"\s+&\s+", raw):
        out.append((start + pos, start + m.start()))
        pos = m.end()
    out.append((start + pos, end))
    return out


def _name_word_before(st: State, i: int) -> bool:
    """The token before a person's span is one more word of the name: a capitalised proper
    noun in the same sentence that no title, entity or known place claims."""
    if i == 0:
        return False
    tok = st.doc[i - 1]
    return (
        tok.pos_ == "PROPN"
        and tok.text.istitle()
        and tok.is_alpha
        and not tok.ent_type_
        and tok.whitespace_ == " "
        and st.ctx.tok_sent[i - 1] == st.ctx.tok_sent[i]
        and not in_title(st, tok.idx, tok.idx + len(tok.text))
        and tok.lower_ not in st.titles.normal
        and tok.lower_ not in st.titles.modifiers
        and tok.lower_.rstrip(".") not in st.titles.honorifics
        and st.names.lookup(tok.text) is None
        and tok.text not in st.names.demonyms
    )


def _looks_like_name(st: State, start: int, end: int) -> bool:
    words = st.text[start:end].split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


_PORTFOLIO = re.compile(r"\s+for\s+(?:the\s+)?")
# Last words of a portfolio after "<title> for" ("Andean Affairs"); a body there is one
# ("spokesman for the Southern Krill Tribunal") and stays.
_PORTFOLIO_HEADS = frozenset({"Affairs", "Relations", "Cooperation"})


def add_span(st: State, start: int, end: int, label: str) -> None:
    start, end = trim(st, start, end)
    if end <= start:
        return
    surface = st.text[start:end]
    if not any(c.isalpha() for c in surface) or is_blocked(st, surface):
        return
    if surface.split()[0] in ("and", "of", "for", "in", "on", "at", "to", "&"):
        return  # a fragment left by a title cut ("and Planning" after "Minister of Finance")
    if in_title(st, start, end) and label != "PERSON":
        return  # "State" in "Secretary of State", "Defense" in "Defense Minister"
    if (
        label != "PERSON"
        and surface.split()[-1] in _PORTFOLIO_HEADS
        and any(
            te <= start and _PORTFOLIO.fullmatch(st.text[te:start])
            for _, te, _ in titles_near(st, start - TITLE_REACH, start)
        )
    ):
        return  # a portfolio the title lexicon does not know ("Envoy for Andean Affairs")
    tok_start, tok_end = token_range(st, start, end)
    if tok_end <= tok_start:
        return
    while (
        label == "PERSON"
        and tok_end < len(st.doc)
        and tok_end - tok_start < 5
        and st.doc[tok_end].pos_ == "PROPN"
        and st.doc[tok_end].text.istitle()
        and not st.doc[tok_end].ent_type_
        and st.doc[tok_end - 1].whitespace_ == " "
    ):
        tok_end += 1  # NER cut the name short ("Ana Luisa" | "Ruiz")
        end = st.doc[tok_end - 1].idx + len(st.doc[tok_end - 1].text)
    while label == "PERSON" and tok_end - tok_start < 5 and _name_word_before(st, tok_start):
        tok_start -= 1  # NER cut the first name off ("… Mines and Energy Ivan | Petrov Lund")
        start = st.doc[tok_start].idx
    span = st.doc[tok_start:tok_end]
    sent = st.ctx.tok_sent[tok_start]
    if sent < 0:
        return
    cand = _classify(st, span, start, end, label)
    if cand is None:
        return
    cand.sent, cand.token_start, cand.token_end = sent, tok_start, tok_end
    st.cands.append(cand)


def _classify(st: State, span: Span, start: int, end: int, label: str) -> Cand | None:
    surface = st.text[start:end]
    place = st.names.lookup(surface)
    if label == "NORP" or (surface in st.names.demonyms and not place):
        return _norp(st, span, start, end, surface)
    if (
        place is not None
        and label == "PERSON"
        and place.form == "capital"
        and (surface in st.person_tokens)
    ):
        place = None  # "Sofia" as part of a person's name elsewhere in the article
    if place is not None and place.form == "capital" and surface.isupper():
        return None  # a dateline ("KUALA LUMPUR —"), not an actor
    if place is not None:
        if place.form == "capital" and not _actor_like(
            st, span, seat=" " in surface or surface in st.names.seats
        ):
            return None
        return Cand(start, end, label, place.kind, place.name, place.form)
    if label == "PERSON":
        if not all(_NAME_WORD.match(w) or _capitalised(w) for w in surface.split()):
            return None
        return Cand(start, end, label, "person", surface, "name")
    if label == "ORG":
        if re.search(r"\b(?:headquarters|HQ)$", surface, re.IGNORECASE):
            return None
        head = surface.split()[-1].lower()
        if head in GROUP_NOUNS and " " in surface:
            # "NATO Allies": the body itself
            inner = surface.rsplit(" ", 1)[0]
            p = st.names.lookup(inner)
            return Cand(
                start,
                end,
                label,
                p.kind if p else "organization",
                p.name if p else inner,
                "name",
            )
        form = "abbreviation" if surface.replace(".", "").replace("/", "").isupper() else "name"
        return Cand(start, end, label, "organization", surface, form)
    # GPE, FAC, LOC not in the lexicon: a place unless used as an actor
    if label == "GPE" and _actor_like(st, span, seat=False):
        return Cand(start, end, label, "other", surface, "name")
    return None


def _norp(st: State, span: Span, start: int, end: int, surface: str) -> Cand | None:
    state = st.names.demonyms.get(surface)
    nxt_title = any(s >= end and st.text[end:s].strip() == "" for s, _, _ in st.title_spans)
    if state and nxt_title:
        return None  # "Chilean Deputy Fisheries Minister X": an affiliation, found with the role
    if state:
        return Cand(start, end, "NORP", "state", state, "name")
    # non-state NORP: a group only as a plural noun ("Democrats"); adjectives are dropped
    root = span.root
    if root.tag_ in ("NNPS", "NNS") and root.dep_ != "amod":
        return Cand(start, end, "NORP", "group", surface, "name")
    return None


def _actor_like(st: State, span: Span, seat: bool) -> bool:
    """Is a place name used as an actor (subject, possessor, party to) rather than a location?"""
    root = span.root
    after = st.doc[span.end] if span.end < len(st.doc) else None
    if after is not None and after.text in POSSESSIVE:
        return True
    if root.dep_ == "poss":
        return True
    head = root.head
    if root.dep_ == "pobj":
        lemma = head.lower_
        if lemma in ACTOR_PREPS:
            return True
        if lemma == "in" and head.head.lemma_.lower() in lx.reaction_nouns():
            return True  # "deep concerns in Kyiv": the government's reaction
        if lemma in LOCATIVE:
            return False
        return seat
    if root.dep_ in ("nsubj", "nsubjpass", "agent", "dobj"):
        return True
    if root.dep_ == "conj":
        return _actor_like(st, st.doc[head.i : head.i + 1], seat)
    return seat and root.dep_ != "compound"
