"""HTML articles: the text runs between tags, as exact spans of the HTML file, plus the page's metadata.

Every offset indexes the decoded HTML file itself, so a kept paragraph is a stretch of the
file with no markup in it. The stdlib parser reports where each tag and text run starts;
a run is the text between two tags, entity references included verbatim (so `&rsquo;`
stays in the span: evidence quotes the file exactly). Known limitation: inline markup
(`<a>`, `<em>`, ...) splits a paragraph into several runs, so a sentence that crosses a link
reaches analysis in pieces, and the pieces too short to make a sentence are dropped.
Elements that hold furniture (script, style, nav, footer, aside, forms, share or
related-link boxes by class name) are dropped whole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from dossier.errors import DossierError
from dossier.ingest import furniture
from dossier.ingest.metadata import parse_date
from dossier.model.article import Removed

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_NEVER_SKIP_BY_CLASS = frozenset(("html", "body", "main", "article"))
_CLASS_SPLIT = re.compile(r"[-_\s]+")
_PUBLISHED_META = frozenset(
    (
        "article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "datepublished",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "sailthru.date",
        "og:published_time",
    )
)
_HEAD_ENDERS = frozenset(("body", "p", "div", "h1", "h2", "article", "main", "section", "header"))


@dataclass
class Page:
    """Text runs (start, end) outside dropped elements, what was dropped, and the metadata."""

    runs: list[tuple[int, int]] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)


class _Parser(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)  # keep entities in place: offsets stay exact
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.page = Page()
        self.run_start: int | None = None
        self.skip: list[tuple[str, int]] = []
        self.in_head = False
        self.title_parts: list[str] | None = None
        self.h1_parts: list[str] | None = None
        self.titles: dict[str, str] = {}
        lexicon = furniture.html_lexicon()
        self.skip_tags = lexicon["skip_tags"]
        self.skip_words = lexicon["skip_class_words"]
        self.skip_roles = lexicon["skip_roles"]

    def pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def close_run(self, at: int) -> None:
        if self.run_start is not None:
            if at > self.run_start:
                self.page.runs.append((self.run_start, at))
            self.run_start = None

    # Tags -----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self.pos()
        self.close_run(at)
        values = {k: (v or "") for k, v in attrs}
        self.read_meta(tag, values)
        if tag == "head":
            self.in_head = True
        elif tag in _HEAD_ENDERS:
            self.in_head = False
        if tag == "title" and "title" not in self.titles:
            self.title_parts = []
        if self.skip:
            if tag == self.skip[-1][0] and tag not in _VOID:
                self.skip.append((tag, at))
            return
        if tag not in _VOID and self.is_furniture(tag, values):
            self.skip.append((tag, at))
            return
        if tag == "h1" and "h1" not in self.titles:
            self.h1_parts = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.close_run(self.pos())
        self.read_meta(tag, {k: (v or "") for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        at = self.pos()
        self.close_run(at)
        if tag == "head":
            self.in_head = False
        if tag == "title" and self.title_parts is not None:
            self.titles["title"] = "".join(self.title_parts)
            self.title_parts = None
        if self.skip:
            if tag == self.skip[-1][0]:
                name, start = self.skip.pop()
                if not self.skip:
                    close = self.text.find(">", at)
                    end = close + 1 if close >= 0 else len(self.text)
                    self.page.removed.append(Removed(start=start, end=end, reason=f"html <{name}>"))
            return
        if tag == "h1" and self.h1_parts is not None:
            self.titles["h1"] = "".join(self.h1_parts)
            self.h1_parts = None

    def handle_comment(self, data: str) -> None:
        self.close_run(self.pos())

    def handle_decl(self, decl: str) -> None:
        self.close_run(self.pos())

    def handle_pi(self, data: str) -> None:
        self.close_run(self.pos())

    def unknown_decl(self, data: str) -> None:
        self.close_run(self.pos())

    # Text -------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        self.text_piece(data)

    def handle_entityref(self, name: str) -> None:
        self.text_piece(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.text_piece(html.unescape(f"&#{name};"))

    def text_piece(self, value: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(value)
        if self.skip or self.in_head or self.title_parts is not None:
            return
        if self.h1_parts is not None:
            self.h1_parts.append(value)
        if self.run_start is None:
            self.run_start = self.pos()

    # Helpers ----------------------------------------------------------------------------
    def is_furniture(self, tag: str, values: dict[str, str]) -> bool:
        if tag in self.skip_tags:
            return True
        if "hidden" in values or values.get("aria-hidden") == "true":
            return True
        if values.get("role", "").lower() in self.skip_roles:
            return True
        if tag in _NEVER_SKIP_BY_CLASS:
            return False
        words = _CLASS_SPLIT.split(f"{values.get('class', '')} {values.get('id', '')}".lower())
        return any(w in self.skip_words for w in words)

    def read_meta(self, tag: str, values: dict[str, str]) -> None:
        meta = self.page.meta
        if tag == "html" and values.get("lang"):
            meta.setdefault("language", values["lang"])
        elif tag == "meta":
            key = (
                values.get("property") or values.get("name") or values.get("itemprop") or ""
            ).lower()
            content = " ".join(html.unescape(values.get("content", "")).split())[:300]
            if not content:
                return
            if key == "og:site_name":
                meta.setdefault("outlet", content)
            elif key in ("og:title", "twitter:title"):
                meta.setdefault("og_title", content)
            elif key in ("author", "article:author") and not content.startswith("http"):
                meta.setdefault("author", content)
            elif key in _PUBLISHED_META:
                iso = parse_date(content)
                if iso:
                    meta.setdefault("published", iso)
            elif key == "og:url" and content.startswith(("http://", "https://")):
                meta.setdefault("url", content)
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            href = values.get("href", "")
            if href.startswith(("http://", "https://")):
                meta.setdefault("url", href[:2000])
        elif tag == "time" and values.get("datetime"):
            iso = parse_date(values["datetime"])
            if iso:
                meta.setdefault("time", iso)


def parse_html(text: str, rel_path: str) -> Page:
    """Runs of text and metadata of an HTML page; raises `DossierError` if it cannot be parsed."""
    parser = _Parser(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception as exc:  # the stdlib parser can trip over malformed declarations
        raise DossierError(
            f"cannot parse the HTML ({type(exc).__name__})",
            rel_path,
            fix="save the page again or as plain text",
        ) from None
    parser.close_run(len(text))
    page = parser.page
    meta = page.meta
    title = (
        parser.titles.get("h1")
        or meta.pop("og_title", None)
        or _strip_site(parser.titles.get("title", ""))
    )
    meta.pop("og_title", None)
    title = " ".join(title.split())
    if title:
        meta["title"] = title[:300]
    if "published" not in meta and "time" in meta:
        meta["published"] = meta["time"]
    meta.pop("time", None)
    return page


def _strip_site(title: str) -> str:
    """The story part of a page title: in "Story title | Site" the part after the bar is the site."""
    for bar in (" | ", " – ", " — "):
        if bar in title:
            return title.split(bar)[0]
    return title
