"""Positions: each principal actor's stance on each issue it speaks to, with the evidence."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from dossier import lexicons
from dossier.model.analysis import Analysis, DemandClaim, Mention, StanceClaim
from dossier.model.dossier import Evidence, Position
from dossier.resolve.actors import ActorTable
from dossier.resolve.agency import rejected_proposer
from dossier.resolve.ids import assign_ids
from dossier.resolve.issues import IssueSet, clause_stems
from dossier.resolve.polarity import issue_polarity
from dossier.resolve.references import References
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
    issues: IssueSet,
    toks: tuple[str, ...],
    default: int,
    cue: str = "",
    wanted: bool = False,
    foreign: str = "",
) -> dict[str, str]:
    """Issue id -> the stance a text (as clause stems) takes on it (support, oppose or mixed)."""
    out = {}
    polarity = issue_polarity(
        list(toks), issues.matcher, set(issues.frame_ids), default, cue, wanted, foreign
    )
    for frame, (s, o) in polarity.items():
        if frame in issues.flipped:
            s, o = o, s  # against the build-up is for the withdrawal the issue is named after
        out[issues.frame_ids[frame]] = "mixed" if s and o else "support" if s else "oppose"
    return out


_FLIP = {"support": "oppose", "oppose": "support"}


def _cue_list(field: str) -> list[str]:
    return [c.strip() for c in field.split(",") if c.strip()]


class _Article:
    """One article's stances, mentions and demands grouped by sentence, built once: each
    stance looks only at its own sentence's, so a hostile article full of claims stays linear."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.stances: dict[int, list[StanceClaim]] = defaultdict(list)
        for sc in a.stances:
            self.stances[sc.sentence].append(sc)
        self.mentions: dict[int, list[tuple[str, Mention]]] = defaultdict(list)
        for e in a.entities:
            for m in e.mentions:
                self.mentions[m.sentence].append((e.key, m))
        # Latest first (a stable sort keeps the article's order among a sentence's demands).
        self.demands = sorted(a.demands, key=lambda d: d.sentence, reverse=True)
        self._keys = [-d.sentence for d in self.demands]

    def demands_by(self, sentence: int) -> list[DemandClaim]:
        """The demands made up to `sentence`, the latest first."""
        return self.demands[bisect_left(self._keys, -sentence) :]


def _foreign_cues(art: _Article, claim: StanceClaim) -> str:
    """The cues analyse gave only other holders of the claim's sentence, as a cue field."""
    own = set(_cue_list(claim.cue))
    theirs = {
        c
        for other in art.stances.get(claim.sentence, [])
        if other.holder != claim.holder
        for c in _cue_list(other.cue)
    }
    return ", ".join(sorted(theirs - own))


def _proposal_rejected(art: _Article, holder: str, sentence: int) -> bool:
    """The holder is named as the one whose proposal was rejected, not as the rejecter."""
    sent = art.a.sentences[sentence]
    spans = [
        (m.start - sent.start, m.end - sent.start)
        for key, m in art.mentions.get(sentence, [])
        if key == holder and sent.start <= m.start <= m.end <= sent.end
    ]
    return rejected_proposer(sent.text, spans)


class _Reader:
    """An article's sentences as clause stems, short references spelt out ("the duties" after
    "export duties"): each sentence reads with what the article has named before it."""

    def __init__(self, issues: IssueSet, a: Analysis) -> None:
        refs = References(issues.matcher)
        self.sentences: list[tuple[str, ...]] = []
        self.known: list[dict[str, tuple[str, ...]]] = []  # the references before each sentence
        for sent in a.sentences:
            toks = clause_stems(sent.text)
            self.known.append(dict(refs.heads))
            self.sentences.append(tuple(refs.expand(toks)))
            refs.learn(toks)
        self.matcher = issues.matcher

    def sentence(self, i: int) -> tuple[str, ...]:
        return self.sentences[i]

    def text(self, text: str, sentence: int) -> tuple[str, ...]:
        """A part of a sentence (a demand's text), with the references known before it."""
        refs = References(self.matcher)
        if 0 <= sentence < len(self.known):
            refs.heads = dict(self.known[sentence])
        return tuple(refs.expand(clause_stems(text)))


# A reference naming whose demand is turned down: "the Peruvian demand", "Peru's call".
_DEMAND_NOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:demands?|calls?|requests?|proposals?|pleas?|ultimatum|insistence)\b"
)
REF_WINDOW = 4  # sentences back a bare "rejected the demand" may point


