"""Stance cues per sentence: who supports or opposes, with the sentence's keywords for resolve's issues."""

from __future__ import annotations

import itertools
from functools import cache

from spacy.tokens import Span, Token

from dossier.model.analysis import QuoteClaim, StanceClaim

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult
from .speakers import SpeakerResolver, subject_of

NEG_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
PARTY_PRONOUNS = frozenset({"us", "them", "him", "her", "it"})
# Holders per sentence: "A and B agreed" and "X said Y would not accept" name two or three.
MAX_HOLDERS = 3
MAX_SPONSORS = 12  # holders when a text's sponsors are listed one by one: a bound, not a rule


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
        if not found and not any(owner.sponsors(t) for t in sent):
            continue
        by_holder: dict[str, list[tuple[str, str]]] = {}
        for tok, pol, cue in found:
            for key in owner.holders(tok, si):
                by_holder.setdefault(key, []).append((pol, cue))
        holders = list(by_holder)[:MAX_HOLDERS]
        # A text's sponsors are named one by one ("written by A, B and C and backed by D"):
        # each is a holder, beyond the cap on holders that cues merely mention.
        for tok in sent:
            for key in owner.sponsors(tok):
                if key not in by_holder and len(holders) < MAX_SPONSORS:
                    holders.append(key)
                by_holder.setdefault(key, []).append(("support", tok.lemma_.lower()))
        if not by_holder:
            continue
        keywords = _keywords(sent, ctx.chunks(si), stop)
        for h, items in [(h, by_holder[h]) for h in holders]:
            stance, cue = _combine(items)
            out.append(
                StanceClaim(holder=h, stance=stance, keywords=keywords, sentence=si, cue=cue)
            )
    return out


