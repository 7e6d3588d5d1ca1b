"""Sources and evidence: an article's metadata and anchored sentences, and spans that cite them."""

from __future__ import annotations

import re

from dossier.model.analysis import Analysis
from dossier.model.article import Article
from dossier.model.dossier import Evidence, Source, SourceSentence

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def source_from(article: Article, analysis: Analysis) -> Source:
    """The dossier's `Source` for an analysed article: metadata plus paragraphs of sentences."""
    paragraphs: dict[int, list[SourceSentence]] = {}
    for s in sorted(analysis.sentences, key=lambda s: (s.paragraph, s.start)):
        paragraphs.setdefault(s.paragraph, []).append(
            SourceSentence(anchor=s.anchor, start=s.start, end=s.end, text=s.text)
        )
    return Source(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        url=article.url,
        published=article.published if _ISO_DAY.match(article.published or "") else None,
        path=article.path,
        sha256=article.sha256,
        author=article.author,
        language=article.language,
        paragraphs=[paragraphs[k] for k in sorted(paragraphs)],
    )


def evidence(analysis: Analysis, sentence: int) -> Evidence | None:
    """Evidence for sentence `sentence` of `analysis`; None for an index out of range."""
    if not 0 <= sentence < len(analysis.sentences):
        return None
    s = analysis.sentences[sentence]
    return Evidence(source=analysis.source, text=s.text, start=s.start, end=s.end, anchor=s.anchor)


def ev_key(ev: Evidence) -> tuple[str, int, int]:
    return (ev.source, ev.start, ev.end)


def merge_evidence(items: list[Evidence | None]) -> list[Evidence]:
    """Evidence without repeats, sorted by source then position."""
    seen: dict[tuple[str, int, int], Evidence] = {}
    for ev in items:
        if ev is not None:
            seen.setdefault(ev_key(ev), ev)
    return [seen[k] for k in sorted(seen)]
