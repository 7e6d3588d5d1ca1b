"""Actors: local entities of every article clustered into one actor per real-world entity.

Clustering never compares all pairs: each entity emits blocking keys (a normalised name, a
state's canonical name, an acronym, the state a capital stands for) joined by union-find;
persons meet in surname buckets where only distinct given names are compared.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from dossier.model.analysis import Analysis, LocalEntity
from dossier.model.dossier import Actor, Evidence, Role
from dossier.resolve import lexicon, names
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import name_parts
from dossier.resolve.roles import demonyms, title_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.unionfind import UnionFind

_KIND_ORDER = ["person", "state", "organization", "group", "other"]


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
_THE = re.compile(r"^(the|The)\s+")
_TITLE_SPLIT = re.compile(r"[\s\-]+")


@lru_cache(maxsize=1 << 16)  # pure over the lexicons, asked once per surface per mention
def _looks_like_title(surface: str, person: bool = True) -> bool:
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


def _classify(idx: int, analysis: Analysis, e: LocalEntity) -> Ent:
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
            elif _looks_like_title(s, e.kind == "person"):
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
        elif form == "title" or _looks_like_title(s, e.kind == "person"):
            ent.titles.append(s)
        else:
            ent.name_forms.append(s)
    if e.kind == "person":
        parsed = [p for p in (names.person_name(s) for s in ent.name_forms) if p]
        parsed = [p for p in parsed if not _looks_like_title(p.display)]
        if parsed:
            # The fullest form in the article speaks for the entity.
            ent.person = max(parsed, key=lambda p: (p.full, len(p.display.split()), p.display))
        else:
            ent.titles += ent.name_forms
            ent.name_forms = []
    return ent


def _keys(ent: Ent) -> list[str]:
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


def _title_norm(title: str) -> str:
    return names.norm(title)


# Nouns that stand for whoever leads or speaks for a body ("the NATO chief"): no role word.
_GENERIC_HEADS = frozenset({"chief", "head", "boss", "leader", "official", "top", "envoy"})


@lru_cache(maxsize=1 << 16)
def _title_words(text: str) -> frozenset[str]:
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


def _with_rank(title: str, surface: str, analysis: Analysis, sentence: int) -> str:
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


class ActorTable:
    """The resolved actors and every way back to them from an article's keys and surfaces."""

    def __init__(self, analyses: list[Analysis]) -> None:
        self.analyses = analyses
        self.ents: list[Ent] = []
        for analysis in analyses:
            for e in sorted(analysis.entities, key=lambda e: e.key):
                ent = _classify(len(self.ents), analysis, e)
                if ent.aliases:  # an entity with no readable surface is nobody
                    self.ents.append(ent)
        self.uf = UnionFind(len(self.ents))
        self.key_root: dict[str, int] = {}
        self._cluster()
        self._build()

    # -- clustering -------------------------------------------------------------------------

    def _join_key(self, key: str, idx: int) -> None:
        if key in self.key_root:
            self.uf.union(self.key_root[key], idx)
        else:
            self.key_root[key] = idx

    def _cluster(self) -> None:
        persons: list[Ent] = []
        loose: list[Ent] = []  # single-token non-persons that may be a surname spaCy mislabelled
        deferred: list[Ent] = []
        for ent in self.ents:
            if ent.person is not None:
                persons.append(ent)
            elif ent.title_only:
                deferred.append(ent)
            else:
                for key in _keys(ent):
                    self._join_key(key, ent.idx)
                if (
                    ent.kind in ("organization", "other")
                    and ent.e.label not in ("GPE", "NORP")
                    and len(ent.name_forms) == 1
                    and names.token_count(ent.name_forms[0]) == 1
                    and not names.is_acronym(ent.name_forms[0])
                    and not ent.capitals
                ):
                    loose.append(ent)
        self._cluster_persons(persons, loose)
        self._join_person_named(persons)
        self._attach_titles(deferred)

    def _join_person_named(self, persons: list[Ent]) -> None:
        """A non-person whose name is a person's full name elsewhere ("Elnur Mammadli" tagged
        ORG once): the tagger's slip, not a second actor. Multi-word names only, and never a
        state or a known body's name, which a person cannot be."""
        full: dict[str, set[int]] = defaultdict(set)
        for e in persons:
            if e.person.full and not e.person.initial_only:  # type: ignore[union-attr]
                full[names.norm(e.person.display)].add(e.idx)  # type: ignore[union-attr]
        for ent in self.ents:
            if ent.person is not None or ent.kind not in ("organization", "other"):
                continue
            forms = {names.norm(s) for s in ent.name_forms if names.token_count(s) > 1}
            if ent.capitals or not forms or len(forms) != len(ent.name_forms):
                continue
            if any(names.state_name(s) or names.is_acronym(s) for s in ent.name_forms):
                continue
            roots = {self.uf.find(i) for f in forms for i in full.get(f, ())}
            if len(roots) == 1:
                self.uf.union(roots.pop(), ent.idx)

    def _cluster_persons(self, persons: list[Ent], loose: list[Ent]) -> None:
        by_surname: dict[str, list[Ent]] = defaultdict(list)
        for ent in persons:
            by_surname[ent.person.surname].append(ent)  # type: ignore[union-attr]
        for surname in sorted(by_surname):
            bucket = by_surname[surname]
            full = [e for e in bucket if e.person.full and not e.person.initial_only]  # type: ignore[union-attr]
            initials = [e for e in bucket if e.person.initial_only]  # type: ignore[union-attr]
            bare = [e for e in bucket if not e.person.full]  # type: ignore[union-attr]
            # Same folded given name: one person. Then compare distinct given names only,
            # including middle names ("Teresa" within "Maria Teresa").
            givens: dict[str, int] = {}
            tokens: dict[str, set[tuple[str, ...]]] = defaultdict(set)
            for e in full:
                self._join_key(f"p:{surname}|{e.person.given}", e.idx)  # type: ignore[union-attr]
                givens.setdefault(e.person.given, e.idx)  # type: ignore[union-attr,arg-type]
                tokens[e.person.given].add(e.person.givens)  # type: ignore[union-attr,index]
            keys = sorted(givens)
            for i, a in enumerate(keys):
                for b in keys[i + 1 :]:
                    nested = any(
                        set(x) <= set(y) or set(y) <= set(x)
                        for x in tokens[a]
                        for y in tokens[b]
                        if x and y
                    )
                    if names.given_compatible(a, b) or nested:
                        self.uf.union(givens[a], givens[b])
            for e in initials:
                roots = {self.uf.find(f.idx) for f in full if f.person.initial == e.person.initial}  # type: ignore[union-attr]
                if len(roots) == 1:
                    self.uf.union(roots.pop(), e.idx)
                else:
                    self._join_key(f"p:{surname}|{e.person.given}", e.idx)  # type: ignore[union-attr]
            target = self._dominant(full)
            for e in bare:
                self._join_key(f"ps:{surname}", e.idx)
                if target is not None:
                    self.uf.union(target, e.idx)
        self._join_near_surnames(by_surname)
        self._attach_given_names(persons, by_surname)
        for ent in loose:
            surname = names.fold_name(names.norm(ent.name_forms[0]))
            bucket = [e for e in by_surname.get(surname, []) if e.person.full]  # type: ignore[union-attr]
            target = self._dominant(bucket)
            if target is not None:
                self.uf.union(target, ent.idx)

    def _join_near_surnames(self, by_surname: dict[str, list[Ent]]) -> None:
        """Full names whose surnames are one letter apart and given names agree: one person
        spelt by two outlets (Arsen Harutyunyan / Arsen Arutyunyan). Never within one article,
        where two spellings are two people. Surnames meet through their deletion keys, so the
        cost grows with the number of surnames, not its square."""
        index: dict[str, list[str]] = defaultdict(list)
        for surname in sorted(by_surname):
            if any(e.person.full and not e.person.initial_only for e in by_surname[surname]):  # type: ignore[union-attr]
                for key in names.deletion_keys(surname):
                    index[key].append(surname)
                index["c:" + names.consonant_key(surname)].append(surname)
        pairs = {
            (a, b)
            for bucket in index.values()
            for i, a in enumerate(bucket)
            for b in bucket[i + 1 :]
            if a != b and names.surname_compatible(a, b)
        }
        for a, b in sorted(pairs):
            for x in by_surname[a]:
                for y in by_surname[b]:
                    px, py = x.person, y.person
                    if (
                        px.full  # type: ignore[union-attr]
                        and py.full  # type: ignore[union-attr]
                        and not px.initial_only  # type: ignore[union-attr]
                        and not py.initial_only  # type: ignore[union-attr]
                        and x.source != y.source
                        and names.given_compatible(px.given, py.given)  # type: ignore[union-attr,arg-type]
                    ):
                        self.uf.union(x.idx, y.idx)

    def _attach_given_names(self, persons: list[Ent], by_surname: dict[str, list[Ent]]) -> None:
        """A name that is no one's surname but part of one full name in the same article.

        "Faizal" for "Mohamad Faizal Rahman", "Liu" for "Liu Jianguo" (family name first): the
        article itself ties them, so only a full name from the same source can take them.
        """
        full_by_source: dict[str, list[Ent]] = defaultdict(list)
        for e in persons:
            if e.person.full:  # type: ignore[union-attr]
                full_by_source[e.source].append(e)
        for e in persons:
            p = e.person
            if len(by_surname[p.surname]) > 1 or (p.full and len(p.givens) != 1):  # type: ignore[union-attr]
                continue
            own = {*p.givens, p.surname}  # type: ignore[union-attr]
            roots = {
                self.uf.find(f.idx)
                for f in full_by_source[e.source]
                if f is not e and own <= {*f.person.givens, f.person.surname}
            }  # type: ignore[union-attr]
            if len(roots) == 1:
                self.uf.union(roots.pop(), e.idx)

    def _dominant(self, bucket: list[Ent]) -> int | None:
        """The one person a bare surname means: the only one, or one seen in twice the sources.

        Counted over the surname's own bucket, so the cost is the bucket's, not the corpus's.
        """
        members: dict[int, set[str]] = defaultdict(set)
        for ent in bucket:
            members[self.uf.find(ent.idx)].add(ent.source)
        if not members:
            return None
        ranked = sorted(members, key=lambda r: (-len(members[r]), r))
        if len(ranked) == 1 or len(members[ranked[0]]) >= 2 * len(members[ranked[1]]):
            return ranked[0]
        return None

    def _attach_titles(self, deferred: list[Ent]) -> None:
        """Title-only entities join the one actor the dossier ties that title to, if just one.

        First the title as written ("the NATO chief" carried by one person); else its words,
        demonyms read as states ("the Turkish minister" = a minister affiliated with Turkey),
        against the words of every person's roles and affiliations, through an inverted index.
        """
        title_roots: dict[str, set[int]] = defaultdict(set)
        word_roots: dict[str, set[int]] = defaultdict(set)
        for ent in self.ents:
            if ent.title_only:
                continue
            root = self.uf.find(ent.idx)
            for t in ent.titles:
                title_roots[_title_norm(t)].add(root)
            for role in ent.e.roles:
                title_roots[_title_norm(role.title)].add(root)
                if role.affiliation:
                    title_roots[_title_norm(f"{role.affiliation} {role.title}")].add(root)
            if ent.person is not None:
                affs = [r.affiliation for r in ent.e.roles if r.affiliation] + ent.e.affiliations
                words = {w for r in ent.e.roles for w in _title_words(r.title)}
                words |= {w for a in affs for w in _title_words(a)}
                for w in words:
                    word_roots[w].add(root)
        for ent in deferred:
            roots: set[int] = set()
            for t in ent.titles or [ent.e.name]:
                roots |= {self.uf.find(r) for r in title_roots.get(_title_norm(t), ())}
            if not roots and ent.kind == "person":
                for t in ent.titles or [ent.e.name]:
                    words = _title_words(t) - _GENERIC_HEADS
                    if words:
                        found = set.intersection(*(word_roots.get(w, set()) for w in words))
                        roots |= {self.uf.find(r) for r in found}
            if len(roots) == 1:
                self.uf.union(roots.pop(), ent.idx)
            else:
                self._join_key("t:" + _title_norm(ent.e.name), ent.idx)

    # -- actors -----------------------------------------------------------------------------

    def _build(self) -> None:
        groups = self.uf.groups()
        members = [[self.ents[i] for i in g] for g in groups]
        # A title shared by several actors ("the deputy minister") is nobody's alias.
        title_owners: dict[str, set[int]] = defaultdict(set)
        for gi, group in enumerate(members):
            for ent in group:
                for t in ent.titles:
                    title_owners[_title_norm(t)].add(gi)
        ambiguous = {t for t, owners in title_owners.items() if len(owners) > 1}

        names_, types_, aliases_ = [], [], []
        for group in members:
            name, type_ = _canonical(group)
            names_.append(name)
            types_.append(type_)
            al = {
                a
                for ent in group
                for a in ent.aliases
                if not (a in ent.titles and _title_norm(a) in ambiguous)
            }
            aliases_.append(sorted(al, key=lambda a: (a.casefold(), a)))
        # Ids come from keys every spelling of the cluster shares, never from the displayed
        # (most frequent) name, so a new article cannot flip them.
        keyed = [_id_key(group, type_) for group, type_ in zip(members, types_, strict=True)]
        ids = assign_ids(
            [base for base, _ in keyed],
            [f"{t}|{tie}" for (_, tie), t in zip(keyed, types_, strict=True)],
            fallback="actor",
        )
        self.groups = members
        self.by_local: dict[tuple[str, str], str] = {}
        self.index_of: dict[str, int] = {}
        for gi, (actor_id, group) in enumerate(zip(ids, members, strict=True)):
            self.index_of[actor_id] = gi
            for ent in group:
                self.by_local[(ent.source, ent.e.key)] = actor_id
        self.actors = [
            Actor(
                id=actor_id,
                name=names_[gi],
                type=types_[gi],  # type: ignore[arg-type]
                aliases=aliases_[gi],
                mentions=sum(len(ent.e.mentions) for ent in members[gi]),
                sources=sorted({ent.source for ent in members[gi]}),
            )
            for gi, actor_id in enumerate(ids)
        ]
        self.by_id = {a.id: a for a in self.actors}
        self._surface_index()
        for actor, group in zip(self.actors, members, strict=True):
            actor.roles = self._roles(group)
        votes = [
            self._affiliation_votes(actor, group)
            for actor, group in zip(self.actors, members, strict=True)
        ]
        for actor, counts in zip(self.actors, votes, strict=True):
            actor.affiliation = self._top(counts)
        # A body and the body it is part of both named ("the EU's chief negotiator", "director
        # at the European Commission"): the part says more about where the person works.
        for actor, counts in zip(self.actors, votes, strict=True):
            parts = [t for t in counts if self.by_id[t].affiliation in counts]
            if actor.type == "person" and parts:
                actor.affiliation = self._top(Counter({t: counts[t] for t in parts}))
        self.actors.sort(key=lambda a: a.id)

    def _surface_index(self) -> None:
        self.local_surface: dict[tuple[str, str], str] = {}
        self.global_surface: dict[str, set[str]] = defaultdict(set)
        for group in self.groups:
            for ent in group:
                actor_id = self.by_local[(ent.source, ent.e.key)]
                for s in ent.aliases:
                    self.local_surface.setdefault((ent.source, names.norm(s)), actor_id)
                    if s not in ent.titles:
                        self.global_surface[names.norm(s)].add(actor_id)
        self.proper = frozenset(lexicon.demonyms()) | frozenset(
            w
            for a in self.actors
            if a.type in ("state", "organization", "group")
            for s in [a.name, *a.aliases]
            for w in [names.norm(s), *sorted(demonyms(s))]
            if w and " " not in w
        )

    def _roles(self, group: list[Ent]) -> list[Role]:
        by_key: dict[tuple[str, ...], list[tuple[str, Evidence | None]]] = defaultdict(list)
        for ent in group:
            for rc in ent.e.roles:
                title = _with_rank(rc.title, rc.surface, ent.analysis, rc.sentence)
                key = title_key(title, self.proper).words
                if key:
                    by_key[key].append((title, evidence(ent.analysis, rc.sentence)))
        roles = []
        for items in by_key.values():
            counts = Counter(t for t, _ in items)
            title = min(counts, key=lambda t: (-counts[t], -len(t), t))
            roles.append(Role(title=title, evidence=merge_evidence([ev for _, ev in items])))
        return sorted(roles, key=lambda r: (r.title.casefold(), r.title))

    def _affiliation_votes(self, actor: Actor, group: list[Ent]) -> Counter[str]:
        """How often the group's articles affiliate the actor with each other actor."""
        votes: Counter[str] = Counter()
        for ent in group:
            surfaces = [rc.affiliation for rc in ent.e.roles if rc.affiliation]
            surfaces += list(ent.e.affiliations)
            for s in surfaces:
                target = self.lookup(ent.source, s)
                if target and target != actor.id:
                    votes[target] += 1
        return votes

    def _top(self, votes: Counter[str]) -> str | None:
        if not votes:
            return None
        return min(votes, key=lambda t: (-votes[t], -self.by_id[t].mentions, t))

    # -- lookups ----------------------------------------------------------------------------

    def actor_of(self, source: str, key: str | None) -> str | None:
        """The actor id of an article's local entity key."""
        if key is None:
            return None
        return self.by_local.get((source, key))

    def lookup(self, source: str, surface: str) -> str | None:
        """The actor a surface names: in that article first, else anywhere unambiguously."""
        n = names.norm(surface)
        if not n:
            return None
        hit = self.local_surface.get((source, n))
        if hit:
            return hit
        for key in self._surface_keys(surface):
            if key in self.key_root:
                root = self.uf.find(self.key_root[key])
                ent = self.ents[root]
                return self.by_local[(ent.source, ent.e.key)]
        found = self.global_surface.get(n, set())
        return next(iter(found)) if len(found) == 1 else None

    def _surface_keys(self, surface: str) -> list[str]:
        state = names.state_name(surface) or names.capital_state(surface)
        keys = ["n:" + names.norm(state or surface)]
        if names.is_acronym(surface):
            keys.append("a:" + names.norm(surface).replace(" ", ""))
        person = names.person_name(surface)
        if person and person.full:
            keys.append(f"p:{person.surname}|{person.given}")
        elif person:
            keys.append(f"ps:{person.surname}")
        return keys

    def principal_body(self, actor_id: str) -> str | None:
        """The body a person speaks for: their affiliation, when it is a state or organisation."""
        actor = self.by_id.get(actor_id)
        if not actor or actor.type != "person" or not actor.affiliation or not actor.roles:
            return None
        body = self.by_id.get(actor.affiliation)
        if body and body.type in ("state", "organization"):
            return body.id
        return None


