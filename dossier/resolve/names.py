"""Name keys for clustering: person names split and folded, state variants, acronyms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from dossier.resolve import lexicon
from dossier.resolve.text import fold

_POSSESSIVE = re.compile(r"['’]s?$")
_POSSESSIVE_AFTER_WORD = re.compile(r"\w['’]s?$")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,6}|[A-Z][A-Z&]{1,6}")
_SPLIT_SPACE = re.compile(r"\s+")
_SPLIT_NAME = re.compile(r"[\s.]+")
_POSSESSIVE_TOKEN = re.compile(r"(’s|'s)$")
_POSSESSIVE_END = re.compile(r"['’]s$")

# Every helper below is pure over the lexicons (fixed for the process) and sees the same few
# hundred surfaces once per mention: memoised so resolve pays for each surface once.
_MEMO = 1 << 16


@lru_cache(maxsize=_MEMO)
def clean_surface(surface: str) -> str:
    """A surface as an alias: whitespace collapsed, possessive and edge punctuation dropped."""
    text = " ".join(surface.split()).strip(" ,;:\"“”'‘’()[]")
    text = _POSSESSIVE.sub("", text) if _POSSESSIVE_AFTER_WORD.search(text) else text
    return text.strip(" ,;:")


@lru_cache(maxsize=1 << 16)
def norm(surface: str) -> str:
    """Comparison key of a surface: folded, no dots/possessive/leading "the", single spaces."""
    return lexicon.key(clean_surface(surface)).replace("-", " ").replace("'", "").strip()


@lru_cache(maxsize=_MEMO)
def is_acronym(surface: str) -> bool:
    return bool(_ACRONYM.fullmatch(clean_surface(surface)))


@lru_cache(maxsize=_MEMO)
def acronym_of(surface: str) -> str | None:
    """Initials of a multi-word proper name ("European Union" -> "eu"), None if not one."""
    skip = lexicon.name_parts()["acronym_skip"]
    words = [w for w in _SPLIT_SPACE.split(clean_surface(surface)) if w]
    if words and words[0].lower() == "the":
        words = words[1:]
    letters = []
    for w in words:
        if w.lower() in skip:
            continue
        if not w[:1].isupper():
            return None  # a lower-case content word: a description, not a name
        letters.append(w[0])
    if len(letters) < 2:
        return None
    return fold("".join(letters))


@lru_cache(maxsize=_MEMO)
def state_name(surface: str) -> str | None:
    """The canonical state name a surface is a variant of ("U.S." -> "United States")."""
    return lexicon.state_names().get(lexicon.key(clean_surface(surface)))


@lru_cache(maxsize=_MEMO)
def capital_state(surface: str) -> str | None:
    """The state a capital or seat of power stands for ("Moscow" -> "Russia"), per capitals.yaml."""
    return lexicon.capitals().get(lexicon.key(clean_surface(surface)))


def _apply_rules(token: str) -> str:
    rules, _ = lexicon.fold_rules()
    for pattern, repl in rules:
        token = pattern.sub(repl, token)
    return token


_DOUBLED = re.compile(r"(.)\1+")


@cache
def _groups() -> dict[str, str]:
    """Given-name groups keyed by rule-folded variant, so near-variants meet the list too.

    Also keyed with doubled letters single ("Mohamad" meets "Mohammad"): only for listed
    names, so other names (and ids made from them) keep their letters ("Sullivan").
    """
    out: dict[str, str] = {}
    for variant, normal in sorted(lexicon.given_name_groups().items()):
        out.setdefault(_apply_rules(variant), _apply_rules(normal))
    for variant, normal in sorted(lexicon.given_name_groups().items()):
        out.setdefault(_DOUBLED.sub(r"\1", _apply_rules(variant)), _apply_rules(normal))
    return out


@cache
def fold_name(token: str) -> str:
    """A name token folded so transliteration variants meet (Aleksandr/Alexander -> alexander)."""
    out = _apply_rules(fold(token))
    groups = _groups()
    return groups.get(out) or groups.get(_DOUBLED.sub(r"\1", out), out)


@cache
def _group_normals() -> dict[str, str]:
    """Rule-folded given-name key -> its group's normal form as the lexicon writes it, folded."""
    out: dict[str, str] = {}
    for variant, normal in sorted(lexicon.given_name_groups().items()):
        out.setdefault(fold_name(variant), normal)
    return out


def id_part(key: str) -> str:
    """A folded name key as it appears in an id: a listed given name reads as its group's
    normal form ("aleksandr" -> "alexander"), any other key as itself. Every spelling that
    `fold_name` merges gives the same part, so the id cannot flip with the displayed name."""
    return _group_normals().get(key, key)


@dataclass(frozen=True)
class PersonName:
    display: str  # the name as written, titles and honorifics stripped
    given: str | None  # folded first given name (or initial); None for a surname alone
    surname: str  # folded
    initial: str | None = None  # first letter of the given name as written (folded)
    givens: tuple[str, ...] = ()  # every folded token before the surname (middle names too)

    @property
    def initial_only(self) -> bool:
        return self.given is not None and len(self.given) == 1

    @property
    def full(self) -> bool:
        return self.given is not None


