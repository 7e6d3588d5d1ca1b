"""Demands (who asks what of whom, and whether it was turned down) and stance cues per sentence."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Span, Token

from dossier.model.analysis import DemandClaim, QuoteClaim, StanceClaim

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult
from .speakers import SpeakerResolver, subject_of

_CUT = re.compile(r"\s+(?:–|—|--|-)\s+|;|\s+\(")
REF_WINDOW = 4  # sentences back a "the demand" or a refusal may point
NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})


# ---------------------------------------------------------------------------- demands
def extract_demands(ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> list[DemandClaim]:
    return _Demands(ctx, ents, quotes).run()


class _Demands:
    def __init__(self, ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.ents = ents
        self.cues = lx.demand_cues()
        self.verbs: dict[str, list[str]] = self.cues["verbs"]
        self.particles: dict[str, list[str]] = self.cues["particles"]
        self.nouns = frozenset(self.cues["nouns"])
        self.modal_that = frozenset(self.cues.get("that_needs_modal") or [])
        self.resolver = SpeakerResolver(ctx, ents)
        self.by_key = {e.key: e for e in ents.entities}
        rej = self.cues["rejection"]
        self.rej_lemmas = frozenset(rej["lemmas"])
        self.rej_phrases = tuple(p.lower() for p in rej["phrases"])
        acc = self.cues["acceptance"]
        self.acc_lemmas = frozenset(acc["lemmas"])
        self.quote_spans = [
            (q.start, q.end, q.speaker) for q in quotes if q.kind != "reported" and q.speaker
        ]
        self.quote_speaker = {}
        for q in quotes:
            if q.kind != "reported" and q.speaker:
                self.quote_speaker.setdefault(q.sentence, q.speaker)
        self._states: list[str] | None = None  # the two parties, computed on first use
        # references to demands without content, for status: (sentence, owner key | None)
        self.refs: list[tuple[int, str | None]] = []

    def run(self) -> list[DemandClaim]:
        out: list[DemandClaim] = []
        for si, sent in enumerate(self.ctx.sents):
            for tok in sent:
                lemma = tok.lemma_.lower()
                claim = None
                if tok.pos_ == "VERB" and lemma in self.verbs:
                    claim = self._verb(tok, lemma, si)
                elif tok.pos_ == "NOUN" and lemma in self.nouns:
                    claim = self._noun(tok, lemma, si)
                if claim is not None:
                    out.append(claim)
        self._status(out)
        return out

    # ------------------------------------------------------------ verb cues
    def _verb(self, verb: Token, lemma: str, si: int) -> DemandClaim | None:
        need = self.particles.get(lemma)
        particle = None
        if need:
            particle = next(
                (
                    c
                    for c in verb.children
                    if c.lower_ in need
                    and c.dep_ in ("prep", "prt", "dative")
                    and 0 < c.i - verb.i <= 2
                ),
                None,
            )
            if particle is None:
                nxt = verb.nbor(1) if verb.i + 1 < len(self.doc) else None
                if nxt is None or nxt.lower_ not in need:
                    return None
                particle = nxt
        subj_tok = subject_of(verb, tok_ent=self.ctx.tok_ent)
        by = self._entity(subj_tok)
        if by is None and subj_tok is not None and subj_tok.lower_ in ("we", "i"):
            by = self._quoted_by(verb)  # "We ask China to ...": the quote's speaker
        addressee: list[str] = []
        content: Span | None = None
        # "call on Y to X", "urge Y to X", "want Y to X", "ask Y to X"
        inf = self._infinitive(verb) if "object_to" in self.verbs[lemma] else None
        if inf is not None:
            subj = next((c for c in inf.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                addressee += self._entities_in(subj)
            content = self._from_to(inf)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if particle is not None:
            objs += [c for c in particle.children if c.dep_ == "pobj"]
        if particle is not None and particle.lower_ == "for" and content is None and objs:
            content = self._subtree(objs[-1])
            objs = []
        for o in objs:
            if not addressee:
                addressee += self._entities_in(o)
        if content is None:
            # "demand that Y <clause>" / "insist that ..."
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if (
                comp is not None
                and "that" in self.verbs[lemma]
                and (
                    lemma not in self.modal_that
                    or any(t.lower_ in ("must", "should") for t in comp.subtree)
                )
            ):
                subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    addressee += self._entities_in(subj)
                content = self._subtree(comp, drop_mark=True)
                if not addressee:
                    # "insisted that any ceasefire must include the disarmament of the
                    # militias that Khartoum accuses Juba of arming": the bodies named
                    addressee = [k for k in self._keys_in(content) if k != by]
            elif (
                "object" in self.verbs[lemma]
                and objs
                and lemma not in ("want", "ask", "tell", "call")
            ):
                content = self._subtree(objs[0])
                addressee = self._from_of(verb)
        if content is None or len(content) < 2:
            return None
        if lemma in ("want", "ask", "tell", "order", "expect") and not addressee:
            return None  # a wish or a question, not a demand on someone
        if by is None and lemma == "want":
            return None
        addressee = [k for k in dict.fromkeys(addressee) if k != by]
        return self._claim(by, addressee, content, si, verb.text)

    def _quoted_by(self, tok: Token) -> str | None:
        at = self.ctx.tmap.start(tok.idx)
        for start, end, speaker in self.quote_spans:
            if start <= at < end:
                return speaker
        return None

    def _infinitive(self, verb: Token) -> Token | None:
        for c in verb.subtree:
            if (
                c.dep_ in ("xcomp", "ccomp", "advcl", "dep")
                and c.pos_ in ("VERB", "AUX")
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            ) and (c.head == verb or c.head.head == verb):
                return c
        # "wanted the EU, in turn, to raise ...": the parser may hang the to-clause on the
        # verb's own head, right after the verb's phrase
        for c in verb.head.children:
            if (
                c.dep_ in ("ccomp", "advcl", "xcomp", "dep")
                and c.i > verb.i
                and 0 < c.left_edge.i - verb.right_edge.i <= 2
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
                and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
            ):
                return c
        return None

    def _from_to(self, inf: Token) -> Span:
        """The infinitive clause after its "to" (and after its subject).

        The parser sometimes splits a hyphenated verb ("de-escalate") into siblings, so the
        clause runs on over adjacent siblings until a comma or conjunction.
        """
        toks = sorted(inf.subtree, key=lambda t: t.i)
        to = next((t for t in toks if t.lower_ == "to" and t.dep_ == "aux" and t.head == inf), None)
        start = to.i + 1 if to is not None else toks[0].i
        right = toks[-1].i
        for sib in sorted(inf.head.children, key=lambda t: t.i):
            if sib.i <= right:
                continue
            if (sib.dep_ in ("punct", "cc") and sib.text != "-") or sib.left_edge.i != right + 1:
                break
            right = sib.right_edge.i
        return self._cut(self.doc[start : right + 1])

    def _subtree(self, tok: Token, drop_mark: bool = False) -> Span:
        toks = sorted(tok.subtree, key=lambda t: t.i)
        start = toks[0].i
        if drop_mark and self.doc[start].lower_ == "that":
            start += 1
        return self._cut(self.doc[start : toks[-1].i + 1])

    def _cut(self, span: Span) -> Span:
        m = _CUT.search(span.text)
        if m:
            end_char = span.start_char + m.start()
            cut = self.doc.char_span(span.start_char, end_char, alignment_mode="contract")
            if cut is not None and len(cut):
                span = cut
        while len(span) and (span[-1].is_punct or span[-1].is_space):
            span = span[:-1]
        while len(span) and span[0].is_punct:
            span = span[1:]
        return span

    def _from_of(self, verb: Token) -> list[str]:
        out = []
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "of"):
                for p in c.children:
                    out += self._entities_in(p)
        return out

    # ------------------------------------------------------------ noun cues
    def _noun(self, noun: Token, lemma: str, si: int) -> DemandClaim | None:
        if lemma == "call" and not any(c.lower_ in ("for", "on") for c in noun.children):
            return None
        if lemma in ("condition", "precondition", "requirement") and not any(
            c.dep_ == "poss" for c in noun.children
        ):
            return None  # too common in other senses without an owner ("Russia's conditions")
        by = None
        for c in noun.children:
            if c.dep_ == "poss":
                by = self._entity(c)
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    by = self._entity(pobj)
        if by is None and noun.dep_ in ("dobj", "pobj"):
            gov = noun.head if noun.dep_ == "dobj" else noun.head.head
            if gov.pos_ == "VERB" and gov.lemma_.lower() in (
                "reiterate",
                "make",
                "issue",
                "present",
                "repeat",
                "put",
                "renew",
                "set",
                "table",
            ):
                by = self._entity(subject_of(gov, tok_ent=self.ctx.tok_ent))
        content: Span | None = None
        addressee: list[str] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None:
                    content = self._subtree(pobj)
                    # "demands for guarantees, including on NATO's non-expansion"
                    right = max(t.i for t in noun.subtree)
                    content = self._cut(self.doc[content.start : max(content.end, right + 1)])
            elif c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.lower_ == "that" and m.dep_ == "mark" for m in c.children
            ):
                subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    addressee += self._entities_in(subj)
                content = self._subtree(c, drop_mark=True)
        if content is None:
            inf = self._noun_infinitive(noun)
            if inf is not None:
                subj = next((c for c in inf.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    addressee += self._entities_in(subj)
                content = self._from_to(inf)
        if content is None or len(content) < 1:
            self.refs.append((si, by))
            return None
        accepted = self._accepted(noun)
        if not addressee:
            addressee = self._refuser(noun)
        if not addressee:
            addressee = [k for k in self._keys_in(content) if k != by]
        addressee = [k for k in dict.fromkeys(addressee) if k != by]
        claim = self._claim(by, addressee, content, si, noun.text)
        if accepted:
            claim.status = "accepted"
        return claim

    def _accepted(self, noun: Token) -> bool:
        """ "both delegations had accepted a request from the AU to ..."""
        head = noun.head
        return (
            noun.dep_ == "dobj"
            and head.lemma_.lower() in self.acc_lemmas
            and not any(c.dep_ == "neg" for c in head.children)
        )

    def _noun_infinitive(self, noun: Token) -> Token | None:
        """The to-clause of a demand noun ("a request from the AU to let convoys through"),
        whether the parser hung it on the noun or on the noun's verb right after it."""
        right = noun.right_edge.i
        for c in [*noun.children, *noun.head.children]:
            if (
                c.dep_ in ("acl", "advcl", "xcomp", "relcl")
                and c.pos_ in ("VERB", "AUX")
                and c.left_edge.i in (right + 1, c.i - 1)
                and c.i > noun.i
                and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
                and (c.head.i == noun.i or c.left_edge.i == right + 1)
            ):
                return c
        return None

    def _refuser(self, noun: Token) -> list[str]:
        """ "NATO wouldn't agree to Russia's demands": whoever answers the demand is its addressee."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        if noun.dep_ not in ("dobj", "pobj") or head.pos_ != "VERB":
            return []
        lemma = head.lemma_.lower()
        if lemma not in self.rej_lemmas | self.acc_lemmas | {
            "agree",
            "answer",
            "respond",
            "consider",
        }:
            return []
        subj = subject_of(head, tok_ent=self.ctx.tok_ent)
        return self._entities_in(subj) if subj is not None else []

    # --------------------------------------------------------------- helpers
    def _entity(self, tok: Token | None) -> str | None:
        if tok is None:
            return None
        key, _ = self.resolver.entity_of(tok)
        return key

    def _entities_in(self, tok: Token) -> list[str]:
        key = self._entity(tok)
        if key is None:
            return self._two_parties(tok)
        if key is not None:
            out = [key]
            for c in tok.children:
                if c.dep_ == "conj":
                    out += self._entities_in(c)
            return out
        return []

    def _two_parties(self, tok: Token) -> list[str]:
        """ "both governments", "the two neighbours": the two states the article names most."""
        tp = self.cues.get("two_parties")
        if not tp or tok.lower_ not in tp["heads"]:
            return []
        left = " ".join(t.lower_ for t in tok.lefts if t.dep_ in ("det", "nummod", "predet"))
        if left not in tp["determiners"]:
            return []
        if self._states is None:
            self._states = self._pair()
        return list(self._states)

    def _pair(self) -> list[str]:
        """The two parties: the pair of bodies or states the article conjoins most ("Sudan and
        South Sudan"), else the two states it names most when a third is clearly behind."""
        tok_ent = self.ctx.tok_ent
        pairs: dict[tuple[str, str], int] = {}
        for i, key in tok_ent.items():
            tok = self.doc[i]
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
        states = sorted(
            (e for e in self.ents.entities if e.kind == "state"), key=lambda e: -len(e.mentions)
        )
        if len(states) == 2 or (
            len(states) > 2 and len(states[1].mentions) > len(states[2].mentions)
        ):
            return [states[0].key, states[1].key]
        return []

    def _keys_in(self, span: Span) -> list[str]:
        seen: list[str] = []
        for t in span:
            k = self.ctx.tok_ent.get(t.i)
            if k and k not in seen and self.by_key[k].kind != "person":
                seen.append(k)
        return seen

    def _claim(
        self, by: str | None, of: list[str], content: Span, si: int, cue: str
    ) -> DemandClaim:
        return DemandClaim(by=by, of=of, text=content.text, sentence=si, status="open", cue=cue)

    # ---------------------------------------------------------------- status
    def _rejects(self, si: int) -> bool:
        sent = self.ctx.sents[si]
        low = sent.text.lower().replace("’", "'")
        if any(p in low for p in self.rej_phrases):
            return True
        return any(t.lemma_.lower() in self.rej_lemmas and t.pos_ in ("VERB", "NOUN") for t in sent)

    def _status(self, claims: list[DemandClaim]) -> None:
        rejected_by: set[str] = set()
        for si, owner in self.refs:
            if self._rejects(si) and owner:
                rejected_by.add(owner)
                rejected_by.update(self._related(owner))
        ref_sents = {si for si, _ in self.refs}
        for si, owner in self.refs:
            # "The rebels called the demand 'unacceptable'": the demand just reported, a quote
            # or two back at most
            if owner is None and self._rejects(si):
                before = [c for c in claims if si - REF_WINDOW <= c.sentence < si]
                if before:
                    before[-1].status = "rejected"
        for c in claims:
            if c.status == "accepted":
                continue
            if (self._rejects(c.sentence) and c.sentence not in ref_sents) or (
                c.by and (c.by in rejected_by or set(self._related(c.by)) & rejected_by)
            ):
                c.status = "rejected"
        self._rejected_by_content(claims, ref_sents)

    def _rejected_by_content(self, claims: list[DemandClaim], ref_sents: set[int]) -> None:
        """ "X wants Kazakhstan to phase out its duties. Kazakhstan would not accept a phase-out":
        a refusal whose object repeats a word of a demand just made turns that demand down."""
        for si, sent in enumerate(self.ctx.sents):
            if si in ref_sents or not self._rejects(si):
                continue
            if any(c.sentence == si for c in claims):
                continue
            objects = {
                t.lemma_.lower()
                for tok in sent
                if tok.lemma_.lower() in self.rej_lemmas | self.acc_lemmas | {"agree"}
                for c in tok.children
                if c.dep_ in ("dobj", "prep", "nsubjpass")
                for t in c.subtree
                if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "VERB", "PROPN")
            }
            if not objects:
                continue
            for c in reversed(claims):
                if si - REF_WINDOW <= c.sentence < si and c.status == "open":
                    words = {w.lower() for w in re.findall(r"[A-Za-z]+", c.text)}
                    if objects & words:
                        c.status = "rejected"
                        break

    def _related(self, key: str) -> list[str]:
        """Keys of entities this one belongs to (by affiliation name), and members of it."""
        ent = self.by_key.get(key)
        if ent is None:
            return []
        out = []
        for other in self.by_key.values():
            if other.name in ent.affiliations or ent.name in other.affiliations:
                out.append(other.key)
        return out


