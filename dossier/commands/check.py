"""`dossier check`: validates the articles and the curation file without building anything."""

from __future__ import annotations

from dossier.commands.extract import run_extraction
from dossier.config import Settings


def run(settings: Settings) -> int:
    # Extraction is cached, so a check after a build costs little; curation problems raise
    # `Problems`, which the CLI prints as `file:line: message` lines and exits non-zero.
    result = run_extraction(settings)
    curation = "curation valid" if settings.use_curation else "curation not checked"
    print(
        f"ok: {result.articles} articles, {len(result.skipped)} skipped, "
        f"{len(result.dossier.actors)} actors; {curation}"
    )
    return 0