@lru_cache(maxsize=_MEMO)
def person_name(surface: str) -> PersonName | None:
    """Split a person's name; leading titles ("Deputy Foreign Minister", "NATO", "Mr.") dropped."""
    parts = lexicon.name_parts()
    skip = parts["honorifics"] | parts["title_words"]
    raw = clean_surface(surface).split()
    while len(raw) > 1:
        head = raw[0]
        token = fold(head).rstrip(".").replace("'", "")
        token = _POSSESSIVE_TOKEN.sub("", token)
        if token in skip or token.replace("-", " ").split()[0] in skip or _is_prefix_noise(head):
            raw = raw[1:]
        else:
            break
    while len(raw) > 1 and fold(raw[-1]).strip(".,") in parts["suffixes"]:
        raw = raw[:-1]
    if not raw:
        return None
    display = " ".join(raw)
    tokens = [t for t in _SPLIT_NAME.split(display) if t]
    if not tokens:
        return None
    surname = fold_name(tokens[-1].replace("-", ""))
    given = fold_name(tokens[0]) if len(tokens) > 1 else None
    initial = fold(tokens[0])[:1] if len(tokens) > 1 else None
    if given is not None and len(tokens[0].rstrip(".")) == 1:
        given = initial
    givens = tuple(fold_name(t) for t in tokens[:-1] if len(t.rstrip(".")) > 1)
    return PersonName(display=display, given=given, surname=surname, initial=initial, givens=givens)


@lru_cache(maxsize=_MEMO)
def _is_prefix_noise(token: str) -> bool:
    """An acronym, possessive or demonym before a name ("NATO", "Russia's"): not the name."""
    if _ACRONYM.fullmatch(token) or _POSSESSIVE_END.search(token):
        return True
    return lexicon.key(token) in lexicon.demonyms()  # "Russian Deputy Minister X"


def given_compatible(a: str, b: str) -> bool:
    """Two folded given names of one surname that may be one person (initials handled apart)."""
    if a == b:
        return True
    _, min_len = lexicon.fold_rules()
    if min(len(a), len(b)) >= _MIN_VOWEL_SWAP and _vowel_swap_before(a, b):
        return True  # Vahid/Vahed, Hamid/Hamed: one vowel spelt two ways, same last letter
    if min(len(a), len(b)) < min_len or abs(len(a) - len(b)) > 1:
        return False
    # Within one edit, and not in the last two letters (Paulo/Paula, Mario/Maria), where
    # gender and number live; except one vowel for another before the same last letter
    # (Majid/Majed, Ivan/Iwan's kind), which is how vowels of other scripts are spelt.
    if a[-2:] != b[-2:] and not _vowel_swap_before(a, b):
        return False
    return _one_edit(a, b)


def surname_compatible(a: str, b: str) -> bool:
    """Two folded surnames that may be one family name spelt twice (Hovsepyan/Ovsepyan).

    Long names only, one letter added, dropped or swapped, never in the last two letters
    (Ivanov/Ivanova), so that short or inflected names do not meet by chance; or one sound
    spelt two ways (Ghasemi/Qasemi, `sound_key`). Same consonants with other vowels is weaker
    evidence: see `vowels_only_apart`.
    """
    if a == b or sound_key(a) == sound_key(b):
        return True
    if min(len(a), len(b)) < _MIN_FUZZY_SURNAME or abs(len(a) - len(b)) > 1:
        return False
    if a[-2:] != b[-2:]:
        return False
    return _one_edit(a, b)


def consonant_key(word: str) -> str:
    """The first letter and the consonants after it: how scripts that leave vowels unwritten
    are transliterated differently (Rashid/Rasheed, Mohamed/Muhammad)."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in _VOWELS)


def sound_key(word: str) -> str:
    """A folded surname with each group of `same_sounds` (name_variants.yaml) written one way:
    a comparison key only, never an id."""
    for a, b in lexicon.same_sounds():
        word = word.replace(a, b)
    return word


def vowels_only_apart(a: str, b: str) -> bool:
    """Same first and last letter and the same consonants (Rashid/Rasheed). Weak on its own:
    Hassan/Hussein and Martin/Morton are this close too, so callers ask for more evidence."""
    # inflected endings differ in their last letter (Kuznetsov/Kuznetsova) and stay apart
    return (
        min(len(a), len(b)) >= _MIN_VOWEL_FOLD
        and a[-1] == b[-1]
        and consonant_key(a) == consonant_key(b)
    )


_MIN_VOWEL_FOLD = 6
_MIN_VOWEL_SWAP = 5  # given names compared within one surname: shorter ones are safe enough


# Surnames shorter than this stay exact: at 7 letters one edit is a different name too often.
_MIN_FUZZY_SURNAME = 8
_VOWELS = frozenset("aeiouy")


def deletion_keys(word: str) -> list[str]:
    """The word and each form of it with one letter deleted: two words within one edit share
    one of these keys, so near spellings meet through a dictionary, not all-pairs."""
    return [word, *sorted({word[:i] + word[i + 1 :] for i in range(len(word))})]


def _vowel_swap_before(a: str, b: str) -> bool:
    if len(a) != len(b) or a[-1] != b[-1]:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 1 and a[diff[0]] in _VOWELS and b[diff[0]] in _VOWELS


def _one_edit(a: str, b: str) -> bool:
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


@lru_cache(maxsize=_MEMO)
def is_pronoun(surface: str) -> bool:
    s = clean_surface(surface)
    if len(s) > 1 and s.isupper():  # "US" is a state, "IT" a sector
        return False
    return norm(s) in lexicon.name_parts()["pronouns"]


@lru_cache(maxsize=_MEMO)
def token_count(surface: str) -> int:
    return len(clean_surface(surface).split())
