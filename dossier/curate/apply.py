"""Applies a checked curation to the bare dossier: a pure function from (dossier, curation) to dossier."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from dossier.curate.model import Curation
from dossier.model.dossier import Dossier, Evidence, Position, Role
from dossier.slug import slugify, unique

# Every list of the dossier whose entries have an id an analyst may suppress.
ITEM_KINDS = (
    "key_points",
    "positions",
    "demands",
    "next_steps",
    "timeline",
    "quotes",
    "discrepancies",
)

_THE = re.compile(r"^the\s+")
_SPACE = re.compile(r"\s+")


def name_key(name: str) -> str:
    """How two written names are compared: case, dots, dashes, quotes and a leading 'the' ignored."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = text.replace("’", "'").replace(".", "")
    text = re.sub(r"[\u2010-\u2015\-_/]", " ", text)
    text = _SPACE.sub(" ", text).strip()
    text = _THE.sub("", text)
    return text.removesuffix("'s")


def item_ids(dossier: Dossier) -> dict[str, str]:
    """Every suppressible item id, mapped to the section that holds it."""
    return {item.id: kind for kind in ITEM_KINDS for item in getattr(dossier, kind)}


def plan_merges(dossier: Dossier, curation: Curation) -> dict[str, list[tuple[str, str]]]:
    """Which actors a curated alias pulls in: merged id -> [(survivor id, alias), ...].

    More than one claimant for one actor is a conflict that `check` reports; `apply`
    follows the first.
    """
    names = {a.id: {name_key(a.name), *map(name_key, a.aliases)} for a in dossier.actors}
    claims: dict[str, list[tuple[str, str]]] = {}
    for survivor, fix in curation.actors.items():
        if fix.drop or survivor not in names:
            continue
        for alias in fix.aliases:
            key = name_key(alias)
            for actor in dossier.actors:
                if actor.id != survivor and key in names[actor.id]:
                    pairs = claims.setdefault(actor.id, [])
                    if all(s != survivor for s, _ in pairs):
                        pairs.append((survivor, alias))
    return claims


def apply(dossier: Dossier, curation: Curation) -> Dossier:
    """The curated dossier. `dossier` is not modified; run `check` on it first.

    Order matters and follows the analyst's view of the bare dossier: suppress and drop
    first (by the ids they saw), then merges, then renames and other corrections, then
    position cells, then the title. Anything an operation touches gets `curated: true`.
    """
    if curation.is_empty():
        return dossier
    d = dossier.model_copy(deep=True)
    _suppress(d, set(curation.suppress))
    dropped = {aid for aid, fix in curation.actors.items() if fix.drop}
    _drop(d, dropped)
    merges = _resolve_chains({m: pairs[0][0] for m, pairs in plan_merges(d, curation).items()})
    _merge(d, merges)
    _correct_actors(d, curation, merges)
    for issue in d.issues:
        if issue.id in curation.issues:
            issue.label = curation.issues[issue.id].label
    _set_positions(d, curation, merges)
    if curation.title:
        d.title = curation.title
    return d


def _suppress(d: Dossier, ids: set[str]) -> None:
    for kind in ITEM_KINDS:
        setattr(d, kind, [item for item in getattr(d, kind) if item.id not in ids])


def _drop(d: Dossier, dropped: set[str]) -> None:
    if not dropped:
        return
    d.actors = [a for a in d.actors if a.id not in dropped]
    for actor in d.actors:
        if actor.affiliation in dropped:
            actor.affiliation, actor.curated = None, True
    d.positions = [p for p in d.positions if p.actor not in dropped]
    d.quotes = [q for q in d.quotes if q.speaker not in dropped]
    d.demands = [x for x in d.demands if x.by not in dropped]
    d.discrepancies = [x for x in d.discrepancies if x.subject not in dropped]
    for item in [*d.demands]:
        if set(item.of) & dropped:
            item.of, item.curated = [a for a in item.of if a not in dropped], True
    for item in [*d.next_steps, *d.timeline]:
        if set(item.actors) & dropped:
            item.actors, item.curated = [a for a in item.actors if a not in dropped], True


def _resolve_chains(merges: dict[str, str]) -> dict[str, str]:
    """Follow a -> b -> c to c; a cycle (which `check` reports) is broken by keeping the start."""
    out = {}
    for start in merges:
        seen, cur = {start}, merges[start]
        while cur in merges and cur not in seen:
            seen.add(cur)
            cur = merges[cur]
        if cur != start:
            out[start] = cur
    return out


