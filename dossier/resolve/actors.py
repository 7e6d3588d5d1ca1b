"""Actors: local entities of every article clustered into one actor per real-world entity.

Which entities are one actor is decided in actor_clusters; here the clusters become Actor
records (name, type, stable id, aliases, roles, affiliation) with every way back to them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dossier.model.analysis import Analysis
from dossier.model.dossier import Actor, Evidence, Role
from dossier.resolve import lexicon, names
from dossier.resolve.actor_clusters import Clusterer
from dossier.resolve.entity_forms import Ent, classify, looks_like_title, title_norm, with_rank
from dossier.resolve.ids import assign_ids
from dossier.resolve.roles import demonyms, title_key
from dossier.resolve.sources import evidence, merge_evidence

_KIND_ORDER = ["person", "state", "organization", "group", "other"]
_THE = re.compile(r"^(the|The)\s+")


class ActorTable:
    """The resolved actors and every way back to them from an article's keys and surfaces."""

    def __init__(self, analyses: list[Analysis]) -> None:
        self.analyses = analyses
        self.ents: list[Ent] = []
        for analysis in analyses:
            for e in sorted(analysis.entities, key=lambda e: e.key):
                ent = classify(len(self.ents), analysis, e)
                if ent.aliases:  # an entity with no readable surface is nobody
                    self.ents.append(ent)
        clusters = Clusterer(self.ents)
        clusters.run()
        self.uf = clusters.uf
        self.key_root = clusters.key_root
        self._build()

    # -- actors -----------------------------------------------------------------------------

    def _build(self) -> None:
        groups = self.uf.groups()
        members = [[self.ents[i] for i in g] for g in groups]
        # A title shared by several actors ("the deputy minister") is nobody's alias.
        title_owners: dict[str, set[int]] = defaultdict(set)
        for gi, group in enumerate(members):
            for ent in group:
                for t in ent.titles:
                    title_owners[title_norm(t)].add(gi)
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
                if not (a in ent.titles and title_norm(a) in ambiguous)
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
                title = with_rank(rc.title, rc.surface, ent.analysis, rc.sentence)
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
                if p and not looks_like_title(p.display):
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
            if p is not None and not looks_like_title(p.display)
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
