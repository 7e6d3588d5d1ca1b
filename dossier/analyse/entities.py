"""Entities inside one article: spaCy NER corrected by rules, merged by name, title, capital and abbreviation."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from dossier.model.analysis import LocalEntity, Mention, RoleClaim

from . import lexicon as lx
from .context import Ctx

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "state",
    "NORP": "group",
    "FAC": "other",
    "LOC": "other",
}
# Head nouns of noun phrases that stand for the body or state that modifies them
# ("the Russian delegation", "NATO allies"), or, with a non-state modifier, for a group
# ("Western officials").
GROUP_NOUNS = frozenset(
    [
        "delegation",
        "delegations",
        "envoys",
        "envoy",
        "negotiators",
        "negotiator",
        "officials",
        "official",
        "diplomats",
        "diplomat",
        "allies",
        "ally",
        "leaders",
        "leadership",
        "government",
        "governments",
        "authorities",
        "side",
        "forces",
        "troops",
        "military",
        "army",
        "lawmakers",
        "legislators",
        "representatives",
        "ministers",
        "members",
        "member",
        "states",
        "countries",
        "nations",
        "administration",
        "team",
    ]
)
GOVERNMENT_NOUNS = frozenset(
    ["government", "authorities", "administration", "leadership", "regime", "cabinet"]
)
# Prepositions that make a capital a place ("talks in Moscow"), not an actor.
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "near",
        "from",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "toward",
        "towards",
        "via",
        "throughout",
        "within",
        "based",
        "of",
        "on",
    ]
)
ACTOR_PREPS = frozenset(["between", "with", "against", "by"])
POSSESSIVE = {"'s", "’s", "'", "’"}
_STRIP_LEAD = re.compile(r"^(?:the|The|THE|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Oo]ur)\s+")
_STRIP_TAIL = re.compile(r"(?:['’]s?|[\s,.;:!?\-–—])+$")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’\-]*\.?|[a-z]{1,3}|al-\w+|[A-Z]\.)$")


@dataclass
class Cand:
    """One mention candidate, in analysis-text offsets."""

    start: int
    end: int
    label: str
    kind: str
    name: str  # canonical name used to group mentions into entities
    form: str = "name"
    sent: int = -1
    key: str | None = None  # filled when grouped
    token_start: int = 0
    token_end: int = 0


@dataclass
class Person:
    names: list[str]  # full names seen (longest first when picked)
    cands: list[Cand] = field(default_factory=list)
    gender: str | None = None

    @property
    def surname(self) -> str:
        return max(self.names, key=len).split()[-1]


@dataclass
class EntityResult:
    entities: list[LocalEntity]
    tok_ent: dict[int, str]
    genders: dict[str, str | None]  # person key -> gender
    holders: dict[str, list[str]]  # normal title -> person keys holding it (article order)
    titles: list[tuple[int, int, str]]  # title matches (analysis offsets, normal form)


def extract_entities(ctx: Ctx) -> EntityResult:
    return _Builder(ctx).run()


class _Builder:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.doc.text
        self.names = lx.names()
        self.titles = lx.titles()
        self.non = lx.non_actors()
        self.body_heads = lx.body_heads()
        self.cands: list[Cand] = []
        self.title_spans: list[tuple[int, int, str]] = []  # (start, end, normal)
        self.blocked: set[str] = set()  # casefolded names that are never actors here
        self.roles: list[tuple[Cand, RoleClaim]] = []
        self.affil: list[tuple[Cand, str]] = []  # person cand -> affiliation name
        self.char_tok: dict[int, int] = {t.idx: t.i for t in ctx.doc}
        # words of multiword PERSON names: a capital-like word among them is a name ("Sofia")
        self.person_tokens: set[str] = {
            t.text for e in ctx.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e
        }

    # ------------------------------------------------------------------ main
    def run(self) -> EntityResult:
        self._find_titles()
        self._find_blocked()
        covered: set[int] = set()
        for ent in self.doc.ents:
            if ent.start in covered:
                continue
            if ent.label_ in ("ORG", "GPE", "NORP"):
                longer = self._body_name(ent)
                if longer is not None:
                    covered.update(range(longer.start, longer.end))
                    ent = longer
            if ent.label_ in ACTOR_LABELS:
                self._add_ent(ent)
        self._defined_acronyms()
        self._fix_person_labels()
        self._find_surname_tokens()
        self._group_noun_phrases()
        self._nicknames()
        self._governments()
        self._dedupe()
        self._title_roles()
        return self._assemble()

    # ------------------------------------------------------------- titles
    def _find_titles(self) -> None:
        for sent in self.ctx.sents:
            base = sent.start_char
            for m in self.titles.regex.finditer(sent.text):
                surf = m.group(0)
                self.title_spans.append(
                    (base + m.start(), base + m.end(), self.titles.normalise(surf))
                )

    def _in_title(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, _ in self.title_spans)

    # ------------------------------------------------------------ non-actors
    def _find_blocked(self) -> None:
        art = self.ctx.article
        for value in (art.author, art.outlet):
            if value:
                self.blocked.add(value.casefold())
                for part in re.split(r"\s*(?:,| and |&)\s*", value):
                    if part:
                        self.blocked.add(part.casefold())
        for si, sent in enumerate(self.ctx.sents):
            before = self.non.credit_before.search(sent.text)
            after = self.non.credit_after.search(sent.text)
            if not (before or after):
                continue
            for ent in self.ctx.ents(si):
                if ent.label_ not in ("PERSON", "ORG"):
                    continue
                rel = ent.start_char - sent.start_char
                if (before and rel < before.start()) or (after and rel >= after.end()):
                    self.blocked.add(self._clean(ent.text).casefold())

    def _is_blocked(self, name: str) -> bool:
        key = name.casefold()
        if key in self.blocked or key in self.non.words:
            return True
        words = key.split()
        if len(words) < 2:
            return False
        last = words[-1].strip(".")
        return last in self.non.outlet_heads or last in self.non.document_heads

    # --------------------------------------------------------------- ents
    @staticmethod
    def _clean(text: str) -> str:
        text = text.split("\n")[0]
        text = _STRIP_LEAD.sub("", text)
        return _STRIP_TAIL.sub("", text).strip()

    def _add_ent(self, ent: Span) -> None:
        start, end = ent.start_char, ent.end_char
        raw = self.text[start:end]
        # an entity never crosses a line break (captions glued to headlines)
        if "\n" in raw:
            end = start + raw.index("\n")
        # cut out titles: "UN Sec-Gen Ana Ruiz" -> "UN" + title + "Ana Ruiz"
        pieces = [(start, end)]
        for ts, te, _ in self.title_spans:
            nxt = []
            for ps, pe in pieces:
                if te <= ps or ts >= pe:
                    nxt.append((ps, pe))
                    continue
                if ps < ts:
                    nxt.append((ps, ts))
                if te < pe:
                    nxt.append((te, pe))
            pieces = nxt
        for ps, pe in pieces:
            label = ent.label_
            if (ps, pe) != (start, end) and ps > start:
                label = "PERSON" if self._looks_like_name(ps, pe) else label
            for s, e in self._split_coordination(ps, pe, label == "PERSON"):
                self._add_span(s, e, label)

    def _body_name(self, ent: Span) -> Span | None:
        """ "NATO" + "-Russia Council": the model cut a joint body's name at the hyphen."""
        doc = self.doc
        i = ent.end
        if i + 2 > len(doc) or doc[i].text not in ("-", "–") or doc[i - 1].whitespace_:
            return None
        j = i + 1
        while j < len(doc) and j - i <= 4 and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
            j += 1
            if doc[j - 1].text in self.body_heads:
                return Span(doc, ent.start, j, label="ORG")
            if not doc[j - 1].whitespace_ and j < len(doc) and doc[j].text not in ("-", "–"):
                break
        return None

    def _defined_acronyms(self) -> None:
        """ "the Eurasian Economic Union (EAEU)": an acronym the article defines right after a
        body's name is a mention of that body, even when the model tags no entity on it."""
        ends = {c.end: c for c in self.cands if c.kind in ("organization", "group", "other")}
        for m in _DEFINED_ACRONYM.finditer(self.text):
            owner = ends.get(m.start())
            short = m.group(1)
            if owner is None or not _abbreviates(short.replace(".", ""), owner.name):
                continue
            if any(c.start == m.start(1) for c in self.cands):
                continue
            self._add_span(m.start(1), m.end(1), "ORG")

    def _split_coordination(self, start: int, end: int, person: bool) -> list[tuple[int, int]]:
        """ "Ivan Petrov & Russia's" -> two spans ("and" splits only person names)."""
        raw = self.text[start:end]
        out = []
        pos = 0
        for m in re.finditer(r"\s+(?:&|and)\s+" if person else r"\s+&\s+", raw):
            out.append((start + pos, start + m.start()))
            pos = m.end()
        out.append((start + pos, end))
        return out

    def _looks_like_name(self, start: int, end: int) -> bool:
        words = self.text[start:end].split()
        return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        raw = self.text[start:end]
        lead = _STRIP_LEAD.match(raw)
        if lead:
            start += lead.end()
            raw = raw[lead.end() :]
        tail = _STRIP_TAIL.search(raw)
        if tail:
            end -= len(raw) - tail.start()
        while start < end and self.text[start].isspace():
            start += 1
        return start, end

    def _add_span(self, start: int, end: int, label: str) -> None:
        start, end = self._trim(start, end)
        if end <= start:
            return
        surface = self.text[start:end]
        if not any(c.isalpha() for c in surface) or self._is_blocked(surface):
            return
        if surface.split()[0] in ("and", "of", "for", "in", "on", "at", "to", "&"):
            return  # a fragment left by a title cut ("and Integration" after "Minister of Trade")
        if self._in_title(start, end) and label != "PERSON":
            return  # "State" in "Secretary of State", "Defense" in "Defense Minister"
        tok_start, tok_end = self._tokens(start, end)
        if tok_end <= tok_start:
            return
        while (
            label == "PERSON"
            and tok_end < len(self.doc)
            and tok_end - tok_start < 5
            and self.doc[tok_end].pos_ == "PROPN"
            and self.doc[tok_end].text.istitle()
            and not self.doc[tok_end].ent_type_
            and self.doc[tok_end - 1].whitespace_ == " "
        ):
            tok_end += 1  # NER cut the name short ("Maria Teresa" | "Villanueva")
            end = self.doc[tok_end - 1].idx + len(self.doc[tok_end - 1].text)
        span = self.doc[tok_start:tok_end]
        sent = self.ctx.tok_sent[tok_start]
        if sent < 0:
            return
        cand = self._classify(span, start, end, label)
        if cand is None:
            return
        cand.sent, cand.token_start, cand.token_end = sent, tok_start, tok_end
        self.cands.append(cand)

    def _tokens(self, start: int, end: int) -> tuple[int, int]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return 0, 0
        return span.start, span.end

    def _classify(self, span: Span, start: int, end: int, label: str) -> Cand | None:
        surface = self.text[start:end]
        place = self.names.lookup(surface)
        if label == "NORP" or (surface in self.names.demonyms and not place):
            return self._norp(span, start, end, surface)
        if (
            place is not None
            and label == "PERSON"
            and place.form == "capital"
            and (surface in self.person_tokens)
        ):
            place = None  # "Sofia" as part of a person's name elsewhere in the article
        if place is not None and place.form == "capital" and surface.isupper():
            return None  # a dateline ("KUALA LUMPUR —"), not an actor
        if place is not None:
            if place.form == "capital" and not self._actor_like(
                span, seat=" " in surface or surface in self.names.seats
            ):
                return None
            return Cand(start, end, label, place.kind, place.name, place.form)
        if label == "PERSON":
            if not all(_NAME_WORD.match(w) for w in surface.split()):
                return None
            return Cand(start, end, label, "person", surface, "name")
        if label == "ORG":
            if re.search(r"\b(?:headquarters|HQ)$", surface, re.IGNORECASE):
                return None
            head = surface.split()[-1].lower()
            if head in GROUP_NOUNS and " " in surface:
                # "NATO Allies": the body itself
                inner = surface.rsplit(" ", 1)[0]
                p = self.names.lookup(inner)
                return Cand(
                    start,
                    end,
                    label,
                    p.kind if p else "organization",
                    p.name if p else inner,
                    "name",
                )
            form = "abbreviation" if surface.replace(".", "").replace("/", "").isupper() else "name"
            return Cand(start, end, label, "organization", surface, form)
        # GPE, FAC, LOC not in the lexicon: a place unless used as an actor
        if label == "GPE" and self._actor_like(span, seat=False):
            return Cand(start, end, label, "other", surface, "name")
        return None

    def _norp(self, span: Span, start: int, end: int, surface: str) -> Cand | None:
        state = self.names.demonyms.get(surface)
        nxt_title = any(s >= end and self.text[end:s].strip() == "" for s, _, _ in self.title_spans)
        if state and nxt_title:
            return None  # "Russian Deputy Defense Minister X": an affiliation, found with the role
        if state:
            return Cand(start, end, "NORP", "state", state, "name")
        # non-state NORP: a group only as a plural noun ("Democrats"); adjectives are dropped
        root = span.root
        if root.tag_ in ("NNPS", "NNS") and root.dep_ != "amod":
            return Cand(start, end, "NORP", "group", surface, "name")
        return None

    def _actor_like(self, span: Span, seat: bool) -> bool:
        """Is a place name used as an actor (subject, possessor, party to) rather than a location?"""
        root = span.root
        after = self.doc[span.end] if span.end < len(self.doc) else None
        if after is not None and after.text in POSSESSIVE:
            return True
        if root.dep_ == "poss":
            return True
        head = root.head
        if root.dep_ == "pobj":
            lemma = head.lower_
            if lemma in ACTOR_PREPS:
                return True
            if lemma == "in" and head.head.lemma_.lower() in lx.reaction_nouns():
                return True  # "deep concerns in Kyiv": the government's reaction
            if lemma in LOCATIVE:
                return False
            return seat
        if root.dep_ in ("nsubj", "nsubjpass", "agent", "dobj"):
            return True
        if root.dep_ == "conj":
            return self._actor_like(self.doc[head.i : head.i + 1], seat)
        return seat and root.dep_ != "compound"

    # ---------------------------------------------------- person corrections
    def _fix_person_labels(self) -> None:
        """A name spaCy tagged ORG/GPE that is (part of) a PERSON elsewhere is that person."""
        person_words: set[str] = set()
        for c in self.cands:
            if c.kind == "person":
                person_words.add(c.name)
                person_words.add(c.name.split()[-1])
        for c in self.cands:
            if c.kind != "person" and c.label in ("ORG", "GPE", "NORP", "FAC", "LOC"):
                surface = self.text[c.start : c.end]
                if surface in person_words and not self.names.lookup(surface):
                    c.kind, c.label, c.name, c.form = "person", "PERSON", surface, "name"
        # ORG candidates that are "Name Surname" of a person merged wrongly stay as they are

    def _find_surname_tokens(self) -> None:
        """Surnames of known persons that NER missed ("Sherman said")."""
        surnames: dict[str, str] = {}
        for c in self.cands:
            if c.kind == "person":
                surnames.setdefault(c.name.split()[-1], c.name)
        if not surnames:
            return
        covered = set()
        for c in self.cands:
            covered.update(range(c.token_start, c.token_end))
        for tok in self.doc:
            if tok.i in covered or tok.text not in surnames or self.ctx.tok_sent[tok.i] < 0:
                continue
            self.cands.append(
                Cand(
                    tok.idx,
                    tok.idx + len(tok.text),
                    "PERSON",
                    "person",
                    tok.text,
                    "name",
                    self.ctx.tok_sent[tok.i],
                    None,
                    tok.i,
                    tok.i + 1,
                )
            )

    # ---------------------------------------------------- group noun phrases
    def _group_noun_phrases(self) -> None:
        """ "the Russian delegation" -> Russia; "Western officials" -> a group of its own."""
        by_tok = {}
        for c in self.cands:
            for t in range(c.token_start, c.token_end):
                by_tok[t] = c
        for tok in self.doc:
            if tok.lower_ not in GROUP_NOUNS or tok.pos_ != "NOUN" or self.ctx.tok_sent[tok.i] < 0:
                continue
            mods = [
                c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
            ]
            if not mods or any(by_tok.get(m.i) is not None for m in mods):
                continue  # a modifier is already a mention of its state/body
            # the capitalised modifier nearest the noun, with its own compounds ("Southeast Asian")
            caps = [m for m in mods if m.text[:1].isupper() and not m.text.isupper()]
            if not caps:
                continue
            mod = caps[-1]
            if mod.ent_type_ == "NORP" or mod.pos_ in ("ADJ", "PROPN"):
                if mod.text in self.names.demonyms:
                    continue
                start = mod.left_edge.idx if mod.left_edge.i >= tok.left_edge.i else mod.idx
                end = tok.idx + len(tok.text)
                if self._is_blocked(self.text[start:end]) or not re.fullmatch(
                    r"[\w’'\- ]+", self.text[start:end]
                ):
                    continue
                if self.doc[self.char_tok.get(start, mod.i)].text.isupper():
                    continue
                name = self.text[start:end]
                self.cands.append(
                    Cand(
                        start,
                        end,
                        "NORP",
                        "group",
                        name,
                        "name",
                        self.ctx.tok_sent[tok.i],
                        None,
                        self.char_tok.get(start, mod.i),
                        tok.i + 1,
                    )
                )

    def _nicknames(self) -> None:
        """ "the alliance" for a body the article names ("NATO"), from the organizations lexicon."""
        present = {c.name for c in self.cands if c.kind == "organization"}
        for name, nicks in self.names.nicknames.items():
            if name not in present:
                continue
            rx = re.compile(
                r"\b(?:"
                + "|".join(re.escape(n) for n in sorted(nicks, key=len, reverse=True))
                + r")\b(?!\s+(?:of\b|(?-i:[A-Z])))",
                re.IGNORECASE,
            )
            for m in rx.finditer(self.text):
                ts, te = self._tokens(m.start(), m.end())
                if te <= ts or self.ctx.tok_sent[ts] < 0:
                    continue
                self.cands.append(
                    Cand(
                        m.start(),
                        m.end(),
                        "ORG",
                        "organization",
                        name,
                        "title",
                        self.ctx.tok_sent[ts],
                        None,
                        ts,
                        te,
                    )
                )

    def _governments(self) -> None:
        """ "the government in Khartoum", "the authorities of Iran": the state itself."""
        for tok in self.doc:
            if tok.lower_ not in GOVERNMENT_NOUNS or self.ctx.tok_sent[tok.i] < 0:
                continue
            prep = next(
                (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")), None
            )
            pobj = (
                next((c for c in prep.children if c.dep_ == "pobj"), None)
                if prep is not None
                else None
            )
            if pobj is None:
                continue
            left = min(t.i for t in pobj.subtree)
            right = max(t.i for t in pobj.subtree)
            place = self.names.lookup(self.doc[left : right + 1].text)
            if place is None or place.kind != "state":
                continue
            start = (
                tok.left_edge.idx
                if tok.left_edge.i < tok.i and tok.left_edge.lower_ == "the"
                else tok.idx
            )
            start = tok.idx
            end = self.doc[right].idx + len(self.doc[right].text)
            self.cands = [c for c in self.cands if not (start <= c.start and c.end <= end)]
            self.cands.append(
                Cand(
                    start,
                    end,
                    "GPE",
                    "state",
                    place.name,
                    "name",
                    self.ctx.tok_sent[tok.i],
                    None,
                    tok.i,
                    right + 1,
                )
            )

    def _dedupe(self) -> None:
        self.cands.sort(key=lambda c: (c.start, -c.end))
        out: list[Cand] = []
        last_end = -1
        for c in self.cands:
            if c.start < last_end:
                continue
            out.append(c)
            last_end = c.end
        self.cands = out

    # ----------------------------------------------------------- roles
    def _title_roles(self) -> None:
        """Titles before names and in appositions give roles, affiliations and title mentions."""
        starts = {c.start: c for c in self.cands}
        ends = {c.end: c for c in self.cands}
        spans = sorted(self.title_spans)
        # chain stacked titles: "Deputy Defense Minister Colonel General X"
        chains: list[list[tuple[int, int, str]]] = []
        for span in spans:
            if chains and self.text[chains[-1][-1][1] : span[0]].strip() == "":
                chains[-1].append(span)
            else:
                chains.append([span])
        self.chains = chains
        self.pending_refs: list[tuple[int, int, str, str | None, int]] = []
        prev_affil: tuple[int, str] | None = None
        for chain in chains:
            cs, ce = chain[0][0], chain[-1][1]
            first_upper = self.text[cs].isupper()
            # the name right after the chain
            j = ce
            while j < len(self.text) and self.text[j] == " ":
                j += 1
            person = starts.get(j)
            if person is None:
                # honorific or rank between? ("Secretary General Mr. X")
                m = re.match(r"(?:Mr|Ms|Mrs|Dr)\.?\s+", self.text[j:])
                if m:
                    person = starts.get(j + m.end())
            affil, affil_start = self._affiliation_before(cs, ends)
            sent = self._sent_at(cs)
            if person is None and (first_upper or affil):
                person = self._name_after(j, sent)
                if person is not None:
                    starts[person.start] = person
                    ends[person.end] = person
            possessed = bool(re.search(r"['’]s?\s+$", self.text[max(0, cs - 3) : cs]))
            if person is not None and person.kind == "person" and (first_upper or possessed):
                if (
                    affil is None
                    and prev_affil
                    and prev_affil[0] == sent
                    and re.search(r"(?:\band\b|&)\s*$", self.text[max(0, cs - 6) : cs])
                ):
                    affil = prev_affil[1]
                for ts, te, norm in chain:
                    self.roles.append(
                        (
                            person,
                            RoleClaim(
                                title=norm,
                                surface=self.text[ts:te],
                                sentence=sent,
                                affiliation=affil,
                            ),
                        )
                    )
                if affil:
                    self.affil.append((person, affil))
                    prev_affil = (sent, affil)
                continue
            # reverse appositive: "The UN envoy for the region, Amina Diallo, said"
            after = re.match(
                r"(?:\s+(?:for|of|to|on)\s+[^,;.]{1,40})?,\s+", self.text[ce : ce + 60]
            )
            if after is not None:
                named = starts.get(ce + after.end())
                if named is not None and named.kind == "person":
                    for ts, te, norm in chain:
                        self.roles.append(
                            (
                                named,
                                RoleClaim(
                                    title=norm,
                                    surface=self.text[ts:te],
                                    sentence=sent,
                                    affiliation=affil,
                                ),
                            )
                        )
                    if affil:
                        self.affil.append((named, affil))
                    continue
            # appositive: "Name, [the] [Org's] title [of Org],"
            appos = self._appositive(cs, ce, ends, chain, sent)
            if appos:
                continue
            # a reference: "the secretary-general said", "the NATO chief"
            before = self.text[max(0, cs - 40) : cs]
            if re.search(r"(?:\bthe|['’]s)\s+(?:[A-Z][\w\-]*\s+)?$", before, re.IGNORECASE):
                ref_start = cs
                if affil_start is not None:
                    ref_start = affil_start
                m = re.search(r"\bthe\s+(?:[A-Z][\w\-]*\s+)?$", before, re.IGNORECASE)
                if m and affil_start is None:
                    ref_start = cs - (len(before) - m.start())
                self.pending_refs.append((ref_start, ce, chain[-1][2], affil, sent))
        self._generic_heads(ends)

    def _name_after(self, j: int, sent: int) -> Cand | None:
        """A person name NER missed right after a title: two to four capitalised words."""
        m = re.match(
            r"(?:[A-Z][a-z][\w'’\-]*\.?\s+){1,3}[A-Z][a-z][\w'’\-]*", self.text[j : j + 80]
        )
        if not m or sent < 0:
            return None
        end = j + m.end()
        if (
            self.names.lookup(m.group(0))
            or self._is_blocked(m.group(0))
            or any(ts < end and j < te for ts, te, _ in self.title_spans)
        ):
            return None
        ts, te = self._tokens(j, end)
        cand = Cand(j, end, "PERSON", "person", m.group(0), "name", sent, None, ts, te)
        self.cands.append(cand)
        return cand

    def _sent_at(self, char: int) -> int:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return self.ctx.tok_sent[span.start] if span is not None else -1

    def _affiliation_before(self, cs: int, ends: dict[int, Cand]) -> tuple[str | None, int | None]:
        """ "Russia's Deputy Foreign Minister", "NATO Secretary General", "Russian President"."""
        k = cs
        while k > 0 and self.text[k - 1] == " ":
            k -= 1
        poss = re.search(r"['’]s?$", self.text[max(0, k - 2) : k])
        if poss:
            k -= len(poss.group(0))
        cand = ends.get(k)
        if cand is not None and cand.kind != "person":
            return cand.name, cand.start
        if cand is not None and cand.kind == "person" and poss:
            return cand.name, cand.start
        # a demonym dropped as affiliation ("Russian Deputy Defense Minister")
        m = re.search(r"([A-Z][\w\-]+)$", self.text[max(0, k - 40) : k])
        if m and m.group(1) in self.names.demonyms:
            return self.names.demonyms[m.group(1)], k - len(m.group(1))
        return None, None

    def _appositive(self, cs: int, ce: int, ends: dict[int, Cand], chain, sent: int) -> bool:
        """ "Ana Ruiz, the UN's secretary-general," / "X, editor-in-chief of Y"."""
        before = self.text[max(0, cs - 60) : cs]
        # "X, [the] [Org's] title" or the copula "X is [the] title" ("... to show that X is ...")
        m = re.search(
            r"(?:,|\s+(?:is|was|as|became|remains|becomes))\s*(?:the\s+|a\s+|an\s+)?"
            r"((?:[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’]s?\s+)?$",
            before,
        )
        if not m:
            return False
        comma = cs - (len(before) - m.start())
        person = ends.get(comma)
        if person is None or person.kind != "person":
            return False
        affil = None
        if m.group(1):
            affil_surface = m.group(1).strip().rstrip("'’s").rstrip("'’")
            p = self.names.lookup(affil_surface)
            affil = p.name if p else affil_surface
        after = re.match(
            r"\s+(?:of|at|for)\s+(?:the\s+)?([A-Z][\w\-/.]*(?:\s+(?:(?:of|in|and|for|the|on|&)\s+)*[A-Z][\w\-/.]*)*)",
            self.text[ce : ce + 120],
        )
        if after and affil is None:
            surf = after.group(1).strip()
            p = self.names.lookup(surf)
            affil = p.name if p else surf
            if p is None:
                self._absorb(ce + after.start(1), ce + after.end(1), surf)
        for ts, te, norm in chain:
            self.roles.append(
                (
                    person,
                    RoleClaim(
                        title=norm, surface=self.text[ts:te], sentence=sent, affiliation=affil
                    ),
                )
            )
        if affil:
            self.affil.append((person, affil))
        return True

    def _absorb(self, start: int, end: int, name: str) -> None:
        """An organisation named in an apposition ("editor of the X in Y Z journal") is one
        entity: candidates inside its name become mentions of it."""
        inside = [c for c in self.cands if start <= c.start and c.end <= end and c.kind != "person"]
        if not inside:
            return
        ts, te = self._tokens(start, end)
        for c in inside:
            self.cands.remove(c)
        self.cands.append(
            Cand(start, end, "ORG", "organization", name, "name", inside[0].sent, None, ts, te)
        )

    def _generic_heads(self, ends: dict[int, Cand]) -> None:
        """ "the NATO chief", "the Kremlin spokesman", "the EU's top diplomat"."""
        heads = "|".join(
            re.escape(h) for h in sorted(self.titles.generic_heads, key=len, reverse=True)
        )
        rx = re.compile(rf"\b(?:[Tt]he)\s+(\S[^\n]{{0,40}}?)\s*(?:['’]s)?\s+({heads})\b")
        for sent_i, sent in enumerate(self.ctx.sents):
            base = sent.start_char
            for m in rx.finditer(sent.text):
                org_end = base + m.end(1)
                cand = ends.get(org_end)
                if cand is None or cand.kind == "person" or cand.start != base + m.start(1):
                    continue
                if any(s <= base + m.start(2) < e for s, e, _ in self.title_spans):
                    continue
                self.pending_refs.append((base + m.start(), base + m.end(), "", cand.name, sent_i))

    # --------------------------------------------------------- assembling
    def _assemble(self) -> EntityResult:
        tr = lx.translit()
        pr = lx.pronouns()
        persons: list[Person] = []
        by_full: dict[str, Person] = {}
        groups: dict[tuple[str, str], list[Cand]] = {}
        order: list[tuple[int, object]] = []
        # full names first, so surnames attach to the right person
        for c in self.cands:
            if c.kind == "person" and " " in c.name:
                k = tr.key(_strip_honorific(c.name))
                p = by_full.get(k)
                if p is None:
                    p = Person([c.name])
                    by_full[k] = p
                    persons.append(p)
                elif c.name not in p.names:
                    p.names.append(c.name)
        for c in self.cands:
            if c.kind == "person":
                name = _strip_honorific(c.name)
                if " " in name:
                    p = by_full[tr.key(name)]
                else:
                    p = self._person_for_surname(name, c, persons, tr)
                    if p is None:
                        p = Person([name])
                        persons.append(p)
                        by_full[tr.key(name)] = p
                p.cands.append(c)
            else:
                groups.setdefault((c.kind, c.name), []).append(c)
        # acronyms defined by the article: "Organization for ... in Europe" / "OSCE"
        self._merge_acronyms(groups)
        for p in persons:
            if p.cands:
                order.append((min(c.start for c in p.cands), p))
        for key, cs in groups.items():
            order.append((min(c.start for c in cs), key))
        order.sort(key=lambda x: x[0])
        entities: list[LocalEntity] = []
        tok_ent: dict[int, str] = {}
        genders: dict[str, str | None] = {}
        person_key: dict[int, str] = {}
        ent_by_key: dict[str, LocalEntity] = {}
        name_to_key: dict[str, str] = {}
        for n, (_, item) in enumerate(order, 1):
            key = f"e{n}"
            if isinstance(item, Person):
                cs = sorted(item.cands, key=lambda c: c.start)
                name = max((_strip_honorific(x) for x in item.names), key=len)
                ent = LocalEntity(
                    key=key, name=name, kind="person", label="PERSON", surfaces=[], mentions=[]
                )
                genders[key] = self._gender(item, cs, pr)
                person_key[id(item)] = key
            else:
                kind, cname = item
                cs = sorted(groups[item], key=lambda c: c.start)
                label = cs[0].label
                ent = LocalEntity(
                    key=key, name=cname, kind=kind, label=label, surfaces=[], mentions=[]
                )
            for c in cs:
                c.key = key
                self._add_mention(ent, c.start, c.end, c.sent, c.form)
                for t in range(c.token_start, c.token_end):
                    tok_ent[t] = key
            entities.append(ent)
            ent_by_key[key] = ent
            name_to_key.setdefault(ent.name, key)
            for s in ent.surfaces:
                name_to_key.setdefault(s, key)
        # roles and affiliations
        holders: dict[str, list[str]] = {}
        for cand, role in self.roles:
            ent = ent_by_key.get(cand.key or "")
            if ent is None:
                continue
            if role not in ent.roles:
                ent.roles.append(role)
            holders.setdefault(role.title, [])
            if ent.key not in holders[role.title]:
                holders[role.title].append(ent.key)
        for cand, aff in self.affil:
            ent = ent_by_key.get(cand.key or "")
            if ent is not None and aff not in ent.affiliations and aff != ent.name:
                ent.affiliations.append(aff)
        self._derived_affiliations(entities)
        # title references: "the secretary-general", "the NATO chief"
        for start, end, norm, affil, sent in self.pending_refs:
            key = self._holder(norm, affil, start, ent_by_key, holders)
            if key is None or sent < 0:
                continue
            ent = ent_by_key[key]
            self._add_mention(ent, start, end, sent, "title")
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                for t in range(span.start, span.end):
                    tok_ent[t] = key
        for ent in entities:
            ent.mentions.sort(key=lambda m: m.start)
        return EntityResult(entities, tok_ent, genders, holders, self.title_spans)

    def _derived_affiliations(self, entities: list[LocalEntity]) -> None:
        """A person's aide belongs where the person does ("President X's press secretary" ->
        X's state); a body named after a state belongs to it ("Russian Foreign Ministry")."""
        by_name = {e.name: e for e in entities}
        for ent in entities:
            for i, aff in enumerate(ent.affiliations):
                boss = by_name.get(aff)
                if boss is not None and boss.kind == "person" and boss.affiliations:
                    ent.affiliations[i] = boss.affiliations[0]
                    for role in ent.roles:
                        if role.affiliation == aff:
                            role.affiliation = boss.affiliations[0]
            if ent.kind == "organization" and not ent.affiliations and " " in ent.name:
                first = ent.name.split()[0]
                state = self.names.demonyms.get(first)
                place = self.names.lookup(first)
                state = state or (place.name if place and place.kind == "state" else None)
                if state and state != ent.name:
                    ent.affiliations.append(state)

    def _holder(
        self,
        norm: str,
        affil: str | None,
        start: int,
        ents: dict[str, LocalEntity],
        holders: dict[str, list[str]],
    ) -> str | None:
        """The person who holds a title (and affiliation) in this article, nearest before `start`."""
        if not norm and not affil:
            return None
        cands = []
        for strict in (True, False):  # then allow holders whose affiliation is not known
            for ent in ents.values():
                if ent.kind != "person":
                    continue
                for role in ent.roles:
                    if norm and role.title.split()[-1:] != norm.split()[-1:] and role.title != norm:
                        continue
                    mismatch = affil and role.affiliation != affil and affil not in ent.affiliations
                    unknown = role.affiliation is None and not ent.affiliations and bool(norm)
                    if mismatch and (strict or not unknown):
                        continue
                    cands.append(ent)
                    break
            if cands:
                break
        if not cands:
            return None

        def last_before(e: LocalEntity) -> int:
            before = [m.start for m in e.mentions if m.start < self.ctx.tmap.start(start)]
            return max(before) if before else -1

        # exact title match preferred, then nearest preceding mention
        cands.sort(
            key=lambda e: (any(r.title == norm for r in e.roles), last_before(e)), reverse=True
        )
        return cands[0].key

    def _add_mention(self, ent: LocalEntity, start: int, end: int, sent: int, form: str) -> None:
        fs, fe = self.ctx.file_span(start, end)
        surface = self.text[start:end]
        if any(m.start == fs and m.end == fe for m in ent.mentions):
            return
        ent.mentions.append(Mention(start=fs, end=fe, text=surface, sentence=sent, form=form))
        if surface not in ent.surfaces:
            ent.surfaces.append(surface)

    def _person_for_surname(self, name: str, c: Cand, persons: list[Person], tr) -> Person | None:
        key = tr.key(name)
        matches = [
            p for p in persons if any(tr.key(n).split()[-1] == key for n in p.names if " " in n)
        ]
        if not matches:
            exact = next((p for p in persons if any(tr.key(n) == key for n in p.names)), None)
            if exact is not None:
                return exact
            # a given name or a surname written first ("Faizal" for "Mohammad Faizal Rahman",
            # "Liu" for "Liu Jianguo"): only when exactly one person carries that word
            matches = [
                p for p in persons if any(key in tr.key(n).split() for n in p.names if " " in n)
            ]
            return matches[0] if len(matches) == 1 else None
        if len(matches) == 1:
            return matches[0]

        # several people share the surname: the one mentioned last before this mention
        def last(p: Person) -> int:
            starts = [x.start for x in p.cands if x.start < c.start]
            return max(starts) if starts else -1

        return max(matches, key=last)

    def _merge_acronyms(self, groups: dict[tuple[str, str], list[Cand]]) -> None:
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

    def _gender(self, p: Person, cs: list[Cand], pr) -> str | None:
        hon = self.titles.honorifics
        for c in cs:
            before = self.text[max(0, c.start - 6) : c.start].split()
            if before and before[-1] in hon and hon[before[-1]]:
                return hon[before[-1]]
        for name in p.names:
            words = _strip_honorific(name).split()
            if len(words) >= 2 and words[0] in pr.female_names:
                return "female"
            if len(words) >= 2 and words[-1].lower().endswith(pr.female_suffixes):
                return "female"
        return None


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+")


def _strip_honorific(name: str) -> str:
    return _HONORIFIC.sub("", name)


_DEFINED_ACRONYM = re.compile(r"\s\(([A-Z][A-Z.]{1,9})\)")
_ACRONYM_SKIP = frozenset({"of", "for", "and", "in", "the", "on", "to", "&"})


def _abbreviates(short: str, name: str) -> bool:
    """Whether `short` abbreviates `name`: each content word gives its initial and maybe more
    letters of itself, in order ("EAEU" for "Eurasian Economic Union")."""
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


def token_entity(tok: Token, tok_ent: dict[int, str]) -> str | None:
    return tok_ent.get(tok.i)
