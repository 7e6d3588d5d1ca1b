"""Issues: the lexicon's issue frames that the articles themselves attest, with the words found."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dossier.model.analysis import Analysis
from dossier.model.dossier import Issue
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import issue_against_labels, issue_frames
from dossier.resolve.text import STOPWORDS, fold, stem, words

MIN_CLAIMS = 2  # an issue needs two claims (sentences) behind it


def stems(text: str) -> list[str]:
    """The token stream every issue and cue matcher works on."""
    return list(_stems(text))


@lru_cache(maxsize=1 << 15)  # a sentence is matched once per claim on it, and for issues
def _stems(text: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in words(text))


# A clause ends at . ; : ! ? before a space, a quote or the end; an ellipsis or a full stop
# glued to the next sentence ("policy...We") ends one too. Commas are soft boundaries.
_CLAUSE_END = re.compile(r"(?:\.\.\.|…|[.;:!?]+(?=[\s\"'”’)\]]|$)|(?<=[a-z])\.(?=[A-Z]))")
BOUNDARY = "|"
COMMA = ","


def clause_stems(text: str) -> list[str]:
    """`stems`, with boundary tokens where a clause ends ("|") and at commas (",")."""
    out: list[str] = []
    for part in _CLAUSE_END.split(text):
        if out:
            out.append(BOUNDARY)
        for k, piece in enumerate(part.split(",")):
            if k:
                out.append(COMMA)
            out.extend(stems(piece))
    return out


@dataclass(frozen=True)
class Hit:
    frame: int
    keyword: str
    start: int  # token span in `stems(text)`
    end: int
    against: bool  # the keyword names the opposite of the issue


class FrameMatcher:
    """Finds frame keywords in text as whole stemmed words (longest match first)."""

    def __init__(self, frames: list[tuple[str, list[str], frozenset[str]]] | None = None) -> None:
        if frames is None:
            # The lexicon's frames are fixed for the process: build their index once.
            self.frames, self.index = _default_index()
        else:
            self.frames, self.index = frames, _build_index(frames)

    def spans(self, toks: list[str]) -> list[Hit]:
        """Keyword occurrences in a token stream, left to right, no overlaps."""
        out, i = [], 0
        while i < len(toks):
            for kw_toks, fi, kw in self.index.get(toks[i], ()):
                if tuple(toks[i : i + len(kw_toks)]) == kw_toks:
                    out.append(Hit(fi, kw, i, i + len(kw_toks), kw in self.frames[fi][2]))
                    i += len(kw_toks)
                    break
            else:
                i += 1
        return out

    def match(self, text: str) -> list[tuple[int, str]]:
        """(frame index, keyword) for each keyword occurrence in `text`."""
        return [(h.frame, h.keyword) for h in self.spans(stems(text))]

    def frames_in(self, text: str) -> set[int]:
        return {fi for fi, _ in self.match(text)}


Index = dict[str, list[tuple[tuple[str, ...], int, str]]]


def _build_index(frames: list[tuple[str, list[str], frozenset[str]]]) -> Index:
    """Keyword token tuples by first token, longest (then alphabetical) first."""
    index: Index = defaultdict(list)
    for fi, (_, keywords, _against) in enumerate(frames):
        for kw in keywords:
            toks = tuple(stems(kw))
            if toks:
                index[toks[0]].append((toks, fi, kw))
    for entries in index.values():
        entries.sort(key=lambda e: (-len(e[0]), e[2]))
    return dict(index)


@cache
def _default_index() -> tuple[list[tuple[str, list[str], frozenset[str]]], Index]:
    frames = issue_frames()
    return frames, _build_index(frames)


@dataclass
class Attestation:
    claims: set[tuple[str, int]] = field(default_factory=set)  # (source, sentence)
    keywords: set[str] = field(default_factory=set)


@dataclass
class IssueSet:
    """The kept issues and the way from a claim's words to their ids."""

    matcher: FrameMatcher
    issues: list[Issue]
    frame_ids: dict[int, str]  # frame index -> issue id, kept frames only
    # Frames shown from their reversing side (`against_label`): every stance turns around.
    flipped: frozenset[int] = frozenset()

    def ids_in(self, text: str) -> list[str]:
        return sorted(
            {self.frame_ids[f] for f in self.matcher.frames_in(text) if f in self.frame_ids}
        )


def stance_text(keywords: list[str]) -> str:
    # Keywords are joined with a stop so two keywords never form a phrase across the join.
    return " . ".join(keywords)


