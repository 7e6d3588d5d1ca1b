"""dossier: news articles about one diplomatic event in, a cross-linked briefing site and PDF out."""

__version__ = "0.1.0"
