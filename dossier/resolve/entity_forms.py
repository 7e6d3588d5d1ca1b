"""An article's entity as resolve sees it: its surfaces sorted into names, capitals and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.model.analysis import Analysis, LocalEntity
from dossier.resolve import lexicon, names
from dossier.resolve.lexicon import name_parts


@dataclass
class Ent:
    """One LocalEntity with the surfaces sorted by what they are."""

    idx: int
    source: str
    analysis: Analysis
    e: LocalEntity
    kind: str
    name_forms: list[str] = field(default_factory=list)  # names and abbreviations
    capitals: list[str] = field(default_factory=list)  # capitals/seats standing for a state
    titles: list[str] = field(default_factory=list)  # "the NATO chief"
    aliases: list[str] = field(default_factory=list)  # every surface but pronouns
    person: names.PersonName | None = None

    @property
    def title_only(self) -> bool:
        return not self.name_forms and not self.capitals

    @property
    def weight(self) -> int:
        return max(len(self.e.mentions), 1)


_ARTICLE = re.compile(r"^(the|a|an)\s+(?=\S)")
_TITLE_SPLIT = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1 << 16)  # pure over the lexicons, asked once per surface per mention
def looks_like_title(surface: str, person: bool = True) -> bool:
    """A descriptor rather than a name: lower-case start, or (for a person) only title words."""
    s = _ARTICLE.sub("", names.clean_surface(surface))
    if not s or not any(ch.isalpha() for ch in s):
        return True
    if s[:1].islower():
        return True
    if not person:
        return False
    parts = name_parts()
    words = [w for w in _TITLE_SPLIT.split(names.norm(s)) if w]
    vocab = parts["title_words"] | parts["honorifics"]
    return bool(words) and all(w in vocab for w in words)


def classify(idx: int, analysis: Analysis, e: LocalEntity) -> Ent:
    ent = Ent(idx=idx, source=analysis.source, analysis=analysis, e=e, kind=e.kind)
    forms: dict[str, str] = {}
    for m in e.mentions:
        forms.setdefault(m.text, m.form)
    surfaces = [e.name, *e.surfaces, *(m.text for m in e.mentions)]
    seen: set[str] = set()
    for raw in surfaces:
        s = names.clean_surface(raw)
        if not any(ch.isalnum() for ch in s) or s in seen:
            continue
        seen.add(s)
        form = forms.get(raw) or forms.get(s)
        if form == "pronoun" or names.is_pronoun(s):
            continue
        ent.aliases.append(s)
        if form is None:  # a surface with no mention: guess what it is
            if names.capital_state(s) and e.kind == "state" and not names.state_name(s):
                form = "capital"
            elif looks_like_title(s, e.kind == "person"):
                form = "title"
            else:
                form = "name"
        if form == "capital" or (
            e.kind == "state"
            and names.capital_state(s)
            and not names.state_name(s)
            and form != "title"
        ):
            ent.capitals.append(s)
        elif form == "title" or looks_like_title(s, e.kind == "person"):
            ent.titles.append(s)
        else:
            ent.name_forms.append(s)
    if e.kind == "person":
        parsed = [p for p in (names.person_name(s) for s in ent.name_forms) if p]
        parsed = [p for p in parsed if not looks_like_title(p.display)]
        if parsed:
            # The fullest form in the article speaks for the entity.
            ent.person = max(parsed, key=lambda p: (p.full, len(p.display.split()), p.display))
        else:
            ent.titles += ent.name_forms
            ent.name_forms = []
    return ent


def blocking_keys(ent: Ent) -> list[str]:
    """Blocking keys of a non-person entity: any shared key means one actor."""
    keys: list[str] = []
    for s in ent.name_forms:
        state = names.state_name(s)
        keys.append("n:" + names.norm(state or s))
        if names.is_acronym(s):
            keys.append("a:" + names.norm(s).replace(" ", ""))
        else:
            acr = names.acronym_of(state or s)
            if acr and len(acr) >= 2:
                keys.append("a:" + acr)
    for s in ent.capitals:
        state = names.capital_state(s)
        keys.append("n:" + names.norm(state) if state else "c:" + names.norm(s))
    return keys


def title_norm(title: str) -> str:
    return names.norm(title)


# Nouns that stand for whoever leads or speaks for a body ("the NATO chief"): no role word.
GENERIC_HEADS = frozenset({"chief", "head", "boss", "leader", "official", "top", "envoy"})


@lru_cache(maxsize=1 << 16)
def title_words(text: str) -> frozenset[str]:
    """Words of a title or affiliation, demonyms and state variants read as the state's name.

    Longest first, so "South Sudanese" is South Sudan, not Sudan.
    """
    words = [w for w in names.norm(text).split() if w not in {"the", "a", "an", "of", "for", "and"}]
    out, i = set(), 0
    while i < len(words):
        for n in (3, 2, 1):
            gram = " ".join(words[i : i + n])
            if len(words) - i < n:
                continue
            state = (
                lexicon.demonyms().get(gram) or names.state_name(gram) or names.capital_state(gram)
            )
            if state:
                out.add("state:" + names.norm(state))
                i += n
                break
        else:
            out.add(words[i])
            i += 1
    return frozenset(out)


def with_rank(title: str, surface: str, analysis: Analysis, sentence: int) -> str:
    """The title with any rank word the article writes just before it ("State Minister for
    Defence" where the normal form kept "Defense Minister"): a rank is a different office."""
    if not 0 <= sentence < len(analysis.sentences) or not surface:
        return title
    text = analysis.sentences[sentence].text
    at = text.find(surface)
    if at <= 0:
        return title
    ranks = lexicon.title_ranks()
    known = ranks["rank_words"] | set(ranks["rank_words_beside"])
    before = text[:at].split()
    added = []
    while before and before[-1][:1].isupper() and before[-1].lower() in known:
        added.insert(0, before.pop())
    return " ".join([*added, surface]) if added else title