def derive_issues(
    analyses: list[Analysis],
    matcher: FrameMatcher | None = None,
    party: Callable[[str, str | None], str | None] | None = None,
) -> IssueSet:
    """The lexicon's frames the articles attest, plus any demand's object the outlets repeat,
    plus (given `party`, the actor an entity key stands for) what the parties contest."""
    if matcher is None:
        matcher = FrameMatcher()
        extra = derived_frames(analyses, matcher)
        if extra:
            matcher = FrameMatcher(matcher.frames + extra)
        if party is not None:
            from dossier.resolve.contested import contested_frames  # it builds on this module

            more = contested_frames(analyses, matcher, party)
            if more:
                matcher = FrameMatcher(matcher.frames + more)
    seen: dict[int, Attestation] = defaultdict(Attestation)

    def note(text: str, source: str, sentence: int) -> None:
        for fi, kw in matcher.match(text):
            seen[fi].claims.add((source, sentence))
            seen[fi].keywords.add(kw)

    texts: dict[tuple[str, int], str] = {}
    for a in analyses:
        for s in a.stances:
            if s.keywords:
                note(stance_text(s.keywords), a.source, s.sentence)
            elif 0 <= s.sentence < len(a.sentences):
                note(a.sentences[s.sentence].text, a.source, s.sentence)
        for d in a.demands:
            note(d.text, a.source, d.sentence)
        for q in a.quotes:
            note(q.text, a.source, q.sentence)
        texts.update({(a.source, i): sent.text for i, sent in enumerate(a.sentences)})
    kept = sorted(fi for fi, att in seen.items() if len(att.claims) >= MIN_CLAIMS)
    labels = [matcher.frames[fi][0] for fi in kept]
    # The id stays the frame's own label's, whichever side the articles dwell on.
    ids = assign_ids(labels, labels, fallback="issue")
    reverse = issue_against_labels()
    flipped = {
        fi
        for fi, label in zip(kept, labels, strict=True)
        if label in reverse and _reversing_side_dominates(matcher, fi, seen[fi].claims, texts)
    }
    shown = {fi: reverse[label] for fi, label in zip(kept, labels, strict=True) if fi in flipped}
    # A thing the articles found for themselves may be named mostly through a measure against
    # it ("the ban on night fishing"): the issue is that measure, so every stance turns.
    from dossier.resolve.restrictions import restricted_label  # it builds on this module

    lexicon_labels = {f[0] for f in issue_frames()}
    for fi, label in zip(kept, labels, strict=True):
        if fi in flipped or label in lexicon_labels:
            continue
        measure = restricted_label(label, matcher.frames[fi][1], list(texts.values()))
        if measure:
            flipped.add(fi)
            shown[fi] = measure
    issues = [
        Issue(
            id=iid,
            label=shown.get(fi, label),
            keywords=sorted(seen[fi].keywords),
        )
        for iid, label, fi in zip(ids, labels, kept, strict=True)
    ]
    return IssueSet(
        matcher=matcher,
        issues=sorted(issues, key=lambda i: i.id),
        frame_ids=dict(zip(kept, ids, strict=True)),
        flipped=frozenset(flipped),
    )


def _reversing_side_dominates(
    matcher: FrameMatcher, frame: int, claims: set[tuple[str, int]], texts: dict
) -> bool:
    """More of the frame's claim sentences speak of its reversing side than of the issue.

    A sentence naming the reversing side is about it even where it names the issue too: "the
    pullout of troops", "withdraw its troops" speak of a withdrawal, not of a build-up.
    """
    balance = 0
    for claim in claims:
        hits = [h for h in matcher.spans(stems(texts.get(claim, ""))) if h.frame == frame]
        if hits:
            balance += 1 if any(h.against for h in hits) else -1
    return balance > 0


# ---------------------------------------------------------------------------------------------
# Issues the lexicon lacks: a demand's object that several outlets repeat is an issue itself.
# ---------------------------------------------------------------------------------------------

DERIVED_MIN_SOURCES = 2  # outlets that must repeat the demand's object
# Function words a demanded thing never starts or ends with (beyond spaCy's stop words).
_DEMAND_FILLER = frozenset({"free", "release", "hand", "give", "stop", "let", "immediately"})
# spaCy's stop words that say which thing is meant ("the former officials", "the next
# filling"): kept.
_CONTENT = frozenset({"former", "latter", "full", "whole", "first", "last", "next"})
_FUNCTION = STOPWORDS - _CONTENT


