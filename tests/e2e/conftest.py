"""A project copy built once per session with the real CLI, for the end-to-end tests."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def make_project(target: Path) -> Path:
    """A fresh project folder with the repo's articles, curation, templates and mkdocs.yml."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "templates", target / "templates")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def dossier(
    project: Path, *args: str, cache: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the real `dossier` CLI in `project` (`python -m dossier`)."""
    cmd = [sys.executable, "-m", "dossier", *args, "--root", str(project)]
    if cache is not None:
        cmd += ["--cache-dir", str(cache)]
    import os

    full_env = {**os.environ, "SOURCE_DATE_EPOCH": "1642000000", **(env or {})}
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=full_env, timeout=600)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("analysis-cache")


@pytest.fixture(scope="session")
def built(tmp_path_factory, shared_cache) -> Path:
    """The seed project after one `dossier build`."""
    project = make_project(tmp_path_factory.mktemp("seed") / "project")
    result = dossier(project, "build", cache=shared_cache)
    assert result.returncode == 0, result.stderr
    return project


def report(project: Path) -> dict:
    return json.loads((project / "build" / "report.json").read_text())
