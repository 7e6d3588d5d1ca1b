"""What ingest hands to analyse: an article's decoded text, its metadata and the body spans kept."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Span(BaseModel):
    """A half-open character range `[start, end)` in the decoded article file."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int


class Removed(BaseModel):
    """A stretch of the file ingest dropped, and why (furniture, duplicate, front matter...)."""

    start: int
    end: int
    reason: str


class Article(BaseModel):
    """One article file after ingest.

    `text` is the whole file decoded with no newline translation, so every offset in the
    pipeline indexes it directly. `paragraphs` are the body spans kept, in file order;
    everything else (front matter, furniture, repeats) is in `removed`.
    """

    id: str  # source id: a stable slug of the file name
    path: str  # repository-relative, POSIX separators
    sha256: str  # of the raw bytes
    encoding: str
    text: str
    title: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    author: str | None = None
    language: str = "en"
    paragraphs: list[Span] = []
    removed: list[Removed] = []
    warnings: list[str] = []

    def para_text(self, span: Span) -> str:
        return self.text[span.start : span.end]
