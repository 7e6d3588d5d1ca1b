"""`dossier serve`: a live preview that re-extracts and re-renders when articles or curation change."""

from __future__ import annotations

import threading
from pathlib import Path

from dossier.changes import diff
from dossier.commands.build import load_previous, published_dossier, render_pages
from dossier.commands.extract import run_extraction
from dossier.config import Settings
from dossier.errors import DossierError
from dossier.progress import info, warn


def _signature(settings: Settings) -> tuple:
    """What we watch: names, sizes and mtimes of articles, curation and templates."""
    paths: list[Path] = []
    for folder in (settings.articles, settings.templates):
        if folder.is_dir():
            paths.extend(p for p in folder.rglob("*") if p.is_file())
    if settings.curation.is_file():
        paths.append(settings.curation)
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths))


def render_once(settings: Settings) -> None:
    result = run_extraction(settings)
    render_pages(settings, result, diff(load_previous(published_dossier(settings)), result.dossier))


def _watch(settings: Settings, stop: threading.Event, interval: float = 1.0) -> None:
    seen = _signature(settings)
    while not stop.wait(interval):
        now = _signature(settings)
        if now == seen:
            continue
        seen = now
        info("Change detected: rebuilding pages")
        try:
            render_once(settings)
        except DossierError as exc:  # keep serving the last good pages
            warn(str(exc))


def run(settings: Settings, address: str = "127.0.0.1:8000") -> int:
    from mkdocs.commands.serve import serve

    render_once(settings)
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(settings, stop), daemon=True)
    watcher.start()
    try:
        # mkdocs watches build/docs itself and reloads the browser when pages change. Not
        # strict: a preview should keep serving while an article is half-written.
        serve(
            config_file=str(settings.root / "mkdocs.yml"),
            livereload=True,
            dev_addr=address,
            docs_dir=str(settings.docs),
            strict=False,
        )
    finally:
        stop.set()
    return 0
