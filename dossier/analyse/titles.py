"""Titles in the text: role claims and affiliations for the persons they name, and title references."""

from __future__ import annotations

import re
from functools import cache

from dossier.model.analysis import RoleClaim

from . import lexicon as lx
from .candidates import Cand, State, add_cand, is_blocked, sent_at, token_range


def find_titles(st: State) -> None:
    for sent in st.ctx.sents:
        base = sent.start_char
        for m in st.titles.regex.finditer(sent.text):
            surf = m.group(0)
            st.title_spans.append((base + m.start(), base + m.end(), st.titles.normalise(surf)))


def title_roles(st: State) -> None:
    """Titles before names and in appositions give roles, affiliations and title mentions."""
    starts = {c.start: c for c in st.cands}
    ends = {c.end: c for c in st.cands}
    spans = sorted(st.title_spans)
    # chain stacked titles: "Deputy Fisheries Minister Rear Admiral X"
    chains: list[list[tuple[int, int, str]]] = []
    for span in spans:
        if chains and st.text[chains[-1][-1][1] : span[0]].strip() == "":
            chains[-1].append(span)
        else:
            chains.append([span])
    prev_affil: tuple[int, str] | None = None
    for chain in chains:
        cs, ce = chain[0][0], chain[-1][1]
        if re.match(r"['’]s?\s", st.text[ce : ce + 3]):
            # A possessor ("the president's special envoy"): the title is someone
            # else's, and the office that follows says who the person is.
            continue
        first_upper = st.text[cs].isupper()
        # the name right after the chain
        j = ce
        while j < len(st.text) and st.text[j] == " ":
            j += 1
        person = starts.get(j)
        if person is None:
            # honorific or rank between? ("Secretary General Mr. X")
            m = re.match(r"(?:Mr|Ms|Mrs|Dr)\.?\s+", st.text[j:])
            if m:
                person = starts.get(j + m.end())
        affil, affil_start = _affiliation_before(st, cs, ends)
        sent = sent_at(st, cs)
        if person is None and (first_upper or affil):
            person = _name_after(st, j, sent)
            if person is not None:
                starts[person.start] = person
                ends[person.end] = person
        possessed = bool(re.search(r"['’]s?\s+$", st.text[max(0, cs - 3) : cs]))
        # A lower-case title holds a name when a body or nationality precedes it ("EU
        # spokesperson Anna Lund") or no article does ("sent special envoy Li Wei"); after an
        # article ("told the minister Ann") it may describe anyone.
        bare = (
            person is not None
            and person.label == "PERSON"
            and not _ARTICLE_BEFORE.search(st.text[max(0, cs - 8) : cs])
        )
        if (
            person is not None
            and person.kind == "person"
            and (first_upper or possessed or affil or bare)
        ):
            if (
                affil is None
                and prev_affil
                and prev_affil[0] == sent
                and re.search(r"(?:\band\b|&)\s*$", st.text[max(0, cs - 6) : cs])
            ):
                affil = prev_affil[1]
            if affil is None:
                affil = _body_after(st, person, starts)
            _claim(st, person, chain, sent, affil)
            if affil:
                prev_affil = (sent, affil)
            continue
        # reverse appositive: "The UN envoy for the region, Ana Ruiz, said"
        # ("Minister for Mines and Energy, Ana Ruiz,": a portfolio's second part too)
        # (or the rest of a portfolio the lexicon cut short: "Mines and Mineral | Policy,")
        after = re.match(
            r"(?:\s+(?:for|of|to|on|and)\s+[^,;.]{1,60}|(?:\s+[A-Z][\w\-]*){1,3})?,\s+",
            st.text[ce : ce + 80],
        )
        if after is not None:
            pos = ce + after.end()
            named = starts.get(pos)  # the model may take "Mr Obi" whole
            hon = _honorific_pattern().match(st.text[pos : pos + 12])
            if hon:
                pos += hon.end()  # "Peru's foreign minister, Mr Petrov,"
                named = named or starts.get(pos)
            if named is None:
                named = _name_after(st, pos, sent, closed=True)
                if named is not None and hon:
                    # the mention keeps its courtesy title ("Dr Kari Lund"); the name does not
                    named.start = pos - hon.end()
                    named.token_start = token_range(st, named.start, named.end)[0]
            if named is not None and (named.kind == "person" or _as_person(st, named)):
                _claim(st, named, chain, sent, affil)
                continue
        # appositive: "Name, [the] [Org's] title [of Org],"
        appos = _appositive(st, cs, ce, ends, chain, sent)
        if appos:
            continue
        # a reference: "the secretary-general said", "the NATO chief"
        before = st.text[max(0, cs - 40) : cs]
        if re.search(r"(?:\bthe|['’]s)\s+(?:[A-Z][\w\-]*\s+)?$", before, re.IGNORECASE):
            ref_start = cs
            if affil_start is not None:
                ref_start = affil_start
            m = re.search(r"\bthe\s+(?:[A-Z][\w\-]*\s+)?$", before, re.IGNORECASE)
            if m and affil_start is None:
                ref_start = cs - (len(before) - m.start())
            st.pending_refs.append((ref_start, ce, chain[-1][2], affil, sent))
    _generic_heads(st, ends)


