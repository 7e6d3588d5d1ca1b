"""Actor clusters: which local entities of every article are one real-world entity.

Clustering never compares all pairs: each entity emits blocking keys (a normalised name, a
state's canonical name, an acronym, the state a capital stands for) joined by union-find;
persons meet in surname buckets where only distinct given names are compared.
"""

from __future__ import annotations

from collections import defaultdict

from dossier import lexicons
from dossier.resolve import names
from dossier.resolve.entity_forms import (
    GENERIC_HEADS,
    Ent,
    blocking_keys,
    title_norm,
    title_words,
)
from dossier.resolve.unionfind import UnionFind


class Clusterer:
    """The union-find passes over all entities; the roots of ``uf`` are the actors."""

    def __init__(self, ents: list[Ent]) -> None:
        self.ents = ents
        self.uf = UnionFind(len(ents))
        # The first entity that emitted each blocking key: lookups reach a cluster through it.
        self.key_root: dict[str, int] = {}

    def join_key(self, key: str, idx: int) -> None:
        """Join ``idx`` to whichever entity first emitted ``key``, or make it the key's root."""
        if key in self.key_root:
            self.uf.union(self.key_root[key], idx)
        else:
            self.key_root[key] = idx

    def run(self) -> None:
        """Join the entities: keyed non-persons, persons by surname, then title-only ones."""
        persons: list[Ent] = []
        loose: list[Ent] = []  # single-token non-persons that may be a surname spaCy mislabelled
        deferred: list[Ent] = []
        for ent in self.ents:
            if ent.person is not None:
                persons.append(ent)
            elif ent.title_only:
                deferred.append(ent)
            else:
                for key in blocking_keys(ent):
                    self.join_key(key, ent.idx)
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
        """A non-person whose name is a person's full name elsewhere ("Rauf Huseynli" tagged
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
            # including middle names ("Luisa" within "Maria Luisa").
            givens: dict[str, int] = {}
            tokens: dict[str, set[tuple[str, ...]]] = defaultdict(set)
            for e in full:
                self.join_key(f"p:{surname}|{e.person.given}", e.idx)  # type: ignore[union-attr]
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
                    self.join_key(f"p:{surname}|{e.person.given}", e.idx)  # type: ignore[union-attr]
            target = self._dominant(full)
            for e in bare:
                self.join_key(f"ps:{surname}", e.idx)
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
        spelt by two outlets (Aram Hovsepyan / Aram Ovsepyan). Never within one article,
        where two spellings are two people. Surnames meet through their deletion keys, so the
        cost grows with the number of surnames, not its square."""
        index: dict[str, list[str]] = defaultdict(list)
        for surname in sorted(by_surname):
            if any(e.person.full and not e.person.initial_only for e in by_surname[surname]):  # type: ignore[union-attr]
                for key in names.deletion_keys(names.sound_key(surname)):
                    index[key].append(surname)
                index["c:" + names.consonant_key(surname)].append(surname)
        pairs: dict[tuple[str, str], bool] = {}  # (a, b) -> whether the spelling alone suffices
        for bucket in index.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1 :]:
                    if a == b or (a, b) in pairs:
                        continue
                    if names.surname_compatible(a, b):
                        pairs[(a, b)] = True
                    elif names.vowels_only_apart(a, b):
                        pairs[(a, b)] = False
        for (a, b), strong in sorted(pairs.items()):
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
                        and (strong or _shared_middle_name(px, py))
                    ):
                        self.uf.union(x.idx, y.idx)

    def _attach_given_names(self, persons: list[Ent], by_surname: dict[str, list[Ent]]) -> None:
        """A name that is no one's surname but part of one full name in the same article.

        "Zaki" for "Ahmad Zaki Hassan", "Wang" for "Wang Lei" (family name first): the
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

    def _fitting_role(
        self, title: str, found: set[int], role_words: dict[int, set[str]]
    ) -> set[int]:
        """Among several people of one state or body, those whose roles the title's generic
        head can stand for ("the Iranian envoy": the ambassador, not the spokesman)."""
        if len(found) < 2:
            return found
        heads = lexicons.generic_head_roles()
        wanted = set().union(*(heads.get(w, frozenset()) for w in names.norm(title).split()))
        if not wanted:
            return found
        fitting = {r for r in found if role_words.get(r, set()) & wanted}
        return fitting or found

    def _attach_titles(self, deferred: list[Ent]) -> None:
        """Title-only entities join the one actor the dossier ties that title to, if just one.

        First the title as written ("the NATO chief" carried by one person); else its words,
        demonyms read as states ("the Turkish minister" = a minister affiliated with Turkey),
        against the words of every person's roles and affiliations, through an inverted index.
        """
        title_roots: dict[str, set[int]] = defaultdict(set)
        word_roots: dict[str, set[int]] = defaultdict(set)
        role_words: dict[int, set[str]] = defaultdict(set)
        for ent in self.ents:
            if ent.title_only:
                continue
            root = self.uf.find(ent.idx)
            for t in ent.titles:
                title_roots[title_norm(t)].add(root)
            for role in ent.e.roles:
                title_roots[title_norm(role.title)].add(root)
                if role.affiliation:
                    title_roots[title_norm(f"{role.affiliation} {role.title}")].add(root)
            if ent.person is not None:
                affs = [r.affiliation for r in ent.e.roles if r.affiliation] + ent.e.affiliations
                words = {w for r in ent.e.roles for w in title_words(r.title)}
                words |= {w for a in affs for w in title_words(a)}
                for w in words:
                    word_roots[w].add(root)
                role_words[root] |= {w for r in ent.e.roles for w in title_words(r.title)}
        for ent in deferred:
            roots: set[int] = set()
            for t in ent.titles or [ent.e.name]:
                roots |= {self.uf.find(r) for r in title_roots.get(title_norm(t), ())}
            if not roots and ent.kind == "person":
                for t in ent.titles or [ent.e.name]:
                    words = title_words(t) - GENERIC_HEADS
                    if words:
                        found = set.intersection(*(word_roots.get(w, set()) for w in words))
                        found = self._fitting_role(t, found, role_words)
                        roots |= {self.uf.find(r) for r in found}
            if len(roots) == 1:
                self.uf.union(roots.pop(), ent.idx)
            else:
                self.join_key("t:" + title_norm(ent.e.name), ent.idx)


def _shared_middle_name(a: names.PersonName, b: names.PersonName) -> bool:
    """A middle name both spellings carry ("Omar Abdel-Hadi Nasser" / "Umar Abdelhadi
    Naser"): what makes surnames alike only in their consonants one name."""

    def middle(p: names.PersonName) -> set[str]:
        return {g.replace("-", "") for g in p.givens[1:]}

    return bool(middle(a) & middle(b))
