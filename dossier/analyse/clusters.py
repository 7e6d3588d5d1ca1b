"""Candidates grouped into the article's entities: persons by name and surname, bodies by name and acronym."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dossier.model.analysis import LocalEntity, Mention

from . import lexicon as lx
from .acronyms import merge_acronyms
from .candidates import Cand, State


@dataclass
class Person:
    names: list[str]  # full names seen (longest first when picked)
    cands: list[Cand] = field(default_factory=list)
    gender: str | None = None

    @property
    def surname(self) -> str:
        return max(self.names, key=len).split()[-1]


@dataclass
class EntityResult:
    entities: list[LocalEntity]
    tok_ent: dict[int, str]
    genders: dict[str, str | None]  # person key -> gender
    holders: dict[str, list[str]]  # normal title -> person keys holding it (article order)
    titles: list[tuple[int, int, str]]  # title matches (analysis offsets, normal form)


def assemble(st: State) -> EntityResult:
    tr = lx.translit()
    pr = lx.pronouns()
    persons: list[Person] = []
    by_full: dict[str, Person] = {}
    groups: dict[tuple[str, str], list[Cand]] = {}
    order: list[tuple[int, object]] = []
    # full names first, so surnames attach to the right person
    for c in st.cands:
        if c.kind == "person" and " " in c.name:
            k = tr.key(_strip_honorific(c.name))
            p = by_full.get(k)
            if p is None:
                p = Person([c.name])
                by_full[k] = p
                persons.append(p)
            elif c.name not in p.names:
                p.names.append(c.name)
    for c in st.cands:
        if c.kind == "person":
            name = _strip_honorific(c.name)
            if " " in name:
                p = by_full[tr.key(name)]
            else:
                p = _person_for_surname(name, c, persons, tr)
                if p is None:
                    p = Person([name])
                    persons.append(p)
                    by_full[tr.key(name)] = p
            p.cands.append(c)
        else:
            groups.setdefault((c.kind, c.name), []).append(c)
    # acronyms defined by the article: "Organization for ... in Europe" / "OSCE"
    merge_acronyms(groups)
    for p in persons:
        if p.cands:
            order.append((min(c.start for c in p.cands), p))
    for key, cs in groups.items():
        order.append((min(c.start for c in cs), key))
    order.sort(key=lambda x: x[0])
    entities: list[LocalEntity] = []
    tok_ent: dict[int, str] = {}
    genders: dict[str, str | None] = {}
    person_key: dict[int, str] = {}
    ent_by_key: dict[str, LocalEntity] = {}
    name_to_key: dict[str, str] = {}
    for n, (_, item) in enumerate(order, 1):
        key = f"e{n}"
        if isinstance(item, Person):
            cs = sorted(item.cands, key=lambda c: c.start)
            name = max((_strip_honorific(x) for x in item.names), key=len)
            ent = LocalEntity(
                key=key, name=name, kind="person", label="PERSON", surfaces=[], mentions=[]
            )
            genders[key] = _gender(st, item, cs, pr)
            person_key[id(item)] = key
        else:
            kind, cname = item
            cs = sorted(groups[item], key=lambda c: c.start)
            label = cs[0].label
            ent = LocalEntity(key=key, name=cname, kind=kind, label=label, surfaces=[], mentions=[])
        for c in cs:
            c.key = key
            _add_mention(st, ent, c.start, c.end, c.sent, c.form)
            for t in range(c.token_start, c.token_end):
                tok_ent[t] = key
        entities.append(ent)
        ent_by_key[key] = ent
        name_to_key.setdefault(ent.name, key)
        for s in ent.surfaces:
            name_to_key.setdefault(s, key)
    # roles and affiliations
    holders: dict[str, list[str]] = {}
    for cand, role in st.roles:
        ent = ent_by_key.get(cand.key or "")
        if ent is None:
            continue
        if role not in ent.roles:
            ent.roles.append(role)
        holders.setdefault(role.title, [])
        if ent.key not in holders[role.title]:
            holders[role.title].append(ent.key)
    for cand, aff in st.affil:
        ent = ent_by_key.get(cand.key or "")
        if ent is not None and aff not in ent.affiliations and aff != ent.name:
            ent.affiliations.append(aff)
    _derived_affiliations(st, entities)
    # title references: "the secretary-general", "the NATO chief"
    for start, end, norm, affil, sent in st.pending_refs:
        key = _holder(st, norm, affil, start, ent_by_key, holders)
        if key is None or sent < 0:
            continue
        ent = ent_by_key[key]
        _add_mention(st, ent, start, end, sent, "title")
        span = st.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for t in range(span.start, span.end):
                tok_ent[t] = key
    for ent in entities:
        ent.mentions.sort(key=lambda m: m.start)
    return EntityResult(entities, tok_ent, genders, holders, st.title_spans)


def _derived_affiliations(st: State, entities: list[LocalEntity]) -> None:
    """A person's aide belongs where the person does ("President X's press secretary" ->
    X's state); a body named after a state belongs to it ("Russian Foreign Ministry")."""
    by_name = {e.name: e for e in entities}
    for ent in entities:
        for i, aff in enumerate(ent.affiliations):
            boss = by_name.get(aff)
            if boss is not None and boss.kind == "person" and boss.affiliations:
                ent.affiliations[i] = boss.affiliations[0]
                for role in ent.roles:
                    if role.affiliation == aff:
                        role.affiliation = boss.affiliations[0]
        if ent.kind == "organization" and not ent.affiliations and " " in ent.name:
            first = re.sub(r"['’]s$", "", ent.name.split()[0])  # "Chile's trade ministry"
            state = st.names.demonyms.get(first)
            place = st.names.lookup(first)
            state = state or (place.name if place and place.kind == "state" else None)
            if state and state != ent.name:
                ent.affiliations.append(state)
            else:
                parent = _parent_body(st, ent.name)
                if parent:
                    ent.affiliations.append(parent)


