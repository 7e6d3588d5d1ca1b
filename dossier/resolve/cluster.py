"""Near-linear grouping of similar texts: an inverted token index, then leader clustering.

Each item is compared only with the clusters that share tokens with it inside its bucket (a
speaker, a date...), at most a fixed number of them and a few members of each, so the cost
grows with the number of items, not with its square.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

T = TypeVar("T")

POSTINGS = 64  # most recent clusters looked at per token
MAX_CANDIDATES = 8  # clusters compared per item, most tokens shared first
MAX_MEMBERS = 4  # members of a candidate cluster compared with the item


def cluster(
    items: Sequence[T],
    bucket: Callable[[T], Hashable],
    tokens: Callable[[T], list[str]],
    similar: Callable[[T, T], bool],
) -> list[list[T]]:
    """Groups of similar items (members in input order); give items in a stable order.

    Items join the first candidate cluster (by creation order) holding a member `similar` to
    them, so the result depends only on the items and their order, never on hashing.
    """
    buckets: dict[Hashable, list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        buckets[bucket(item)].append(i)
    clusters: list[list[int]] = []
    for key in sorted(buckets, key=repr):
        index: dict[str, list[int]] = defaultdict(list)
        for i in buckets[key]:
            toks = sorted(set(tokens(items[i]))) or [""]
            shared: Counter[int] = Counter()
            for t in toks:
                for c in index[t][-POSTINGS:]:
                    shared[c] += 1
            candidates = sorted(shared, key=lambda c: (-shared[c], c))[:MAX_CANDIDATES]
            joined = None
            for c in sorted(candidates):
                if any(similar(items[i], items[j]) for j in clusters[c][:MAX_MEMBERS]):
                    joined = c
                    break
            if joined is None:
                joined = len(clusters)
                clusters.append([])
            clusters[joined].append(i)
            for t in toks:
                if not index[t] or index[t][-1] != joined:
                    index[t].append(joined)
    return [[items[i] for i in c] for c in clusters]


def attach(
    groups: list[list[T]],
    orphans: Sequence[T],
    tokens: Callable[[T], list[str]],
    similar: Callable[[T, T], bool],
) -> list[T]:
    """Add each orphan (an item missing its bucket key) to a group it matches; return the rest.

    Groups are found through their first member's tokens, so this too stays near-linear.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for gi, group in enumerate(groups):
        for t in sorted(set(tokens(group[0]))):
            postings[t].append(gi)
    left = []
    for item in orphans:
        shared: Counter[int] = Counter()
        for t in set(tokens(item)):
            for gi in postings.get(t, [])[:POSTINGS]:
                shared[gi] += 1
        candidates = sorted(shared, key=lambda g: (-shared[g], g))[:MAX_CANDIDATES]
        match = next((g for g in sorted(candidates) if similar(item, groups[g][0])), None)
        if match is None:
            left.append(item)
        else:
            groups[match].append(item)
    return left