def _merge(d: Dossier, merges: dict[str, str]) -> None:
    if not merges:
        return
    by_id = {a.id: a for a in d.actors}
    source_order = {s.id: i for i, s in enumerate(d.sources)}
    for merged, survivor_id in merges.items():
        gone, survivor = by_id[merged], by_id[survivor_id]
        survivor.aliases = _union(
            survivor.aliases, [gone.name, *gone.aliases], exclude=survivor.name
        )
        survivor.mentions += gone.mentions
        survivor.sources = sorted(
            set(survivor.sources) | set(gone.sources),
            key=lambda s: (source_order.get(s, len(source_order)), s),
        )
        survivor.roles = _merge_roles(survivor.roles, gone.roles)
        if survivor.affiliation is None and gone.affiliation not in (None, survivor_id):
            survivor.affiliation = gone.affiliation
        survivor.curated = True
    d.actors = [a for a in d.actors if a.id not in merges]

    def r(actor_id: str) -> str:
        return merges.get(actor_id, actor_id)

    for actor in d.actors:
        if actor.affiliation in merges:
            actor.affiliation = r(actor.affiliation)
            actor.affiliation = None if actor.affiliation == actor.id else actor.affiliation
            actor.curated = True
    for item in d.positions:
        if item.actor in merges:
            item.actor, item.curated = r(item.actor), True
    for item in d.quotes:
        if item.speaker in merges:
            item.speaker, item.curated = r(item.speaker), True
    for item in d.demands:
        if item.by in merges or set(item.of) & merges.keys():
            item.by, item.of, item.curated = r(item.by), _dedupe(map(r, item.of)), True
    for item in [*d.next_steps, *d.timeline]:
        if set(item.actors) & merges.keys():
            item.actors, item.curated = _dedupe(map(r, item.actors)), True
    for item in d.discrepancies:
        item.subject = r(item.subject)
    _merge_duplicates(d)


def _merge_duplicates(d: Dossier) -> None:
    """After a merge two items may say the same thing about the one actor: keep one, pool evidence."""
    positions: dict[tuple[str, str], Position] = {}
    kept_positions = []
    for p in d.positions:
        first = positions.get((p.actor, p.issue))
        if first is None:
            positions[(p.actor, p.issue)] = p
            kept_positions.append(p)
            continue
        first.evidence = _union_evidence(first.evidence, p.evidence)
        if first.stance != p.stance:
            # The two halves of one actor disagreed: say so rather than pick one.
            first.stance, first.confidence = "mixed", "low"
        first.curated = True
    d.positions = kept_positions

    def pool(items: list, key: Callable) -> list:  # quotes or demands
        seen: dict = {}
        out = []
        for item in items:
            k = key(item)
            if k in seen:
                seen[k].evidence = _union_evidence(seen[k].evidence, item.evidence)
                seen[k].curated = True
            else:
                seen[k] = item
                out.append(item)
        return out

    d.quotes = pool(d.quotes, lambda q: (q.speaker, name_key(q.text)))
    d.demands = pool(d.demands, lambda x: (x.by, tuple(x.of), name_key(x.text)))


def _correct_actors(d: Dossier, curation: Curation, merges: dict[str, str]) -> None:
    known = {a.id for a in d.actors}
    for actor in d.actors:
        fix = curation.actors.get(actor.id)
        if fix is None or fix.drop:
            continue
        if fix.name and fix.name != actor.name:
            # The old name stays an alias so later articles still resolve to this actor.
            actor.aliases = _union(actor.aliases, [actor.name], exclude=fix.name)
            actor.name = fix.name
        if fix.type:
            actor.type = fix.type
        if "affiliation" in fix.model_fields_set:
            target = merges.get(fix.affiliation, fix.affiliation) if fix.affiliation else None
            if target is None or (target in known and target != actor.id):
                actor.affiliation = target
        actor.aliases = _union(actor.aliases, fix.aliases, exclude=actor.name)
        actor.curated = True


def _set_positions(d: Dossier, curation: Curation, merges: dict[str, str]) -> None:
    actors = {a.id for a in d.actors}
    issues = {i.id for i in d.issues}
    taken = {p.id for p in d.positions}
    for fix in curation.positions:
        actor = merges.get(fix.actor, fix.actor)
        if actor not in actors or fix.issue not in issues:
            continue  # `check` reports it; a dropped actor has no cells
        summary = fix.note or f"Stance set by the analyst: {fix.stance}."
        cell = next((p for p in d.positions if p.actor == actor and p.issue == fix.issue), None)
        if cell is None:
            cell = Position(
                id=unique(slugify(f"{actor}-on-{fix.issue}", "position"), taken),
                actor=actor,
                issue=fix.issue,
                stance=fix.stance,
                summary=summary,
            )
            d.positions.append(cell)
        elif cell.stance != fix.stance:
            cell.summary = summary
        cell.stance, cell.note, cell.curated, cell.confidence = fix.stance, fix.note, True, "high"


def _merge_roles(mine: list[Role], theirs: list[Role]) -> list[Role]:
    out = [r.model_copy(deep=True) for r in mine]
    for role in theirs:
        same = next((r for r in out if name_key(r.title) == name_key(role.title)), None)
        if same is None:
            out.append(role.model_copy(deep=True))
        else:
            same.evidence = _union_evidence(same.evidence, role.evidence)
    return out


def _union(first: list[str], more: Iterable[str], exclude: str = "") -> list[str]:
    """`first` unchanged, then each of `more` not already there (ignoring case) nor `exclude`.

    Exact strings are kept, not name keys: "U.S." and "US" are both surface forms worth keeping.
    """
    seen = {name.casefold() for name in [*first, exclude]}
    out = list(first)
    for name in more:
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def _union_evidence(first: list[Evidence], more: list[Evidence]) -> list[Evidence]:
    seen = {(e.source, e.start, e.end) for e in first}
    out = list(first)
    for e in more:
        if (e.source, e.start, e.end) not in seen:
            seen.add((e.source, e.start, e.end))
            out.append(e)
    return out


def _dedupe(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))
