"""Agency: whether a stance's holder rejects, or is the one whose proposal others rejected."""

from __future__ import annotations

import re
from functools import cache

from dossier import lexicons


def _alt(items: list[str]) -> str:
    # Longest first, so "has been" wins over "been"; a space matches any run of spaces.
    ordered = sorted({str(i) for i in items}, key=lambda i: (-len(i), i))
    return "|".join(r"\s+".join(map(re.escape, i.split())) for i in ordered)


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = lexicons.load("rejected_proposals")
    noun = rf"(?:{_alt(data['nouns'])})s?"
    aux = rf"(?:(?:{_alt(data['auxiliaries'])})\s+)?"
    verb = rf"(?:{_alt(data['participles'])})\b"
    act = rf"(?:{_alt(data['acts'])})"
    own = r"(?:['’]s?)?"  # "Russia's", "the allies'"
    mods = r"(?:[a-z][\w-]*\s+){0,2}?"  # "security proposals", "draft treaty proposals"
    return (
        # "X's proposals were rejected", "Peruvian proposals rejected on Monday"
        re.compile(rf"^{own}\s+{mods}{noun}\s*,?\s+{aux}{verb}", re.I),
        # "proposals (put forward) by X were rejected": the part before, then after, X
        re.compile(rf"\b{noun}\s+(?:[a-z]+\s+){{0,2}}(?:by|from)\s+(?:the\s+)?$", re.I),
        re.compile(rf"^{own}\s*,?\s+{aux}{verb}", re.I),
        # "the rejection of X's demands": before, then after, X
        re.compile(rf"\b{act}\s+of\s+(?:the\s+)?$", re.I),
        re.compile(rf"^{own}\s+{mods}{noun}\b", re.I),
    )


def rejected_proposer(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """True when a mention at one of `spans` (offsets in `sentence`) owns a proposal that the
    sentence says others rejected ("X's proposals were rejected"): X is not the one rejecting."""
    owner_then_verb, by_before, by_after, act_before, act_after = _patterns()
    for start, end in spans:
        head, tail = sentence[:start], sentence[end:]
        if owner_then_verb.match(tail):
            return True
        if by_before.search(head) and by_after.match(tail):
            return True
        if act_before.search(head) and act_after.match(tail):
            return True
    return False
