"""How the resolve step grows with the corpus: synthetic analyses cloned from real ones."""

from __future__ import annotations

import time
from pathlib import Path

from dossier.model import Analysis
from dossier.model.dossier import Source


def _clone(analysis: Analysis, source: Source, k: int) -> tuple[Source, Analysis]:
    """Copy k of an analysis under a new source id; a third of its entities get new names, so
    the corpus grows in actors as well as in mentions (as a real crisis does)."""
    sid = f"{source.id}-{k}"
    entities = []
    for i, entity in enumerate(analysis.entities):
        if (i + k) % 3 == 0 and entity.kind == "person":
            entity = entity.model_copy(
                update={
                    "name": f"{entity.name} Mk{k}",
                    "surfaces": [f"{s} Mk{k}" for s in entity.surfaces],
                }
            )
        entities.append(entity)
    return (
        source.model_copy(update={"id": sid, "path": f"{source.path}#{k}"}),
        analysis.model_copy(update={"source": sid, "entities": entities}),
    )


def resolve_scaling(articles: Path, cache: Path, sizes: list[int]) -> dict:
    from dossier.analyse import analyse_articles
    from dossier.config import Settings
    from dossier.ingest import ingest_dir
    from dossier.resolve import resolve
    from dossier.resolve.sources import source_from

    root = Path(__file__).resolve().parent.parent
    settings = Settings(root=root, articles=articles, cache=cache, use_curation=False)
    ingested = ingest_dir(articles, root, settings.max_article_bytes)
    base = [
        (source_from(a, an), an)
        for a, (an, _) in zip(
            ingested.articles, analyse_articles(ingested.articles, settings), strict=True
        )
    ]
    seconds = {}
    for size in sizes:
        pairs = [_clone(an, src, k) for k in range(size // len(base) + 1) for src, an in base][
            :size
        ]
        sources, analyses = [p[0] for p in pairs], [p[1] for p in pairs]
        started = time.perf_counter()
        resolve(sources, analyses)
        seconds[str(size)] = time.perf_counter() - started
    first, last = sizes[0], sizes[-1]
    growth = seconds[str(last)] / seconds[str(first)]
    return {"seconds": seconds, "growth": growth, "size_ratio": last / first}