def _claim(
    st: State, person: Cand, chain: list[tuple[int, int, str]], sent: int, affil: str | None
) -> None:
    """Every title of the chain becomes a role of the person; the affiliation is recorded once."""
    for ts, te, norm in chain:
        st.roles.append(
            (
                person,
                RoleClaim(title=norm, surface=st.text[ts:te], sentence=sent, affiliation=affil),
            )
        )
    if affil:
        st.affil.append((person, affil))


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that)\s+$", re.IGNORECASE)


@cache
def _honorific_pattern() -> re.Pattern[str]:
    """A courtesy title at the start of a text (titles.yaml `honorifics`: "Mr", "Dame")."""
    return re.compile(rf"{lx.honorific()}\s+")


def _body_after(st: State, person: Cand, starts: dict[int, Cand]) -> str | None:
    """ "Opposition MP Ana Ruiz of the Green Party": the body named right after the name."""
    m = re.match(r",?\s+(?:of|from)\s+(?:the\s+)?", st.text[person.end : person.end + 12])
    body = starts.get(person.end + m.end()) if m else None
    return body.name if body is not None and body.kind in ("organization", "state") else None


def _name_after(st: State, j: int, sent: int, closed: bool = False) -> Cand | None:
    """A person name NER missed right after a title: two to four capitalised words (`closed`:
    an apposition, so a comma must close the name)."""
    m = re.match(r"(?:[A-Z][a-z][\w'’\-]*\.?\s+){1,3}[A-Z][a-z][\w'’\-]*", st.text[j : j + 80])
    if not m or sent < 0 or (closed and not st.text.startswith(",", j + m.end())):
        return None
    end = j + m.end()
    if (
        st.names.lookup(m.group(0))
        or is_blocked(st, m.group(0))
        or any(ts < end and j < te for ts, te, _ in st.title_spans)
    ):
        return None
    ts, te = token_range(st, j, end)
    cand = Cand(j, end, "PERSON", "person", m.group(0), "name", sent, None, ts, te)
    st.cands.append(cand)
    return cand


def _affiliation_before(st: State, cs: int, ends: dict[int, Cand]) -> tuple[str | None, int | None]:
    """ "Russia's Deputy Foreign Minister", "NATO Secretary General", "Russian President"."""
    k = cs
    while k > 0 and st.text[k - 1] == " ":
        k -= 1
    poss = re.search(r"['’]s?$", st.text[max(0, k - 2) : k])
    if poss:
        k -= len(poss.group(0))
    cand = ends.get(k)
    if cand is not None and cand.kind != "person":
        return cand.name, cand.start
    if cand is not None and cand.kind == "person" and poss:
        return cand.name, cand.start
    # a demonym dropped as affiliation ("Chilean Deputy Fisheries Minister"), dotted too ("U.S.")
    m = re.search(r"((?:[A-Z]\.){2,}|[A-Z][\w\-]+)$", st.text[max(0, k - 40) : k])
    if m and m.group(1) in st.names.demonyms:
        return st.names.demonyms[m.group(1)], k - len(m.group(1))
    # a known body or state NER left out ("AU spokesperson X"); a capital may be a city's own
    # office ("Moscow Mayor"), so it does not count
    place = st.names.lookup(m.group(1)) if m else None
    if m and place is not None and place.form != "capital":
        return place.name, k - len(m.group(1))
    return None, None


