"""Stage 1, ingest: article files in, `Article`s out (decoded text, metadata, body spans kept).

Contract (owned by the ingest module; other stages rely on it):
- `ingest_dir(articles_dir, root, max_bytes) -> IngestResult` does the I/O: lists files
  (.md, .txt, .html), refuses symlinks leaving the repository, reads bytes, and calls
  `parse_article` on each. Bad files become `Skipped` entries with a reason, never exceptions.
- `parse_article(raw, rel_path, max_bytes) -> Article` is pure.
"""
