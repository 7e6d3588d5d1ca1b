"""Positions: each principal actor's stance on each issue it speaks to, with the evidence."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from dossier.model.analysis import Analysis
from dossier.model.dossier import Evidence, Position
from dossier.resolve.actors import ActorTable
from dossier.resolve.agency import rejected_proposer
from dossier.resolve.ids import assign_ids
from dossier.resolve.issues import IssueSet, clause_stems
from dossier.resolve.polarity import issue_polarity
from dossier.resolve.sources import evidence, merge_evidence

MIXED_SHARE = 0.25  # the minority side must carry this share of claims to make a stance mixed
_VERB = {
    "support": "supports",
    "oppose": "opposes",
    "mixed": "has a mixed position on",
    "neutral": "takes no clear side on",
}


@dataclass(frozen=True)
class Claim:
    stance: str
    source: str
    sentence: int
    ev: Evidence | None
    lifted: bool  # a person's claim counted for the body they speak for


_DEFAULT = {"support": 1, "oppose": -1}


def _votes(
    issues: IssueSet, text: str, default: int, cue: str = "", wanted: bool = False
) -> dict[str, str]:
    """Issue id -> the stance `text` takes on it (support, oppose or mixed)."""
    out = {}
    polarity = issue_polarity(
        clause_stems(text), issues.matcher, set(issues.frame_ids), default, cue, wanted
    )
    for frame, (s, o) in polarity.items():
        if frame in issues.flipped:
            s, o = o, s  # against the build-up is for the withdrawal the issue is named after
        out[issues.frame_ids[frame]] = "mixed" if s and o else "support" if s else "oppose"
    return out


_FLIP = {"support": "oppose", "oppose": "support"}


def _proposal_rejected(a: Analysis, holder: str, sentence: int) -> bool:
    """The holder is named as the one whose proposal was rejected, not as the rejecter."""
    sent = a.sentences[sentence]
    spans = [
        (m.start - sent.start, m.end - sent.start)
        for e in a.entities
        if e.key == holder
        for m in e.mentions
        if m.sentence == sentence and sent.start <= m.start <= m.end <= sent.end
    ]
    return rejected_proposer(sent.text, spans)


def aggregate(claims: list[Claim]) -> str:
    counts = defaultdict(int)
    for c in claims:
        counts[c.stance] += 1
    s, o = counts["support"], counts["oppose"]
    if counts["mixed"] or (s and o and min(s, o) / (s + o) >= MIXED_SHARE):
        return "mixed"
    if s or o:
        return "support" if s > o else "oppose"
    return "neutral"


def lower_first(label: str) -> str:
    first = label.split(" ", 1)[0]
    return label if first.isupper() else label[:1].lower() + label[1:]


def resolve_positions(
    table: ActorTable, analyses: list[Analysis], issues: IssueSet, n_sources: int
) -> list[Position]:
    cells: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    # Outlets print the same sentence and several claims sit on one: read each text once.
    memo: dict[tuple[str, int, str, bool], dict[str, str]] = {}

    def votes(text: str, default: int, cue: str = "", wanted: bool = False) -> dict[str, str]:
        key = (text, default, cue, wanted)
        if key not in memo:
            memo[key] = _votes(issues, text, default, cue, wanted)
        return memo[key]

    def add(actor: str, stances: dict[str, str], a: Analysis, sentence: int) -> None:
        body = table.principal_body(actor)
        ev = evidence(a, sentence)
        for issue, stance in stances.items():
            cells[(actor, issue)].append(Claim(stance, a.source, sentence, ev, False))
            if body:
                cells[(body, issue)].append(Claim(stance, a.source, sentence, ev, True))

    for a in analyses:
        for sc in a.stances:
            actor = table.actor_of(a.source, sc.holder)
            if actor is not None and 0 <= sc.sentence < len(a.sentences):
                text = a.sentences[sc.sentence].text
                found = votes(text, _DEFAULT.get(sc.stance, 0), sc.cue)
                if sc.stance == "oppose" and _proposal_rejected(a, sc.holder, sc.sentence):
                    # "X's proposals were rejected": others rejected; X backs what it proposed.
                    found = {i: _FLIP.get(st, st) for i, st in found.items()}
                add(actor, found, a, sc.sentence)
        for d in a.demands:
            # The one demanding wants what the demand says: support, unless it negates the issue.
            actor = table.actor_of(a.source, d.by)
            if actor is not None:
                add(actor, votes(d.text, 1, wanted=True), a, d.sentence)
    labels = {i.id: i.label for i in issues.issues}
    principal_min = min(2, n_sources)
    positions = []
    for (actor_id, issue), claims in sorted(cells.items()):
        actor = table.by_id[actor_id]
        unique = {(c.source, c.sentence, c.stance): c for c in claims}
        claims = [unique[k] for k in sorted(unique)]
        if len(actor.sources) < principal_min and len(claims) < 2:
            continue  # a bystander's single remark is not a position in the matrix
        stance = aggregate(claims)
        positions.append(
            Position(
                id="",
                actor=actor_id,
                issue=issue,
                stance=stance,  # type: ignore[arg-type]
                summary=f"{actor.name} {_VERB[stance]} {lower_first(labels[issue])}.",
                evidence=merge_evidence([c.ev for c in claims]),
                confidence="low" if len({(c.source, c.sentence) for c in claims}) < 2 else "high",
            )
        )
    ids = assign_ids(
        [f"{p.actor} {p.issue}" for p in positions],
        [f"{p.actor}|{p.issue}" for p in positions],
        fallback="position",
    )
    for p, pid in zip(positions, ids, strict=True):
        p.id = pid
    return sorted(positions, key=lambda p: (p.actor, p.issue))
