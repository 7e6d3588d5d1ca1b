"""Scaling check for resolve (a script, not a test): time over 100, 1,000, 5,000 synthetic analyses.

Run: `.venv/bin/python tests/resolve/scaling_check.py [sizes...]`. Prints seconds per size and
the growth ratio; near-linear means the ratio of times tracks the ratio of sizes. The corpus
grows in people, quotes and events as a real crisis does (new names keep arriving), while a core
cast recurs in every article, so both the blocking buckets and the number of actors grow.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dossier.model.analysis import (
    Analysis,
    DatedClaim,
    DemandClaim,
    LocalEntity,
    Mention,
    QuoteClaim,
    RoleClaim,
    Sentence,
    StanceClaim,
)
from dossier.model.dossier import Source
from dossier.resolve import resolve

SYLLABLES = ["ka", "lo", "mi", "ran", "tov", "sen", "ber", "dra", "vi", "nor", "gul", "esh", "tan"]
STATES = ["Ruritania", "Freedonia", "Syldavia", "Borduria", "Latveria", "Genovia"]
ISSUES = [
    "open door",
    "troop buildup",
    "further talks",
    "security guarantees",
    "sanctions",
    "ceasefire",
    "arms control",
    "humanitarian corridors",
]
WORDS = [
    "we",
    "will",
    "continue",
    "the",
    "talks",
    "and",
    "keep",
    "the",
    "door",
    "open",
    "to",
    "every",
    "nation",
    "that",
    "wants",
    "to",
    "join",
    "while",
    "our",
    "troops",
    "stay",
    "ready",
    "and",
    "the",
    "sanctions",
    "remain",
    "in",
    "place",
    "until",
    "a",
    "ceasefire",
    "holds",
]


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def synthetic(n: int, seed: int = 7) -> tuple[list[Source], list[Analysis]]:
    rng = random.Random(seed)
    core = [_name(rng) for _ in range(8)]
    pool: list[str] = list(core)
    sources, analyses = [], []
    for k in range(n):
        if k % 2 == 0:
            pool.append(_name(rng))  # new people keep arriving
        sid = f"article-{k:05d}"
        texts = []
        for _ in range(30):
            words = rng.sample(WORDS, 12)
            texts.append(" ".join([*words, rng.choice(ISSUES)]).capitalize() + ".")
        sentences, pos = [], 0
        for i, t in enumerate(texts):
            sentences.append(
                Sentence(start=pos, end=pos + len(t), text=t, anchor=f"s{i + 1}", paragraph=i)
            )
            pos += len(t) + 2
        people = [*rng.sample(core, 4), *rng.sample(pool, 6)]
        entities = []
        for j, person in enumerate(people):
            surname = person.split()[-1]
            surfaces = [person, surname] if j % 2 else [person]
            ms = [
                Mention(start=0, end=len(s), text=s, sentence=rng.randrange(30)) for s in surfaces
            ]
            roles = (
                [
                    RoleClaim(
                        title="Foreign Minister",
                        surface="Foreign Minister",
                        sentence=0,
                        affiliation=STATES[j % len(STATES)],
                    )
                ]
                if j < 3
                else []
            )
            entities.append(
                LocalEntity(
                    key=f"p{j}",
                    name=person,
                    kind="person",
                    label="PERSON",
                    surfaces=surfaces,
                    mentions=ms,
                    roles=roles,
                )
            )
        for j, state in enumerate(STATES):
            entities.append(
                LocalEntity(
                    key=f"s{j}",
                    name=state,
                    kind="state",
                    label="GPE",
                    surfaces=[state],
                    mentions=[Mention(start=0, end=len(state), text=state, sentence=j)],
                )
            )
        quotes = [
            QuoteClaim(
                speaker=f"p{rng.randrange(10)}",
                text=" ".join(rng.sample(WORDS, 14)),
                start=0,
                end=10,
                sentence=rng.randrange(30),
            )
            for _ in range(5)
        ]
        demands = [
            DemandClaim(
                by=f"s{rng.randrange(6)}",
                of=[f"s{rng.randrange(6)}"],
                text=" ".join(rng.sample(WORDS, 8)),
                sentence=rng.randrange(30),
            )
            for _ in range(3)
        ]
        stances = [
            StanceClaim(
                holder=f"p{rng.randrange(10)}",
                stance=rng.choice(["support", "oppose"]),
                keywords=[rng.choice(ISSUES)],
                sentence=rng.randrange(30),
            )
            for _ in range(8)
        ]
        dated = [
            DatedClaim(
                date=f"2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                text=" ".join(rng.sample(WORDS, 6)),
                tense=rng.choice(["past", "future"]),
                sentence=rng.randrange(30),
                place=rng.choice(STATES),
            )
            for _ in range(4)
        ]
        sources.append(
            Source(
                id=sid,
                title=sid,
                path=f"content/articles/{sid}.txt",
                sha256="0" * 64,
                published="2025-03-01",
            )
        )
        analyses.append(
            Analysis(
                source=sid,
                sha256="0" * 64,
                pipeline="synthetic",
                sentences=sentences,
                entities=entities,
                quotes=quotes,
                demands=demands,
                stances=stances,
                dated=dated,
            )
        )
    return sources, analyses


def main(sizes: list[int]) -> None:
    times = {}
    for n in sizes:
        sources, analyses = synthetic(n)
        started = time.perf_counter()
        d = resolve(sources, analyses)
        times[n] = time.perf_counter() - started
        print(
            f"{n:>6} analyses: {times[n]:7.2f} s  ({len(d.actors)} actors, {len(d.quotes)} quotes, "
            f"{len(d.demands)} demands, {len(d.positions)} positions)",
            flush=True,
        )
    first, last = sizes[0], sizes[-1]
    print(f"size x{last / first:.0f} -> time x{times[last] / times[first]:.1f}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
