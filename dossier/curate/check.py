"""Checks a curation against the bare dossier: every id must exist, every correction must make sense."""

from __future__ import annotations

import difflib

from dossier.curate.apply import item_ids, plan_merges
from dossier.curate.model import Curation
from dossier.errors import DossierError
from dossier.model.dossier import Dossier


def _suggest(value: str, choices: list[str]) -> str | None:
    """The closest choice: by spelling, else the only one containing what was written."""
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    folded = value.casefold().replace(" ", "-")
    containing = [c for c in choices if folded and folded in c.casefold()]
    return containing[0] if len(containing) == 1 else None


def check(curation: Curation, dossier: Dossier) -> list[DossierError]:
    """Problems with `curation` as `file:line` errors, each with a fix; empty when it applies cleanly.

    `dossier` must be the bare extraction: the ids an analyst writes are the ids it carries.
    """
    path = curation.path or "curation.yaml"
    errors: list[DossierError] = []

    def error(message: str, loc: tuple[str | int, ...], fix: str | None = None) -> None:
        errors.append(DossierError(message, path, curation.line_of(*loc), fix))

    actors = {a.id: a for a in dossier.actors}
    issues = {i.id: i for i in dossier.issues}
    items = item_ids(dossier)
    dropped = {aid for aid, fix in curation.actors.items() if fix.drop and aid in actors}

    def actor_hint(value: str) -> str:
        names = {a.name.casefold(): a.id for a in dossier.actors}
        by_name = _suggest(value.casefold().replace("-", " "), list(names))
        close = _suggest(value, list(actors)) or (names[by_name] if by_name else None)
        if close:
            return f"did you mean '{close}'?"
        return "use an actor id from dossier.yaml (the last part of its /actors/<id>/ URL)"

    def issue_hint(value: str) -> str:
        close = _suggest(value, list(issues))
        return f"did you mean '{close}'?" if close else f"known issues: {', '.join(issues)}"

    for aid, fix in curation.actors.items():
        loc = ("actors", aid)
        if aid not in actors:
            error(f"unknown actor '{aid}'", loc, actor_hint(aid))
            continue
        if fix.drop:
            others = sorted(fix.model_fields_set - {"drop"})
            if others:
                error(
                    f"actor '{aid}' is dropped but also corrected ({', '.join(others)})",
                    loc,
                    "keep either 'drop: true' or the corrections",
                )
            continue
        if fix.affiliation is not None:
            aloc = (*loc, "affiliation")
            if fix.affiliation not in actors:
                error(
                    f"unknown actor '{fix.affiliation}' as affiliation of '{aid}'",
                    aloc,
                    actor_hint(fix.affiliation),
                )
            elif fix.affiliation == aid:
                error(f"actor '{aid}' cannot be affiliated to itself", aloc)
            elif fix.affiliation in dropped:
                error(
                    f"affiliation '{fix.affiliation}' is dropped",
                    aloc,
                    "pick another affiliation or keep that actor",
                )

    for merged, claims in plan_merges(dossier, curation).items():
        survivor, alias = claims[0]
        loc = ("actors", survivor, "aliases")
        if len(claims) > 1:
            who = " and ".join(f"'{s}'" for s, _ in claims)
            error(
                f"actor '{merged}' would be merged into both {who}",
                loc,
                "give the shared alias to only one actor",
            )
        elif merged in dropped:
            error(
                f"alias '{alias}' merges '{merged}', which is dropped",
                loc,
                f"remove the alias or the drop of '{merged}'",
            )
        elif merged in curation.actors:
            error(
                f"alias '{alias}' merges '{merged}' into '{survivor}', but '{merged}' has "
                "corrections of its own",
                loc,
                f"move them under '{survivor}'",
            )

    for iid in curation.issues:
        if iid not in issues:
            error(f"unknown issue '{iid}'", ("issues", iid), issue_hint(iid))

    cells: dict[tuple[str, str], int] = {}
    for i, fix in enumerate(curation.positions):
        if fix.actor not in actors:
            error(f"unknown actor '{fix.actor}'", ("positions", i, "actor"), actor_hint(fix.actor))
        elif fix.actor in dropped:
            error(
                f"position for dropped actor '{fix.actor}'",
                ("positions", i, "actor"),
                "remove the position or the drop",
            )
        if fix.issue not in issues:
            error(f"unknown issue '{fix.issue}'", ("positions", i, "issue"), issue_hint(fix.issue))
        cell = (fix.actor, fix.issue)
        if cell in cells:
            error(
                f"position {fix.actor} × {fix.issue} is set twice",
                ("positions", i),
                f"keep one (the other is entry {cells[cell] + 1})",
            )
        cells.setdefault(cell, i)

    for i, item in enumerate(curation.suppress):
        loc = ("suppress", i)
        if item in items:
            continue
        if item in actors:
            error(
                f"'{item}' is an actor, not an item",
                loc,
                f"to remove it write actors: {{{item}: {{drop: true}}}}",
            )
            continue
        close = _suggest(item, list(items))
        error(
            f"unknown item '{item}' in suppress",
            loc,
            f"did you mean '{close}'?"
            if close
            else "use the id of a quote, demand, position, next step, timeline event or discrepancy",
        )
    return sorted(errors, key=lambda e: e.line or 0)
