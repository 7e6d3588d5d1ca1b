"""Compiled views of the analyse lexicons (titles, states, cues...), built once per process."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from dossier import lexicons


@dataclass(frozen=True)
class Place:
    """What a known name stands for: a state, an international body or a bloc."""

    name: str  # canonical name
    kind: str  # state | organization | group
    form: str  # name | abbreviation | capital (capitals and seats of power)


_COMPOUND = re.compile(r"(?:minister|secretary) (?:of|for) .+ and ")
# A junior minister's portfolio: "Minister of State for Foreign Affairs" is its own office.
_OF_STATE = re.compile(r"minister of state (?:for|of) ")


def title_head(title: str) -> str:
    """The noun a title is a kind of, which "the minister" refers back to: its last word, or
    the word before its portfolio ("Minister of State for Foreign Affairs" -> "minister")."""
    words = re.split(r"\s+(?:of|for)\s+", title.strip(), maxsplit=1)[0].split()
    return words[-1].lower() if words else ""


def heads_agree(role_title: str, ref_title: str) -> bool:
    """Whether a title reference ("the Iranian envoy") can mean a holder of `role_title`
    ("Ambassador"): the same head noun, or one its generic head stands for (titles.yaml)."""
    role, ref = title_head(role_title), title_head(ref_title)
    return role == ref or role in lexicons.generic_head_roles().get(ref, frozenset())


def _title_case(words: str) -> str:
    return " ".join(w if any(c.isupper() for c in w) else w.capitalize() for w in words.split())


@dataclass(frozen=True)
class Titles:
    regex: re.Pattern[str]  # one title: [modifier ...] base
    normal: dict[str, str]  # lowercased base variant (spaces for hyphens) -> normal form
    modifiers: dict[str, str]  # lowercased modifier -> as written in the lexicon
    status: frozenset[str]
    honorifics: dict[str, str | None]
    generic_heads: tuple[str, ...]

    def normalise(self, surface: str) -> str:
        """The normal form of one matched title ("deputy foreign-minister" -> "Deputy Foreign Minister")."""
        words = re.sub(r"[\s\-]+", " ", surface.strip()).split(" ")
        mods: list[str] = []
        i = 0
        while i < len(words):
            # longest modifier first ("first deputy")
            for n in (2, 1):
                cand = " ".join(words[i : i + n]).lower()
                if cand in self.modifiers and " ".join(words[i + n :]).lower().rstrip(".") != "":
                    rest = " ".join(words[i + n :]).lower()
                    if rest in self.normal or _starts_title(rest, self) or _COMPOUND.match(rest):
                        if cand not in self.status:
                            mods.append(self.modifiers[cand])
                        i += n
                        break
            else:
                break
        base = " ".join(words[i:]).lower()
        if _COMPOUND.match(base) or _OF_STATE.match(base):
            normal = " ".join(
                w if w in ("of", "for", "and", "the") else w.capitalize() for w in base.split()
            )
            return " ".join([*mods, normal])
        normal = self.normal.get(base) or self.normal.get(base.rstrip(".")) or _title_case(base)
        return " ".join([*mods, normal])


def _starts_title(rest: str, titles: Titles) -> bool:
    return any(rest.startswith(m + " ") for m in titles.modifiers)


@cache
def titles() -> Titles:
    data = lexicons.load("titles")
    normal: dict[str, str] = {}

    def add(variant: str, norm: str) -> None:
        normal[re.sub(r"[\s\-]+", " ", variant.strip()).lower()] = norm

    for norm, variants in data["base"].items():
        add(norm, norm)
        for v in variants or []:
            add(v, norm)
    for dom, variants in data["domains"].items():
        for v in [dom, *(variants or [])]:
            if dom != "State":
                add(f"{v} Minister", f"{dom} Minister")
                add(f"Minister of {v}", f"{dom} Minister")
                add(f"Minister for {v}", f"{dom} Minister")
                add(f"{v} Secretary", f"{dom} Secretary")
            add(f"Secretary of {v}", f"Secretary of {dom}")
    for_bases = list(data.get("for_domain") or [])
    regex_normal = list(normal)  # the "<title> for <portfolio>" forms get their own pattern
    for dom, variants in data["domains"].items():
        for v in [dom, *(variants or [])]:
            for base in for_bases:
                add(f"{base} for {v}", f"{base} for {dom}")
    modifiers = {m.lower(): m for m in data["modifiers"]}
    status = frozenset(m.lower() for m in data["status_modifiers"])

    def alt(words: list[str]) -> str:
        parts = sorted(words, key=len, reverse=True)
        return "|".join(r"[\s\-]+".join(re.escape(w) for w in p.split(" ")) for p in parts)

    domains = [v for dom, vs in data["domains"].items() for v in [dom, *(vs or [])]]
    # a compound portfolio is its own office: "Minister of Finance and Planning", "Minister
    # of Mines and Water Resources" (a listed domain after "and" is taken whole), "Minister
    # for Development and the Andes" (a region after "the", never another title)
    compound = (
        rf"(?:Minister|Secretary)\s+(?:of|for)\s+(?:{alt(domains)})"
        rf"\s+and\s+(?:the\s+(?!(?:{alt(list(normal))})(?![\w\-])))?"
        rf"(?:(?:{alt(domains)})(?![\w\-])|(?-i:[A-Z][a-z]+))"
    )
    # a junior minister for a portfolio: "Minister of State for Foreign Affairs"
    of_state = rf"Minister\s+of\s+State\s+(?:for|of)\s+(?:{alt(domains)})"
    # ... also written "State Minister for Foreign Affairs" (a junior minister, as above)
    state_for = rf"State\s+Minister\s+(?:for|of)\s+(?:{alt(domains)})"
    # "Special Envoy for Trade", unless the portfolio runs on ("special envoy for water issues")
    for_domain = (
        rf"(?:{alt(for_bases)})\s+for\s+(?:{alt(domains)})(?![\w\-])(?!\s+(?-i:[a-z]))"
        if for_bases
        else r"(?!x)x"
    )
    pattern = (
        rf"(?<![\w\-])(?:(?:{alt(list(modifiers))})[\s\-]+)*"
        rf"(?:{compound}|{of_state}|{state_for}|{for_domain}|{alt(regex_normal)})(?![\w\-])"
    )
    return Titles(
        regex=re.compile(pattern, re.IGNORECASE),
        normal=normal,
        modifiers=modifiers,
        status=status,
        honorifics=dict(data["honorifics"]),
        generic_heads=tuple(data["generic_heads"]),
    )


@cache
def honorific() -> str:
    """A regex alternation of the courtesy titles (titles.yaml `honorifics`: "Mr", "Dame"),
    longest first, each with an optional full stop: callers anchor it as they need."""
    words = sorted({h.rstrip(".") for h in titles().honorifics}, key=len, reverse=True)
    return rf"(?:{'|'.join(map(re.escape, words))})\.?"


@dataclass(frozen=True)
class Names:
    """Known names: states (with aliases, demonyms, capitals, seats), bodies and blocs."""

    exact: dict[str, Place]  # case-sensitive surface -> place
    folded: dict[str, Place]  # casefolded full names (two words or more) -> place
    demonyms: dict[str, str]  # "Russian"/"Russians" -> state name
    seats: frozenset[str]  # seats of power ("Kremlin"): actors unless used as a place
    nicknames: dict[str, tuple[str, ...]]  # body name -> lowercased descriptions ("the alliance")
    parents: dict[str, str] = field(default_factory=dict)  # body -> the body it is part of
    # names in capitals -> place, for datelines ("N'DJAMENA" is "N'Djamena"); no abbreviations
    upper: dict[str, Place] = field(default_factory=dict)

    def lookup(self, surface: str) -> Place | None:
        s = fold_apostrophes(surface.strip())
        hit = self._lookup(s)
        if hit is None and s.isupper() and len(s) > 3:
            # a dateline in capitals ("LIMA —", "SANTIAGO"): the name as normally written
            hit = self.upper.get(s)
        return hit

    def _lookup(self, s: str) -> Place | None:
        if s.lower().startswith("the "):
            hit = self.exact.get(s) or self.exact.get(s[4:])
        else:
            hit = self.exact.get(s)
        if hit:
            return hit
        key = s.casefold()
        if key.startswith("the "):
            key = key[4:]
        return self.folded.get(key)


_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʻʼ`´"})


def fold_apostrophes(text: str) -> str:
    """Every apostrophe-like mark as "'": outlets write the glottal stop of "Kauaʻi" as ʻ,
    ‘, ’ or '."""
    return text.translate(_APOSTROPHES)


