"""Stage 5b: run `mkdocs build` on generated pages, into any directory (so callers can swap it in)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from dossier import yamlio
from dossier.errors import DossierError

CONFIG = "mkdocs.yml"
_ERROR_LINES = 6


def site_config(root: Path, docs_dir: Path, site_dir: Path, strict: bool = True) -> dict:
    """The repository's mkdocs.yml with docs_dir, site_dir and strictness overridden."""
    path = root / CONFIG
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DossierError(
            f"cannot read the site configuration: {exc.strerror}",
            path,
            fix="restore mkdocs.yml at the repository root",
        ) from None
    config = yamlio.load(text, path)
    if not isinstance(config, dict):
        raise DossierError(
            "the site configuration is not a mapping", path, fix="restore mkdocs.yml"
        )
    config.update(docs_dir=str(docs_dir.resolve()), site_dir=str(site_dir.resolve()), strict=strict)
    return config


def build_site(root: Path, docs_dir: Path, site_dir: Path, strict: bool = True) -> None:
    """Build `site_dir` from the Markdown in `docs_dir` with mkdocs, in a subprocess.

    The config is the repo's mkdocs.yml with the two directories replaced, written to a
    temporary file. On failure, raises DossierError quoting mkdocs' last error lines.
    """
    config = site_config(root, docs_dir, site_dir, strict)
    with tempfile.TemporaryDirectory(prefix="dossier-mkdocs-") as tmp:
        config_path = Path(tmp) / CONFIG
        # JSON is YAML, and json.dumps cannot emit tags or anchors.
        config_path.write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(config_path)]
        if strict:
            cmd.append("--strict")
        proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise DossierError(
            f"mkdocs build failed: {_last_errors(proc.stdout + proc.stderr)}",
            root / CONFIG,
            fix="fix the problem mkdocs names",
        )


def _last_errors(output: str) -> str:
    lines = [ln.strip() for ln in output.splitlines() if ln.strip()]
    errors = [ln for ln in lines if ln.startswith(("ERROR", "WARNING", "Error", "Aborted"))]
    return " | ".join((errors or lines)[-_ERROR_LINES:]) or "no output"
