"""One measurement in a fresh process, printed as JSON: so peak memory is this step's alone.

Usage: python bench/measure.py extract ARTICLES CACHE [WORKERS] | spacy ARTICLES
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure_extract(articles: Path, cache: Path, workers: int) -> dict:
    from dossier.config import Settings
    from dossier.pipeline import extract

    settings = Settings(
        root=ROOT, articles=articles, cache=cache, use_curation=False, workers=workers
    )
    started = time.perf_counter()
    result = extract(settings)
    return {
        "seconds": time.perf_counter() - started,
        "analysed": result.analysed,
        "reused": result.reused,
        "actors": len(result.dossier.actors),
    }


def measure_spacy(articles: Path) -> dict:
    """The floor: the same model, the same pipes, the same texts that ingest keeps, nlp.pipe.

    Timed from importing spaCy, as `measure_extract` is: both processes pay the import and the
    model load, so the ratio is the cost of the rules and the I/O, not of spaCy's start-up."""
    from dossier.config import Settings
    from dossier.ingest import ingest_dir

    ingested = ingest_dir(articles, ROOT, Settings().max_article_bytes)
    texts = ["\n\n".join(a.text[p.start : p.end] for p in a.paragraphs) for a in ingested.articles]
    started = time.perf_counter()
    from dossier.analyse.nlp import load_nlp

    nlp = load_nlp(Settings().model)
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts)}


if __name__ == "__main__":
    verb, articles = sys.argv[1], Path(sys.argv[2])
    if verb == "extract":
        out = measure_extract(
            articles, Path(sys.argv[3]), int(sys.argv[4]) if len(sys.argv) > 4 else 1
        )
    else:
        out = measure_spacy(articles)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))