def _appositive(
    st: State, cs: int, ce: int, ends: dict[int, Cand], chain: list[tuple[int, int, str]], sent: int
) -> bool:
    """ "Ana Ruiz, the UN's secretary-general," / "X, editor-in-chief of Y" / "X, the
    Chilean president's special envoy" (affiliated with the possessor's body)."""
    start, owner = cs, None
    possessor = _title_possessor(st, cs, ends)
    if possessor is not None:
        start, owner = possessor
    before = st.text[max(0, start - 60) : start]
    # "X, [the] [Org's] title" or the copula "X is [the] title" ("... to show that X is ...")
    m = re.search(
        r"(?:,|\s+(?:is|was|as|became|remains|becomes))\s*(?:(?:the|a|an)\s+"
        # a field before the title ("a nuclear policy analyst"), never a clause's words
        r"(?:(?!(?:and|or|but|who|which|whose|of|to|with|in|at|for|on|by)\b)[a-z][\w\-]*\s+){0,3})?"
        r"((?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’]s?\s+)?$",
        before,
    )
    if not m:
        return False
    comma = start - (len(before) - m.start())
    person = ends.get(comma)
    if person is None:
        person = _unnamed_person(st, comma, sent)
        if person is not None:
            ends[comma] = person
    if person is not None and person.kind != "person" and not _as_person(st, person):
        person = _widened_person(st, person, comma, sent)
    if person is None or person.kind != "person":
        return False
    affil = owner
    if m.group(1) and affil is None:
        affil_surface = m.group(1).strip().rstrip("'’s").rstrip("'’")
        p = st.names.lookup(affil_surface)
        affil = p.name if p else affil_surface
    # a lower-case portfolio may come between ("deputy director-general for fisheries at the X")
    after = re.match(
        # or a field ("a professor of marine biology at the X", "a lecturer in ... at")
        r"(?:\s+(?:for|on|of|in)(?:\s+(?!(?:at|of|for)\b)[a-z][\w\-]*){1,3})?"
        r"\s+(?:of|at|for)\s+(?:the\s+)?([A-Z][\w\-/.]*(?:\s+(?:(?:of|in|and|for|the|on|&)\s+)*[A-Z][\w\-/.]*)*)",
        st.text[ce : ce + 120],
    )
    if after and affil is None:
        surf = after.group(1).strip()
        # the name ends with its sentence ("at the Krill Institute. She said")
        surf = re.split(r"\.\s", surf, maxsplit=1)[0]
        if surf.endswith(".") and not st.names.lookup(surf):
            surf = surf[:-1]
        p = st.names.lookup(surf)
        state = st.names.demonyms.get(surf)  # "head of the Chilean delegation": Chile
        affil = p.name if p else state or surf
        if p is None and state is None:
            _absorb(st, ce + after.start(1), ce + after.start(1) + len(surf), surf)
    _claim(st, person, chain, sent, affil)
    return True


_NAME_SPLIT = re.compile(r"[-'’]")


def _name_word(word: str) -> bool:
    """A capitalised word in any alphabet ("Huseynli", "Đorđević", "El-Masry"): the first
    part a capital and lower-case letters, later parts letters then lower-case letters."""
    parts = _NAME_SPLIT.split(word)
    if not parts[0][:1].isupper() or any(len(p) < 2 or not p.isalpha() for p in parts):
        return False
    return all(p[1:].islower() for p in parts)


_PARTICLE = re.compile(r"(?:[a-z]{2,3})(?:-[A-Z][a-z]+)?")  # "bin", "al-Hashimi", "de", "van"


def _as_person(st: State, cand: Cand) -> bool:
    """A name NER tagged as a body that an office title is in apposition with is a person
    ("Kari Lund, the president's special envoy"), unless it is a known body or
    ends like one ("Commission"); the candidate is retyped in place."""
    surface = st.text[cand.start : cand.end]
    words = surface.split()
    if (
        cand.kind not in ("organization", "other")
        or cand.form != "name"
        or not 2 <= len(words) <= 5
        or st.names.lookup(surface)
        or is_blocked(st, surface)
        or words[-1].lower() in lx.org_heads()
        or not all(_name_word(w) for w in (words[0], words[-1]))
        or not all(_name_word(w) or _PARTICLE.fullmatch(w) for w in words)
    ):
        return False
    cand.kind, cand.label, cand.name, cand.form = "person", "PERSON", surface, "name"
    return True


_NAME_RUN = re.compile(
    r"(?:^|(?<=[.!?;:\"“”]\s)|(?<=\n))((?:[^\W\d_][\w'’\-]*\s){1,2}[^\W\d_][\w'’\-]*)$"
)


