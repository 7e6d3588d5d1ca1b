"""Runs the extraction stages in order (ingest → analyse → resolve → curate) and counts what it did."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.config import Settings
from dossier.errors import DossierError, Problems
from dossier.model import Dossier

Progress = Callable[[int], None]


@dataclass
class Extraction:
    """A dossier and the bookkeeping `report.json` and the CLI summary need."""

    dossier: Dossier
    bare: Dossier
    articles: int = 0
    analysed: int = 0
    reused: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    stats: dict[str, int] = field(default_factory=dict)  # what resolve set aside, by kind


def extract(settings: Settings, progress: Callable[[int], Progress] | None = None) -> Extraction:
    """Ingest, analyse (cached), resolve and, unless disabled, curate the articles of `settings`.

    `progress(total)` may return a callback that is told how many articles were just done.
    Raises `DossierError` for set-up problems and `Problems` for curation errors.
    """
    # Imported here so `dossier --help` stays fast and does not import spaCy.
    from dossier.analyse import analyse_articles
    from dossier.curate import apply, check, load_curation
    from dossier.ingest import ingest_dir
    from dossier.resolve import resolve_with_stats
    from dossier.resolve.sources import source_from

    started = time.perf_counter()
    if not settings.articles.is_dir():
        raise DossierError(
            "no articles folder",
            settings.articles,
            fix="create it and put .md, .txt or .html articles in it",
        )
    curation = load_curation(settings.curation) if settings.use_curation else None

    ingested = ingest_dir(settings.articles, settings.root, settings.max_article_bytes)
    skipped = [{"path": s.path, "reason": s.reason} for s in ingested.skipped]
    if not ingested.articles:
        raise DossierError(
            "no usable articles",
            settings.articles,
            fix="add at least one English article (.md, .txt or .html)",
        )

    tick = progress(len(ingested.articles)) if progress else None
    sources, analyses, analysed, reused = [], [], 0, 0
    pairs = zip(ingested.articles, analyse_articles(ingested.articles, settings, tick), strict=True)
    for article, (analysis, from_cache) in pairs:
        sources.append(source_from(article, analysis))
        analyses.append(analysis)
        reused += from_cache
        analysed += not from_cache

    bare, stats = resolve_with_stats(sources, analyses)
    dossier = bare
    if curation is not None:
        problems = check(curation, bare)
        if problems:
            raise Problems(problems)
        dossier = apply(bare, curation)
    return Extraction(
        dossier=dossier,
        bare=bare,
        articles=len(ingested.articles),
        analysed=analysed,
        reused=reused,
        skipped=skipped,
        warnings=list(ingested.warnings),
        seconds=time.perf_counter() - started,
        stats=stats.as_dict(),
    )


def extract_dossier(settings: Settings) -> Dossier:
    """The dossier alone, for callers that need no bookkeeping (evaluation, tests)."""
    return extract(settings).dossier
