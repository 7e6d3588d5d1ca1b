"""Stage 2, analyse: one `Article` at a time through spaCy into an `Analysis`, cached by content hash.

Contract:
- `analyse_articles(articles, settings, progress=None, nlp=None) -> Iterator[tuple[Analysis, bool]]`
  yields each article's analysis in input order and whether it came from the cache.
- `load_nlp(model) -> Language` raises `ModelMissing` with the install command.
- `pipeline_version(nlp) -> str`: model name + version + RULES_VERSION, part of the cache key.
- The pure core is `analyse_doc(article, doc) -> Analysis`, where `doc` is the model's
  parse of `analysis_text(article).text` (the kept paragraphs joined by blank lines).

What the fields mean (the contract with resolve):
- Offsets (sentences, mentions, quotes) index `Article.text`; `text == article.text[start:end]`.
  A sentence never crosses a paragraph; `Sentence.paragraph` indexes `Article.paragraphs`.
- `LocalEntity.name`: for states and known bodies the lexicon's canonical name ("United
  States", "Organization for Security and Co-operation in Europe"); for people the longest
  name form seen. `surfaces` are only forms written in the article (names, abbreviations,
  capitals and seats of power, title phrases such as "the NATO chief"), never pronouns.
- `Mention.form`: name | abbreviation | capital (a capital or seat used as an actor) |
  title (a title phrase or a body's description such as "the alliance") | pronoun (added when
  a pronoun was resolved as a speaker or demand subject).
- `RoleClaim.title` is normalised by `lexicons/titles.yaml` (US spelling: "Defense"; spelling
  variants merge, real differences such as Deputy/Under/Assistant stay distinct);
  `affiliation` and `LocalEntity.affiliations` hold entity names (canonical where known).
- `QuoteClaim`: direct/partial quotes hold the words inside the marks (trimmed); reported ones
  hold the reported clause. `speaker` is None when unknown; `attribution` says how it was found.
- `DemandClaim.by` is the entity that makes the demand as written (a person who speaks for a
  body stays the person); `status` is "rejected" when the article reports a refusal, else "open".
- `StanceClaim` is per sentence and holder; `keywords` are lowercase lemmas and multiword
  noun-chunk terms ("open door", "security guarantee") for resolve's issue lexicon.
- `DatedClaim.date` is ISO, YYYY-MM or YYYY as precise as the text; `tense` future = next step.
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