# ---------------------------------------------------------------------------- stances
def extract_stances(ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> list[StanceClaim]:
    """One claim per sentence and holder, where the holder is whoever expresses the cue: the
    speaker of the quote it stands in, else the subject of its own clause (climbing shared
    subjects and reported speech), never an entity the sentence merely mentions."""
    cues = lx.stance_cues()
    sup_l, opp_l = frozenset(cues["support"]["lemmas"]), frozenset(cues["oppose"]["lemmas"])
    sup_p = tuple(cues["support"]["phrases"])
    opp_p = tuple(cues["oppose"]["phrases"])
    neg_p = frozenset(cues["negative_phrases"])
    stop = frozenset(cues["keyword_stopwords"])
    owner = _CueOwner(ctx, ents, quotes)
    out: list[StanceClaim] = []
    for si, sent in enumerate(ctx.sents):
        found = _cues(sent, sup_l, opp_l, sup_p, opp_p, neg_p)
        if not found:
            continue
        by_holder: dict[str, list[tuple[str, str]]] = {}
        for tok, pol, cue in found:
            key = owner.of(tok, si)
            if key is not None:
                by_holder.setdefault(key, []).append((pol, cue))
        if not by_holder:
            continue
        keywords = _keywords(sent, ctx.chunks(si), stop)
        for h, items in list(by_holder.items())[:2]:
            stance, cue = _combine(items)
            out.append(
                StanceClaim(holder=h, stance=stance, keywords=keywords, sentence=si, cue=cue)
            )
    return out


class _CueOwner:
    """Who expresses a cue token: a quote's speaker, the speaker of the reported speech it
    stands in, else the subject of its own clause; never a name inside another phrase
    ("NATO expansion poses a threat" is nobody's stance)."""

    def __init__(self, ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> None:
        self.ctx = ctx
        self.resolver = SpeakerResolver(ctx, ents)
        self.by_key = {e.key: e for e in ents.entities}
        self.quotes = [
            (q.start, q.end, q.speaker) for q in quotes if q.kind != "reported" and q.speaker
        ]
        self.speech = lx.reporting()["speech"] - self._attitudes()
        self.demand_verbs = frozenset(lx.demand_cues()["verbs"])
        self.holder_nouns = frozenset(lx.stance_cues().get("holder_nouns") or [])

    @staticmethod
    def _attitudes() -> frozenset[str]:
        # verbs that are cues themselves ("agree", "deny"): not a frame of reported speech
        c = lx.stance_cues()
        return frozenset(c["support"]["lemmas"]) | frozenset(c["oppose"]["lemmas"])

    def of(self, tok: Token, si: int) -> str | None:
        at = self.ctx.tmap.start(tok.idx)
        for start, end, speaker in self.quotes:
            if start <= at < end:
                return speaker
        if tok.pos_ == "NOUN":
            # "the main concern of the West", "Russia's rejection": the noun's owner
            for c in tok.children:
                if c.dep_ == "poss":
                    return self._strict(c)
                if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                    if pobj is not None and self._strict(pobj) is not None:
                        return self._strict(pobj)
        elif tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return self._strict(tok.head)  # "combat-ready troops", "a country willing to"
        pred = self._predicate(tok)
        if pred is None:
            return None
        speaker = self._reporter(pred)
        if speaker is not False:
            return speaker  # a key, or None inside a demand's content
        return self._own_subject(pred)

    @staticmethod
    def _predicate(tok: Token) -> Token | None:
        pred = tok
        while pred.pos_ not in ("VERB", "AUX") and pred.head.i != pred.i:
            pred = pred.head
        return pred if pred.pos_ in ("VERB", "AUX") else None

    def _reporter(self, pred: Token) -> str | bool | None:
        """The speaker of the reported speech `pred` stands in; None when it is the content
        of a demand ("wants the alliance to agree ..."); False when neither."""
        t = pred
        for _ in range(6):
            head = t.head
            if head.i == t.i:
                return False
            if (
                t.dep_ in ("xcomp", "ccomp")
                and head.lemma_.lower() in self.demand_verbs
                and (t.dep_ == "xcomp" or any(a.lower_ == "to" for a in t.children))
            ):
                return None
            inner = self._inner_speaker(t)
            if inner is not None:
                return inner  # "Beijing would not accept it, he said"
            if t.dep_ in ("ccomp", "parataxis", "advcl") and head.lemma_.lower() in self.speech:
                subj = subject_of(head, tok_ent=self.ctx.tok_ent)
                key = self._strict(subj) if subj is not None else None
                if key is not None:
                    return key
            t = head
        return False

    def _inner_speaker(self, pred: Token) -> str | None:
        for c in pred.children:
            if c.dep_ in ("parataxis", "advcl") and c.lemma_.lower() in self.speech:
                subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
                if subj is not None:
                    return self._strict(subj)
        return None

    def _own_subject(self, pred: Token) -> str | None:
        for _ in range(6):
            subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if pred.dep_ == "acl" and pred.tag_ == "VBN":
                return None  # "militias backed by X": a description, not a stance
            if subj is not None and subj.dep_ == "nsubjpass":
                return self._agent(pred)  # "the offer was rejected (by X)": X, if named
            if subj is not None:
                if subj.lower_ in ("who", "which", "that") and pred.dep_ == "relcl":
                    return self._strict(pred.head)
                return self._strict(subj)
            head = pred.head
            if head.i == pred.i or pred.dep_ not in ("xcomp", "conj", "advcl"):
                return None
            pred = self._predicate(head)
            if pred is None:
                return None
        return None

    def _strict(self, tok: Token) -> str | None:
        """The entity a subject token itself names (or a person in apposition, or a body
        whose delegation/government it is), not any name inside its phrase."""
        if tok.lower_ in self.resolver.prons:
            return self.resolver.pronoun(tok)
        tok_ent = self.ctx.tok_ent
        if tok.i in tok_ent:
            return tok_ent[tok.i]
        for c in tok.children:
            if c.dep_ == "appos" and c.i in tok_ent:
                return tok_ent[c.i]
        if tok.lemma_.lower() in self.holder_nouns:
            for c in tok.children:
                if c.dep_ in ("amod", "compound", "poss") and c.i in tok_ent:
                    return tok_ent[c.i]
        return None

    def _agent(self, pred: Token) -> str | None:
        for c in pred.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return self._strict(pobj)
        return None


def _cues(sent: Span, sup_l, opp_l, sup_p, opp_p, neg_p) -> list[tuple[Token, str, str]]:
    """(token, polarity, cue) for every stance cue in the sentence, negation applied."""
    low = sent.text.lower().replace("’", "'")
    out: list[tuple[Token, str, str]] = []
    covered: set[int] = set()
    for polarity, phrases in (("oppose", opp_p), ("support", sup_p)):
        for p in phrases:
            i = low.find(p)
            if i < 0:
                continue
            span = sent.doc.char_span(
                sent.start_char + i, sent.start_char + i + len(p), alignment_mode="expand"
            )
            if span is None or any(t.i in covered for t in span):
                continue
            covered.update(t.i for t in span)
            pol = polarity
            if p not in neg_p and _negated(span.root):
                pol = "oppose" if pol == "support" else "support"
            out.append((span.root, pol, p))
    for tok in sent:
        if tok.i in covered or tok.ent_type_ or tok.pos_ == "PROPN":
            # "United" in "United States" is a name, not a cue
            continue
        lemma = tok.lemma_.lower()
        pol = "support" if lemma in sup_l else "oppose" if lemma in opp_l else None
        if pol is None:
            continue
        if _negated(tok):
            pol = "oppose" if pol == "support" else "support"
        out.append((tok, pol, lemma))
    return out


def _combine(items: list[tuple[str, str]]) -> tuple[str, str]:
    sup = sum(1 for pol, _ in items if pol == "support")
    opp = len(items) - sup
    if sup and opp:
        stance = "mixed" if abs(sup - opp) <= 1 else ("support" if sup > opp else "oppose")
    else:
        stance = "support" if sup else "oppose"
    return stance, ", ".join(dict.fromkeys(cue for _, cue in items))


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    head = tok.head
    if (
        head.i != tok.i
        and any(c.dep_ == "neg" for c in head.children)
        and tok.dep_ in ("acomp", "xcomp", "dobj", "attr", "ccomp", "amod")
    ):
        return True
    return any(t.lower_ in NEG_WORDS for t in tok.doc[max(tok.sent.start, tok.i - 2) : tok.i])


def _keywords(sent: Span, chunks: list[Span], stop: frozenset[str]) -> list[str]:
    """Lowercase lemmas of content words, plus multiword terms from noun chunks."""
    out: dict[str, None] = {}
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") and not tok.is_stop and tok.is_alpha:
            lemma = tok.lemma_.lower()
            if lemma not in stop and len(lemma) > 2:
                out[lemma] = None
    for chunk in chunks:
        words = _chunk_words(chunk)
        words = [w for w in words if w not in stop]
        if len(words) >= 2:
            out[" ".join(words)] = None
            out[" ".join(words).replace("-", " ")] = None  # "open-door policy" ~ "open door policy"
            for a, b in itertools.pairwise(words):
                out[f"{a} {b}"] = None
        for w in words:
            if "-" in w:
                out[w] = None
                out[w.replace("-", " ")] = None
    return list(out)


def _chunk_words(chunk: Span) -> list[str]:
    words: list[str] = []
    glue = False
    for tok in chunk:
        if tok.dep_ in ("det", "poss", "case", "predet") or (tok.is_stop and tok.text != "-"):
            glue = False
            continue
        if (
            tok.text == "-"
            and words
            and not tok.whitespace_
            and tok.i > chunk.start
            and not chunk.doc[tok.i - 1].whitespace_
        ):
            words[-1] += "-"
            glue = True
            continue
        if not (tok.is_alpha or tok.like_num):
            glue = False
            continue
        w = tok.lemma_.lower() if tok.pos_ in ("NOUN", "VERB") else tok.lower_
        if glue and words:
            words[-1] += w
        else:
            words.append(w)
        glue = False
    return words
