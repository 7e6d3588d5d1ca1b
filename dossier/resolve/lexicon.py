"""Resolve's view of the lexicons: its own files, plus analyse's capitals and titles when present."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from dossier import lexicons
from dossier.resolve.text import fold


def _optional(name: str) -> Any:
    """A lexicon another stage owns; resolve still works (with less knowledge) without it."""
    try:
        return lexicons.load(name)
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None


def _key(text: str) -> str:
    """How lexicon entries and article surfaces meet: folded, no dots, no leading "the"."""
    text = fold(text).replace(".", "").replace("’", "'")
    text = re.sub(r"[^\w' &-]+", " ", text)
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return text


@cache
def state_names() -> dict[str, str]:
    """Folded variant (and canonical) -> the state's display name."""
    out: dict[str, str] = {}
    for canonical, variants in sorted((lexicons.load("state_names") or {}).items()):
        out[_key(canonical)] = canonical
        for variant in variants or []:
            out.setdefault(_key(str(variant)), canonical)
    return out


def _pairs(data: Any) -> list[tuple[str, str]]:
    """(capital, state) pairs from whichever shape capitals.yaml takes."""
    if isinstance(data, dict) and len(data) == 1:
        (only,) = data.values()
        if isinstance(only, dict | list):
            data = only
    pairs: list[tuple[str, str]] = []
    if isinstance(data, dict):
        for k, v in data.items():
            if isinstance(v, list):  # state: [capital, seat of power, ...]
                pairs += [(str(c), str(k)) for c in v]
            elif isinstance(v, dict):
                state = v.get("state") or v.get("country")
                if state:
                    pairs.append((str(k), str(state)))
                    pairs += [(str(s), str(state)) for s in v.get("aliases", []) or []]
            elif v:
                pairs.append((str(k), str(v)))
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict):
                state = item.get("state") or item.get("country")
                names = [item.get("capital"), item.get("name"), *(item.get("aliases") or [])]
                names += list(item.get("seats") or [])
                pairs += [(str(n), str(state)) for n in names if n and state]
    return pairs


@cache
def capitals() -> dict[str, str]:
    """Folded capital or seat of power -> state display name (canonical where known)."""
    names = state_names()
    out: dict[str, str] = {}
    for capital, state in sorted(_pairs(_optional("capitals"))):
        out.setdefault(_key(capital), names.get(_key(state), state))
    return out


@cache
def name_parts() -> dict[str, frozenset[str]]:
    data = lexicons.load("name_parts")
    words = set(data["title_words"])
    titles = _optional("titles")
    for title in _flatten_strings(titles):
        words.update(w for w in _key(title).replace("-", " ").split() if w.isalpha())
    return {
        "honorifics": frozenset(str(w).replace(".", "") for w in data["honorifics"]),
        "title_words": frozenset(words),
        "suffixes": frozenset(data["suffixes"]),
        "acronym_skip": frozenset(data["acronym_skip"]),
        "pronouns": frozenset(data["pronouns"]),
    }


def _flatten_strings(data: Any) -> list[str]:
    """Every string in a nested YAML value (keys included): titles.yaml's shape is analyse's."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for k, v in data.items() for s in [*_flatten_strings(k), *_flatten_strings(v)]]
    if isinstance(data, list):
        return [s for v in data for s in _flatten_strings(v)]
    return []


@cache
def fold_rules() -> tuple[list[tuple[re.Pattern[str], str]], int]:
    data = lexicons.load("name_variants")
    rules = [(re.compile(p), r) for p, r in data["fold_rules"]]
    return rules, int(data.get("min_fuzzy_length", 6))


@cache
def title_ranks() -> dict[str, Any]:
    data = lexicons.load("title_ranks")
    return {
        "rank_words": frozenset(data["rank_words"]),
        "word_variants": dict(data["word_variants"]),
        "ignore": frozenset(data["ignore"]),
    }


@cache
def issue_frames() -> list[tuple[str, list[str]]]:
    """(label, keywords) per frame, in file order."""
    return [
        (f["label"], [str(k) for k in f["keywords"]]) for f in lexicons.load("issues")["frames"]
    ]


@cache
def figure_nouns() -> frozenset[str]:
    return frozenset(lexicons.load("figures")["nouns"])


key = _key