def _canonical(group: list[Ent]) -> tuple[str, str]:
    """The cluster's display name (the fullest frequent form) and its type (majority)."""
    votes: Counter[str] = Counter()
    for ent in group:
        votes[ent.kind] += ent.weight
    type_ = min(votes, key=lambda k: (-votes[k], _KIND_ORDER.index(k) if k in _KIND_ORDER else 9))

    states = Counter()
    for ent in group:
        for s in ent.name_forms:
            if names.state_name(s):
                states[names.state_name(s)] += 1
        for s in ent.capitals:
            # a body's seat ("Brussels" for the EU) names the body, not a state
            if names.capital_state(s) and names.state_name(names.capital_state(s)):
                states[names.capital_state(s)] += 1
    if states and type_ != "person":
        return min(states, key=lambda s: (-states[s], s)), "state"

    freq: dict[str, set[str]] = defaultdict(set)
    for ent in group:
        if type_ == "person" and ent.person is not None:
            for s in ent.name_forms:
                p = names.person_name(s)
                if p and not _looks_like_title(p.display):
                    freq[p.display].add(ent.source)
        else:
            for s in ent.name_forms:
                freq[_THE.sub("", s)].add(ent.source)
    if not freq:  # only titles or capitals: the most frequent of those
        for ent in group:
            for s in ent.titles or ent.capitals or [ent.e.name]:
                freq[names.clean_surface(s)].add(ent.source)
    if type_ == "person" and any(len(n.split()) > 1 for n in freq):
        freq = {n: srcs for n, srcs in freq.items() if len(n.split()) > 1}
    top = max(len(s) for s in freq.values())
    eligible = [n for n, srcs in freq.items() if 2 * len(srcs) >= top]
    name = min(eligible, key=lambda n: (-len(n.split()), -len(freq[n]), -len(n), n))
    return name, type_


