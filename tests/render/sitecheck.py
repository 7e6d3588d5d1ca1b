"""Reads a built site's HTML: ids, links, scripts and visible text per page, for the render tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "cite", "background"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class Page:
    path: Path
    url: str  # site-absolute, e.g. "/actors/nato/"
    elements: list[Element] = field(default_factory=list)
    ids: dict[str, Element] = field(default_factory=dict)
    scripts: list[tuple[str | None, str]] = field(default_factory=list)  # (src, inline text)
    text: str = ""
    title: str = ""
    footnote_links: list[str] = field(default_factory=list)  # hrefs inside div.footnote


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self._stack: list[str] = []
        self._in_title = False
        self._footnote_depth = 0
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs})
        self.page.elements.append(el)
        if "id" in el.attrs:
            self.page.ids[el.attrs["id"]] = el
        if tag == "script":
            self.page.scripts.append((el.attrs.get("src"), ""))
        if tag == "title":
            self._in_title = True
        if tag == "div" and "footnote" in el.attrs.get("class", "").split():
            self._footnote_depth = 1
        elif self._footnote_depth and tag == "div":
            self._footnote_depth += 1
        if self._footnote_depth and tag == "a" and "href" in el.attrs:
            self.page.footnote_links.append(el.attrs["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "div" and self._footnote_depth:
            self._footnote_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.cdata_elem == "script" and self.page.scripts:
            src, inline = self.page.scripts[-1]
            self.page.scripts[-1] = (src, inline + data)
        elif self.cdata_elem == "style":
            return
        elif self._in_title:
            self.page.title += data
        else:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = " ".join("".join(self._text).split())


def load_page(site: Path, path: Path) -> Page:
    rel = path.relative_to(site).as_posix()
    url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    page = Page(path=path, url=url)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return page


def load_site(site: Path) -> dict[str, Page]:
    """Every HTML page of the site by its URL."""
    return {p.url: p for p in (load_page(site, f) for f in sorted(site.rglob("*.html")))}


def resolve(site: Path, page: Page, url: str) -> tuple[Path, str]:
    """The file a relative URL on `page` points to, and its fragment."""
    parts = urlsplit(url)
    if not parts.path:
        return page.path, unquote(parts.fragment)
    target = urlsplit(urljoin(page.url, url)).path
    path = site / unquote(target).lstrip("/")
    if target.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def external(url: str) -> bool:
    """True for anything that is not a plain relative or same-site link."""
    url = url.strip()
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc) or url.startswith(("//", "\\\\", "/\\"))