def _plural(word: str) -> list[str]:
    # "Israelis", "Iraqis": -i demonyms take -s; -ese, -ss, -sh, -ch ones do not.
    if word.endswith(("ese", "ss", "sh", "ch")) or word in ("Swiss", "Dutch", "French"):
        return []
    return [word + "s"]


@cache
def names() -> Names:
    caps = lexicons.load("capitals")
    orgs = lexicons.load("organizations")
    exact: dict[str, Place] = {}
    demonyms: dict[str, str] = {}
    seats: set[str] = set()

    def put(surface: str, place: Place) -> None:
        exact.setdefault(fold_apostrophes(surface), place)

    for st in caps["states"]:
        name = st["name"]
        put(name, Place(name, "state", "name"))
        for a in st.get("aliases") or []:
            form = "abbreviation" if a.replace(".", "").isupper() else "name"
            put(a, Place(name, "state", form))
        for c in st.get("capital") or []:
            put(c, Place(name, "state", "capital"))
        for s in st.get("seats") or []:
            put(s, Place(name, "state", "capital"))
            seats.add(s)
        for d in st.get("demonyms") or []:
            for w in [d, *_plural(d)]:
                demonyms.setdefault(w, name)
    for body in caps.get("bodies") or []:
        for s in body.get("seats") or []:
            put(s, Place(body["name"], "organization", "capital"))
    nicknames: dict[str, tuple[str, ...]] = {}
    parents: dict[str, str] = {}
    for org in orgs["organizations"]:
        put(org["name"], Place(org["name"], "organization", "name"))
        if org.get("part_of"):
            parents[org["name"]] = str(org["part_of"])
        if org.get("nicknames"):
            nicknames[org["name"]] = tuple(n.lower() for n in org["nicknames"])
        for a in org.get("aliases") or []:
            form = "abbreviation" if a.replace(".", "").replace("-", "").isupper() else "name"
            put(a, Place(org["name"], "organization", form))
    for bloc in orgs.get("blocs") or []:
        for a in [bloc["name"], *(bloc.get("aliases") or [])]:
            put(a, Place(bloc["name"], bloc.get("kind", "group"), "name"))
    folded = {k.casefold(): v for k, v in exact.items() if " " in k}
    upper = {k.upper(): v for k, v in exact.items() if not k.isupper()}
    return Names(
        exact=exact,
        folded=folded,
        demonyms=demonyms,
        seats=frozenset(seats),
        nicknames=nicknames,
        parents=parents,
        upper=upper,
    )


