"""Stage 2, analyse: one `Article` at a time through spaCy into an `Analysis`, cached by content hash.

Contract:
- `analyse_articles(articles, settings, progress=None) -> Iterator[tuple[Analysis, bool]]`
  yields each article's analysis in input order and whether it came from the cache.
- `nlp.load_nlp(model) -> Language` raises `ModelMissing` with the install command.
- `pipeline_version(nlp) -> str`: model name + version + RULES_VERSION, part of the cache key.
- The pure core is `analyse_doc(article, doc) -> Analysis`, where `doc` is the model's
  parse of `analysis_text(article).text` (the kept paragraphs joined by blank lines).
"""

from .cache import AnalysisCache, analyse_articles, cache_key
from .core import analyse_doc
from .nlp import load_nlp, pipeline_version
from .text import analysis_text

__all__ = [
    "AnalysisCache",
    "analyse_articles",
    "analyse_doc",
    "analysis_text",
    "cache_key",
    "load_nlp",
    "pipeline_version",
]