def _parent_body(st: State, name: str) -> str | None:
    """The body another body is part of: the lexicon's `part_of` ("European Commission" ->
    European Union), or a known body its name starts with ("United Nations Mission in
    Liberia", "UN Security Council" -> United Nations)."""
    parent = st.names.parents.get(name)
    if parent:
        return parent
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        place = st.names.lookup(" ".join(words[:n]))
        if place is not None and place.kind == "organization" and place.form != "capital":
            return place.name if place.name != name else None
    return None


def _holder(
    st: State,
    norm: str,
    affil: str | None,
    start: int,
    ents: dict[str, LocalEntity],
    holders: dict[str, list[str]],
) -> str | None:
    """The person who holds a title (and affiliation) in this article, nearest before `start`."""
    if not norm and not affil:
        return None
    cands = []
    for strict in (True, False):  # then allow holders whose affiliation is not known
        for ent in ents.values():
            if ent.kind != "person":
                continue
            for role in ent.roles:
                if norm and not lx.heads_agree(role.title, norm) and role.title != norm:
                    continue
                mismatch = affil and role.affiliation != affil and affil not in ent.affiliations
                unknown = role.affiliation is None and not ent.affiliations and bool(norm)
                if mismatch and (strict or not unknown):
                    continue
                cands.append(ent)
                break
        if cands:
            break
    if not cands:
        return None

    def last_before(e: LocalEntity) -> int:
        before = [m.start for m in e.mentions if m.start < st.ctx.tmap.start(start)]
        return max(before) if before else -1

    # exact title match preferred, then nearest preceding mention
    cands.sort(key=lambda e: (any(r.title == norm for r in e.roles), last_before(e)), reverse=True)
    return cands[0].key


def _add_mention(st: State, ent: LocalEntity, start: int, end: int, sent: int, form: str) -> None:
    fs, fe = st.ctx.file_span(start, end)
    surface = st.text[start:end]
    if any(m.start == fs and m.end == fe for m in ent.mentions):
        return
    ent.mentions.append(Mention(start=fs, end=fe, text=surface, sentence=sent, form=form))
    if surface not in ent.surfaces:
        ent.surfaces.append(surface)


def _person_for_surname(
    name: str, c: Cand, persons: list[Person], tr: lx.Translit
) -> Person | None:
    key = tr.key(name)
    matches = [p for p in persons if any(tr.key(n).split()[-1] == key for n in p.names if " " in n)]
    if not matches:
        exact = next((p for p in persons if any(tr.key(n) == key for n in p.names)), None)
        if exact is not None:
            return exact
        # a given name or a surname written first ("Zaki" for "Ahmad Zaki Hassan",
        # "Wang" for "Wang Lei"): only when exactly one person carries that word
        matches = [p for p in persons if any(key in tr.key(n).split() for n in p.names if " " in n)]
        return matches[0] if len(matches) == 1 else None
    if len(matches) == 1:
        return matches[0]

    # several people share the surname: the one mentioned last before this mention
    def last(p: Person) -> int:
        starts = [x.start for x in p.cands if x.start < c.start]
        return max(starts) if starts else -1

    return max(matches, key=last)


def _gender(st: State, p: Person, cs: list[Cand], pr: lx.Pronouns) -> str | None:
    hon = st.titles.honorifics
    for c in cs:
        before = st.text[max(0, c.start - 6) : c.start].split()
        if before and before[-1] in hon and hon[before[-1]]:
            return hon[before[-1]]
    for name in p.names:
        words = _strip_honorific(name).split()
        if len(words) >= 2 and words[0] in pr.female_names:
            return "female"
        if len(words) >= 2 and words[-1].lower().endswith(pr.female_suffixes):
            return "female"
    return None


@cache
def _honorific() -> re.Pattern[str]:
    """Courtesy titles before a name (titles.yaml `honorifics`): "Mr", "Dr", "Dame"."""
    return re.compile(rf"^{lx.honorific()}\s+")


def _strip_honorific(name: str) -> str:
    return _honorific().sub("", name)
