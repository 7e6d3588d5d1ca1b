"""Whether a demand was accepted or turned down: refusals in its own sentence, in a later reference, or by its owner."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from dossier.model.analysis import DemandClaim

from .context import Ctx
from .entities import EntityResult

REF_WINDOW = 4  # sentences back a "the demand" or a refusal may point


class Status:
    """Status rules for one article's demands, from the lexicon's rejection and acceptance cues."""

    def __init__(self, ctx: Ctx, ents: EntityResult, cues: dict) -> None:
        self.ctx = ctx
        self.by_key = {e.key: e for e in ents.entities}
        rej = cues["rejection"]
        self.rej_lemmas = frozenset(rej["lemmas"])
        self.rej_phrases = tuple(p.lower() for p in rej["phrases"])
        self.acc_lemmas = frozenset(cues["acceptance"]["lemmas"])
        self.undertakings = frozenset(cues["acceptance"].get("undertakings") or ())
        # the content span of each claim, by the claim's id(): what the demand asks done
        self.contents: dict[int, Span] = {}
        # references that accept a demand without restating it: (sentence, owner key | None)
        self.accepts: list[tuple[int, str | None]] = []

    def accepted(self, noun: Token) -> bool:
        """ "both sides had accepted a request from the tribunal to ..."""
        head = noun.head
        return (
            noun.dep_ == "dobj"
            and head.lemma_.lower() in self.acc_lemmas
            and not any(c.dep_ == "neg" for c in head.children)
        )

    def verdict(self, noun: Token) -> str | None:
        """ "a request X dismissed as non-negotiable", "a demand X accepted": what the words
        hung on a demand noun say became of it."""
        words = list(noun.subtree)
        low = " ".join(t.lower_ for t in words).replace(" - ", "-")
        if any(p in low for p in self.rej_phrases) or any(
            t.lemma_.lower() in self.rej_lemmas and t.pos_ == "VERB" for t in words
        ):
            return "rejected"
        if any(
            t.lemma_.lower() in self.acc_lemmas
            and t.pos_ == "VERB"
            and not any(c.dep_ == "neg" for c in t.children)
            for t in words
        ):
            return "accepted"
        return None

    def settle(self, claims: list[DemandClaim], refs: list[tuple[int, str | None]]) -> None:
        """Mark `claims` rejected where the article reports a refusal; `refs` are references to
        demands without content ("the demand"), as (sentence, owner key or None)."""
        for si, owner in self.accepts:
            # "Both sides accepted the request": the owner's latest demand, or else the
            # demand just reported, a few sentences back at most
            before = [
                c
                for c in claims
                if si - REF_WINDOW <= c.sentence <= si and (owner is None or c.by == owner)
            ]
            if before and before[-1].status == "open" and not self._rejects(si):
                before[-1].status = "accepted"
        self._accepted_by_addressee(claims)
        rejected_by: set[str] = set()
        for si, owner in refs:
            if self._rejects(si) and owner:
                rejected_by.add(owner)
                rejected_by.update(self._related(owner))
        ref_sents = {si for si, _ in refs}
        for si, owner in refs:
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
        self._refused_by_addressee(claims)
        self._met_by_undertaking(claims)

    def _refused_by_addressee(self, claims: list[DemandClaim]) -> None:
        """ "Chile pressed Peru to close the mine. Peru refused.": an addressee
        refusing with nothing else named, in the next sentence, turns the demand down."""
        for c in claims:
            if c.status != "open" or not c.of or c.sentence + 1 >= len(self.ctx.sents):
                continue
            for tok in self.ctx.sents[c.sentence + 1]:
                if (
                    tok.lemma_.lower() in self.rej_lemmas
                    and tok.pos_ == "VERB"
                    and not any(ch.dep_ in ("dobj", "xcomp", "ccomp", "neg") for ch in tok.children)
                    and self._subject_key(tok) in c.of
                ):
                    c.status = "rejected"

    def _met_by_undertaking(self, claims: list[DemandClaim]) -> None:
        """ "Peru agreed on Monday to release the prisoners ... Chile has demanded their release":
        an addressee undertaking to do what an open demand on it asks (the same act, or the same
        thing acted on) meets that demand, wherever the article says so."""
        open_claims = [c for c in claims if c.status == "open" and c.of and id(c) in self.contents]
        if not open_claims:
            return
        for sent in self.ctx.sents:
            for tok in sent:
                if tok.lemma_.lower() not in self.undertakings or tok.pos_ != "VERB":
                    continue
                if any(ch.dep_ == "neg" for ch in tok.children):
                    continue
                who = self._subject_key(tok)
                acts = [ch for ch in tok.children if ch.dep_ == "xcomp"]
                acts += [c for a in acts for c in a.children if c.dep_ == "conj"]
                for c in open_claims:
                    if who in c.of and any(
                        _same_act(_act(self.contents[id(c)].root), _act(a)) for a in acts
                    ):
                        c.status = "accepted"

    def _accepted_by_addressee(self, claims: list[DemandClaim]) -> None:
        """ "asked Lima to receive a team ..., and Peru had agreed": an addressee accepting
        with nothing else accepted, in the demand's sentence or the next one."""
        for c in claims:
            if c.status != "open" or not c.of:
                continue
            for si in (c.sentence, c.sentence + 1):
                if si >= len(self.ctx.sents) or self._rejects(si):
                    continue
                for tok in self.ctx.sents[si]:
                    if (
                        tok.lemma_.lower() in self.acc_lemmas | {"agree"}
                        and tok.pos_ == "VERB"
                        and not any(
                            ch.dep_ in ("dobj", "xcomp", "ccomp", "neg") for ch in tok.children
                        )
                        and self._subject_key(tok) in c.of
                    ):
                        c.status = "accepted"

    def _subject_key(self, verb: Token) -> str | None:
        subj = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
        return self.ctx.tok_ent.get(subj.i) if subj is not None else None

    def _rejects(self, si: int) -> bool:
        sent = self.ctx.sents[si]
        low = sent.text.lower().replace("’", "'")
        if any(p in low for p in self.rej_phrases):
            return True
        return any(t.lemma_.lower() in self.rej_lemmas and t.pos_ in ("VERB", "NOUN") for t in sent)

    def _rejected_by_content(self, claims: list[DemandClaim], ref_sents: set[int]) -> None:
        """ "X wants Peru to cut its levies. Peru would not accept any cut":
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
                # "Access to those mines is out of the question": a refusal by phrase says what
                # it refuses in its subject
                objects = {
                    t.lemma_.lower()
                    for tok in sent
                    if tok.dep_ in ("nsubj", "nsubjpass")
                    for t in tok.subtree
                    if t.is_alpha and not t.is_stop and t.pos_ in ("NOUN", "PROPN")
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


def _act(head: Token) -> tuple[str, frozenset[str]]:
    """An act as (its head word, what it is done to): "release the sailors" -> (release,
    {sailor}); "access to the ledgers" -> (access, {ledger}); "their release" -> (release, {})."""
    objects = {c for c in head.children if c.dep_ in ("dobj", "attr")}
    if head.pos_ == "NOUN":
        objects |= {
            p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        }
    return head.lemma_.lower(), frozenset(o.lemma_.lower() for o in objects)


def _same_act(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]]) -> bool:
    """One act: done to the same thing, or the same act with nothing to tell them apart."""
    if a[1] & b[1]:
        return True
    return a[0] == b[0] and not (a[1] and b[1])
