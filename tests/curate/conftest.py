"""A small hand-made bare dossier with the defects curation exists to fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from dossier.curate import load_curation
from dossier.model.dossier import (
    Actor,
    Demand,
    Discrepancy,
    DiscrepancyValue,
    Dossier,
    Evidence,
    Issue,
    NextStep,
    Position,
    Quote,
    Role,
    TimelineEvent,
)
from tests.samples import span, stub_source


def ev(source: str, start: int) -> Evidence:
    return span(source, "x", start)


def _positions() -> list[Position]:
    """Both halves of the split Lindqvist take stances; so does the furniture actor."""
    cells = [
        ("maria-lindqvist", "fishing-quotas", "support", ev("a", 10)),
        ("lindqvist", "fishing-quotas", "oppose", ev("b", 20)),
        ("lindqvist", "border-talks", "support", ev("b", 30)),
    ]
    positions = [
        Position(id=f"{a}-{i}", actor=a, issue=i, stance=s, summary="s", evidence=[e])
        for a, i, s, e in cells
    ]
    positions.append(
        Position(
            id="share-border-talks",
            actor="share",
            issue="border-talks",
            stance="neutral",
            summary="s",
        )
    )
    return positions


@pytest.fixture
def bare() -> Dossier:
    """Maria Lindqvist split in two ("Lindqvist" alone), a furniture actor "Share", and the rest."""
    return Dossier(
        title="Bare title",
        sources=[
            stub_source("a", "content/articles/a.txt", "0"),
            stub_source("b", "content/articles/b.txt", "1"),
        ],
        actors=[
            Actor(
                id="maria-lindqvist",
                name="Maria Lindqvist",
                type="person",
                aliases=["Maria Lindqvist"],
                affiliation="nordic-council",
                roles=[Role(title="Council President", evidence=[ev("a", 0)])],
                mentions=3,
                sources=["a"],
            ),
            Actor(
                id="lindqvist",
                name="Lindqvist",
                type="other",
                aliases=["Lindqvist", "the council chief"],
                roles=[Role(title="council president", evidence=[ev("b", 5)])],
                mentions=2,
                sources=["b"],
            ),
            Actor(
                id="nordic-council",
                name="Nordic Council",
                type="organization",
                mentions=4,
                sources=["a", "b"],
            ),
            Actor(
                id="veldoria",
                name="Veldoria",
                type="state",
                aliases=["Veldoria", "Ostrava"],
                mentions=5,
                sources=["a", "b"],
            ),
            Actor(
                id="share",
                name="Share",
                type="other",
                affiliation="veldoria",
                mentions=2,
                sources=["a"],
            ),
        ],
        issues=[
            Issue(id="fishing-quotas", label="Fishing quotas", keywords=["quota"]),
            Issue(id="border-talks", label="Border talks", keywords=["border"]),
        ],
        positions=_positions(),
        demands=[
            Demand(
                id="veldoria-demands-quota-cut",
                by="veldoria",
                of=["nordic-council", "share"],
                text="cut the quota",
                status="open",
            ),
            Demand(id="share-demands-x", by="share", of=["veldoria"], text="share this"),
            Demand(
                id="lindqvist-demands-talks",
                by="lindqvist",
                of=["veldoria"],
                text="return to talks",
                evidence=[ev("b", 40)],
            ),
        ],
        next_steps=[
            NextStep(
                id="talks-in-oslo",
                text="talks in Oslo",
                date="2024-03-03",
                actors=["share", "veldoria", "lindqvist"],
            ),
        ],
        timeline=[
            TimelineEvent(
                id="first-round", date="2024-01", text="first round", actors=["lindqvist"]
            ),
        ],
        quotes=[
            Quote(
                id="q-lindqvist-ready",
                speaker="lindqvist",
                text="We are ready",
                evidence=[ev("b", 50)],
            ),
            Quote(
                id="q-maria-ready",
                speaker="maria-lindqvist",
                text="We are ready",
                evidence=[ev("a", 60)],
            ),
            Quote(id="q-share", speaker="share", text="Share this article"),
        ],
        discrepancies=[
            Discrepancy(
                id="lindqvist-title",
                subject="lindqvist",
                field="title",
                values=[
                    DiscrepancyValue(value="President", sources=["a"]),
                    DiscrepancyValue(value="Chair", sources=["b"]),
                ],
            ),
            Discrepancy(
                id="share-name",
                subject="share",
                field="name",
                values=[DiscrepancyValue(value="Share", sources=["a"])],
            ),
        ],
    )


@pytest.fixture
def write(tmp_path: Path):
    """Write a curation file (dedented) and load it."""

    def _write(text: str, name: str = "curation.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return load_curation(path)

    return _write
