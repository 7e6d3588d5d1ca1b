"""Short references: "the duties" after "export duties", "the code" after "code of conduct",
spelt out in full so they count for the issue the article has just named."""

from __future__ import annotations

from functools import cache

from dossier import lexicons
from dossier.resolve.issues import BOUNDARY, COMMA, FrameMatcher
from dossier.resolve.lexicon import keyword_stopwords
from dossier.resolve.polarity import find_cues
from dossier.resolve.text import STOPWORDS, fold, stem

# Words that introduce a noun phrase: a keyword's head after one of them, a few words on at
# most, refers back to the keyword the article last named in full.
REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their", "such", "a", "an"})
# tokens from the determiner to the head ("a 'binding and enforceable' quota")
REFER_REACH = 4
# object pronouns that, right after a cue and closing the clause, name the issue just named
_PRONOUNS = frozenset({"it", "this", "that"})


def keyword_head(toks: tuple[str, ...]) -> str:
    """The noun a multiword keyword is about: before its "of" ("code of conduct"), else its last
    word ("export duties", "prisoner exchange")."""
    if "of" in toks[1:]:
        return toks[toks.index("of", 1) - 1]
    return toks[-1]


@cache
def _document_words() -> tuple[frozenset[str], ...]:
    """(kinds of text, bare references to one) from contested.yaml, stemmed."""
    data = lexicons.load("contested")
    return tuple(frozenset(stem(fold(w)) for w in data[k]) for k in ("documents", "document_refs"))


def _ends_phrase(toks: list[str], i: int) -> bool:
    nxt = toks[i + 1] if i + 1 < len(toks) else BOUNDARY
    return nxt in (BOUNDARY, COMMA) or nxt in STOPWORDS or nxt.endswith("ed")


@cache
def _general_nouns() -> frozenset[str]:
    return frozenset(stem(w) for w in keyword_stopwords())


# Nouns for something asked or offered: after a comma ("allow X again, a request Y dismissed")
# one stands for what the clause before it asked for.
_ASKED = frozenset(stem(w) for w in ("request", "demand", "call", "proposal", "offer", "plea"))


def _appositive(toks: list[str], i: int, hits: list) -> list[str] | None:
    """The keyword an asking noun in apposition refers to ("X, a request ..."): the last one its
    clause named before the comma, else None."""
    if toks[i] not in _ASKED or i < 2 or toks[i - 1] not in ("a", "the", "this", "that"):
        return None
    if toks[i - 2] != COMMA:
        return None
    before = [h for h in hits if h.end <= i - 2]
    if not before or BOUNDARY in toks[before[-1].end : i - 2]:
        return None
    return toks[before[-1].start : before[-1].end]


class References:
    """Reads one article's sentences in order and spells short references out in full, so
    "the duties" counts for the export duties the article has just named, not for import
    tariffs; a bare word that is a keyword itself ("duties") must follow its determiner."""

    def __init__(self, matcher: FrameMatcher) -> None:
        self.matcher = matcher
        self.heads: dict[str, tuple[str, ...]] = {}
        self.last: tuple[str, ...] | None = None  # the keyword the sentence before named last

    def learn(self, toks: list[str]) -> None:
        documents, refs = _document_words()
        spans = self.matcher.spans(toks)
        self.last = tuple(toks[spans[-1].start : spans[-1].end]) if spans else None
        for h in spans:
            kw = tuple(toks[h.start : h.end])
            if kw[-1] in documents:
                # "the text", "the draft" after "the resolution": the text last named.
                self.heads.update(dict.fromkeys(refs, kw))
            # Only a plain noun phrase: "join the alliance", "right to decide", "space and cyber
            # threats" do not come back as "the alliance", "the decide", "a threat".
            if len(kw) < 2 or any(t in STOPWORDS and t != "of" for t in kw):
                continue
            head = keyword_head(kw)
            # A general noun ("the meeting" after "future meetings") names no issue by itself.
            if head not in STOPWORDS and head not in _general_nouns() and len(head) > 2:
                self.heads[head] = kw

    def expand(self, toks: list[str]) -> list[str]:
        """`toks` with each short reference replaced by its keyword's tokens."""
        hits = self.matcher.spans(toks)
        if not hits and self.last and _PRONOUNS & set(toks):
            toks = self._pronoun_objects(toks)
            hits = self.matcher.spans(toks)
        if not self.heads and not _ASKED & set(toks):
            return toks
        long = {i for h in hits if h.end - h.start >= 2 for i in range(h.start, h.end)}
        # A head inside a cue ("poses a threat") is the cue's, not a reference.
        long |= {i for c in find_cues(toks) for i in range(c.start, c.end)}
        single = {h.start for h in hits if h.end - h.start == 1}
        out: list[str] = []
        for i, t in enumerate(toks):
            named = _appositive(toks, i, hits)
            if named is not None:
                out.extend(named)
                continue
            full = self.heads.get(t)
            if t in _document_words()[1] and not _ends_phrase(toks, i):
                full = None  # "a draft agreement" is no reference to a resolution
            if full is None or i in long or not self._referred(toks, i, single):
                out.append(t)
            else:
                out.extend(full)
        return out

    def _pronoun_objects(self, toks: list[str]) -> list[str]:
        """ "Chile pushed for a tariff. Peru blocked it.": a pronoun right after a cue, in a
        sentence that names no issue, is the keyword the sentence before named last."""
        after_cue = {c.end for c in find_cues(toks)}
        out: list[str] = []
        for i, t in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else BOUNDARY
            # the cue's object and the clause's end: not "agree that it is only ..."
            if t in _PRONOUNS and i in after_cue and nxt in (BOUNDARY, COMMA) and self.last:
                out.extend(self.last)
            else:
                out.append(t)
        return out

    def _referred(self, toks: list[str], i: int, single: set[int]) -> bool:
        full = self.heads[toks[i]]
        # A keyword whose head has a modifier of its own ("binding agreement") is not what a
        # differently modified head names ("a final agreement"): only "the agreement" refers.
        modified = toks[i] in full and full.index(toks[i]) > 0
        for j in range(i - 1, max(-1, i - 1 - REFER_REACH), -1):
            if toks[j] in REFERRING:
                return j == i - 1 or (i not in single and not modified)
            if toks[j] in (BOUNDARY, COMMA) or j in single:
                return False
        return False
