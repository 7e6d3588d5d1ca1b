"""Builders for hand-made test dossiers, shared by the pdf, render, curate and eval suites.

Each suite keeps its own sample data (the seeds, a hostile site, a bare dossier, a tiny gold
case): they are different dossiers on purpose. What they share is how an evidence span and a
stub source are written. An anchor is passed on only when given, so a built model's set fields
are the ones the test named.
"""

from __future__ import annotations

from dossier.model.dossier import Evidence, Source


def span(source: str, text: str, start: int, anchor: str | None = None) -> Evidence:
    """Evidence for `text` standing at `start` in the source's file text."""
    extra = {} if anchor is None else {"anchor": anchor}
    return Evidence(source=source, text=text, start=start, end=start + len(text), **extra)


def found(source: str, article: str, sentence: str, *, anchored: bool = False) -> Evidence:
    """Evidence for `sentence` where it first stands in `article`.

    `anchored` gives it the anchor the sample pages use for a sentence, `s<offset>`.
    """
    start = article.find(sentence)
    assert start >= 0, f"not in the {source!r} text: {sentence!r}"
    return span(source, sentence, start, f"s{start}" if anchored else None)


def stub_source(sid: str, path: str, sha256: str = "0") -> Source:
    """A source with no file behind it: titled by its upper-cased id ("a" -> "A")."""
    return Source(id=sid, title=sid.upper(), path=path, sha256=sha256)
