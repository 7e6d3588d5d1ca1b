"""Stage 1, ingest: article files in, `Article`s out (decoded text, metadata, body spans kept).

Contract (owned by the ingest module; other stages rely on it):
- `ingest_dir(articles_dir, root, max_bytes) -> IngestResult` does the I/O: lists files
  (.md, .txt, .html, .htm) recursively in sorted order, refuses symlinks leaving the
  repository, stats before reading, and calls `parse_article` on each. Bad files become
  `Skipped` entries with a one-line reason, never exceptions; duplicates of an earlier file
  are skipped as "duplicate of <path>"; source ids are made unique.
- `parse_article(raw, rel_path, max_bytes) -> Article` is pure. `Article.text` is the file
  decoded with no newline translation (a byte-order mark dropped); every `Span` in
  `paragraphs` satisfies `text[start:end] == paragraph`, trimmed, with no control characters.
  It raises only `DossierError`, for files the caller should skip.

Modules: decode (bytes to text), frontmatter, htmltext (HTML runs and meta), segment
(candidate paragraphs), furniture (rules from dossier/lexicons/furniture.yaml), metadata
(datelines, bylines, outlets, headlines), paragraphs (which candidates are the story),
language (English or not), parse (one file), reader (the folder).
"""

from dossier.ingest.parse import DEFAULT_MAX_BYTES, parse_article
from dossier.ingest.reader import ingest_dir
from dossier.ingest.result import IngestResult, Skipped

__all__ = ["DEFAULT_MAX_BYTES", "IngestResult", "Skipped", "ingest_dir", "parse_article"]
