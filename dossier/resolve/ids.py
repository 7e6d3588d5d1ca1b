"""Stable ids: a slug of an item's own key, made unique in a deterministic order."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.slug import slugify, unique


def assign_ids(
    bases: Sequence[str],
    tiebreaks: Sequence[str],
    taken: set[str] | None = None,
    fallback: str = "item",
) -> list[str]:
    """Ids for items whose readable keys are `bases`, aligned with the input.

    Items sharing a slug get `-2`, `-3`, ... in the order of their `tiebreaks` (a stable key of
    the item's content), never in input order, so adding an article does not reshuffle ids.
    """
    taken = set() if taken is None else taken
    slugs = [slugify(b, fallback) for b in bases]
    order = sorted(range(len(slugs)), key=lambda i: (slugs[i], tiebreaks[i], i))
    out = [""] * len(slugs)
    for i in order:
        out[i] = unique(slugs[i], taken)
    return out
