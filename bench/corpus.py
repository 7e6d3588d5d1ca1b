"""Makes N distinct benchmark articles from the seeds, so no cache or dedup can collapse them."""

from __future__ import annotations

import random
import re
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def seed_bodies(seeds: Path) -> list[str]:
    return [FRONT_MATTER.sub("", p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.*"))]


def variant(body: str, n: int) -> str:
    """The seed with its paragraphs reordered and a numbered lede: same language, new text."""
    rng = random.Random(n)
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    head, rest = paragraphs[:1], paragraphs[1:]
    rng.shuffle(rest)
    day = 1 + n % 28
    lede = f"Update {n}: officials met again on {day} March 2022 to review the talks."
    return "\n\n".join([*head, lede, *rest]) + "\n"


def write_corpus(seeds: Path, out: Path, count: int, start: int = 0) -> list[Path]:
    """Write articles `start` .. `start + count - 1` into `out` (plain .txt, with front matter)."""
    bodies = seed_bodies(seeds)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(start, start + count):
        path = out / f"bench-{n:05d}.txt"
        front = (
            f"---\ntitle: Benchmark article {n}\noutlet: Bench Wire\npublished: 2022-01-12\n---\n"
        )
        path.write_text(front + variant(bodies[n % len(bodies)], n), encoding="utf-8")
        paths.append(path)
    return paths
