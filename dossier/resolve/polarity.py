"""A claim's stance toward each issue it names: the nearest cue governs the nearest keyword.

analyse gives one stance per sentence; a sentence often names several issues with different
attitudes ("NATO won't agree to a new security architecture but wants to continue diplomacy").
Here each issue keyword takes the polarity of the stance cue that governs it (the closest one
before it, else just after it), turned around by "against" keywords (a veto on enlargement)
and by negators in between ("stop its expansion", "cannot expand").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from dossier.resolve.issues import BOUNDARY, COMMA, FrameMatcher, Hit
from dossier.resolve.lexicon import issue_negators, stance_cues
from dossier.resolve.text import fold, stem, words

BEFORE = 6  # tokens between a cue and the keyword it governs, cue first
AFTER = 3  # tokens between a keyword and a cue after it ("the pipeline poses a risk")
# A cue after a keyword governs it only within its clause: not across these.
STOP_AFTER = frozenset(
    {
        "|",
        ",",
        "and",
        "but",
        "despite",
        "although",
        "though",
        "while",
        "however",
        "whereas",
        "yet",
        "or",
    }
)
PREDICATE_REACH = 8  # tokens from a subject keyword to a predicate cue after its copula
COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "remain", "remained"})
NEGATION_REACH = 4  # tokens before a cue or keyword where a negation turns it around


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    polarity: int  # +1 support, -1 oppose, 0 framing (no attitude)


def _lemma_match(token: str, lemma: str) -> bool:
    if token == lemma:
        return True
    base = lemma[:-1] if lemma.endswith("e") and len(lemma) > 3 else lemma
    return token.startswith(base) and len(token) - len(lemma) <= 3 and len(lemma) > 2


@cache
def _index() -> tuple[dict, dict, dict]:
    """Cue phrases by first token and lemmas by first three letters: one lookup per token."""
    book = stance_cues()
    phrases: dict[str, list] = defaultdict(list)
    for phrase, pol in book["phrases"].items():
        ptoks = tuple(stem(w) for w in words(phrase))
        if ptoks:
            phrases[ptoks[0]].append((ptoks, phrase, pol))
    for entries in phrases.values():
        entries.sort(key=lambda e: (-len(e[0]), e[1]))
    lemmas: dict[str, list] = defaultdict(list)
    for lemma, pol in book["lemmas"].items():
        lemmas[lemma[:3]].append((lemma, pol))
    return phrases, lemmas, book


def find_cues(toks: list[str]) -> list[Cue]:
    """Stance cues in a token stream: the longest phrase at each point, else a lemma."""
    phrases, lemmas, book = _index()
    cues: list[Cue] = []
    i = 0
    while i < len(toks):
        for ptoks, phrase, pol in phrases.get(toks[i], ()):
            if tuple(toks[i : i + len(ptoks)]) == ptoks:
                negated = phrase not in book["negative_phrases"] and _negated(toks, i, book)
                cues.append(Cue(i, i + len(ptoks), -pol if negated else pol))
                i += len(ptoks)
                break
        else:
            for lemma, pol in lemmas.get(toks[i][:3], ()):
                if _lemma_match(toks[i], lemma):
                    cues.append(Cue(i, i + 1, -pol if pol and _negated(toks, i, book) else pol))
                    break
            i += 1
    return cues


def _negated(toks: list[str], i: int, book: dict) -> bool:
    return any(t in book["negations"] for t in toks[max(0, i - NEGATION_REACH) : i])


def governing(cues: list[Cue], hit: Hit, toks: list[str]) -> Cue | None:
    """The cue that bears on a keyword: one covering it, else the nearest (before wins ties)."""
    # A participle right before the keyword, or right after a determiner, describes a noun
    # ("growing deployments", "the continued Russian build-up"): no one's attitude.
    live = [c for c in cues if c.polarity != 0 and not _attributive(c, hit, toks)]
    covering = [c for c in live if c.start <= hit.start and c.end >= hit.end]
    if covering:
        return covering[0]
    before = [
        c
        for c in live
        if c.end <= hit.start
        and hit.start - c.end <= BEFORE
        and BOUNDARY not in toks[c.end : hit.start]
    ]
    after = [
        c
        for c in live
        if c.start >= hit.end
        and c.start - hit.end <= AFTER
        and not STOP_AFTER & set(toks[hit.end : c.start])
    ]
    # "denied reports that the motion was ...": the cue bears on the claim, not on what
    # the claim says.
    before = [c for c in before if not _reported_content(toks[c.end : hit.start])]
    if not after:
        # A predicate after a copula bears on its clause's subject, however long ("access to
        # those mines is out of the question").
        after = [
            c
            for c in live
            if c.start >= hit.end
            and c.start - hit.end <= PREDICATE_REACH
            and COPULAS & set(toks[max(hit.end, c.start - 2) : c.start])
            and not STOP_AFTER & set(toks[hit.end : c.start])
        ]
    near_before = max(before, key=lambda c: c.end) if before else None
    near_after = min(after, key=lambda c: c.start) if after else None
    if near_before and near_after:
        # A predicate right after the keyword ("the pipeline poses a risk") beats a cue
        # further back; on a tie the cue before wins (it usually takes the keyword as object).
        if near_after.start - hit.end < hit.start - near_before.end:
            return near_after
        return near_before
    return near_before or near_after


@cache
def _content_nouns() -> frozenset[str]:
    from dossier import lexicons

    return frozenset(stem(fold(w)) for w in lexicons.load("stance_cues").get("content_nouns", []))


def _reported_content(between: list[str]) -> bool:
    """A noun for what someone says ("claims", "suggestions") and its "that" lie between."""
    return any(
        t in _content_nouns() and "that" in between[k + 1 : k + 2] for k, t in enumerate(between)
    )


# Words after which an -ed/-ing word is an adjective in a noun phrase, not a verb.
DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "that",
        "these",
        "those",
        "any",
        "such",
    ]
)


def _attributive(c: Cue, hit: Hit, toks: list[str]) -> bool:
    if c.end - c.start != 1 or not toks[c.start].endswith(("ed", "ing")):
        return False
    return c.end == hit.start or (c.start > 0 and toks[c.start - 1] in DETERMINERS)


def claim_cues(toks: list[str], cue_field: str, default: int) -> list[Cue]:
    """analyse's own cues for a claim ("right to, open to, stress"), found in the tokens.

    Their polarity is the lexicon's where known, else the claim's stance.
    """
    _, _, book = _index()
    out = []
    for cue in (c.strip() for c in cue_field.split(",")):
        ctoks = [stem(w) for w in words(cue)]
        if not ctoks:
            continue
        pol = book["phrases"].get(fold(cue), book["lemmas"].get(fold(cue), default))
        n, first = len(ctoks), ctoks[0]
        for i in range(len(toks) - n + 1):
            if _lemma_match(toks[i], first) and all(
                _lemma_match(toks[i + k], ctoks[k]) for k in range(1, n)
            ):
                out.append(Cue(i, i + n, pol))
    return out


def issue_polarity(
    toks: list[str],
    matcher: FrameMatcher,
    frames: set[int],
    default: int,
    cue_field: str = "",
    wanted: bool = False,
    foreign: str = "",
) -> dict[int, tuple[int, int]]:
    """Per frame in `frames`: (support votes, oppose votes) from one sentence or demand.

    `default` (+1, -1 or 0) is the claim's overall stance: it locates analyse's cues, and it
    stands for the whole text only when the text has no cue at all and names one issue.
    `wanted` marks a demand's text: what it says is wanted, so its negators count ("stop its
    expansion"); a stance claim's default already weighed the sentence's negations.
    `foreign` lists the cues analyse gave other holders of the same sentence only: they speak
    for those holders ("Egypt pressed for a treaty after Ethiopia refused to ..."), not this one.
    """
    cues = find_cues(toks)
    if foreign:
        theirs = {i for c in claim_cues(toks, foreign, 0) for i in range(c.start, c.end)}
        cues = [c for c in cues if not theirs & set(range(c.start, c.end))]
    taken = {i for c in cues for i in range(c.start, c.end)}
    analysed = claim_cues(toks, cue_field, default)
    own = [c for c in analysed if not taken & set(range(c.start, c.end))]
    cues += own
    every_hit = matcher.spans(toks)
    # A cue word inside a longer keyword is part of the keyword ("combat-ready troops"), no
    # attitude; when it was all analyse saw in the claim, the claim's stance goes with it.
    cues = [c for c in cues if not _inside_keyword(c, every_hit)]
    located = [c for c in analysed if not _inside_keyword(c, every_hit)]
    if analysed and not located:
        default = 0
    hits = [h for h in every_hit if h.frame in frames]
    one_issue = len({h.frame for h in hits}) == 1
    if not wanted and (any(c.polarity for c in cues) or not one_issue):
        default = 0
    negators = issue_negators()
    votes: dict[int, list[int]] = {}
    for k, hit in enumerate(hits):
        prev = hits[k - 1] if k else None
        if (
            prev
            and 0 < hit.start - prev.end <= 2
            and not STOP_AFTER & set(toks[prev.end : hit.start])
        ):
            continue  # the object of the keyword before ("a veto on membership", "pullout of troops")
        if (
            prev
            and prev.frame == hit.frame
            and hit.start - prev.end == 1
            and toks[prev.end] in ("and", "or", ",")
        ):
            continue  # one vote for a pair ("withdraw its fleet and survey vessels")
        if wanted and hit.frame in votes:
            continue  # a demand wants one thing: later words describe it ("near the shoal, where")
        if _related_only(toks, hit):
            continue  # "any tie between the quota and the tariffs": the tie is the object
        cue = governing(cues, hit, toks)
        if cue is None and wanted and _passive_agent(toks, hit):
            continue  # "take over the boats seized by the sailors": the sailors are not wanted
        pol = cue.polarity if cue else default
        if pol == 0 and not wanted:
            # analyse's own cue for this claim, earlier in the same clause, speaks for the first
            # keyword after it in one comma-free stretch ("ready to send observers ... if they
            # sign a ceasefire"; a trailing ", as the two wrapped up a round of talks" is not its
            # object). A cue no lexicon entry found reaches across commas to the one issue the
            # sentence names.
            earlier = [
                c
                for c in located
                if c.polarity
                and c.end <= hit.start
                and BOUNDARY not in toks[c.end : hit.start]
                and not _reported_content(toks[c.end : hit.start])
                and (
                    (one_issue and c in own)
                    or (
                        COMMA not in toks[c.end : hit.start]
                        and not [h for h in hits if c.end <= h.start < hit.start]
                    )
                )
            ]
            if earlier:
                # It stands as the keyword's cue, so negators between count ("rejecting a
                # demand that the alliance stop its expansion" backs the expansion).
                cue = earlier[-1]
                pol = cue.polarity
            else:
                cue = _passive_of(located, hit, hits, toks)
                pol = cue.polarity if cue else 0
        if pol == 0:
            continue
        # Negators between the cue and the keyword turn it around; an even number cancels out.
        lo = max(hit.start - NEGATION_REACH, cue.end if cue and cue.end <= hit.start else 0)
        if prev:
            lo = max(lo, prev.end)  # "pull back and de-escalate": a keyword negates nothing
        inside = cue is not None and cue.start <= hit.start < cue.end
        flips = negator_count(toks[lo : hit.start], negators) + _split_negated(toks, lo, hit)
        if (cue or wanted) and not inside and flips % 2:
            pol = -pol
        if hit.against:
            pol = -pol
        v = votes.setdefault(hit.frame, [0, 0])
        v[0 if pol > 0 else 1] += 1
    return {f: (v[0], v[1]) for f, v in votes.items()}


def _passive_of(cues: list[Cue], hit: Hit, hits: list[Hit], toks: list[str]) -> Cue | None:
    """analyse's own cue as a passive participle with its agent after the keyword it describes
    ("the motion, written by A", "the text adopted on Monday, put forward by B"): it bears
    on that keyword across commas, within the clause and with no other keyword between."""
    for c in cues:
        if not c.polarity or c.start < hit.end or "by" not in toks[c.end : c.end + 2]:
            continue
        between = toks[hit.end : c.start]
        if BOUNDARY in between or any(hit.end <= h.start < c.start for h in hits):
            continue
        return c
    return None


def _inside_keyword(cue: Cue, hits: list[Hit]) -> bool:
    return any(
        h.start <= cue.start and cue.end <= h.end and (cue.end - cue.start) < (h.end - h.start)
        for h in hits
    )


def _related_only(toks: list[str], hit: Hit) -> bool:
    """The keyword is one end of a relation ("a tie between the quota and ..."), not what a
    cue bears on."""
    return "between" in toks[max(0, hit.start - 2) : hit.start]


def _passive_agent(toks: list[str], hit: Hit) -> bool:
    """The keyword is the doer after a passive "by" ("seized by Peruvian sailors")."""
    return "by" in toks[max(0, hit.start - 2) : hit.start]


@cache
def _split_negators() -> tuple[tuple[str, str], ...]:
    from dossier import lexicons

    pairs = lexicons.load("issues").get("split_negators") or []
    return tuple((stem(str(v)), stem(str(p))) for v, p in pairs)


def _split_negated(toks: list[str], lo: int, hit: Hit) -> int:
    """1 when a negating verb before the keyword has its particle right after it ("hold the
    vote back")."""
    after = toks[hit.end] if hit.end < len(toks) else ""
    return int(
        any(after == part and verb in toks[lo : hit.start] for verb, part in _split_negators())
    )


def negator_count(window: list[str], negators: frozenset[str]) -> int:
    """Negators in a token window: single words (stemmed) and phrases ("phase out")."""
    count = sum(stem_negator(t, negators) for t in window)
    for phrase in _phrases(negators):
        n = len(phrase)
        count += sum(tuple(window[i : i + n]) == phrase for i in range(len(window) - n + 1))
    return count


@cache
def _phrases(negators: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(stem(w) for w in words(n)) for n in sorted(negators) if len(words(n)) > 1)


def stem_negator(token: str, negators: frozenset[str]) -> bool:
    """ "stops", "preventing", "withdrawal" count as their negator."""
    return token in negators or any(
        token.startswith(n) and len(token) - len(n) <= 4 and len(n) > 3 for n in negators
    )
