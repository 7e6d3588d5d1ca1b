"""Choose the story's paragraphs among the candidates: drop furniture, repeats and captions, read metadata.

Order of the tests on each candidate, first hit wins: the tail of a related-links box, the
title, a dateline, a byline, a repeated caption, a furniture rule, text that is not prose, the
headline (when no title is known), text that makes no sentence, a repeat. Whatever survives is
kept; a dateline and byline glued to the first kept paragraph are cut off its start.

"Makes no sentence" means: at most 300 characters, no sentence punctuation at the end and
no sentence boundary inside (captions, headings, link titles, widget labels). Two
exceptions keep text: a bullet item of three words or more in a list introduced by a colon
(or following another kept item), and a paragraph whose sentence goes on, in lower case, in
the next one (a quote cut by a paragraph break). Bullet items ending in punctuation are
ordinary paragraphs.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from dossier.ingest import furniture, metadata
from dossier.ingest.segment import Candidate
from dossier.model.article import Removed, Span

# A longer paragraph without end punctuation is still prose (e.g. a quote cut by a break).
NO_SENTENCE_MAX = 300
TITLE_MAX = 300  # a longer paragraph equal to the title is the story's first paragraph
PREFIX_KEY = 40  # prefix repeats are only looked for among paragraphs at least this long
_CAPTIONISH = frozenset({"no sentence", "photo credit", "copyright line", "duplicate caption"})
# Outlet evidence, most reliable first.
_RANK_SUPPORTED, _RANK_WIRE, _RANK_BYLINE, _RANK_COPYRIGHT, _RANK_MASTHEAD = 0, 1, 2, 3, 4


@dataclass
class Selection:
    """The kept paragraphs, what was dropped and why, and the metadata the page gave away."""

    paragraphs: list[Span] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None


class _Selector:
    def __init__(self, text: str, candidates: list[Candidate], title: str | None, unescape: bool):
        self.text = text
        self.candidates = candidates
        self.title_key = _title_key(title) if title else None
        self.unescape = unescape
        self.out = Selection()
        self.kept_bullet: list[bool] = []
        self.seen: set[str] = set()
        self.by_prefix: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.captions: dict[str, list[str]] = defaultdict(list)
        self.related = False
        self.dates: dict[str, str] = {}
        self.outlets: list[tuple[int, str]] = []

    def view(self, raw: str) -> str:
        """The text rules look at: HTML entities resolved, bounded in length."""
        head = raw[: furniture.NORM_LIMIT + 200]
        return html.unescape(head) if self.unescape and "&" in head else head

    def run(self) -> Selection:
        for i, cand in enumerate(self.candidates):
            self.visit(i, cand.start, cand.end)
        out = self.out
        out.published = (
            self.dates.get("dateline") or self.dates.get("glued") or self.dates.get("caption")
        )
        if self.outlets:
            out.outlet = min(self.outlets, key=lambda pair: pair[0])[1]
        return out

    def visit(self, i: int, start: int, end: int) -> None:
        raw = self.text[start:end]
        view = self.view(raw)
        full = furniture.normalise(raw, limit=None)  # candidates are short: see MAX_PARAGRAPH
        norm = furniture.normalise(view) if self.unescape else full[: furniture.NORM_LIMIT]
        reason = self.reason(i, raw, view, norm)
        if reason is None:
            reason, start = self.repeat(raw, full, start, end)
        if reason is not None:
            self.drop(start, end, reason, view, norm)
            return
        if not self.out.paragraphs:
            cut = self.glued_head(start, end)
            if cut != start:
                start, raw = cut, self.text[cut:end]
                full = furniture.normalise(raw, limit=None)
        self.keep(start, end, raw, full)

    def reason(self, i: int, raw: str, view: str, norm: str) -> str | None:
        long = len(raw) > furniture.NORM_LIMIT
        if self.related:
            if not long and _headline_like(view):
                return "related links"
            self.related = False
        if long:
            return None if furniture.is_prose(view) else "not prose"
        if self.title_key and len(norm) <= TITLE_MAX and _title_key(norm) == self.title_key:
            return "title"
        date = metadata.dateline(view)
        if date:
            self.dates.setdefault("dateline", date)
            return "dateline"
        by = metadata.byline(view)
        if by:
            author, outlet = by
            if author and not self.out.author:
                self.out.author = author
            if outlet:
                self.outlets.append((_RANK_BYLINE, outlet))
            return "byline"
        if len(norm) >= 30 and any(norm.startswith(c) for c in self.captions.get(norm[:30], ())):
            return "duplicate caption"
        rule = furniture.match(norm)
        if rule:
            self.related = self.related or rule.related
            return rule.reason
        if not furniture.is_prose(view):
            return "not prose"
        if not self.out.paragraphs and self.title_key is None:
            headline = metadata.headline(view)
            if headline:
                self.out.title = headline
                self.title_key = _title_key(headline)  # later copies of the headline go too
                return "title"
        if not self.makes_sentence(i, view, norm):
            return "no sentence"
        return None

    def makes_sentence(self, i: int, view: str, norm: str) -> bool:
        if len(norm) > NO_SENTENCE_MAX or furniture.ends_like_sentence(view):
            return True
        if furniture.has_inner_boundary(view):
            return True
        words = len(norm.split())
        # A list item under "... the agenda:" carries text even without a full stop.
        if furniture.is_bullet(view) and words >= 3 and self.out.paragraphs:
            last = self.out.paragraphs[-1]
            if self.kept_bullet[-1] or self.text[last.start : last.end].rstrip().endswith(":"):
                return True
        # A sentence (or quote) that goes on in the next paragraph, in lower case.
        if words >= 5 and 0 <= i < len(self.candidates) - 1:
            nxt = self.candidates[i + 1]
            return furniture.starts_lower(self.text[nxt.start : min(nxt.end, nxt.start + 10)])
        return False

    def repeat(self, raw: str, full: str, start: int, end: int) -> tuple[str | None, int]:
        """("repeat", start) for a paragraph seen before; a new start past a repeated prefix."""
        if full in self.seen:
            return "repeat", start
        if len(full) < PREFIX_KEY:
            return None, start
        earlier = self.by_prefix.get(full[:PREFIX_KEY], ())
        if any(prev.startswith(full) for prev, _ in earlier):
            return "repeat", start
        for prev, prev_raw in earlier:
            if full.startswith(prev) and raw.startswith(prev_raw):
                rest = raw[len(prev_raw) :]
                cut = start + len(prev_raw) + len(rest) - len(rest.lstrip())
                tail = self.view(self.text[cut:end])
                tail_reason = self.reason(-1, self.text[cut:end], tail, furniture.normalise(tail))
                if cut >= end or tail_reason is not None:
                    return "repeat", start
                self.out.removed.append(Removed(start=start, end=cut, reason="repeat"))
                return None, cut
        return None, start

    def glued_head(self, start: int, end: int) -> int:
        """Cut a dateline (and byline) glued to the first paragraph; record what they say."""
        head = metadata.glued_head(self.text[start:end])
        if head is None or start + head.cut >= end:
            return start
        cut = start + head.cut
        if head.date:
            self.dates.setdefault("glued", head.date)
        if head.author and not self.out.author:
            self.out.author = head.author
        if head.outlet:
            self.outlets.append((_RANK_WIRE, head.outlet))
        reason = "dateline and byline" if head.author else "dateline"
        self.out.removed.append(Removed(start=start, end=cut, reason=reason))
        return cut

    def drop(self, start: int, end: int, reason: str, view: str, norm: str) -> None:
        self.out.removed.append(Removed(start=start, end=end, reason=reason))
        notice = metadata.outlet_notice(view)
        if notice:
            rank, outlet = notice
            self.outlets.append((_RANK_SUPPORTED if rank == 0 else _RANK_COPYRIGHT, outlet))
        elif not self.out.paragraphs and reason in ("not prose", "no sentence"):
            masthead = metadata.masthead(view)
            if masthead:  # the outlet's name alone above the story, as scrapers keep it
                self.outlets.append((_RANK_MASTHEAD, masthead))
        if reason in _CAPTIONISH:
            if len(norm) >= 30:
                self.captions[norm[:30]].append(norm)
            # A caption above the story often carries the date the photo was taken: the day.
            if not self.out.paragraphs and "caption" not in self.dates:
                found = metadata.find_date(view)
                if found:
                    self.dates["caption"] = found[0]

    def keep(self, start: int, end: int, raw: str, full: str) -> None:
        self.seen.add(full)
        if len(full) >= PREFIX_KEY:
            self.by_prefix[full[:PREFIX_KEY]].append((full, raw))
        self.out.paragraphs.append(Span(start=start, end=end))
        self.kept_bullet.append(furniture.is_bullet(raw))


def select(
    text: str, candidates: list[Candidate], *, title: str | None, unescape: bool = False
) -> Selection:
    """Keep the story's paragraphs among `candidates` (spans into `text`).

    `title` is the known title (front matter, HTML); without one the first headline-like
    paragraph becomes the title. `unescape` resolves HTML entities before the rules look.
    """
    return _Selector(text, candidates, title, unescape).run()


def _title_key(text: str) -> str:
    return furniture.normalise(text).lstrip("# ").rstrip(" .")


def _headline_like(view: str) -> bool:
    """A link title in a related-links list: short, one sentence, no full stop."""
    text = view.strip()
    if not text or len(text) > 200 or furniture.has_inner_boundary(text):
        return False
    return not text.endswith(".")
