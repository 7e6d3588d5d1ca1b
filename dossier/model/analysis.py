"""What analyse hands to resolve: one article's claims, every one tied to file offsets.

This is what the per-article cache stores, so it must stay plain data (no spaCy objects).
Entity keys (`e1`, `e2`, ...) are local to one article; resolve maps them to actors.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

EntityKind = Literal["person", "organization", "state", "group", "other"]


class Sentence(BaseModel):
    start: int  # offsets into Article.text
    end: int
    text: str  # == Article.text[start:end]; kept so resolve never needs the article again
    anchor: str  # "s1", "s2", ... in document order, stable for the same text
    paragraph: int  # index into Article.paragraphs


class Mention(BaseModel):
    start: int
    end: int
    text: str
    sentence: int  # index into Analysis.sentences
    form: Literal["name", "title", "pronoun", "capital", "abbreviation"] = "name"


class RoleClaim(BaseModel):
    title: str  # normalised title, e.g. "Deputy Foreign Minister"
    surface: str  # as written, e.g. "Deputy Foreign Minister"
    sentence: int
    affiliation: str | None = None  # surface of the body/state it belongs to, e.g. "Russia"


class LocalEntity(BaseModel):
    """One real-world entity as seen inside one article."""

    key: str
    name: str  # the fullest name form seen in the article
    kind: EntityKind
    label: str  # spaCy label it came from (PERSON, ORG, GPE, NORP, ...)
    surfaces: list[str]  # every surface form, titles and capitals included
    mentions: list[Mention]
    roles: list[RoleClaim] = []
    affiliations: list[str] = []  # surfaces of bodies/states this entity belongs to or speaks for


class QuoteClaim(BaseModel):
    speaker: str | None  # entity key, None when no speaker could be found
    text: str  # the words inside the quotation marks
    start: int  # offsets of the quoted words
    end: int
    sentence: int  # sentence carrying the quote (evidence)
    attribution: Literal["explicit", "pronoun", "continuation", "title", "none"] = "explicit"
    kind: Literal["direct", "partial", "reported"] = "direct"


class DemandClaim(BaseModel):
    by: str | None  # entity key
    of: list[str] = []  # entity keys
    text: str  # content of the demand, e.g. "withdraw its fleet from the bay"
    sentence: int
    status: Literal["open", "rejected", "accepted", "unknown"] = "unknown"
    cue: str = ""  # the verb or noun that triggered it


class StanceClaim(BaseModel):
    holder: str  # entity key
    stance: Literal["support", "oppose", "mixed", "neutral"]
    keywords: list[str]  # issue terms found in the sentence
    sentence: int
    cue: str = ""


class DatedClaim(BaseModel):
    """A dated event: past (timeline) or future (next step).

    `date` is None only for future items the text gives no date for ("dates for further
    sessions"): they are next steps still; a past event without a date is not emitted.
    """

    date: str | None  # YYYY-MM-DD, YYYY-MM or YYYY
    text: str  # short description
    tense: Literal["past", "future"]
    sentence: int
    place: str | None = None
    actors: list[str] = []  # entity keys
    date_surface: str = ""


class Analysis(BaseModel):
    source: str  # Article.id
    sha256: str
    pipeline: str  # the cache key's pipeline version
    sentences: list[Sentence]
    entities: list[LocalEntity]
    quotes: list[QuoteClaim] = []
    demands: list[DemandClaim] = []
    stances: list[StanceClaim] = []
    dated: list[DatedClaim] = []
