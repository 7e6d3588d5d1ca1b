"""The per-article analysis cache and the streaming driver that fills it through `nlp.pipe`."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pydantic import ValidationError

from dossier.config import Settings
from dossier.model.analysis import Analysis
from dossier.model.article import Article

from .text import analysis_text

BATCH_SIZE = 32


def cache_key(article: Article, pipeline: str) -> str:
    """sha256 of what the analysis depends on: the text, the spans kept, the date, the pipeline.

    The article id and file name are left out, so the same text under two names is analysed
    once (the cached result is re-labelled with each article's id on the way out).
    """
    h = hashlib.sha256()
    h.update(pipeline.encode())
    h.update(b"\0")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(json.dumps([[s.start, s.end] for s in article.paragraphs]).encode())
    h.update(b"\0")
    h.update(f"{article.published}|{article.author}|{article.outlet}".encode())
    return h.hexdigest()


class AnalysisCache:
    """`<dir>/<key>.json` files holding `Analysis.model_dump_json()`, written atomically."""

    def __init__(self, directory: Path) -> None:
        self.dir = Path(directory)

    def path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def get(self, key: str) -> Analysis | None:
        """The cached analysis, or None when absent or unreadable (a corrupt file is recomputed)."""
        try:
            return Analysis.model_validate_json(self.path(key).read_bytes())
        except (OSError, ValueError, ValidationError):
            return None

    def put(self, key: str, analysis: Analysis) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(analysis.model_dump_json())
            os.replace(tmp, self.path(key))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def _relabel(analysis: Analysis, article: Article) -> Analysis:
    if analysis.source == article.id and analysis.sha256 == article.sha256:
        return analysis
    return analysis.model_copy(update={"source": article.id, "sha256": article.sha256})


def analyse_articles(
    articles: Iterable[Article],
    settings: Settings,
    progress: Callable[[int], None] | None = None,
    nlp=None,
) -> Iterator[tuple[Analysis, bool]]:
    """Yield `(analysis, reused)` for each article, in input order, streaming.

    Cached articles cost a file read. The rest go through one `nlp.pipe` (batched, with
    `n_process=settings.workers`); the model is loaded only when the first uncached article
    is met, so a fully warm rebuild never loads it. `progress(1)` is called after each
    article (an increment, e.g. `lambda n: bar.advance(task, n)`). `nlp` may be passed to
    reuse a loaded pipeline.
    """
    from .core import analyse_doc
    from .nlp import load_nlp, pipeline_version

    cache = AnalysisCache(settings.cache)
    tick = progress or (lambda _n: None)
    it = iter(articles)
    version = pipeline_version(nlp) if nlp is not None else _version_without_model(settings)

    # Phase 1: serve from the cache until something needs the model.
    first: tuple[Article, str] | None = None
    for article in it:
        key = cache_key(article, version)
        hit = cache.get(key)
        if hit is None:
            first = (article, key)
            break
        tick(1)
        yield _relabel(hit, article), True
    if first is None:
        return

    if nlp is None:
        nlp = load_nlp(settings.model)
        if pipeline_version(nlp) != version:  # the installed model differs from the guess
            version = pipeline_version(nlp)
            first = (first[0], cache_key(first[0], version))

    # Phase 2: one pipe over the remaining uncached texts; cached ones wait their turn.
    # Each entry: [article, key, analysis | None, "dup" marker]
    pending: deque[list] = deque()
    in_flight: dict[str, int] = {}
    done: dict[str, Analysis] = {}

    def feed() -> Iterator[str]:
        pending.append([first[0], first[1], None, False])
        in_flight[first[1]] = 1
        yield analysis_text(first[0]).text
        for article in it:
            key = cache_key(article, version)
            if key in in_flight:  # the same text again: analysed once
                in_flight[key] += 1
                pending.append([article, key, None, True])
                continue
            hit = cache.get(key)
            pending.append([article, key, hit, False])
            if hit is None:
                in_flight[key] = 1
                yield analysis_text(article).text

    def drain_ready() -> Iterator[tuple[Analysis, bool]]:
        while pending and (pending[0][2] is not None or (pending[0][3] and pending[0][1] in done)):
            article, key, hit, dup = pending.popleft()
            if dup:
                hit = done[key]
                in_flight[key] -= 1
                if in_flight[key] == 0:
                    del in_flight[key]
                    done.pop(key, None)
            tick(1)
            yield _relabel(hit, article), True

    workers = max(1, int(settings.workers or 1))
    docs = nlp.pipe(feed(), batch_size=BATCH_SIZE, n_process=workers)
    for doc in docs:
        yield from drain_ready()
        article, key, _, _ = pending.popleft()
        analysis = analyse_doc(article, doc, version)
        cache.put(key, analysis)
        in_flight[key] -= 1
        if in_flight[key] == 0:
            del in_flight[key]
        else:
            done[key] = analysis
        tick(1)
        yield analysis, False
    yield from drain_ready()


def _version_without_model(settings: Settings) -> str:
    """The pipeline version from the installed model's metadata, without loading its weights."""
    from spacy.util import get_package_path, load_meta

    from dossier.config import RULES_VERSION

    from .nlp import version_from_meta

    try:
        meta = load_meta(get_package_path(settings.model) / "meta.json")
    except Exception:  # not installed as a package: the real load will say so
        return f"{settings.model}-unknown+rules{RULES_VERSION}"
    return version_from_meta(meta)
