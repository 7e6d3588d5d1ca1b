"""Acronyms: ones an article defines in brackets, and short names merged into the body they abbreviate."""

from __future__ import annotations

import re

from .candidates import Cand, State
from .spans import add_span

_DEFINED_ACRONYM = re.compile(r"\s\(([A-Z][A-Z.]{1,9})\)")

_ACRONYM_SKIP = frozenset({"of", "for", "and", "in", "the", "on", "to", "&"})


def defined_acronyms(st: State) -> None:
    """ "the Southern Krill Tribunal (SKT)": an acronym the article defines right after a
    body's name is a mention of that body, even when the model tags no entity on it."""
    ends = {c.end: c for c in st.cands if c.kind in ("organization", "group", "other")}
    for m in _DEFINED_ACRONYM.finditer(st.text):
        owner = ends.get(m.start())
        short = m.group(1)
        if owner is None or not _abbreviates(short.replace(".", ""), owner.name):
            continue
        if any(c.start == m.start(1) for c in st.cands):
            continue
        add_span(st, m.start(1), m.end(1), "ORG")


def merge_acronyms(groups: dict[tuple[str, str], list[Cand]]) -> None:
    names = [k for k in groups if k[0] in ("organization", "group", "other")]
    for short in names:
        s = short[1].replace(".", "")
        if not (2 <= len(s) <= 8 and s.isupper()):
            continue
        for long in names:
            if long == short or " " not in long[1]:
                continue
            if _initials(long[1]) == s or _abbreviates(s, long[1]):
                groups[long].extend(groups.pop(short))
                break


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` abbreviates `name`: each content word gives its initial and maybe more
    letters of itself, in order ("SKT" for "Southern Krill Tribunal")."""
    words = [w for w in name.split() if w.lower() not in _ACRONYM_SKIP]
    short = short.upper()

    def match(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(short)
        w = words[j].upper()
        if i >= len(short) or short[i] != w[0]:
            return False
        # the word gives its initial, then 0..n further letters of itself in order
        k, pos = i + 1, 1
        if match(k, j + 1):
            return True
        while k < len(short):
            pos = w.find(short[k], pos)
            if pos < 0:
                return False
            k, pos = k + 1, pos + 1
            if match(k, j + 1):
                return True
        return False

    return 2 <= len(short) <= 10 and len(words) >= 2 and match(0, 0)


def _initials(name: str) -> str:
    skip = {"of", "for", "and", "in", "the", "on", "de", "du", "des", "la", "le", "to", "&"}
    out = []
    for w in re.split(r"[\s]+", name):
        if w.lower() in skip:
            continue
        for part in w.split("-"):
            if part and part[0].isupper():
                out.append(part[0])
    return "".join(out)