class _CueOwner:
    """Who expresses a cue token: a quote's speaker, the speaker of the reported speech it
    stands in, else the subject of its own clause; never a name inside another phrase
    ("the Chilean pipeline poses a risk" is nobody's stance)."""

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
        self.attitude_verbs = frozenset(lx.stance_cues().get("attitude_verbs") or [])
        book = lx.stance_cues().get("sponsorship") or {}
        self.sponsor_verbs = frozenset(book.get("verbs") or [])
        self.sponsor_particles: dict[str, str] = dict(book.get("particles") or {})
        self.documents = frozenset(book.get("documents") or [])

    def sponsors(self, tok: Token) -> list[str]:
        """The named agents of a passive verb that says who wrote or backs a text ("the
        motion, written by A and B", "the text was tabled by C"): each backs the text."""
        if tok.tag_ != "VBN":
            return []
        lemma = tok.lemma_.lower()
        particle = self.sponsor_particles.get(lemma)
        if lemma not in self.sponsor_verbs and not (
            particle
            and any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in tok.children)
        ):
            return []
        top = tok
        while top.dep_ == "conj" and top.head.tag_ == "VBN":
            top = top.head  # "written by A and backed by B": B's participle hangs on A's
        described = [top.head] if top.dep_ == "acl" else []
        described += [c for c in top.children if c.dep_ == "nsubjpass"]
        if not any(d.lemma_.lower() in self.documents for d in described):
            return []
        out: list[str] = []
        for c in tok.children:
            if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                for pobj in (p for p in c.children if p.dep_ == "pobj"):
                    for t in (pobj, *pobj.conjuncts):
                        key = self._strict(t)
                        if key is not None and key not in out:
                            out.append(key)
        return out

    @staticmethod
    def _attitudes() -> frozenset[str]:
        # verbs that are cues themselves ("agree", "deny"): not a frame of reported speech
        c = lx.stance_cues()
        return frozenset(c["support"]["lemmas"]) | frozenset(c["oppose"]["lemmas"])

    def holders(self, tok: Token, si: int) -> list[str]:
        """Everyone the cue speaks for: its owner (`of`), the other subjects conjoined with
        the owner ("Chile and Peru agreed"), and the named subject of a reported clause
        ("the minister said Lima would not accept": the minister and his state both)."""
        first = self.of(tok, si)
        if first is None:
            return []
        out = [first]
        if tok.pos_ == "NOUN" or tok.dep_ in ("amod", "acl") or self._in_quote(tok):
            return out  # a noun's or a description's owner is one entity, named in its phrase
        if tok.lemma_.lower() in _words("joint_acts") and not _negated(tok):
            for key in self._partners(tok):
                if key not in out:
                    out.append(key)
        pred = self._predicate(tok)
        if pred is None:
            return out
        subj = self._subject_token(pred)
        if subj is not None and subj.lower_ not in self.resolver.prons:
            for t in (subj, *subj.conjuncts):
                key = self._strict(t)
                if key is not None and key not in out:
                    out.append(key)
        return out

    def _partners(self, agree: Token) -> list[str]:
        """Who an agreed act is done with ("X agreed to set up a hotline with Y"): an act done
        together is agreed by both sides."""
        out: list[str] = []
        acts = [c for c in agree.children if c.dep_ == "xcomp"]
        acts += [c for a in acts for c in a.conjuncts]
        for act in acts:
            for prep in (t for t in act.subtree if t.dep_ == "prep" and t.lower_ == "with"):
                if prep.head.i != act.i and prep.head.head.i != act.i:
                    continue  # "with" on the act or its object, not deeper in a clause
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    for t in (pobj, *pobj.conjuncts):
                        key = self._strict(t)
                        if key is not None and key not in out:
                            out.append(key)
        return out

    def _in_quote(self, tok: Token) -> bool:
        at = self.ctx.tmap.start(tok.idx)
        return any(start <= at < end for start, end, _ in self.quotes)

    @staticmethod
    def _subject_token(pred: Token) -> Token | None:
        """The active subject of the cue's own clause, climbing shared subjects as `_own_subject`."""
        for _ in range(6):
            if pred.dep_ == "acl" and pred.tag_ == "VBN":
                return None
            subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj if subj.dep_ == "nsubj" else None
            head = pred.head
            if head.i == pred.i or pred.dep_ not in ("xcomp", "conj", "advcl"):
                return None
            pred = head if head.pos_ in ("VERB", "AUX") else None
            if pred is None:
                return None
        return None

    def of(self, tok: Token, si: int) -> str | None:
        at = self.ctx.tmap.start(tok.idx)
        for start, end, speaker in self.quotes:
            if start <= at < end:
                return self._named_in_quote(tok) or speaker
        if tok.pos_ == "NOUN":
            # "the chief worry of the fleet owners", "Peru's refusal": the noun's owner
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
        own = self._prepositional_subject(pred)
        if own is not None:
            return own
        speaker = self._reporter(pred)
        if speaker is not False:
            return speaker  # a key, or None inside a demand's content
        return self._own_subject(pred)

    def _named_in_quote(self, tok: Token) -> str | None:
        """A quoted verb cue whose subject names another party ("Peru wants the treaty
        first," he said) tells that party's stance as the speaker reports it, not the
        speaker's own."""
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.attitude_verbs:
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in self.resolver.prons:
            return None
        return self._strict(subj)

    def _prepositional_subject(self, pred: Token) -> str | None:
        """The named subject of a clause under a preposition ("talks ended with Peru
        declining to ...", "after Santiago rejected ..."): the writer's description of that party,
        not part of what a reporter around it said."""
        if pred.dep_ != "pcomp":
            return None
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in self.resolver.prons:
            return None
        return self._strict(subj)

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
                return inner  # "Lima would not allow it, he said"
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
        if pol is None or (lemma in _words("demanding") and _asks_a_party(tok)):
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


@cache
def _words(key: str) -> frozenset[str]:
    """A word list of stance_cues.yaml, read once."""
    return frozenset(lx.stance_cues().get(key) or [])


def _asks_a_party(tok: Token) -> bool:
    """ "wants NATO to agree ...": what a party is asked to do is a demand (demands.py), not a
    stance; "wants the treaty to come first" is a stance on the treaty."""
    for c in tok.children:
        if c.dep_ == "dobj" or c.dep_ in ("ccomp", "xcomp"):
            for t in (c, *(g for g in c.children if g.dep_ in ("nsubj", "dobj"))):
                if t.pos_ == "PROPN" or t.ent_type_ or t.lower_ in PARTY_PRONOUNS:
                    return True
    return False


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
    before = tok.doc[max(tok.sent.start, tok.i - 3) : tok.i]
    if any(t.lower_ in NEG_WORDS for t in before[-2:]):
        return True
    # "chose to wait instead of to sue": the alternative turned down, not a stance
    low = " ".join(t.lower_ for t in before)
    return any(alt in low for alt in _words("alternatives"))


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
