"""`dossier pdf`: the printable briefing alone, from the same extraction as the site."""

from __future__ import annotations

from pathlib import Path

from dossier.commands.extract import run_extraction
from dossier.config import Settings


def run(settings: Settings, out: Path | None = None) -> int:
    from dossier.pdf import render_pdf

    result = run_extraction(settings)
    target = out or settings.site / "briefing.pdf"
    path = render_pdf(result.dossier, target, settings.templates, paper=settings.paper)
    print(path)
    return 0