@dataclass(frozen=True)
class NonActors:
    words: frozenset[str]  # casefolded names that are never actors
    credit_before: re.Pattern[
        str
    ]  # names before it are journalists ("... contributed to this report")
    credit_after: re.Pattern[str]  # names after it are journalists or photographers ("By X")
    outlet_heads: frozenset[str] = frozenset()  # last words of outlet names ("Times")
    document_heads: frozenset[str] = frozenset()  # last words of documents' names ("Treaty")
    place_heads: frozenset[str] = frozenset()  # last words of places' and structures' names
    place_nouns: frozenset[str] = frozenset()  # "the city of X", "X, the capital of"


@cache
def state_capitals() -> dict[str, str]:
    """State name -> its (first) capital, from the names lexicon; seats of power left out."""
    known = names()
    out: dict[str, str] = {}
    for surface, place in known.exact.items():
        if place.kind == "state" and place.form == "capital" and surface not in known.seats:
            out.setdefault(place.name, surface)
    return out


@cache
def non_actors() -> NonActors:
    data = lexicons.load("non_actors")
    words = frozenset(
        w.casefold()
        for key in ("furniture", "platforms", "media", "features", "currencies")
        for w in data.get(key) or []
    )

    def rx(key: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in data["credit"][key]), re.IGNORECASE)

    heads = frozenset(w.casefold() for w in data.get("outlet_heads") or [])
    docs = frozenset(w.casefold() for w in data.get("document_heads") or [])
    places = frozenset(w.casefold() for w in data.get("place_heads") or [])
    nouns = frozenset(w.casefold() for w in data.get("place_nouns") or [])
    return NonActors(words, rx("names_before"), rx("names_after"), heads, docs, places, nouns)


