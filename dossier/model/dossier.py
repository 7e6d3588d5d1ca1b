"""The schema of `dossier.yaml`: the one interface between extraction and rendering."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = 1

ActorType = Literal["person", "organization", "state", "group", "other"]
Stance = Literal["support", "oppose", "mixed", "neutral"]
DemandStatus = Literal["open", "rejected", "accepted", "unknown"]

# ISO day, or a month or year alone where that is all the text gives.
ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
ISO_PARTIAL = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Strict(BaseModel):
    """Base: unknown keys are errors, so a typo in data never passes silently."""

    model_config = ConfigDict(extra="forbid")


class Evidence(Strict):
    """An exact span of an article file: `file_text[start:end] == text`."""

    source: str = Field(description="Source id")
    text: str = Field(description="The supporting sentence, verbatim")
    start: int = Field(
        ge=0, description="Character offset in the decoded file, no newline translation"
    )
    end: int = Field(ge=0)
    anchor: str = Field(default="", description="Sentence anchor on the source page, e.g. 's12'")


class SourceSentence(Strict):
    anchor: str
    start: int
    end: int
    text: str


class Source(Strict):
    id: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, pattern=ISO_DAY)
    path: str = Field(description="Repository-relative path of the article file")
    sha256: str
    author: str | None = None
    language: str = "en"
    paragraphs: list[list[SourceSentence]] = Field(
        default=[], description="The cleaned body: paragraphs of anchored sentences"
    )


class Role(Strict):
    title: str
    evidence: list[Evidence] = []


class Actor(Strict):
    id: str
    name: str
    type: ActorType
    aliases: list[str] = []
    affiliation: str | None = Field(default=None, description="Actor id")
    roles: list[Role] = []
    mentions: int = 0
    sources: list[str] = []
    curated: bool = False


class Issue(Strict):
    id: str
    label: str
    keywords: list[str] = []


class Position(Strict):
    id: str
    actor: str
    issue: str
    stance: Stance
    summary: str
    evidence: list[Evidence] = []
    curated: bool = False
    note: str | None = None
    confidence: Literal["high", "low"] = "high"


class Demand(Strict):
    id: str
    by: str
    of: list[str] = []
    text: str
    status: DemandStatus = "unknown"
    evidence: list[Evidence] = []
    curated: bool = False


class NextStep(Strict):
    id: str
    text: str
    date: str | None = Field(default=None, pattern=ISO_PARTIAL)
    place: str | None = None
    actors: list[str] = []
    evidence: list[Evidence] = []
    curated: bool = False


class TimelineEvent(Strict):
    id: str
    date: str = Field(pattern=ISO_PARTIAL)
    text: str
    place: str | None = None
    actors: list[str] = []
    evidence: list[Evidence] = []
    curated: bool = False


class Quote(Strict):
    id: str
    speaker: str
    text: str
    evidence: list[Evidence] = []
    curated: bool = False
    confidence: Literal["high", "low"] = "high"


class DiscrepancyValue(Strict):
    value: str
    sources: list[str]
    evidence: list[Evidence] = []


class Discrepancy(Strict):
    id: str
    subject: str = Field(description="Actor id, or free text")
    field: str
    values: list[DiscrepancyValue]


class KeyPoint(Strict):
    id: str
    text: str
    evidence: list[Evidence] = []


class Dossier(Strict):
    schema_version: Literal[1] = SCHEMA_VERSION
    title: str
    updated: str | None = Field(default=None, pattern=ISO_DAY, description="Newest source date")
    key_points: list[KeyPoint] = []
    sources: list[Source] = []
    actors: list[Actor] = []
    issues: list[Issue] = []
    positions: list[Position] = []
    demands: list[Demand] = []
    next_steps: list[NextStep] = []
    timeline: list[TimelineEvent] = []
    quotes: list[Quote] = []
    discrepancies: list[Discrepancy] = []
