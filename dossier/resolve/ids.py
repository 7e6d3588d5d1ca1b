"""Stable ids: a slug of an item's own key, made unique in a deterministic order."""

from __future__ import annotations

from collections.abc import Sequence

from dossier.resolve.text import content_tokens, quote_tokens
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


def wording_key(best: str, printings: Sequence[str], n: int = 4) -> str:
    """The readable part of a merged item's id: the first `n` content words of `best` that
    every printing shares (folded, stemmed, contractions expanded).

    So the id does not move with which printing wins the display, nor with a printing that
    adds words before or after the shared core ("Russia and its allies expressed the need"
    beside "expressed the need"). Paraphrases sharing fewer words keep the winner's words.
    """
    own = content_tokens(quote_tokens(best))
    shared = set(own)
    for text in printings:
        shared &= set(content_tokens(quote_tokens(text)))
    core = [t for t in own if t in shared]
    # Printings sharing less than `n` words are paraphrases: the core would be a few stray
    # words that a new printing could change; the winning wording's own words are steadier.
    return " ".join((core if len(set(core)) >= n else own)[:n])
