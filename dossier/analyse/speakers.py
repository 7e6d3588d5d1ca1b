"""Who a clause is attributed to: the subject of a verb, resolved to an entity key (pronouns too)."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dossier.model.analysis import Mention

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult

SUBJ = ("nsubj", "nsubjpass")
LOOKBACK_SENTENCES = 3


def subject_of(verb: Token, depth: int = 0, tok_ent: dict[int, str] | None = None) -> Token | None:
    """The subject of `verb`, climbing through clauses that share it ("While noting ..., X said").

    When the parse gives none, a known entity right before the verb ("... Jane Doe
    reiterated") is taken (pass `tok_ent`).
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJ]
    if len(subjects) > 1:
        # a misparse gives two ("Addressing lawmakers, X said": "lawmakers" too); a known
        # entity before any other word, then one before the verb, nearest first
        subjects.sort(
            key=lambda c: (not (tok_ent and c.i in tok_ent), c.i > verb.i, abs(verb.i - c.i))
        )
    for child in subjects:
        if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return verb.head
        return child
    if verb.dep_ == "acl":
        named = _name_set_off(verb)
        if named is not None:
            return named
    if verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.pos_ in ("NOUN", "PROPN"):
        # a finite verb the parser hung on the subject's appositive phrase ("The AU's envoy,
        # Ana Ruiz, called on ..."): a participle would be VBN, so this is the predicate
        return verb.head
    if (
        depth < 3
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    ):
        # ", accusing X of ...": a trailing participle is the main clause's subject's, however
        # the parse hung it on a clause in between ("... a reef Y claims as its own, accusing")
        root = verb.sent.root
        if root.i != verb.i:
            found = subject_of(root, depth + 1, tok_ent)
            if found is not None:
                return found
    if (
        depth < 3
        and verb.dep_ in ("advcl", "conj", "xcomp", "ccomp", "pcomp", "relcl")
        and verb.head.i != verb.i
    ):
        if verb.dep_ == "relcl":
            return verb.head
        found = subject_of(verb.head, depth + 1, tok_ent)
        if found is not None:
            return found
    if tok_ent is not None and verb.i > 0 and (verb.i - 1) in tok_ent:
        return verb.doc[verb.i - 1]
    return None


def _name_set_off(verb: Token) -> Token | None:
    """ "Petrov, for his part, called the talks ...": the parser may hang the verb on the
    phrase between the commas; the name opening the sentence before its comma is the subject."""
    sent = verb.sent
    comma = next((t for t in sent if t.text == "," and t.i < verb.i), None)
    if comma is None or comma.i == sent.start:
        return None
    name = verb.doc[comma.i - 1]
    if name.pos_ != "PROPN" or any(t.pos_ not in ("PROPN", "PUNCT") for t in sent if t.i < comma.i):
        return None
    if not any(t.text == "," for t in sent if comma.i < t.i < verb.i):
        return None  # "Petrov called ..." with no phrase set off: the parse is right
    return name


