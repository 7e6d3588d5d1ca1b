"""The per-article working state shared by the extractors: the Doc, its sentences and the offset map."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dossier.model.analysis import Sentence
from dossier.model.article import Article

from .text import TextMap


@dataclass
class Ctx:
    article: Article
    doc: Doc
    tmap: TextMap
    sents: list[Span] = field(default_factory=list)  # kept spaCy sentences, trimmed
    sentences: list[Sentence] = field(default_factory=list)
    tok_sent: list[int] = field(default_factory=list)  # token index -> sentence index, -1 if none
    # token index -> entity key, filled by the entity stage, used by quotes/demands/stances
    tok_ent: dict[int, str] = field(default_factory=dict)
    _chunks: list[list[Span]] | None = None
    _ents: list[list[Span]] | None = None

    @property
    def text(self) -> str:
        """The analysis text (what `doc` parsed): a plain string, where `doc.text` is rebuilt
        from the tokens on every access."""
        return self.tmap.text

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        """File offsets of analysis-text offsets [start, end)."""
        return self.tmap.start(start), self.tmap.end(end)

    def sent_of(self, token: Token) -> int:
        return self.tok_sent[token.i]

    def chunks(self, sent: int) -> list[Span]:
        """Noun chunks of one sentence (computed once per doc: Span.noun_chunks rescans the doc)."""
        if self._chunks is None:
            self._chunks = self._bucket(
                self.doc.noun_chunks if self.doc.has_annotation("DEP") else []
            )
        return self._chunks[sent]

    def ents(self, sent: int) -> list[Span]:
        """Named entities of one sentence (Span.ents rescans the doc)."""
        if self._ents is None:
            self._ents = self._bucket(self.doc.ents)
        return self._ents[sent]

    def _bucket(self, spans) -> list[list[Span]]:
        out: list[list[Span]] = [[] for _ in self.sents]
        for span in spans:
            s = self.tok_sent[span.start]
            if s >= 0 and span.end <= self.sents[s].end:
                out[s].append(span)
        return out


def build_ctx(article: Article, doc: Doc, tmap: TextMap) -> Ctx:
    """Sentences in document order, trimmed of surrounding whitespace, each within one paragraph."""
    ctx = Ctx(article, doc, tmap, tok_sent=[-1] * len(doc))
    text = tmap.text
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        span = doc[toks[0].i : toks[-1].i + 1]
        start, end = span.start_char, span.end_char
        fstart, fend = ctx.file_span(start, end)
        para = tmap.para_ids[tmap.paragraph(start)] if tmap.para_ids else 0
        idx = len(ctx.sents)
        ctx.sents.append(span)
        ctx.sentences.append(
            Sentence(
                start=fstart, end=fend, text=text[start:end], anchor=f"s{idx + 1}", paragraph=para
            )
        )
        for t in range(span.start, span.end):
            ctx.tok_sent[t] = idx
    return ctx
