"""The text spaCy sees for an article (its kept paragraphs joined by blank lines) and the map back to file offsets."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from dossier.model.article import Article

PARAGRAPH_SEP = "\n\n"


@dataclass(frozen=True)
class TextMap:
    """Maps offsets in the analysis text to offsets in `Article.text`.

    The analysis text is the article's kept paragraphs, verbatim, joined by a blank line,
    so furniture never reaches the model and every analysis offset maps back exactly.
    """

    text: str
    doc_starts: tuple[int, ...]  # where each paragraph starts in the analysis text
    file_starts: tuple[int, ...]  # where it starts in Article.text
    para_ids: tuple[int, ...]  # its index in Article.paragraphs (empty paragraphs are skipped)

    def paragraph(self, doc_offset: int) -> int:
        """Index of the paragraph holding analysis offset `doc_offset` (an offset inside it)."""
        return max(bisect_right(self.doc_starts, doc_offset) - 1, 0)

    def start(self, doc_offset: int) -> int:
        """File offset of a span start."""
        i = self.paragraph(doc_offset)
        return self.file_starts[i] + doc_offset - self.doc_starts[i]

    def end(self, doc_offset: int) -> int:
        """File offset of a span end (exclusive): mapped through the last character inside."""
        i = self.paragraph(max(doc_offset - 1, 0))
        return self.file_starts[i] + doc_offset - self.doc_starts[i]


def analysis_text(article: Article) -> TextMap:
    """The text to give spaCy for `article`, with its offset map.

    Without paragraph spans (an ingest that kept none), the whole file is one paragraph.
    """
    spans = article.paragraphs or []
    parts: list[str] = []
    doc_starts: list[int] = []
    file_starts: list[int] = []
    para_ids: list[int] = []
    pos = 0
    for k, span in enumerate(spans):
        chunk = article.text[span.start : span.end]
        if not chunk.strip():
            continue
        if parts:
            parts.append(PARAGRAPH_SEP)
            pos += len(PARAGRAPH_SEP)
        doc_starts.append(pos)
        file_starts.append(span.start)
        para_ids.append(k)
        parts.append(chunk)
        pos += len(chunk)
    if not doc_starts and not article.paragraphs:
        return TextMap(article.text, (0,), (0,), (0,))
    return TextMap("".join(parts), tuple(doc_starts), tuple(file_starts), tuple(para_ids))
