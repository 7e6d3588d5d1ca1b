"""Fixtures for the ingest tests."""

from __future__ import annotations

import pytest

from dossier.ingest import parse_article
from dossier.model.article import Article
from tests.ingest.helpers import assert_offsets


@pytest.fixture
def parse():
    """Parse text (or bytes) as an article file and check the offset invariant on the way."""

    def _parse(text: str | bytes, name: str = "article.txt", **kw) -> Article:
        raw = text.encode("utf-8") if isinstance(text, str) else text
        article = parse_article(raw, name, **kw)
        assert_offsets(article)
        return article

    return _parse
