"""Cut decoded text into candidate paragraphs: exact, trimmed spans, in file order.

Blank lines end a paragraph, whatever the newline style (\\n, \\r\\n, \\r). Scraped text
usually holds one paragraph per line, so inside a block each line is its own candidate,
unless the block looks hard-wrapped (every line but the last 40–100 characters long and
sentences running across line ends), in which case the block is one paragraph. Control
characters (NUL and friends) and Unicode line/paragraph separators break paragraphs too, so no
span ever contains them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from dossier.ingest import furniture
from dossier.model.article import Removed

_BREAK = re.compile(r"\r\n|[\r\n]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]+")
_NEWLINES = frozenset(("\n", "\r", "\r\n"))
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]{0,2}(?=\s)")
_WHITESPACE = re.compile(r"\s+")
WRAP_MIN, WRAP_MAX = 40, 100
# Longer paragraphs are cut at a sentence end (else at a space): spaCy and every rule after
# ingest then work on bounded pieces, whatever a scraper produced (one 2 MB line included).
MAX_PARAGRAPH = 5000
# No article has this many lines; past it the file is refused rather than worked through
# line by line (a megabyte of one-word lines would otherwise cost a minute).
MAX_LINES = 50_000


class TooManyLines(ValueError):
    """The text has more than MAX_LINES non-blank lines."""


@dataclass(frozen=True)
class Candidate:
    """A trimmed, non-empty stretch of the file that may be a paragraph of the story."""

    start: int
    end: int


def segment(
    text: str,
    start: int,
    end: int,
    *,
    joined: bool = False,
    is_special: Callable[[str], bool] = lambda _: False,
) -> tuple[list[Candidate], list[Removed]]:
    """Candidates in `text[start:end]`, and the control characters dropped on the way.

    `joined` makes each blank-line block one candidate (HTML, where line ends mean nothing).
    `is_special(line)` tells lines that never join a wrapped block (datelines, furniture).
    Raises `TooManyLines` past MAX_LINES non-blank lines.
    """
    out: list[Candidate] = []
    removed: list[Removed] = []
    block: list[tuple[int, int]] = []
    lines = 0

    def flush() -> None:
        if block:
            for s, e in _block(text, block, joined, is_special):
                out.extend(Candidate(a, b) for a, b in _split_long(text, s, e))
            block.clear()

    def add_line(s: int, e: int) -> None:
        nonlocal lines
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            flush()
            return
        lines += 1
        if lines > MAX_LINES:
            raise TooManyLines(MAX_LINES)
        s += len(line) - len(line.lstrip())
        block.append((s, s + len(stripped)))

    pos = start
    for m in _BREAK.finditer(text, start, end):
        add_line(pos, m.start())
        if m.group() not in _NEWLINES:
            flush()
            if not m.group().isspace():
                removed.append(Removed(start=m.start(), end=m.end(), reason="control characters"))
        pos = m.end()
    add_line(pos, end)
    flush()
    return out, removed


def _block(
    text: str, lines: list[tuple[int, int]], joined: bool, is_special: Callable[[str], bool]
) -> list[tuple[int, int]]:
    if joined or _wrapped(text, lines, is_special):
        return [(lines[0][0], lines[-1][1])]
    return list(lines)


def _wrapped(text: str, lines: list[tuple[int, int]], is_special: Callable[[str], bool]) -> bool:
    """Is this block one paragraph hard-wrapped over several lines?"""
    if len(lines) < 2:
        return False
    sizes = [e - s for s, e in lines]
    if max(sizes) > WRAP_MAX or min(sizes[:-1]) < WRAP_MIN:
        return False
    bodies = [text[s:e] for s, e in lines]
    if not any(not furniture.ends_like_sentence(b) for b in bodies[:-1]):
        return False
    if any(furniture.is_bullet(b) for b in bodies[1:]):
        return False
    if any(b.startswith(a) for a, b in pairwise(bodies)):
        return False  # a caption repeated with a credit, not a wrapped sentence
    return not any(is_special(b) for b in bodies)


def _split_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a paragraph longer than MAX_PARAGRAPH into trimmed pieces, in linear time."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_PARAGRAPH:
        lo, hi = s + MAX_PARAGRAPH // 2, s + MAX_PARAGRAPH
        cut = nxt = None
        for m in _SENTENCE_END.finditer(text, lo, hi):
            cut = m.end()
        if cut is not None:
            nxt = _WHITESPACE.match(text, cut).end()
        else:
            for m in _WHITESPACE.finditer(text, lo, hi):
                cut, nxt = m.start(), m.end()
        if cut is None or nxt is None:
            cut = nxt = hi
        while cut > s and text[cut - 1].isspace():
            cut -= 1
        if cut > s:
            out.append((s, cut))
        gap = _WHITESPACE.match(text, nxt)
        s = gap.end() if gap else nxt
    if s < e:
        out.append((s, e))
    return out
