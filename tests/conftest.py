"""Shared fixtures: the real spaCy model, loaded once, and the repository's paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "content" / "articles"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    from dossier.analyse.nlp import load_nlp
    from dossier.config import Settings

    return load_nlp(Settings().model)
