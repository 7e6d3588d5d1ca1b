"""`dossier build`: extract, render Markdown, write the PDF, build the site, swap it into place."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
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

    dump = lambda schema: json.dumps(schema, indent=2, sort_keys=True) + "\n"  # noqa: E731
    return {
        "dossier.schema.json": dump(Dossier.model_json_schema()),
        "curation.schema.json": dump(curation_json_schema()),
    }


def render_pages(settings: Settings, result: Extraction, changes: Changes) -> None:
    """Markdown pages plus the data files the site publishes, all under `build/docs/`."""
    from dossier.render import render_docs

    render_docs(result.dossier, settings.docs, settings.templates, changes)
    fsutil.write_text(settings.docs / "dossier.yaml", dossier_yaml(result))
    for name, text in schemas().items():
        fsutil.write_text(settings.docs / name, text)


def run(settings: Settings) -> int:
    from dossier.pdf import render_pdf
    from dossier.render.site import build_site

    seconds: dict[str, float] = {}
    clock = time.perf_counter()
    result = run_extraction(settings)
    seconds["extract"] = time.perf_counter() - clock

    previous_path = settings.dossier_yaml
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
    if previous_path.is_file():
        shutil.copyfile(previous_path, settings.build / "dossier.previous.yaml")
    fsutil.write_text(previous_path, dossier_yaml(result))
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