def _turned_down(table: ActorTable, art: _Article, actor: str, sentence: int) -> DemandClaim | None:
    """The demand an oppose claim turns down: the last one made by whoever the sentence names
    as its maker ("rejected the Peruvian demand"), else the last one made of the holder's side
    a few sentences back ("called the demand a farce", "would not accept a cap")."""
    a = art.a
    side = {actor, table.principal_body(actor)} - {None}

    def side_of(key: str | None) -> set[str]:
        other = table.actor_of(a.source, key)
        return {other, table.principal_body(other)} - {None} if other else set()

    before = art.demands_by(sentence)
    sent = a.sentences[sentence]
    makers: set[str] = set()
    for key, m in art.mentions.get(sentence, []):
        if _DEMAND_NOUN.match(sent.text[m.end - sent.start :]):
            makers |= side_of(key) - side
    if makers:
        named = [d for d in before if side_of(d.by) & makers]
        return next((d for d in named if {x for o in d.of for x in side_of(o)} & side), None) or (
            named[0] if named else None
        )
    for d in before:
        if sentence - d.sentence > REF_WINDOW:
            break
        made_of = {x for o in d.of for x in side_of(o)}
        if made_of & side and not side_of(d.by) & side:
            return d
    return None


def _sponsors(text: str, cue_field: str) -> bool:
    """A cue stands as a passive participle with its agent ("drafted by", "put forward by")."""
    for cue in _cue_list(cue_field):
        base = re.escape(cue[:-1] if cue.endswith("e") and len(cue) > 3 else cue)
        if re.search(rf"\b{base}\w{{0,3}}\s+(?:\w+\s+)?by\b", text, re.I):
            return True
    return False


@cache
def _document_word() -> re.Pattern[str]:
    data = lexicons.load("contested")
    kinds = [*(data.get("documents") or []), *(data.get("document_refs") or [])]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, kinds)) + r")s?\b", re.I)


def _document_demands(a: Analysis) -> list[DemandClaim]:
    """The demands the article voices for a text ("a resolution demanding that ...")."""
    return [
        d
        for d in a.demands
        if 0 <= d.sentence < len(a.sentences)
        and _document_word().search(a.sentences[d.sentence].text)
    ]


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
    memo: dict[tuple[tuple[str, ...], int, str, bool, str], dict[str, str]] = {}

    def votes(
        toks: tuple[str, ...], default: int, cue: str = "", wanted: bool = False, foreign: str = ""
    ) -> dict[str, str]:
        key = (toks, default, cue, wanted, foreign)
        if key not in memo:
            memo[key] = _votes(issues, toks, default, cue, wanted, foreign)
        return memo[key]

    def add(actor: str, stances: dict[str, str], a: Analysis, sentence: int) -> None:
        body = table.principal_body(actor)
        ev = evidence(a, sentence)
        for issue, stance in stances.items():
            cells[(actor, issue)].append(Claim(stance, a.source, sentence, ev, False))
            if body:
                cells[(body, issue)].append(Claim(stance, a.source, sentence, ev, True))

    for a in analyses:
        read = _Reader(issues, a)
        art = _Article(a)
        doc_votes: list | None = None  # the votes of the article's text's demands, read once
        sponsors_credited: set[str] = set()
        for sc in a.stances:
            actor = table.actor_of(a.source, sc.holder)
            if actor is not None and 0 <= sc.sentence < len(a.sentences):
                foreign = _foreign_cues(art, sc)
                found = votes(
                    read.sentence(sc.sentence), _DEFAULT.get(sc.stance, 0), sc.cue, False, foreign
                )
                if sc.stance == "oppose" and _proposal_rejected(art, sc.holder, sc.sentence):
                    # "X's proposals were rejected": others rejected; X backs what it proposed.
                    found = {i: _FLIP.get(st, st) for i, st in found.items()}
                elif sc.stance == "oppose":
                    turned = _turned_down(table, art, actor, sc.sentence)
                    if turned is not None:
                        # "Y rejected the demand": Y is against what the demand wants.
                        wanted = votes(read.text(turned.text, turned.sentence), 1, wanted=True)
                        for i, st in wanted.items():
                            found.setdefault(i, _FLIP.get(st, st))
                add(actor, found, a, sc.sentence)
                if (
                    sc.stance == "support"
                    and actor not in sponsors_credited
                    and _sponsors(a.sentences[sc.sentence].text, sc.cue)
                ):
                    # A text's sponsors want what it demands ("the motion, written by A,
                    # demands that B open the harbours"): each of its demands is theirs too.
                    # Read once per article, credited once per sponsor.
                    if doc_votes is None:
                        doc_votes = [
                            votes(read.text(d.text, d.sentence), 1, wanted=True)
                            for d in _document_demands(a)
                        ]
                    sponsors_credited.add(actor)
                    for found_d in doc_votes:
                        add(actor, found_d, a, sc.sentence)
        for d in a.demands:
            # The one demanding wants what the demand says: support, unless it negates the issue.
            actor = table.actor_of(a.source, d.by)
            if actor is not None:
                add(actor, votes(read.text(d.text, d.sentence), 1, wanted=True), a, d.sentence)
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
