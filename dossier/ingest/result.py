"""What ingest_dir returns: the articles kept, the files skipped and why, and warnings."""

from __future__ import annotations

from pydantic import BaseModel

from dossier.model.article import Article


class Skipped(BaseModel):
    """A file that was not analysed. `reason` is one line; the CLI prints `path: skipped: reason`."""

    path: str
    reason: str


class IngestResult(BaseModel):
    articles: list[Article] = []
    skipped: list[Skipped] = []
    warnings: list[str] = []  # each starts with the file's path