def _id_key(group: list[Ent], type_: str) -> tuple[str, str]:
    """(readable id base, tiebreak) of a cluster, from keys shared by all its spellings.

    Persons: first given name and surname as folded for merging (middle names left out, so
    "Ann Marie Lee" and "Ann Lee" agree); states: the canonical state name; organisations:
    the acronym if written or shared, else the one normalised name; others: the least
    normalised name. The displayed name may still be the most frequent form.
    """
    if type_ == "person":
        keys = {
            (p.given if p.full and not p.initial_only else "", p.surname)
            for ent in group
            for p in map(names.person_name, ent.name_forms)
            if p is not None and not _looks_like_title(p.display)
        }
        if keys:
            # The fullest key, then alphabetical: never the most frequent spelling.
            given, surname = min(keys, key=lambda k: (not k[0], k))
            parts = [names.id_part(given), surname] if given else [surname]
            return " ".join(parts), "p:" + "|".join(sorted(f"{g}/{s}" for g, s in keys))
    states = sorted(
        {names.state_name(s) for ent in group for s in ent.name_forms if names.state_name(s)}
        | {names.capital_state(s) for ent in group for s in ent.capitals if names.capital_state(s)}
    )
    if states and type_ != "person":
        return states[0], "s:" + "|".join(states)
    forms = sorted({names.norm(_THE.sub("", s)) for ent in group for s in ent.name_forms} - {""})
    if forms:
        surfaces = [s for ent in group for s in ent.name_forms]
        written = sorted({names.norm(s).replace(" ", "") for s in surfaces if names.is_acronym(s)})
        # Two long forms joined by their initials ("Co-operation"/"Cooperation"): the initials.
        derived = {names.acronym_of(s) for s in surfaces if not names.is_acronym(s)}
        tie = "o:" + "|".join(forms)
        if written:
            return written[0], tie
        if len(forms) > 1 and len(derived) == 1 and None not in derived:
            return derived.pop() or forms[0], tie
        return forms[0], tie
    other = sorted(
        {names.norm(s) for ent in group for s in ent.titles or ent.capitals or [ent.e.name]} - {""}
    )
    return (other[0] if other else "actor"), "t:" + "|".join(other)
