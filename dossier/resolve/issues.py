"""Issues: the lexicon's issue frames that the articles themselves attest, with the words found."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dossier.model.analysis import Analysis
from dossier.model.dossier import Issue
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import issue_against_labels, issue_frames
from dossier.resolve.text import stem, words

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


def derive_issues(analyses: list[Analysis], matcher: FrameMatcher | None = None) -> IssueSet:
    matcher = matcher or FrameMatcher()
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
    flipped = frozenset(
        fi
        for fi, label in zip(kept, labels, strict=True)
        if label in reverse and _reversing_side_dominates(matcher, fi, seen[fi].claims, texts)
    )
    issues = [
        Issue(
            id=iid,
            label=reverse[label] if fi in flipped else label,
            keywords=sorted(seen[fi].keywords),
        )
        for iid, label, fi in zip(ids, labels, kept, strict=True)
    ]
    return IssueSet(
        matcher=matcher,
        issues=sorted(issues, key=lambda i: i.id),
        frame_ids=dict(zip(kept, ids, strict=True)),
        flipped=flipped,
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
