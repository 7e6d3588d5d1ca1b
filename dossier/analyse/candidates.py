"""Mention candidates and the per-article state the entity passes share, with the helpers they all use."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from dossier.model.analysis import RoleClaim

from . import lexicon as lx
from .context import Ctx

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}

# Head nouns of noun phrases that stand for the body or state that modifies them
# ("the Russian delegation", "NATO allies"), or, with a non-state modifier, for a group
# ("Western officials").
GROUP_NOUNS = frozenset(
    [
        "delegation",
        "delegations",
        "envoys",
        "envoy",
        "negotiators",
        "negotiator",
        "officials",
        "official",
        "diplomats",
        "diplomat",
        "allies",
        "ally",
        "leaders",
        "leadership",
        "government",
        "governments",
        "authorities",
        "side",
        "forces",
        "troops",
        "military",
        "army",
        "lawmakers",
        "legislators",
        "representatives",
        "ministers",
        "members",
        "member",
        "states",
        "countries",
        "nations",
        "administration",
        "team",
    ]
)

_STRIP_LEAD = re.compile(r"^(?:the|The|THE|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)\s+")


_STRIP_TAIL = re.compile(r"(?:['’]s?|[\s,.;:!?\-–—])+$")


@dataclass
class Cand:
    """One mention candidate, in analysis-text offsets."""

    start: int
    end: int
    label: str
    kind: str
    name: str  # canonical name used to group mentions into entities
    form: str = "name"
    sent: int = -1
    key: str | None = None  # filled when grouped
    token_start: int = 0
    token_end: int = 0


class State:
    """What the entity passes over one article share: the parse, lexicons, candidates, titles
    and the roles found so far. Each pass is a function of it that reads and extends it."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.names = lx.names()
        self.titles = lx.titles()
        self.non = lx.non_actors()
        self.body_heads = lx.body_heads()
        self.cands: list[Cand] = []
        # tokens inside a candidate, built on first need by a pass that checks overlaps often
        self.taken_tokens: set[int] | None = None
        # starts of `title_spans` (found in text order), built on first need for bisection
        self.title_starts: list[int] | None = None
        self.title_spans: list[tuple[int, int, str]] = []  # (start, end, normal)
        self.blocked: set[str] = set()  # casefolded names that are never actors here
        self.roles: list[tuple[Cand, RoleClaim]] = []
        self.affil: list[tuple[Cand, str]] = []  # person cand -> affiliation name
        # title references waiting for their holder: (start, end, normal title, affiliation, sentence)
        self.pending_refs: list[tuple[int, int, str, str | None, int]] = []
        self.char_tok: dict[int, int] = {t.idx: t.i for t in ctx.doc}
        # words of multiword PERSON names: a capital-like word among them is a name ("Sofia")
        self.person_tokens: set[str] = {
            t.text for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
        }


TITLE_REACH = 120  # characters: no title is longer, so one ending near a point starts this close


def titles_near(st: State, start: int, end: int) -> list[tuple[int, int, str]]:
    """The title spans that may overlap [start, end): found by bisection, so cutting titles
    out of every entity stays linear on an article with thousands of them."""
    if st.title_starts is None:
        st.title_starts = [ts for ts, _, _ in st.title_spans]
    lo = bisect_left(st.title_starts, start - TITLE_REACH)
    hi = bisect_left(st.title_starts, end)
    return st.title_spans[lo:hi]


def in_title(st: State, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e, _ in titles_near(st, start, end))


def find_blocked(st: State) -> None:
    art = st.ctx.article
    for value in (art.author, art.outlet):
        if value:
            st.blocked.add(value.casefold())
            for part in re.split(r"\s*(?:,| and |&)\s*", value):
                if part:
                    st.blocked.add(part.casefold())
    for si, sent in enumerate(st.ctx.sents):
        before = st.non.credit_before.search(sent.text)
        after = st.non.credit_after.search(sent.text)
        if not (before or after):
            continue
        for ent in st.ctx.ents(si):
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            rel = ent.start_char - sent.start_char
            if (before and rel < before.start()) or (after and rel >= after.end()):
                st.blocked.add(_clean(ent.text).casefold())


def is_blocked(st: State, name: str) -> bool:
    key = name.casefold()
    if key in st.blocked or key in st.non.words:
        return True
    words = key.split()
    if len(words) < 2:
        return False
    # the head is the last word before "of"/"for": "Gulf of Mexico" is a gulf, "Tribunal for
    # the Southern Krill" a tribunal
    for k, w in enumerate(words[1:], 1):
        if w in ("of", "for"):
            words = words[:k]
            break
    last = words[-1].strip(".")
    return (
        last in st.non.outlet_heads or last in st.non.document_heads or last in st.non.place_heads
    )


def _clean(text: str) -> str:
    text = text.split("\n")[0]
    text = _STRIP_LEAD.sub("", text)
    return _STRIP_TAIL.sub("", text).strip()


def trim(st: State, start: int, end: int) -> tuple[int, int]:
    raw = st.text[start:end]
    lead = _STRIP_LEAD.match(raw)
    if lead:
        start += lead.end()
        raw = raw[lead.end() :]
    tail = _STRIP_TAIL.search(raw)
    if tail:
        end -= len(raw) - tail.start()
    while start < end and st.text[start].isspace():
        start += 1
    return start, end


def token_range(st: State, start: int, end: int) -> tuple[int, int]:
    span = st.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def sentence_tokens(st: State, start: int, end: int) -> tuple[int, int] | None:
    """The tokens of a text span found by a pattern, or None when it has none or lies outside
    the article's sentences (page furniture, a title line)."""
    ts, te = token_range(st, start, end)
    if te <= ts or st.ctx.tok_sent[ts] < 0:
        return None
    return ts, te


def add_cand(
    st: State,
    start: int,
    end: int,
    tokens: tuple[int, int],
    label: str,
    kind: str,
    name: str,
    form: str,
) -> Cand:
    """Append a candidate a rule found for the span `start:end` over `tokens`."""
    ts, te = tokens
    cand = Cand(start, end, label, kind, name, form, st.ctx.tok_sent[ts], None, ts, te)
    st.cands.append(cand)
    return cand


def sent_at(st: State, char: int) -> int:
    span = st.doc.char_span(char, char + 1, alignment_mode="expand")
    return st.ctx.tok_sent[span.start] if span is not None else -1


def dedupe(st: State) -> None:
    st.cands.sort(key=lambda c: (c.start, -c.end))
    out: list[Cand] = []
    last_end = -1
    for c in st.cands:
        if c.start < last_end:
            continue
        out.append(c)
        last_end = c.end
    st.cands = out
