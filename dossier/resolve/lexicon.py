"""Resolve's view of the lexicons: its own files, plus analyse's capitals and titles when present."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from dossier import lexicons
from dossier.resolve.text import fold, stem


def _optional(name: str) -> Any:
    """A lexicon another stage owns; resolve still works (with less knowledge) without it."""
    try:
        return lexicons.load(name)
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return None


@lru_cache(maxsize=1 << 16)
def _key(text: str) -> str:
    """How lexicon entries and article surfaces meet: folded, no dots, no apostrophes (outlets
    write the glottal stop in "Kaua'i" several ways, or drop it), no leading "the"."""
    text = fold(text).replace(".", "").replace("’", "").replace("'", "")
    text = re.sub(r"[^\w' &-]+", " ", text)
    text = re.sub(r"^the\s+", "", " ".join(text.split()))
    return text


def _capitals_data() -> dict[str, Any]:
    data = _optional("capitals")
    return data if isinstance(data, dict) else {}


@cache
def state_names() -> dict[str, str]:
    """Folded variant (and canonical) -> the state's display name.

    Resolve's state_names.yaml first, then the aliases in analyse's capitals.yaml.
    """
    out: dict[str, str] = {}
    for canonical, variants in sorted((lexicons.load("state_names") or {}).items()):
        out[_key(canonical)] = canonical
        for variant in variants or []:
            out.setdefault(_key(str(variant)), canonical)
    for state in _capitals_data().get("states") or []:
        if not isinstance(state, dict) or not state.get("name"):
            continue
        name = out.get(_key(str(state["name"])), str(state["name"]))
        out.setdefault(_key(str(state["name"])), name)
        for alias in state.get("aliases") or []:
            out.setdefault(_key(str(alias)), name)
    return out


@cache
def capitals() -> dict[str, str]:
    """Folded capital or seat of power -> what it stands for (a state, or a body's seat)."""
    names = state_names()
    out: dict[str, str] = {}
    data = _capitals_data()
    for group in ("states", "bodies"):
        for item in data.get(group) or []:
            if not isinstance(item, dict) or not item.get("name"):
                continue
            name = names.get(_key(str(item["name"])), str(item["name"]))
            for seat in [*(item.get("capital") or []), *(item.get("seats") or [])]:
                out.setdefault(_key(str(seat)), name)
    return out


@cache
def demonyms() -> dict[str, str]:
    """Folded demonym ("russian") -> state display name, from analyse's capitals.yaml."""
    names = state_names()
    out: dict[str, str] = {}
    for state in _capitals_data().get("states") or []:
        if isinstance(state, dict) and state.get("name"):
            name = names.get(_key(str(state["name"])), str(state["name"]))
            for d in state.get("demonyms") or []:
                out.setdefault(_key(str(d)), name)
    return out


@cache
def given_name_groups() -> dict[str, str]:
    """Folded given-name variant -> its group's normal form (analyse's transliteration.yaml).

    Keys and values are folded by `fold_name`'s rules too (by the caller), so a variant the
    list does not name but that folds like one it does ("Mohamad" ~ "Mohammad") still meets it.
    """
    data = _optional("transliteration")
    out: dict[str, str] = {}
    groups = data.get("given_names") if isinstance(data, dict) else None
    for group in groups or []:
        if group:
            for variant in group:
                out.setdefault(fold(str(variant)), fold(str(group[0])))
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


@cache
def portfolios() -> tuple[frozenset[str], ...]:
    """The portfolios titles name ("Trade", "Foreign Affairs"), as folded word sets; "State" is
    left out, since in "Secretary of State" it names the office."""
    titles = _optional("titles")
    domains = (titles or {}).get("domains") or {}
    return tuple(
        frozenset(fold(str(v)).split())
        for dom, variants in domains.items()
        if dom != "State"
        for v in [dom, *(variants or [])]
    )


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
def same_sounds() -> tuple[tuple[str, str], ...]:
    """Letter groups that spell one sound in two alphabets, for comparing surnames only."""
    data = lexicons.load("name_variants")
    return tuple((str(a), str(b)) for a, b in data.get("same_sounds") or [])


@cache
def title_ranks() -> dict[str, Any]:
    data = lexicons.load("title_ranks")
    return {
        "rank_words": frozenset(data["rank_words"]),
        "word_variants": dict(data["word_variants"]),
        "ignore": frozenset(data["ignore"]),
        "rank_words_beside": {k: list(v) for k, v in (data.get("rank_words_beside") or {}).items()},
        # Word sets of another name of an office -> the office's words.
        "office_names": [
            (frozenset(str(k).split()), tuple(str(v).split()))
            for k, v in (data.get("office_names") or {}).items()
        ],
        "office_heads": frozenset(data.get("office_heads") or ()),
    }


@cache
def issue_frames() -> list[tuple[str, list[str], frozenset[str]]]:
    """(label, keywords, against-keywords) per frame, in file order."""
    out = []
    for f in lexicons.load("issues")["frames"]:
        against = [str(k) for k in f.get("against") or []]
        keywords = [str(k) for k in f["keywords"]]
        out.append((f["label"], sorted(set(keywords) | set(against)), frozenset(against)))
    return out


@cache
def issue_against_labels() -> dict[str, str]:
    """Frame label -> the label naming the frame from its reversing side (`against_label`)."""
    return {
        f["label"]: str(f["against_label"])
        for f in lexicons.load("issues")["frames"]
        if f.get("against_label")
    }


@cache
def issue_negators() -> frozenset[str]:
    return frozenset(str(w) for w in lexicons.load("issues").get("negators") or [])


@cache
def keyword_stopwords() -> frozenset[str]:
    """Nouns too general to name an issue (stance_cues.yaml's `keyword_stopwords`)."""
    data = _optional("stance_cues") or {}
    return frozenset(str(w) for w in data.get("keyword_stopwords") or [])


@cache
def stance_cues() -> dict[str, Any]:
    """Cue phrases and lemmas with their polarity toward an issue (+1, -1, or 0 for framing).

    analyse's stance_cues.yaml gives the cues; issues.yaml's `cues` adjusts them for issues.
    """
    data = _optional("stance_cues") or {}
    own = lexicons.load("issues").get("cues") or {}
    lemmas: dict[str, int] = {}
    phrases: dict[str, int] = {}
    for side, pol in (("support", 1), ("oppose", -1)):
        block = data.get(side) or {}
        for lemma in block.get("lemmas") or []:
            lemmas[fold(str(lemma))] = pol
        for phrase in block.get("phrases") or []:
            phrases[fold(str(phrase))] = pol
    for lemma in own.get("framing") or []:
        lemmas[fold(str(lemma))] = 0
    for side, pol in (("support", 1), ("oppose", -1)):
        for phrase in own.get(side) or []:
            phrases[fold(str(phrase))] = pol
    negations = [fold(str(n)) for n in data.get("negations") or ["not", "never", "no"]]
    negative = {fold(str(p)) for p in data.get("negative_phrases") or []}
    negative |= {fold(str(p)) for side in ("support", "oppose") for p in own.get(side) or []}
    return {
        "lemmas": lemmas,
        "phrases": phrases,
        "negations": frozenset(negations),
        "negative_phrases": frozenset(negative),
    }


@cache
def figure_nouns() -> frozenset[str]:
    return frozenset(lexicons.load("figures")["nouns"])


@cache
def figures() -> dict[str, Any]:
    data = lexicons.load("figures")
    return {
        "people": frozenset(data.get("people") or []),
        "casualty_words": [str(w) for w in data.get("casualty_words") or []],
        "casualty_label": str(data.get("casualty_label") or "killed"),
        "currencies": {str(k): str(v) for k, v in (data.get("currencies") or {}).items()},
        # Stemmed like the counts' keys, so "detainees" in the list meets the key "detainee".
        "person_nouns": frozenset(stem(str(w)) for w in data.get("person_nouns") or []),
        "number_words": frozenset(str(w) for w in data.get("number_words") or []),
        # Longest first, so "square kilometres" is tried before a shorter unit inside it.
        "units": sorted(
            (tuple(str(u).split()) for u in data.get("units") or []), key=lambda u: -len(u)
        ),
        "unit_variants": {str(k): str(v) for k, v in (data.get("unit_variants") or {}).items()},
    }


key = _key
