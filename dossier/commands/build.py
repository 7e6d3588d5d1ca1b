"""`dossier build`: extract, render Markdown, write the PDF, build the site, swap it into place."""

from __future__ import annotations

import contextlib
import fcntl
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from dossier import fsutil, yamlio
from dossier.changes import diff
from dossier.commands.extract import dossier_yaml, run_extraction
from dossier.config import Settings
from dossier.errors import DossierError
from dossier.model import Dossier
from dossier.model.changes import Changes
from dossier.pipeline import Extraction
from dossier.progress import info, warn


def load_previous(path: Path) -> Dossier | None:
    """The last build's dossier, or None when there is none or it no longer fits the schema."""
    if not path.is_file():
        return None
    try:
        return Dossier.model_validate(
            yamlio.load(path.read_text(encoding="utf-8"), path, max_bytes=1 << 30)
        )
    except (DossierError, ValidationError):
        warn(f"{path}: previous dossier unreadable; /changes/ starts afresh")
        return None


def schemas() -> dict[str, str]:
    """The JSON Schemas published beside the data, so other tools can validate it."""
    from dossier.curate import curation_json_schema

    return {
        "dossier.schema.json": _json(Dossier.model_json_schema()),
        "curation.schema.json": _json(curation_json_schema()),
    }


def _json(schema: dict) -> str:
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def published_dossier(settings: Settings) -> Path:
    """The dossier the current site was built from: what /changes/ compares against.

    Not `build/dossier.yaml`, which `dossier extract` also writes (perhaps bare).
    """
    return settings.site / "dossier.yaml"


@contextlib.contextmanager
def build_lock(settings: Settings) -> Iterator[None]:
    """One build at a time per project; a stale staging folder from a killed build is removed."""
    settings.build.mkdir(parents=True, exist_ok=True)
    with open(settings.build / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DossierError(
                "another build is running", settings.build / ".lock", fix="wait for it to finish"
            ) from None
        for stale in settings.site.parent.glob(f".{settings.site.name}.*"):
            if stale.is_dir() and not stale.is_symlink():
                shutil.rmtree(stale, ignore_errors=True)
        yield


def render_pages(settings: Settings, result: Extraction, changes: Changes) -> None:
    """Markdown pages plus the data files the site publishes, all under `build/docs/`."""
    from dossier.render import render_docs

    render_docs(result.dossier, settings.docs, settings.templates, changes)
    fsutil.write_text(settings.docs / "dossier.yaml", dossier_yaml(result))
    for name, text in schemas().items():
        fsutil.write_text(settings.docs / name, text)


def run(settings: Settings) -> int:
    with build_lock(settings):
        return _build(settings)


def _build(settings: Settings) -> int:
    from dossier.pdf import render_pdf
    from dossier.render.site import build_site

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    result = run_extraction(settings)
    seconds["extract"] = time.perf_counter() - clock

    previous_path = published_dossier(settings)
    previous_bytes = previous_path.read_bytes() if previous_path.is_file() else None
    previous = load_previous(previous_path)
    changes = diff(previous, result.dossier)

    clock = time.perf_counter()
    render_pages(settings, result, changes)
    seconds["render"] = time.perf_counter() - clock

    clock = time.perf_counter()
    render_pdf(
        result.dossier, settings.docs / "briefing.pdf", settings.templates, paper=settings.paper
    )
    seconds["pdf"] = time.perf_counter() - clock

    # Build beside site/ (same file system) so the swap is a rename, never a copy.
    settings.site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{settings.site.name}.", dir=settings.site.parent))
    try:
        clock = time.perf_counter()
        build_site(settings.root, settings.docs, staging)
        seconds["site"] = time.perf_counter() - clock
        fsutil.replace_dir(staging, settings.site)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    # Only a finished build moves the bookkeeping on, so a failed one changes nothing.
    if previous_bytes is not None:
        fsutil.write_bytes(settings.build / "dossier.previous.yaml", previous_bytes)
    fsutil.write_text(settings.dossier_yaml, dossier_yaml(result))
    report = build_report(result, changes, seconds)
    fsutil.write_text(settings.build / "report.json", json.dumps(report, indent=2) + "\n")
    info(summary(report, settings))
    return 0


def build_report(result: Extraction, changes: Changes, seconds: dict[str, float]) -> dict:
    return {
        "articles": result.articles,
        "analysed": result.analysed,
        "reused": result.reused,
        "skipped": result.skipped,
        "added": [c.id for c in changes.added],
        "removed": [c.id for c in changes.removed],
        "changed": [c.id for c in changes.changed],
        "set_aside": result.stats,  # what resolve could not use: quotes with no speaker, ...
        "seconds": {k: round(v, 3) for k, v in seconds.items()},
    }


def summary(report: dict, settings: Settings) -> str:
    total = sum(report["seconds"].values())
    return (
        f"Built {settings.site.name}/ from {report['articles']} articles "
        f"({report['analysed']} analysed, {report['reused']} reused, "
        f"{len(report['skipped'])} skipped): {len(report['added'])} added, "
        f"{len(report['removed'])} removed, {len(report['changed'])} changed "
        f"in {total:.1f}s"
    )