@dataclass(frozen=True)
class Pronouns:
    pronouns: dict[str, tuple[str | None, str]]  # lowercased -> (gender, number)
    female_names: frozenset[str]
    female_suffixes: tuple[str, ...]


@cache
def pronouns() -> Pronouns:
    data = lexicons.load("pronouns")
    prons = {k: (v.get("gender"), v["number"]) for k, v in data["pronouns"].items()}
    return Pronouns(
        prons, frozenset(data["female_given_names"]), tuple(data["female_surname_suffixes"])
    )


@dataclass(frozen=True)
class Translit:
    given: dict[str, str]  # lowercased variant -> normal given name
    rules: tuple[tuple[re.Pattern[str], str], ...]

    def key(self, name: str) -> str:
        """A comparison key: "Aleksandr Petrov" and "Alexander Petrov" give the same key."""
        words = [w for w in re.split(r"[\s]+", name.strip()) if w]
        out = []
        for w in words:
            low = w.lower().strip(".,")
            low = self.given.get(low, low)
            for rx, rep in self.rules:
                low = rx.sub(rep, low)
            out.append(low)
        return " ".join(out)


@cache
def translit() -> Translit:
    data = lexicons.load("transliteration")
    given: dict[str, str] = {}
    for group in data["given_names"]:
        for v in group:
            given[v.lower()] = group[0].lower()
    rules = tuple((re.compile(a), b) for a, b in data["rules"])
    return Translit(given, rules)


@cache
def reporting() -> dict[str, frozenset[str]]:
    data = lexicons.load("reporting_verbs")
    return {k: frozenset(v) for k, v in data.items()}


@cache
def connectors() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Leading and interrupting discourse connectors (`connectors.yaml`) as two patterns."""
    data = lexicons.load("connectors")

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    lead = re.compile(rf"^(?:(?:{alt(data['leading'])})\b\s*,?\s*)+", re.IGNORECASE)
    mid = re.compile(rf",\s*(?:{alt(data['interrupting'])})\s*,", re.IGNORECASE)
    return lead, mid


@cache
def demand_cues() -> dict:
    return lexicons.load("demand_cues")


@cache
def stance_cues() -> dict:
    return lexicons.load("stance_cues")


@cache
def next_step_cues() -> re.Pattern[str]:
    """One alternation of the forward-looking phrases in `next_steps.yaml`."""
    phrases = lexicons.load("next_steps")["phrases"]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in phrases) + r")\b")


@cache
def body_heads() -> frozenset[str]:
    """Head words of bodies' names ("Council"), from `organizations.yaml`."""
    return frozenset(lexicons.load("organizations").get("body_heads") or [])


@cache
def reaction_nouns() -> frozenset[str]:
    """Nouns of a reaction whose "in <capital>" is the capital's government (`capitals.yaml`)."""
    return frozenset(lexicons.load("capitals").get("reaction_nouns") or [])


@cache
def state_bodies() -> tuple[str, ...]:
    """Nouns naming an arm of a state after its demonym ("coast guard"), longest first."""
    bodies = lexicons.load("state_bodies")["bodies"]
    return tuple(sorted({str(b).lower() for b in bodies}, key=lambda b: (-len(b), b)))


@cache
def org_heads() -> frozenset[str]:
    """Last words of bodies' names ("Commission"): such a name is never a person's."""
    return frozenset(str(w).lower() for w in lexicons.load("org_heads")["heads"])
