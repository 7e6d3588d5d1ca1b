"""Issues: the lexicon's issue frames that the articles themselves attest, with the words found."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from dossier.model.analysis import Analysis
from dossier.model.dossier import Issue
from dossier.resolve.ids import assign_ids
from dossier.resolve.lexicon import issue_frames
from dossier.resolve.text import stem, words

MIN_CLAIMS = 2  # an issue needs two claims (sentences) behind it


def _stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


class FrameMatcher:
    """Finds frame keywords in text as whole stemmed words (longest match first)."""

    def __init__(self, frames: list[tuple[str, list[str]]] | None = None) -> None:
        self.frames = frames if frames is not None else issue_frames()
        self.index: dict[str, list[tuple[tuple[str, ...], int, str]]] = defaultdict(list)
        for fi, (_, keywords) in enumerate(self.frames):
            for kw in keywords:
                toks = tuple(_stems(kw))
                if toks:
                    self.index[toks[0]].append((toks, fi, kw))
        for entries in self.index.values():
            entries.sort(key=lambda e: (-len(e[0]), e[2]))

    def match(self, text: str) -> list[tuple[int, str]]:
        """(frame index, keyword) for each keyword occurrence, left to right, no overlaps."""
        toks = _stems(text)
        out, i = [], 0
        while i < len(toks):
            for kw_toks, fi, kw in self.index.get(toks[i], ()):
                if tuple(toks[i : i + len(kw_toks)]) == kw_toks:
                    out.append((fi, kw))
                    i += len(kw_toks)
                    break
            else:
                i += 1
        return out

    def frames_in(self, text: str) -> set[int]:
        return {fi for fi, _ in self.match(text)}


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
    kept = sorted(fi for fi, att in seen.items() if len(att.claims) >= MIN_CLAIMS)
    labels = [matcher.frames[fi][0] for fi in kept]
    ids = assign_ids(labels, labels, fallback="issue")
    issues = [
        Issue(id=iid, label=label, keywords=sorted(seen[fi].keywords))
        for iid, label, fi in zip(ids, labels, kept, strict=True)
    ]
    return IssueSet(
        matcher=matcher,
        issues=sorted(issues, key=lambda i: i.id),
        frame_ids=dict(zip(kept, ids, strict=True)),
    )
