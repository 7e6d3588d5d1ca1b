"""The shared vocabulary: pydantic models for articles, per-article analyses and `dossier.yaml`."""

from dossier.model.analysis import Analysis
from dossier.model.article import Article, Removed, Span
from dossier.model.dossier import SCHEMA_VERSION, Dossier, Evidence

__all__ = ["SCHEMA_VERSION", "Analysis", "Article", "Dossier", "Evidence", "Removed", "Span"]