def _name_words(text: str) -> set[str]:
    """Words written capitalised inside the text (not at its start): names, not issue words."""
    out = set()
    for m in re.finditer(r"(?<=[\w,;:)\]] )([A-Z][\w'’-]*)", text):
        out.update(words(m.group(1)))
    return out


def _runs(text: str, matcher: FrameMatcher) -> list[list[str]]:
    """Stretches of content stems in a demand's text: no stop word, number, name, or lexicon
    keyword (a demand the lexicon already names needs no issue of its own)."""
    toks = stems(text)
    names = {stem(w) for w in _name_words(text)}
    taken = {i for h in matcher.spans(toks) for i in range(h.start, h.end)}
    runs: list[list[str]] = [[]]
    for i, t in enumerate(toks):
        if i in taken or t in names or t in _FUNCTION or t.isdigit() or len(t) < 3:
            runs.append([])
        else:
            runs[-1].append(t)
    return [r for r in runs if len(r) >= 2]


@cache
def _document_refs() -> frozenset[str]:
    """Stems of the words that refer to a text itself ("draft", "text"), from contested.yaml."""
    from dossier import lexicons

    return frozenset(stem(fold(str(w))) for w in lexicons.load("contested")["document_refs"])


def derived_frames(
    analyses: list[Analysis], matcher: FrameMatcher
) -> list[tuple[str, list[str], frozenset[str]]]:
    """Frames for what several outlets report being demanded in the same words ("reopen the
    northern pass", "the reopening of the northern pass"): the shared two-word stretch
    is the keyword, the demand's own wording (a noun phrase if any outlet has one) the label."""
    where: dict[tuple[str, ...], set[str]] = defaultdict(set)
    texts: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for a in analyses:
        for d in a.demands:
            grams = {tuple(r[i : i + 2]) for r in _runs(d.text, matcher) for i in range(len(r) - 1)}
            for g in grams:
                where[g].add(a.source)
                texts[g].append(d.text)
    chosen: list[tuple[str, ...]] = []
    for g in sorted(where, key=lambda g: (-len(where[g]), g)):
        if len(where[g]) < DERIVED_MIN_SOURCES:
            break
        if g[0] in _DEMAND_FILLER or any(set(g) & set(c) for c in chosen):
            continue
        if set(g) & _document_refs():
            continue  # "a draft tariff text": a text about the thing, left to name it alone
        chosen.append(g)
    frames = []
    for g in chosen:
        surfaces = [s for s in (_surface(t, g) for t in texts[g]) if s]
        if not surfaces:
            continue
        label, keyword = min(surfaces, key=lambda s: (not s[2], len(s[0]), s[0]))[:2]
        frames.append((label, [keyword], frozenset()))
    return frames


_LEAD = re.compile(r"^(?:(?:the|a|an|its|their|any|all)\s+)", re.I)


def _surface(text: str, gram: tuple[str, ...]) -> tuple[str, str, bool] | None:
    """(label, keyword, nominal) for a demand text containing the stemmed two-word `gram`:
    the text up to the gram (from its first lower-case word), the gram's own words, and
    whether the demand was worded as a noun phrase ("the release of ...")."""
    spans = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'’-]+", text)]
    for k in range(len(spans) - 1):
        pair = (spans[k][2], spans[k + 1][2])
        if tuple(stem(w) for p in pair for w in words(p)) != gram:
            continue
        nominal = bool(_LEAD.match(text))
        if nominal:
            # From the first word that is neither a name nor a filler ("the release of ...").
            start = next(
                (
                    s
                    for s, _, w in spans[: k + 1]
                    if not w[:1].isupper() and fold(w) not in STOPWORDS
                ),
                spans[k][0],
            )
        else:
            # A verb phrase ("halt the next dredging of ..."): the thing is the gram's own
            # noun phrase, not the act demanded of it, which the stance already says.
            start = spans[k][0]
        end = spans[k + 1][1]
        tail = _OF_TAIL.match(text, end)
        if tail:
            end = tail.end()  # "dredging of the harbour": what the gram is of names it
        label = text[start:end]
        return label[:1].upper() + label[1:], f"{pair[0]} {pair[1]}".lower(), nominal
    return None


_OF_TAIL = re.compile(r"\s+of\s+(?:(?:the|a|an|its|their)\s+)?[a-z][\w'’-]*")
