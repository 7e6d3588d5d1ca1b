"""Role titles compared across sources: spelling variants meet, different ranks of one office don't."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.resolve import lexicon
from dossier.resolve.text import fold

_ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")


@dataclass(frozen=True)
class TitleKey:
    office: tuple[str, ...]  # sorted words naming the office ("secretary", "state")
    rank: tuple[str, ...]  # sorted rank words ("deputy",)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(sorted(self.office + self.rank))


def demonyms(name: str) -> set[str]:
    """Adjective forms a title may carry for a state ("Russia" -> "russian"): a crude generator."""
    n = fold(name)
    if " " in n or len(n) < 3:
        return set()
    stems = {n, n[:-1]} if n[-1] in "aeiouy" else {n}
    return {s + suffix for s in stems for suffix in ("n", "an", "ian", "ese", "i", "ish")}


def title_key(title: str, proper: frozenset[str] = frozenset()) -> TitleKey:
    """Comparison key of a role title: variants mapped, filler and affiliation words dropped.

    `proper` holds folded names (and demonyms) of states and bodies, so "Russian Deputy Foreign
    Minister" and "Deputy Foreign Minister" meet; raw acronyms ("NATO", "US") are dropped too.
    """
    ranks = lexicon.title_ranks()
    variants, ignore, rank_words = ranks["word_variants"], ranks["ignore"], ranks["rank_words"]
    raw = re.split(r"[\s/]+", title.strip())
    words: list[str] = []
    for token in raw:
        if _ACRONYM.match(token.strip(",;:'’s")):
            continue
        folded = re.sub(r"['’]s$", "", fold(token)).strip(".,;:()")
        if folded in variants:  # before splitting, so "co-operation"/"sec-gen" variants apply
            folded = variants[folded]
        for part in re.split(r"[-.]+", folded):
            part = variants.get(part, part)
            if part and part not in ignore and part not in proper:
                words.extend(part.split())
    beside = ranks["rank_words_beside"]
    ranked = {w for w in words if w in rank_words or set(beside.get(w, ())) & set(words)}
    office = tuple(sorted(w for w in words if w not in ranked))
    rank = tuple(sorted(w for w in words if w in ranked))
    return TitleKey(office=office, rank=rank)
