"""Stage 2, analyse: one `Article` at a time through spaCy into an `Analysis`, cached by content hash.

Contract:
- `analyse_articles(articles, settings, progress=None) -> Iterator[tuple[Analysis, bool]]`
  yields each article's analysis in input order and whether it came from the cache.
- `nlp.load_nlp(model) -> Language` raises `ModelMissing` with the install command.
- `pipeline_version(nlp) -> str`: model name + version + RULES_VERSION, part of the cache key.
- The pure core is `analyse_doc(article, doc) -> Analysis`.
"""
