"""Names the article itself shows to be places ("the city of X", "X, the capital of"): not actors."""

from __future__ import annotations

import re
from functools import cache

from .candidates import State

_WINDOW = 60
# Nouns that follow a place's name as its kind ("the X region"); "city" and "state" do not
# ("Mexico City", "the Texas state legislature" name other things).
_AREAS = (
    "region",
    "province",
    "district",
    "territory",
    "river",
    "valley",
    "county",
    "enclave",
)  # characters around a name where its description may stand


@cache
def _patterns(nouns: frozenset[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    # "the Chilean city of X", "the town of X"
    # (the nouns in any case; the words between them and the name capitalised, as a name's are)
    before = re.compile(rf"\b(?i:{alt})\s+of\s+(?:[A-Z][\w'’\-]*\s+){{0,2}}$")
    # "X, the capital of", "X, a town in", "X, the valley Peruvians call ...": the noun
    # ends there (not "a town councillor") and is no one's ("the state's envoy")
    # ... or "the X region", "the X river": the noun right after the name
    after = re.compile(
        rf"^(?:,\s+(?:the|a|an)\s+(?:[\w\-]+\s+){{0,2}}?(?:{alt})"
        rf"(?=\s+(?:of|in|on|near|where|that|which|[A-Z])|[,.;])"
        rf"|\s+(?:{'|'.join(_AREAS)})\b)"
    )
    return before, after


def drop_described_places(st: State) -> None:
    """A person or body candidate the article describes as a place, or a "person" right after
    "the" ("a ferry off the X"), is a place: that name is no actor anywhere in the article.
    Names the lexicons know (states, capitals, bodies) keep their own reading."""
    before, after = _patterns(st.non.place_nouns)
    places: set[str] = set()
    for c in st.cands:
        if c.kind not in ("person", "organization", "other") or st.names.lookup(c.name):
            continue
        head = st.text[max(0, c.start - _WINDOW) : c.start]
        tail = st.text[c.end : c.end + _WINDOW]
        the_person = c.kind == "person" and re.search(r"\b[Tt]he\s+$", head) is not None
        if the_person or before.search(head) or after.match(tail):
            places.add(c.name)
    places |= _only_ever_places(st)
    places |= _misread_persons(st)
    if places:
        st.cands = [c for c in st.cands if c.name not in places]
        st.taken_tokens = None  # the index of taken tokens is stale now


_IN_PLACE = frozenset({"in", "at", "near", "off"})


def _only_ever_places(st: State) -> set[str]:
    """One-word bodies the lexicons do not know that the article only ever puts after "in",
    "at", "near" ("due in court in Ventspils"): a town the model took for a body."""
    where: dict[str, list[bool]] = {}
    # a body's last word alone ("the Council") stands for a body the article names in full
    # (missed.short_body_names), not for a town
    tails = {c.name.split()[-1] for c in st.cands if c.kind == "organization" and " " in c.name}
    for c in st.cands:
        if c.kind not in ("organization", "other") or " " in c.name or c.name in tails:
            continue
        if st.names.lookup(c.name):
            continue
        root = st.doc[c.token_start : c.token_end].root
        located = root.dep_ == "pobj" and root.head.lower_ in _IN_PLACE
        where.setdefault(c.name, []).append(located)
    return {name for name, seen in where.items() if all(seen)}


def _misread_persons(st: State) -> set[str]:
    """ "Persons" that are not: one word the same article writes in lower case too ("Krill do
    not read maps" beside "the krill quota"), or a name ending in a nationality ("Ross Sea
    Chilean")."""
    full = {w for c in st.cands if c.kind == "person" and " " in c.name for w in c.name.split()}
    # lower-case words of the article's sentences, once: a web address ("/ruiz-talks") is no
    # word in use, so its parts do not count
    lower = {
        w for s in st.ctx.sents for w in re.findall(r"(?<![\w\-/])[a-z][\w]*(?![\w\-/])", s.text)
    }
    out: set[str] = set()
    for c in st.cands:
        if c.kind != "person":
            continue
        words = c.name.split()
        if (len(words) > 1 and words[-1] in st.names.demonyms and not words[-1].endswith("s")) or (
            len(words) == 1
            and c.name not in full
            and c.name[1:].islower()
            and c.name.lower() in lower
        ):
            out.add(c.name)
    return out