class SpeakerResolver:
    """Maps subject tokens to entity keys; resolves personal pronouns to the right person."""

    def __init__(self, ctx: Ctx, ents: EntityResult) -> None:
        self.ctx = ctx
        self.ents = ents
        self.prons = lx.pronouns().pronouns
        self.by_key = {e.key: e for e in ents.entities}
        # person mentions in order: (analysis start, key, sentence, is_subject)
        self.person_mentions: list[tuple[int, str, int, bool]] = []
        for tok_i, key in sorted(ctx.tok_ent.items()):
            ent = self.by_key.get(key)
            if ent is None or ent.kind != "person":
                continue
            tok = ctx.doc[tok_i]
            if tok.i > 0 and ctx.tok_ent.get(tok.i - 1) == key:
                continue  # one entry per mention (its first token)
            span_root = tok
            while span_root.head.i != span_root.i and ctx.tok_ent.get(span_root.head.i) == key:
                span_root = span_root.head
            self.person_mentions.append((tok.idx, key, ctx.tok_sent[tok.i], span_root.dep_ in SUBJ))
        self.last_speaker: str | None = None
        # quoted spans (open, close): a name inside the quote is not who "he said" it
        self.quoted: list[tuple[int, int]] = []

    def entity_of(
        self, tok: Token, exclude: tuple[int, int] | None = None
    ) -> tuple[str | None, str]:
        """(entity key, attribution) for a subject token: explicit, title or pronoun."""
        if tok.lower_ in self.prons:
            key = self.pronoun(tok)
            return key, "pronoun"
        # the head itself, then a person in its phrase ("the UN envoy, Ana Ruiz,"), then any
        cands = [tok, *sorted(tok.subtree, key=lambda t: t.i)]
        # a person in apposition anywhere in the phrase ("the UN's Special Envoy for
        # the Reef Talks, Greta Lund,": the parse may hang her on "Talks") is the speaker
        appos = {t.i for c in tok.subtree if c.dep_ == "appos" for t in c.subtree}
        found: list[tuple[int, str, Token]] = []
        for rank, t in enumerate(cands):
            if exclude and exclude[0] <= t.idx < exclude[1]:
                continue
            key = self.ctx.tok_ent.get(t.i)
            if key is not None:
                person = self.by_key[key].kind == "person"
                found.append(
                    (0 if rank == 0 else 1 if person and t.i in appos else 2 + rank, key, t)
                )
        if found:
            _, key, t = min(found, key=lambda x: x[0])
            form = self._form_at(key, t)
            return key, "title" if form == "title" else "explicit"
        return None, "none"

    def _in_quote(self, pos: int) -> bool:
        """Whether `pos` lies inside a quoted span (spans sorted and disjoint: one bisection)."""
        i = bisect_right(self._quote_opens, pos) - 1
        return i >= 0 and pos < self.quoted[i][1]

    @property
    def quoted(self) -> list[tuple[int, int]]:
        return self._quoted

    @quoted.setter
    def quoted(self, spans: list[tuple[int, int]]) -> None:
        self._quoted = sorted(spans)
        self._quote_opens = [o for o, _ in self._quoted]

    def _form_at(self, key: str, tok: Token) -> str:
        start = self.ctx.tmap.start(tok.idx)
        for m in self.by_key[key].mentions:
            if m.start <= start < m.end:
                return m.form
        return "name"

    def pronoun(self, tok: Token) -> str | None:
        gender, number = self.prons[tok.lower_]
        if number != "singular" or tok.lower_ == "i":
            return None
        sent = self.ctx.tok_sent[tok.i]
        para = self.ctx.sentences[sent].paragraph
        best = None
        best_score = None
        for start, key, s, is_subj in self.person_mentions:
            if start >= tok.idx or s < sent - LOOKBACK_SENTENCES:
                continue
            if self._in_quote(start):
                continue
            g = self.ents.genders.get(key)
            if g is not None and gender is not None and g != gender:
                continue
            exact = 1 if (g is not None and g == gender) else 0
            # a person named earlier in the pronoun's own paragraph comes first ("X, a
            # professor, said ... "...," she said"), then a known matching gender, then recency
            same_para = self.ctx.sentences[s].paragraph == para
            score = (same_para, exact, s, is_subj, start)
            if best_score is None or score > best_score:
                best, best_score = key, score
        if best is None and self.last_speaker:
            g = self.ents.genders.get(self.last_speaker)
            if g is None or gender is None or g == gender:
                best = self.last_speaker
        if best is not None:
            self._add_pronoun_mention(best, tok)
        return best

    def _add_pronoun_mention(self, key: str, tok: Token) -> None:
        ent = self.by_key[key]
        fs, fe = self.ctx.file_span(tok.idx, tok.idx + len(tok.text))
        if any(m.start == fs for m in ent.mentions):
            return
        ent.mentions.append(
            Mention(
                start=fs, end=fe, text=tok.text, sentence=self.ctx.tok_sent[tok.i], form="pronoun"
            )
        )
        ent.mentions.sort(key=lambda m: m.start)
        self.ctx.tok_ent[tok.i] = key
