"""Demands: who asks what of whom, merged across outlets, rejected if any source says so."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from dossier.model.analysis import Analysis
from dossier.model.dossier import Demand, Evidence
from dossier.resolve.actors import ActorTable
from dossier.resolve.cluster import attach, cluster
from dossier.resolve.ids import assign_ids, wording_key
from dossier.resolve.sources import evidence, merge_evidence
from dossier.resolve.stats import Stats
from dossier.resolve.text import (
    clean_space,
    content_key,
    content_tokens,
    jaccard,
    quote_tokens,
    seq_ratio_at_least,
)

# Which status wins when sources differ: one rejection reported is a rejection.
_STATUS_RANK = {"rejected": 0, "accepted": 1, "open": 2, "unknown": 3}
JACCARD = 0.5
RATIO = 0.6
LOOSE_JACCARD = 0.3  # paraphrases ("stop its eastward expansion" / "halt its expansion eastward")


@dataclass
class Item:
    by: str | None
    party: str | None  # the body a person speaks for, or the actor itself: the merge bucket
    of: list[str]
    text: str
    toks: list[str]
    status: str
    source: str
    sentence: int
    ev: Evidence | None


def similar(a: Item, b: Item) -> bool:
    """One demand, however worded: alike words, or two shared words addressed to the same party."""
    if a.of and b.of and not set(a.of) & set(b.of):
        return False
    ca, cb = set(content_tokens(a.toks)), set(content_tokens(b.toks))
    if jaccard(ca, cb) >= JACCARD or seq_ratio_at_least(a.toks, b.toks, RATIO):
        return True
    return bool(set(a.of) & set(b.of)) and len(ca & cb) >= 2 and jaccard(ca, cb) >= LOOSE_JACCARD


def resolve_demands(table: ActorTable, analyses: list[Analysis], stats: Stats) -> list[Demand]:
    items: list[Item] = []
    for a in analyses:
        for d in a.demands:
            by = table.actor_of(a.source, d.by)
            # Never of the maker, nor of the body the maker speaks for ("X, Peru's envoy,
            # demanded that the tribunal hear ..., an old Peruvian grievance").
            own = {by, table.principal_body(by)} if by else set()
            of = sorted({x for k in d.of if (x := table.actor_of(a.source, k)) and x not in own})
            items.append(
                Item(
                    by=by,
                    party=(table.principal_body(by) or by) if by else None,
                    of=of,
                    text=clean_space(d.text),
                    toks=quote_tokens(d.text),
                    status=d.status,
                    source=a.source,
                    sentence=d.sentence,
                    ev=evidence(a, d.sentence),
                )
            )
    items.sort(key=lambda it: (it.source, it.sentence, it.text))
    known = [it for it in items if it.by]
    groups = cluster(known, lambda it: it.party, lambda it: content_tokens(it.toks), similar)
    left = attach(
        groups, [it for it in items if not it.by], lambda it: content_tokens(it.toks), similar
    )
    stats.demands_without_by += len(left)

    demands, parties, keys = [], [], []
    for group in groups:
        bys = Counter(it.by for it in group if it.by)
        party = group[0].party
        # The id hangs on the merge bucket, not on whichever member is named the author.
        parties.append(party or "")
        # The body itself demanding, in any source, makes it the demand's author.
        by = party if party in bys else min(bys, key=lambda b: (-bys[b], b))
        texts: dict[str, set[str]] = defaultdict(set)
        for it in group:
            texts[it.text].add(it.source)
        text = min(texts, key=lambda t: (-len(texts[t]), -len(t), t))
        keys.append(wording_key(text, list(texts)))
        status = min((it.status for it in group), key=lambda s: _STATUS_RANK.get(s, 9))
        demands.append(
            Demand(
                id="",
                by=by or "",
                of=sorted({o for it in group for o in it.of if o != by}),
                text=text,
                status=status,  # type: ignore[arg-type]
                evidence=merge_evidence([it.ev for it in group]),
            )
        )
    _address_to_counterpart(demands, parties)
    ids = assign_ids(
        [f"{party} {key}" for party, key in zip(parties, keys, strict=True)],
        [f"{party}|{content_key(d.text, 40)}" for party, d in zip(parties, demands, strict=True)],
        fallback="demand",
    )
    for d, did in zip(demands, ids, strict=True):
        d.id = did
    return sorted(demands, key=lambda d: d.id)


def _address_to_counterpart(demands: list[Demand], parties: list[str]) -> None:
    """A demand naming no addressee, made by a party whose other demands all go to one and the
    same counterpart, is made of that counterpart ("X again pressed for its boats to be allowed
    in" beside "X asked Y to license its boats"): a party's asks in one event go to one table."""
    targets: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for d, party in zip(demands, parties, strict=True):
        if party and d.of:
            targets[party].add(tuple(d.of))
    for d, party in zip(demands, parties, strict=True):
        if d.of or not party or len(targets.get(party, ())) != 1:
            continue
        (only,) = targets[party]
        if len(only) == 1 and only[0] != d.by:
            d.of = list(only)