def _unnamed_person(st: State, comma: int, sent: int) -> Cand | None:
    """ "Kari Lund, the director of the Institute, said": two or three name words opening a
    sentence and followed by an office in apposition are a person NER left untagged."""
    name = _opening_name(st, comma, sent)
    if name is None or st.names.lookup(name):
        return None
    start = comma - len(name)
    ts, te = token_range(st, start, comma)
    taken = _taken_tokens(st)
    if any(t in taken for t in range(ts, te)):
        return None  # part of something already found
    taken.update(range(ts, te))
    return add_cand(st, start, comma, (ts, te), "PERSON", "person", name, "name")


def _widened_person(st: State, cand: Cand, comma: int, sent: int) -> Cand | None:
    """ "Ana Salgado, a professor of law, said": NER took the surname alone for a place. A
    single unknown word opening the sentence after a given name, with an office in apposition,
    is that person's name; the candidate is widened and retyped in place."""
    surface = st.text[cand.start : cand.end]
    if cand.kind not in ("organization", "other") or " " in surface or st.names.lookup(surface):
        return None
    name = _opening_name(st, comma, sent)
    if name is None or " " not in name:
        return None
    start = comma - len(name)
    cand.token_start = token_range(st, start, comma)[0]
    cand.start, cand.kind, cand.label, cand.name, cand.form = (
        start,
        "person",
        "PERSON",
        name,
        "name",
    )
    return cand


def _opening_name(st: State, comma: int, sent: int) -> str | None:
    """The two or three name words that open sentence `sent` and end at `comma`, if they
    look like a person's name and are no outlet's or credit's."""
    start_of_sent = st.ctx.sents[sent].start_char
    m = _NAME_RUN.search(st.text[max(start_of_sent, comma - 60) : comma])
    if not m or comma - len(m.group(1)) != start_of_sent:
        return None
    name = m.group(1)
    if not all(_name_word(w) for w in name.split()) or is_blocked(st, name):
        return None
    return name


def _taken_tokens(st: State) -> set[int]:
    """Tokens inside a candidate, indexed once per article (a scan per apposition would be
    quadratic on a long hostile article)."""
    if st.taken_tokens is None:
        st.taken_tokens = {t for c in st.cands for t in range(c.token_start, c.token_end)}
    return st.taken_tokens


def _title_possessor(st: State, cs: int, ends: dict[int, Cand]) -> tuple[int, str | None] | None:
    """Where a possessing title starts before a title at `cs` ("the [Chilean] president's
    special envoy"), and the body it names; None when no title possesses it."""
    for ts, te, _ in st.title_spans:
        if te < cs and re.fullmatch(r"['’]s?\s+", st.text[te:cs]):
            affil, affil_start = _affiliation_before(st, ts, ends)
            return (affil_start if affil_start is not None else ts), affil
    return None


def _absorb(st: State, start: int, end: int, name: str) -> None:
    """An organisation named in an apposition ("editor of the X in Y Z journal") is one
    entity: candidates inside its name become mentions of it."""
    inside = [c for c in st.cands if start <= c.start and c.end <= end and c.kind != "person"]
    if not inside:
        return
    ts, te = token_range(st, start, end)
    for c in inside:
        st.cands.remove(c)
    st.cands.append(
        Cand(start, end, "ORG", "organization", name, "name", inside[0].sent, None, ts, te)
    )


def _generic_heads(st: State, ends: dict[int, Cand]) -> None:
    """ "the NATO chief", "the Kremlin spokesman", "the EU's top diplomat"."""
    heads = "|".join(re.escape(h) for h in sorted(st.titles.generic_heads, key=len, reverse=True))
    rx = re.compile(rf"\b(?:[Tt]he)\s+(\S[^\n]{{0,40}}?)\s*(?:['’]s)?\s+({heads})\b")
    for sent_i, sent in enumerate(st.ctx.sents):
        base = sent.start_char
        for m in rx.finditer(sent.text):
            org_end = base + m.end(1)
            cand = ends.get(org_end)
            if cand is None or cand.kind == "person" or cand.start != base + m.start(1):
                continue
            if any(s <= base + m.start(2) < e for s, e, _ in st.title_spans):
                continue
            st.pending_refs.append((base + m.start(), base + m.end(), "", cand.name, sent_i))
