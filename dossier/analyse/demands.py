"""Demands per sentence: who asks what of whom, found from demand verbs and nouns."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.model.analysis import DemandClaim, QuoteClaim

from . import lexicon as lx
from .context import Ctx
from .demand_content import (
    cut,
    done_clause,
    from_to,
    infinitive,
    is_question,
    noun_infinitive,
    subtree,
)
from .demand_parties import Parties
from .demand_status import Status
from .entities import EntityResult
from .speakers import subject_of


def extract_demands(ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> list[DemandClaim]:
    """One claim per demand verb or noun with content, in text order; statuses settled last."""
    return _Demands(ctx, ents, quotes).run()


class _Demands:
    def __init__(self, ctx: Ctx, ents: EntityResult, quotes: list[QuoteClaim]) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        cues = lx.demand_cues()
        self.verbs: dict[str, list[str]] = cues["verbs"]
        self.particles: dict[str, list[str]] = cues["particles"]
        self.nouns = frozenset(cues["nouns"])
        self.modal_that = frozenset(cues.get("that_needs_modal") or [])
        self.governments = frozenset(cues.get("government_words") or [])
        self.parties = Parties(ctx, ents, quotes, cues)
        self.status = Status(ctx, ents, cues)
        # references to demands without content, for status: (sentence, owner key | None)
        self.refs: list[tuple[int, str | None]] = []
        # the claims found so far, by the token index of their cue
        self.by_cue: dict[int, DemandClaim] = {}

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
                    self.by_cue[tok.i] = claim
        self.status.settle(out, self.refs)
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
        by = self.parties.entity(subj_tok)
        if by is None and subj_tok is not None and subj_tok.lower_ in ("we", "i"):
            by = self.parties.quoted_by(verb)  # "We ask China to ...": the quote's speaker
        addressee: list[str] = []
        content: Span | None = None
        # "call on Y to X", "urge Y to X", "want Y to X", "ask Y to X"
        inf = infinitive(verb) if "object_to" in self.verbs[lemma] else None
        if inf is not None:
            subj = next((c for c in inf.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                addressee += self.parties.entities_in(subj)
            content = from_to(inf)
        objs = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if particle is not None:
            objs += [c for c in particle.children if c.dep_ == "pobj"]
        if particle is not None and particle.lower_ == "for" and content is None and objs:
            content = subtree(objs[-1])
            objs = []
        for o in objs:
            if not addressee:
                addressee += self.parties.entities_in(o)
            if not addressee:
                addressee += self.parties.government(o, by, self.governments)
        done = None
        if content is None and "object_done" in self.verbs[lemma]:
            done = done_clause(verb)
            content = done
        that_clause = False
        if content is None:
            # "demand that Y <clause>" / "insist that ..."
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if (
                comp is not None
                and "that" in self.verbs[lemma]
                and not is_question(comp)
                and (
                    lemma not in self.modal_that
                    or any(t.lower_ in ("must", "should") for t in comp.subtree)
                )
            ):
                subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    addressee += self.parties.entities_in(subj)
                content = subtree(comp, drop_mark=True)
                that_clause = any(c.lower_ == "that" and c.dep_ == "mark" for c in comp.children)
                # The clause's first word after its article ("the government table ...", which
                # the parse may read as a noun phrase with no subject).
                lead = next((t for t in content if t.dep_ != "det"), None)
                if not addressee and lead is not None and lead.lemma_.lower() in self.governments:
                    # "demanded that the government table its agreement with X in parliament":
                    # the state the clause names, not the bodies the act involves
                    addressee = [
                        k for k in self.parties.keys_in(content) if self.parties.is_state(k)
                    ]
                if not addressee:
                    # "insisted that any truce must include the withdrawal of the
                    # gangs that Lima accuses Quito of funding": the bodies named
                    addressee = [k for k in self.parties.keys_in(content) if k != by]
            elif (
                "object" in self.verbs[lemma]
                and objs
                and lemma not in ("want", "ask", "tell", "call")
            ):
                content = subtree(objs[0])
                addressee = self.parties.from_of(verb)
        if content is None or len(content) < 2:
            return None
        if (
            lemma in ("want", "ask", "tell", "order", "expect")
            and not addressee
            and not (inf is not None and any(self.parties.plural_parties(o) for o in objs))
            and not (by is not None and (done is not None or that_clause))
        ):
            # a wish or a question, not a demand on someone; but "X wants Y done" and "X asked
            # that Y be done" ask it of whoever can do it, named or not
            return None
        if by is None and lemma == "want":
            return None
        own = {by} | self.parties.own(by)
        addressee = [k for k in dict.fromkeys(addressee) if k not in own]
        if self.parties.only_courts(addressee):
            return None  # a plea in a case, not a demand on a party
        return self._claim(by, addressee or self.parties.other_party(by), content, si, verb.text)

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
                by = self.parties.entity(c)
            elif c.dep_ in ("amod", "compound") and by is None:
                # "the Peruvian demand": a demonym owns it
                by = self.parties.entity(c) or self.parties.demonym_state(c)
            elif c.dep_ == "prep" and c.lower_ in ("from", "by"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    by = self.parties.entity(pobj)
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
                by = self.parties.entity(subject_of(gov, tok_ent=self.ctx.tok_ent))
        content: Span | None = None
        addressee: list[str] = []
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                pobj = next((p for p in c.children if p.dep_ in ("pobj", "pcomp")), None)
                inf = noun_infinitive(noun)
                if (
                    pobj is not None
                    and inf is not None
                    and inf.left_edge.i == pobj.right_edge.i + 1
                    and self.parties.entity(pobj) is not None
                ):
                    # "a call for Y and Z to fund X": Y and Z are asked, X is what
                    addressee += self.parties.entities_in(pobj)
                    content = from_to(inf)
                elif pobj is not None:
                    content = subtree(pobj)
                    # "demands for assurances, including on Chile's fishing quotas"
                    right = max(t.i for t in noun.subtree)
                    content = cut(self.doc[content.start : max(content.end, right + 1)])
            elif c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.lower_ == "that" and m.dep_ == "mark" for m in c.children
            ):
                subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.pos_ == "PRON":
                    # "X dismissed a call by Y that it ...": "it" is whoever answers
                    addressee += self.parties.refuser(noun)
                if subj is not None and not addressee:
                    addressee += self.parties.entities_in(subj)
                content = subtree(c, drop_mark=True)
        if content is None:
            inf = noun_infinitive(noun)
            if inf is not None:
                subj = next((c for c in inf.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    addressee += self.parties.entities_in(subj)
                content = from_to(inf)
        if content is None and noun.dep_ == "appos" and noun.head.i in self.by_cue:
            # "Y's demand that X ..., a request X dismissed": the demand itself, renamed
            verdict = self.status.verdict(noun)
            if verdict:
                self.by_cue[noun.head.i].status = verdict
            return None
        if content is None or len(content) < 1:
            self.refs.append((si, by))
            if self.status.accepted(noun):
                self.status.accepts.append((si, by))  # "Both sides accepted the request"
            return None
        accepted = self.status.accepted(noun)
        if not addressee:
            addressee = self.parties.refuser(noun)
        if not addressee:
            addressee = [k for k in self.parties.keys_in(content) if k != by]
        addressee = [k for k in dict.fromkeys(addressee) if k != by]
        claim = self._claim(by, addressee or self.parties.other_party(by), content, si, noun.text)
        if accepted:
            claim.status = "accepted"
        return claim

    def _claim(
        self, by: str | None, of: list[str], content: Span, si: int, cue: str
    ) -> DemandClaim:
        claim = DemandClaim(by=by, of=of, text=content.text, sentence=si, status="open", cue=cue)
        self.status.contents[id(claim)] = content
        return claim
