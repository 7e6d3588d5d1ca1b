"""Fixtures for analyse tests: Articles built from seed files or from small invented texts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from dossier.model.article import Article, Span

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "content" / "articles"


def article_from_text(
    text: str,
    *,
    published: str | None = "2022-01-12",
    id: str = "test",
    author: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article whose paragraphs are the blank-line-separated blocks after any front matter."""
    body_start = 0
    fm = re.match(r"---\r?\n.*?\n---\r?\n", text, re.DOTALL)
    meta: dict[str, str] = {}
    if fm:
        body_start = fm.end()
        for line in fm.group(0).splitlines():
            m = re.match(r"(\w+):\s*\"?(.*?)\"?\s*$", line)
            if m:
                meta[m.group(1)] = m.group(2)
    spans = []
    for m in re.finditer(r"(?:(?!\n[ \t]*\n).)+", text[body_start:], re.DOTALL):
        s, e = body_start + m.start(), body_start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(start=s, end=e))
    return Article(
        id=id,
        path=f"content/articles/{id}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        encoding="utf-8",
        text=text,
        title=meta.get("title", "Test"),
        outlet=meta.get("outlet", outlet),
        published=meta.get("published", published),
        author=meta.get("author", author),
        paragraphs=spans,
    )


def seed_article(path: Path) -> Article:
    """A seed through the real ingest when it exists, else the blank-line fallback."""
    raw = path.read_bytes()
    try:
        from dossier.ingest import parse_article  # type: ignore[attr-defined]

        return parse_article(raw, f"content/articles/{path.name}")
    except Exception:  # ingest missing or mid-change: analyse is tested on its own
        return article_from_text(raw.decode("utf-8"), id=path.stem)


@pytest.fixture(scope="session")
def seed_articles() -> list[Article]:
    return [seed_article(p) for p in sorted(SEEDS.glob("*.txt"))]


@pytest.fixture(scope="session")
def analyse(nlp):
    """Analyse an Article (or a text) with the real model."""
    from dossier.analyse.core import analyse_doc
    from dossier.analyse.text import analysis_text

    def run(article_or_text, **kw):
        article = (
            article_or_text
            if isinstance(article_or_text, Article)
            else article_from_text(article_or_text, **kw)
        )
        return analyse_doc(article, nlp(analysis_text(article).text))

    return run
