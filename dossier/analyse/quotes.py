"""Direct, partial and reported quotes, each with its speaker (names, titles, pronouns, continuations)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from dossier.model.analysis import QuoteClaim

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult
from .speakers import SpeakerResolver, subject_of

_UNRESOLVED = "unresolved"  # an attributing verb's subject named someone no entity stands for
QUOTE_MARKS = '"“”„«»‟'
_TRIM = " \t\r\n,;:"


@dataclass
class RawQuote:
    open: int  # analysis offset of the opening mark
    close: int  # offset just past the closing mark (paragraph end when left open)
    start: int  # the quoted words, trimmed
    end: int
    para: int
    runs_on: bool  # left open at the paragraph's end: continues in the next paragraph


def find_quotes(text: str, para_starts: tuple[int, ...]) -> list[RawQuote]:
    """Pair quotation marks inside each paragraph (straight or curly, in order)."""
    out: list[RawQuote] = []
    for p, ps in enumerate(para_starts):
        pe = para_starts[p + 1] - 2 if p + 1 < len(para_starts) else len(text)
        marks = [i for i in range(ps, pe) if text[i] in QUOTE_MARKS]
        # a closing curly mark first in a paragraph cannot open
        while marks and text[marks[0]] == "”" and len(marks) % 2 == 1:
            marks = marks[1:]
        for k in range(0, len(marks), 2):
            o = marks[k]
            c = marks[k + 1] + 1 if k + 1 < len(marks) else pe
            s, e = o + 1, (c - 1 if k + 1 < len(marks) else c)
            while s < e and text[s] in _TRIM:
                s += 1
            while e > s and text[e - 1] in _TRIM:
                e -= 1
            if e - s < 2 or not any(ch.isalpha() for ch in text[s:e]):
                continue
            out.append(RawQuote(o, c, s, e, p, k + 1 >= len(marks)))
    return out


def extract_quotes(ctx: Ctx, ents: EntityResult) -> list[QuoteClaim]:
    return _Quotes(ctx, ents).run()


class _Quotes:
    def __init__(self, ctx: Ctx, ents: EntityResult) -> None:
        self.ctx = ctx
        self.doc = ctx.doc
        self.text = ctx.text
        self.rep = lx.reporting()
        self.speech = self.rep["speech"] | self.rep["naming"]
        self.resolver = SpeakerResolver(ctx, ents)
        self.raw = find_quotes(self.text, ctx.tmap.doc_starts)
        self.inside = [(q.open, q.close) for q in self.raw]
        self._opens = [o for o, _ in self.inside]
        self.resolver.quoted = self.inside

    def in_quote(self, tok: Token) -> bool:
        # quotes are in text order and do not overlap: one bisection, not a scan per token
        i = bisect_right(self._opens, tok.idx) - 1
        return i >= 0 and tok.idx < self.inside[i][1]

    def run(self) -> list[QuoteClaim]:
        claims: list[QuoteClaim] = []
        prev: tuple[RawQuote, str | None] | None = None
        # direct and partial quotes, with reported clauses interleaved in sentence order
        reported = self._reported()
        for q in self.raw:
            span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is None:
                continue
            sent = self.ctx.tok_sent[span.start]
            if sent < 0 or _is_label(span):
                continue
            key, how = self._attribute(q, span.start, span.end - 1)
            unresolved = how == _UNRESOLVED
            if unresolved:
                how = "none"  # someone named says it, whom the article does not let us resolve
            if (
                how == "none"
                and not unresolved
                and prev is not None
                and prev[1] is not None
                and self._continues(prev[0], q)
            ):
                key, how = prev[1], "continuation"
            fs, fe = self.ctx.file_span(q.start, q.end)
            claims.append(
                QuoteClaim(
                    speaker=key,
                    text=self.text[q.start : q.end],
                    start=fs,
                    end=fe,
                    sentence=sent,
                    attribution=how,
                    kind=self._kind(q),
                )
            )
            if key is not None:
                self.resolver.last_speaker = key
            prev = (q, key)
        claims.extend(reported)
        claims.sort(key=lambda c: (c.start, c.kind))
        return claims

    # ----------------------------------------------------------- attribution
    def _attribute(self, q: RawQuote, first_tok: int, last_tok: int) -> tuple[str | None, str]:
        s0 = self.ctx.tok_sent[first_tok]
        s1 = max(self.ctx.tok_sent[last_tok], s0)
        sents = list(range(s0, s1 + 1))
        # the sentence before, when the parser split the quote off it ('X called the talks |
        # "serious and deep."'): its verb is the quote's own
        if s0 > 0:
            prev = self.ctx.sents[s0 - 1]
            if (
                q.open - prev.end_char <= 2
                and prev.text.rstrip()[-1:] not in (".", "!", "?", '"', "”")
                and self.ctx.sents[s0].start_char >= q.open
                and self.ctx.sentences[s0 - 1].paragraph == self.ctx.sentences[s0].paragraph
            ):
                sents.insert(0, s0 - 1)
        # the sentence after, when it starts right after the closing mark ("..." he said.)
        if s1 + 1 < len(self.ctx.sents):
            nxt = self.ctx.sents[s1 + 1]
            if (
                nxt.start_char - q.close <= 2
                and self.ctx.sentences[s1 + 1].paragraph == self.ctx.sentences[s1].paragraph
            ):
                sents.append(s1 + 1)
        # A verb in the quote's own sentence speaks for it before one in the sentence after
        # ('X called it "unacceptable". Y rejected ...' is X's word, however near Y's verb).
        verbs: list[tuple[bool, int, Token]] = []
        for s in sents:
            for tok in self.ctx.sents[s]:
                if (
                    tok.pos_ in ("VERB", "AUX")
                    and tok.lemma_.lower() in self.speech
                    and not self.in_quote(tok)
                    and self._may_introduce(tok, first_tok)
                    and (s <= s1 or not _reports_own_words(tok))
                ):
                    dist = tok.idx - q.close if tok.idx >= q.close else q.open - tok.idx
                    verbs.append((s > s1, dist, tok))
                elif tok.lower_ == "according" and not self.in_quote(tok):
                    pobj = [t for t in tok.subtree if t.dep_ == "pobj"]
                    if pobj:
                        key, how = self.resolver.entity_of(pobj[0])
                        if key:
                            return key, how
        verbs.sort(key=lambda x: (x[0], x[1]))
        named_subject = False
        for _, _, verb in verbs:
            subj = subject_of(verb, tok_ent=self.ctx.tok_ent)
            if subj is None:
                # inverted "said Jane Doe": a name right after the verb
                nxt = verb.nbor(1) if verb.i + 1 < len(self.doc) else None
                if nxt is not None and self.ctx.tok_ent.get(nxt.i):
                    subj = nxt
            if subj is None or self.in_quote(subj):
                continue
            key, how = self.resolver.entity_of(subj, exclude=(q.open, q.close))
            if key is not None:
                return key, how
            if verb.i < first_tok or verb.i > last_tok:
                # "The Peruvian minister said ..." with no such minister found: not the last speaker
                named_subject = named_subject or subj.pos_ in ("NOUN", "PROPN")
        return None, _UNRESOLVED if named_subject else "none"

    def _may_introduce(self, verb: Token, first_tok: int) -> bool:
        """A naming verb ("called it", "accused them of") names only words that follow it: in
        'X said Y had arrived "in good faith" and accused Z of ...' the quote is not the charge."""
        lemma = verb.lemma_.lower()
        if lemma in self.rep["speech"] or lemma not in self.rep["naming"]:
            return True
        return first_tok > verb.i

    def _continues(self, prev: RawQuote, q: RawQuote) -> bool:
        """An unattributed quote carries on the previous speaker's words: the same or the next paragraph."""
        if q.para == prev.para:
            return True
        return q.para == prev.para + 1 and (prev.runs_on or self._para_is_quote(q))

    def _para_is_quote(self, q: RawQuote) -> bool:
        ps = self.ctx.tmap.doc_starts[q.para]
        return self.text[ps : q.open].strip() == ""

    def _kind(self, q: RawQuote) -> str:
        first = self.text[q.start]
        before = self.text[max(0, q.open - 3) : q.open].strip()
        starts_clause = not before or before[-1] in ":.!?\n—–-" or self._para_is_quote(q)
        if first.islower() or (not starts_clause and not before.endswith(",")):
            return "partial"
        return "direct"

    # ------------------------------------------------------------- reported
    def _reported(self) -> list[QuoteClaim]:
        """ "X said (that) <clause>": the clause as reported speech, X as speaker."""
        out: list[QuoteClaim] = []
        for sent_i, sent in enumerate(self.ctx.sents):
            for tok in sent:
                if (
                    tok.pos_ != "VERB"
                    or tok.lemma_.lower() not in self.rep["speech"]
                    or self.in_quote(tok)
                ):
                    continue
                comps = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
                if not comps:
                    continue
                comp = comps[0]
                left = min(t.i for t in comp.subtree)
                right = max(t.i for t in comp.subtree)
                # drop a leading "that" and trailing punctuation
                while left <= right and (
                    (self.doc[left].lower_ == "that" and self.doc[left].dep_ == "mark")
                    or self.doc[left].is_punct
                ):
                    left += 1
                while right >= left and (self.doc[right].is_punct or self.doc[right].is_space):
                    right -= 1
                if right - left < 2:
                    continue
                start, end = self.doc[left].idx, self.doc[right].idx + len(self.doc[right].text)
                quoted = sum(max(0, min(end, c) - max(start, o)) for o, c in self.inside)
                if quoted > (end - start) / 2:
                    continue  # mostly a direct quote, already captured
                subj = subject_of(tok, tok_ent=self.ctx.tok_ent)
                if subj is None or self.in_quote(subj):
                    continue
                key, how = self.resolver.entity_of(subj)
                if key is None:
                    continue
                fs, fe = self.ctx.file_span(start, end)
                out.append(
                    QuoteClaim(
                        speaker=key,
                        text=self.text[start:end],
                        start=fs,
                        end=fe,
                        sentence=sent_i,
                        attribution=how if how != "none" else "explicit",
                        kind="reported",
                    )
                )
        return out


def _reports_own_words(verb: Token) -> bool:
    """'"...," Y said.' attributes the quote before it; '"..." Y said he would consider it.'
    reports words of Y's own, in a clause of its own: it names no speaker for the quote."""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


# A few quoted words that are only a noun phrase are a label the writer holds at arm's length
# ("security guarantees"); with a verb, adjective, adverb or preposition they are somebody's
# words ("deeply disappointing", "stands ready", "without exception").
_LABEL_POS = frozenset(["NOUN", "PROPN", "DET", "NUM", "PRON"])
_LABEL_MAX_WORDS = 2


def _is_label(span: Span) -> bool:
    """Scare quotes: at most two words, all of a noun phrase."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    return len(words) <= _LABEL_MAX_WORDS and all(t.pos_ in _LABEL_POS for t in words)
