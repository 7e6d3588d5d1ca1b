"""Mentions NER missed or mislabelled: persons tagged as places, bare surnames, group noun phrases, state bodies, nicknames, governments."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from . import lexicon as lx
from .candidates import GROUP_NOUNS, Cand, State, add_cand, is_blocked, sentence_tokens

GOVERNMENT_NOUNS = frozenset(
    ["government", "authorities", "administration", "leadership", "regime", "cabinet"]
)


def fix_person_labels(st: State) -> None:
    """A name spaCy tagged ORG/GPE that is (part of) a PERSON elsewhere is that person."""
    person_words: set[str] = set()
    for c in st.cands:
        if c.kind == "person":
            person_words.add(c.name)
            person_words.add(c.name.split()[-1])
    for c in st.cands:
        if c.kind != "person" and c.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
            surface = st.text[c.start : c.end]
            if surface in person_words and not st.names.lookup(surface):
                c.kind, c.label, c.name, c.form = "person", "PERSON", surface, "name"


def honorific_persons(st: State) -> None:
    """A name after a courtesy title ("Mr Petrov", "Dr Lund") is a person, whatever NER
    tagged it, unless the lexicons know it as a place or body."""
    rx = _honorific_before()
    for c in st.cands:
        if c.kind == "person" or st.names.lookup(c.name):
            continue
        surface = st.text[c.start : c.end]
        if 1 <= len(surface.split()) <= 4 and rx.search(st.text[max(0, c.start - 12) : c.start]):
            c.kind, c.label, c.name, c.form = "person", "PERSON", surface, "name"


@cache
def _honorific_before() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){lx.honorific()}\s+$")


def missed_states(st: State) -> None:
    """A state's name the model left untagged ("Chile and Peru pushed for ..."): the lexicon
    knows it. Not where the model tagged the word otherwise ("Jordan" in a person's name), nor
    inside a longer capitalised name ("Georgia Tech")."""
    rx = _state_name_pattern()
    taken = {t for c in st.cands for t in range(c.token_start, c.token_end)}
    for m in rx.finditer(st.text):
        tokens = sentence_tokens(st, m.start(), m.end())
        if tokens is None or any(t in taken for t in range(*tokens)):
            continue
        ts, te = tokens
        if any(st.doc[t].ent_type_ for t in range(ts, te)):
            continue
        prev = st.doc[ts - 1] if ts > 0 else None
        nxt = st.doc[te] if te < len(st.doc) else None
        if (prev is not None and prev.is_title and not prev.is_sent_start) or (
            nxt is not None and nxt.is_title
        ):
            continue
        place = st.names.lookup(m.group())
        if place is not None and place.kind == "state":
            add_cand(st, m.start(), m.end(), tokens, "GPE", "state", place.name, "name")


@cache
def _state_name_pattern() -> re.Pattern[str]:
    names = lx.names()
    states = sorted(
        (
            n
            for n, p in names.exact.items()
            if p.kind == "state" and p.form == "name" and len(n) > 3
        ),
        key=lambda n: (-len(n), n),
    )
    return re.compile(r"(?<![\w\-])(?:" + "|".join(map(re.escape, states)) + r")(?![\w\-'’])")


def short_body_names(st: State) -> None:
    """ "the Tribunal" for the article's one "Southern Krill Tribunal": a body's last word alone
    is that body, where exactly one body of the article ends in it. A mention the model found
    is renamed; after "the", with no name going on after it, one it missed is added."""
    ends: dict[str, set[str]] = defaultdict(set)
    for c in st.cands:
        words = c.name.split()
        if c.kind == "organization" and len(words) >= 2 and words[-1][:1].isupper():
            ends[words[-1]].add(c.name)
    heads = {w: next(iter(n)) for w, n in ends.items() if len(n) == 1 and not w.isupper()}
    if not heads:
        return
    for c in st.cands:
        if c.kind == "organization" and c.name in heads:
            c.name = heads[c.name]
    taken = {t for c in st.cands for t in range(c.token_start, c.token_end)}
    rx = re.compile(r"\b[Tt]he (" + "|".join(map(re.escape, heads)) + r")\b(?!\s+[A-Z\d])")
    for m in rx.finditer(st.text):
        tokens = sentence_tokens(st, m.start(1), m.end(1))
        if tokens is None or any(t in taken for t in range(*tokens)):
            continue
        add_cand(st, m.start(1), m.end(1), tokens, "ORG", "organization", heads[m.group(1)], "name")


def find_surname_tokens(st: State) -> None:
    """Surnames of known persons that NER missed ("Carter said", "El-Masry said"), and a
    given name standing alone for the one person in the article who bears it ("Tigist said",
    where names are given-name first and the given name is how people are called)."""
    names: dict[str, str] = {}
    given: dict[str, set[str]] = defaultdict(set)
    for c in st.cands:
        if c.kind == "person":
            parts = c.name.split()
            names.setdefault(parts[-1], c.name)
            if len(parts) > 1 and len(parts[0]) > 2 and parts[0][0].isupper():
                given[parts[0]].add(c.name)
    surnames = set(names)
    for first, owners in given.items():
        if len(owners) == 1 and first not in surnames:
            names.setdefault(first, next(iter(owners)))
    # A name word NER missed is no place, body or title word: "Jordan" stays a state.
    names = {w: n for w, n in names.items() if st.names.lookup(w) is None}
    if not names:
        return
    covered = set()
    for c in st.cands:
        covered.update(range(c.start, c.end))
    rx = re.compile(
        r"(?<![\w\-’'])(?:"
        + "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
        + r")(?![\w\-])"
    )
    for m in rx.finditer(st.text):
        if any(i in covered for i in range(m.start(), m.end())):
            continue
        tokens = sentence_tokens(st, m.start(), m.end())
        if tokens is None:
            continue
        word = m.group()
        # a surname groups with its full name in clustering; a given name is named for its owner
        name = word if word in surnames else names[word]
        if word not in surnames and not _name_use(st, *tokens):
            continue  # "Will the talks ...", "Hope is fading": a word, not Will or Hope
        add_cand(st, m.start(), m.end(), tokens, "PERSON", "person", name, "name")


def _name_use(st: State, ts: int, te: int) -> bool:
    """A given name used as a name: tagged a proper noun, and not the sentence's first word
    (where any word is capitalised)."""
    first = st.ctx.sents[st.ctx.tok_sent[ts]].start
    return ts != first and all(st.doc[t].pos_ == "PROPN" for t in range(ts, te))


def group_noun_phrases(st: State) -> None:
    """ "the Russian delegation" -> Russia; "Western officials" -> a group of its own."""
    # the article's bodies and states by name, once: "<Body> leaders" is that body
    bodies = {c.name: c for c in st.cands if c.kind in ("organization", "state")}
    by_tok = {}
    for c in st.cands:
        for t in range(c.token_start, c.token_end):
            by_tok[t] = c
    for tok in st.doc:
        if tok.lower_ not in GROUP_NOUNS or tok.pos_ != "NOUN" or st.ctx.tok_sent[tok.i] < 0:
            continue
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        if not mods or any(by_tok.get(m.i) is not None for m in mods):
            continue  # a modifier is already a mention of its state/body
        # the capitalised modifier nearest the noun, with its own compounds ("Southeast Asian")
        caps = [m for m in mods if m.text[:1].isupper() and not m.text.isupper()]
        if not caps:
            continue
        mod = caps[-1]
        if mod.ent_type_ == "NORP" or mod.pos_ in ("ADJ", "PROPN"):
            if mod.text in st.names.demonyms:
                continue
            start = mod.left_edge.idx if mod.left_edge.i >= tok.left_edge.i else mod.idx
            end = tok.idx + len(tok.text)
            if is_blocked(st, st.text[start:end]) or not re.fullmatch(
                r"[\w’'\- ]+", st.text[start:end]
            ):
                continue
            if st.doc[st.char_tok.get(start, mod.i)].text.isupper():
                continue
            name = st.text[start:end]
            kind, label = "group", "NORP"
            body = bodies.get(st.text[start : tok.idx].strip())
            if body is not None:
                # "Southern Krill Tribunal judges": the body, named elsewhere in the article
                kind, label, name = body.kind, body.label, body.name
            st.cands.append(
                Cand(
                    start,
                    end,
                    label,
                    kind,
                    name,
                    "name",
                    st.ctx.tok_sent[tok.i],
                    None,
                    st.char_tok.get(start, mod.i),
                    tok.i + 1,
                )
            )


def nicknames(st: State) -> None:
    """ "the alliance" for a body the article names ("NATO"), from the organizations lexicon."""
    present = {c.name for c in st.cands if c.kind == "organization"}
    for name, nicks in st.names.nicknames.items():
        if name not in present:
            continue
        rx = re.compile(
            r"\b(?:"
            + "|".join(re.escape(n) for n in sorted(nicks, key=len, reverse=True))
            + r")\b(?!\s+(?:of\b|(?-i:[A-Z])))",
            re.IGNORECASE,
        )
        for m in rx.finditer(st.text):
            tokens = sentence_tokens(st, m.start(), m.end())
            if tokens is not None:
                add_cand(st, m.start(), m.end(), tokens, "ORG", "organization", name, "title")


def governments(st: State) -> None:
    """ "the government in Lima", "the authorities of Chile": the state itself."""
    for tok in st.doc:
        if tok.lower_ not in GOVERNMENT_NOUNS or st.ctx.tok_sent[tok.i] < 0:
            continue
        prep = next(
            (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")), None
        )
        pobj = (
            next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        )
        if pobj is None:
            continue
        left = min(t.i for t in pobj.subtree)
        right = max(t.i for t in pobj.subtree)
        place = st.names.lookup(st.doc[left : right + 1].text)
        if place is None or place.kind != "state":
            continue
        start = tok.idx
        end = st.doc[right].idx + len(st.doc[right].text)
        st.cands = [c for c in st.cands if not (start <= c.start and c.end <= end)]
        st.cands.append(
            Cand(
                start,
                end,
                "GPE",
                "state",
                place.name,
                "name",
                st.ctx.tok_sent[tok.i],
                None,
                tok.i,
                right + 1,
            )
        )


def state_bodies(st: State) -> None:
    """ "the Chilean navy", "Peru's trade ministry": a demonym or a state's
    possessive and a lower-case arm of the state, as a body.

    Only as a noun phrase of its own: in "the Russian military build-up" the words modify
    another noun and name no actor.
    """
    rx = _state_body_pattern()
    if rx is None:
        return
    by_token: dict[int, list[Cand]] = defaultdict(list)  # one index, not a scan per match
    for c in st.cands:
        for t in range(c.token_start, c.token_end):
            by_token[t].append(c)
    replaced: set[int] = set()
    for m in rx.finditer(st.text):
        tokens = sentence_tokens(st, m.start(), m.end())
        if tokens is None:
            continue
        ts, te = tokens
        head = st.doc[te - 1]
        if head.dep_ in ("compound", "amod", "nmod") and head.head.i >= te:
            continue
        overlap = {id(c): c for t in range(ts, te) for c in by_token.get(t, ())}
        # The demonym alone may already stand for its state: the body replaces that mention.
        if any(c.kind != "state" or c.start < m.start() for c in overlap.values()):
            continue
        replaced |= overlap.keys()
        name = " ".join(m.group().split())
        add_cand(st, m.start(), m.end(), tokens, "ORG", "organization", name, "name")
    if replaced:
        st.cands = [c for c in st.cands if id(c) not in replaced]


@cache
def _state_body_pattern() -> re.Pattern[str] | None:
    """Demonym or state's + arm of the state, built once per process from the lexicons."""
    bodies = lx.state_bodies()
    names = lx.names()
    states = [n for n, p in names.exact.items() if p.kind == "state" and p.form == "name"]
    owners = [re.escape(d) for d in names.demonyms]
    owners += [re.escape(n) + "['’]s" for n in states if n[:1].isupper()]  # "Ethiopia's"
    owners.sort(key=lambda o: (-len(o), o))  # longest first: "South Sudanese" before "Sudanese"
    if not bodies or not owners:
        return None
    return re.compile(
        r"\b(?:"
        + "|".join(owners)
        + r")\s+(?:"
        + "|".join(r"\s+".join(map(re.escape, b.split())) for b in bodies)
        + r")\b"
    )
