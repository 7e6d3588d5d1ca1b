"""`dossier extract`: articles → `dossier.yaml`, nothing rendered."""

from __future__ import annotations

from pathlib import Path

from dossier import fsutil, yamlio
from dossier.config import Settings
from dossier.pipeline import Extraction, extract
from dossier.progress import articles_progress, warn


def run_extraction(settings: Settings) -> Extraction:
    """Extract with progress, printing each skipped file and warning once."""
    with articles_progress() as progress:
        result = extract(settings, progress)
    for skip in result.skipped:
        warn(f"{skip['path']}: skipped: {skip['reason']}")
    for message in result.warnings:
        warn(message)
    return result


def dossier_yaml(result: Extraction) -> str:
    return yamlio.dump(result.dossier.model_dump(mode="json"))


def run(settings: Settings, out: Path | None = None) -> int:
    result = run_extraction(settings)
    target = out or settings.dossier_yaml
    fsutil.write_text(target, dossier_yaml(result))
    print(
        f"{target}: {len(result.dossier.actors)} actors from {result.articles} articles "
        f"({result.analysed} analysed, {result.reused} reused, {len(result.skipped)} skipped)"
    )
    return 0
