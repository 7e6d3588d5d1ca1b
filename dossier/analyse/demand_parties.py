"""Who a demand is by and whom it is addressed to: entity keys for the tokens around its cue."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.model.analysis import LocalEntity, QuoteClaim

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult
from .speakers import SpeakerResolver, subject_of

# verbs whose subject answers a demand, besides the lexicon's rejection and acceptance lemmas
_ANSWER_VERBS = frozenset({"agree", "answer", "respond", "consider"})
# what the parse may make of a sentence's first name when it misses the subject
_STRAY_SUBJECT_DEPS = frozenset({"intj", "npadvmod", "advmod", "dep", "nmod"})


class Parties:
    """Entity keys for one article's demands; built once per article (it caches the two parties)."""

    def __init__(self, ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim], cues: dict) -> None:
        self.ctx = ctx
        self.ents = ents
        self.two_parties_cues = cues.get("two_parties")
        self.courts = frozenset(cues.get("courts") or ())
        self.role_verbs: dict[str, str] = dict(cues.get("role_verbs") or {})
        self.answer_lemmas = (
            frozenset(cues["rejection"]["lemmas"])
            | frozenset(cues["acceptance"]["lemmas"])
            | _ANSWER_VERBS
        )
        self.resolver = SpeakerResolver(ctx, ents)
        self.by_key = {e.key: e for e in ents.entities}
        self.quote_spans = [
            (q.start, q.end, q.speaker) for q in quotes if q.kind != "reported" and q.speaker
        ]
        self._states: list[str] | None = None  # the two parties, computed on first use
        self._holders: dict[str, str | None] = {}  # role verb -> its one doer, found once

    def entity(self, tok: Token | None) -> str | None:
        """The entity a subject token stands for (explicit, title, pronoun or the part it
        plays: "the chair" is whoever the article says chaired)."""
        if tok is None:
            return None
        key, _ = self.resolver.entity_of(tok)
        if key is None and tok.lemma_.lower() in self.role_verbs:
            key = self._role_holder(self.role_verbs[tok.lemma_.lower()])
        if key is None and tok.tag_ == "NNS" and not any(c.dep_ == "poss" for c in tok.children):
            key = self._group_named(tok.lower_)
        return key

    def demonym_state(self, tok: Token) -> str | None:
        """ "a long-standing Peruvian demand": the state a demonym names, when the article names
        that state (the demonym itself may not have been taken for a mention of it)."""
        state = lx.names().demonyms.get(tok.text)
        return self._state_named(state) if state else None

    def _state_named(self, name: str) -> str | None:
        return next(
            (e.key for e in self.ents.entities if e.kind == "state" and e.name == name), None
        )

    def government(self, tok: Token, by: str | None, words: frozenset[str]) -> list[str]:
        """ "called on the government to ...": a bare government word stands for the author's own
        state (a union calling on its government), else for the one state the article is about."""
        if tok.lemma_.lower() not in words or any(
            c.dep_ in ("poss", "compound", "amod") or c.i in self.ctx.tok_ent for c in tok.children
        ):
            return []
        home = self.home_state(by)
        if home is not None:
            return [home]
        states = self._states_by_mentions()
        if len(states) == 1 or (
            len(states) > 1 and len(states[0].mentions) > len(states[1].mentions)
        ):
            return [states[0].key]
        return []

    def own(self, key: str | None) -> set[str]:
        """The bodies and states an entity's own affiliations name: a demand is never of them."""
        if key is None or key not in self.by_key:
            return set()
        ent = self.by_key[key]
        surfaces = {*ent.affiliations, *(r.affiliation for r in ent.roles if r.affiliation)}
        return {
            e.key for e in self.ents.entities if e.name in surfaces or surfaces & set(e.surfaces)
        }

    def home_state(self, key: str | None, depth: int = 2) -> str | None:
        """The state an entity belongs to: itself, or the state its affiliations lead to (by name,
        or by a demonym in the name: "the Chilean Farmers' Union")."""
        if key is None or key not in self.by_key:
            return None
        ent = self.by_key[key]
        if ent.kind == "state":
            return key
        surfaces = [*ent.affiliations, *(r.affiliation for r in ent.roles if r.affiliation)]
        for s in surfaces:
            owner = next(
                (e.key for e in self.ents.entities if s == e.name or s in e.surfaces), None
            )
            if owner is not None and owner != key and depth > 0:
                home = self.home_state(owner, depth - 1)
                if home is not None:
                    return home
            for word in s.split():
                state = lx.names().demonyms.get(word)
                if state and self._state_named(state):
                    return self._state_named(state)
        return None

    def _group_named(self, head: str) -> str | None:
        """ "Leaders asked ...": the article's one group named with that plural head ("Forum
        leaders"), which the bare noun stands for."""
        groups = [
            e.key
            for e in self.ents.entities
            if e.kind == "group" and e.name.lower().split()[-1:] == [head]
        ]
        return groups[0] if len(groups) == 1 else None

    def _role_holder(self, lemma: str) -> str | None:
        """The one entity the article says did `lemma` ("chaired by X", "X, who chaired"),
        looked up once per article: a long article may say "the chair" many times."""
        if lemma not in self._holders:
            self._holders[lemma] = self._find_role_holder(lemma)
        return self._holders[lemma]

    def _find_role_holder(self, lemma: str) -> str | None:
        holders: list[str] = []
        for tok in self.ctx.doc:
            if tok.lemma_.lower() != lemma or tok.pos_ != "VERB":
                continue
            agent = [p for c in tok.children if c.dep_ == "agent" for p in c.children]
            subj = agent[0] if agent else subject_of(tok, tok_ent=self.ctx.tok_ent)
            if subj is not None and subj.dep_ != "nsubjpass":
                key, _ = self.resolver.entity_of(subj)
                if key is not None and key not in holders:
                    holders.append(key)
        return holders[0] if len(holders) == 1 else None

    def entities_in(self, tok: Token) -> list[str]:
        """The entity `tok` names and those conjoined with it, or the two parties it stands for."""
        key = self.entity(tok)
        if key is None:
            return self._two_parties(tok)
        out = [key]
        for c in tok.children:
            if c.dep_ == "conj":
                out += self.entities_in(c)
        return out

    def keys_in(self, span: Span) -> list[str]:
        """Bodies and states named in `span`, in order (persons left out)."""
        seen: list[str] = []
        for t in span:
            k = self.ctx.tok_ent.get(t.i)
            if k and k not in seen and self.by_key[k].kind != "person":
                seen.append(k)
        return seen

    def plural_parties(self, tok: Token) -> bool:
        """ "urged governments to file objections": parties as a class, named by a plural head
        ("governments", "states") that stands for no one entity."""
        tp = self.two_parties_cues
        return bool(tp) and tok.tag_ == "NNS" and tok.lower_ in tp["heads"]

    def is_state(self, key: str) -> bool:
        return self.by_key[key].kind == "state"

    def quoted_by(self, tok: Token) -> str | None:
        """The speaker of the direct quote `tok` stands in, if any."""
        at = self.ctx.tmap.start(tok.idx)
        for start, end, speaker in self.quote_spans:
            if start <= at < end:
                return speaker
        return None

    def from_of(self, verb: Token) -> list[str]:
        """ "demanded guarantees from NATO": the entities after "from"/"of"."""
        out = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of"):
                for p in c.children:
                    out += self.entities_in(p)
        return out

    def refuser(self, noun: Token) -> list[str]:
        """ "Chile wouldn't agree to Peru's demands": whoever answers the demand is its addressee."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if noun.dep_ not in ("dobj", "pobj") or head.pos_ != "VERB":
            return []
        if head.lemma_.lower() not in self.answer_lemmas:
            return []
        subj = subject_of(head, tok_ent=self.ctx.tok_ent) or self._stray_subject(head)
        return self.entities_in(subj) if subj is not None else []

    def _stray_subject(self, verb: Token) -> Token | None:
        """ "Peru on Monday turned down ...": a named body or state before the verb that the
        parse hung on it as anything but a subject (an interjection, an adverb) is its subject."""
        return next(
            (
                c
                for c in verb.children
                if c.i < verb.i
                and c.dep_ in _STRAY_SUBJECT_DEPS
                and c.i in self.ctx.tok_ent
                and self.by_key[self.ctx.tok_ent[c.i]].kind != "person"
            ),
            None,
        )

    def only_courts(self, keys: list[str]) -> bool:
        """True when every addressee is a court ("asked the judges to annul the contract")."""
        courts = self.courts
        return bool(keys) and all(
            any(
                courts & set(s.lower().split())
                for s in [self.by_key[k].name, *self.by_key[k].surfaces]
            )
            for k in keys
            if k in self.by_key
        )

    def other_party(self, by: str | None) -> list[str]:
        """The addressee of a demand that names none, made by one of the article's two parties:
        the other one ("Chile has demanded their release" in a story about Chile and Peru)."""
        if by is None:
            return []
        if self._states is None:
            self._states = self._pair()
        if len(self._states) != 2 or by not in self._states:
            return []
        return [k for k in self._states if k != by]

    def _two_parties(self, tok: Token) -> list[str]:
        """ "both governments", "the two neighbours": the two states the article names most."""
        tp = self.two_parties_cues
        if not tp or tok.lower_ not in tp["heads"]:
            return []
        left = " ".join(t.lower_ for t in tok.lefts if t.dep_ in ("det", "nummod", "predet"))
        if left in tp.get("three_determiners", ()):
            return self._three()
        if left not in tp["determiners"]:
            return []
        if self._states is None:
            self._states = self._pair()
        return list(self._states)

    def _states_by_mentions(self) -> list[LocalEntity]:
        """The article's states, most mentioned first (ties in the order they were found)."""
        return sorted(
            (e for e in self.ents.entities if e.kind == "state"), key=lambda e: -len(e.mentions)
        )

    def _three(self) -> list[str]:
        """ "all three governments": the three states the article names most, when a fourth
        is clearly behind them (or there is none)."""
        states = self._states_by_mentions()
        if len(states) == 3 or (
            len(states) > 3 and len(states[2].mentions) > len(states[3].mentions)
        ):
            return [e.key for e in states[:3]]
        return []

    def _pair(self) -> list[str]:
        """The two parties: the pair of bodies or states the article conjoins most ("Chile and
        Peru"), else the two states it names most when a third is clearly behind."""
        tok_ent = self.ctx.tok_ent
        pairs: dict[tuple[str, str], int] = {}
        for i, key in tok_ent.items():
            tok = self.ctx.doc[i]
            if tok.dep_ != "conj" or self.by_key[key].kind == "person":
                continue
            other = tok_ent.get(tok.head.i)
            if other and other != key and self.by_key[other].kind != "person":
                pair = (min(key, other), max(key, other))
                pairs[pair] = pairs.get(pair, 0) + 1
        if pairs:
            size = {k: len(e.mentions) for k, e in self.by_key.items()}
            best = max(pairs, key=lambda p: (pairs[p], size[p[0]] + size[p[1]], p))
            return list(best)
        states = self._states_by_mentions()
        if len(states) == 2 or (
            len(states) > 2 and len(states[1].mentions) > len(states[2].mentions)
        ):
            return [states[0].key, states[1].key]
        return []
