"""Checks a built site: every internal link and anchor resolves, and nothing points off-site."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

URL_ATTRS = {"href", "src", "action", "poster", "data"}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name"):
                self.ids.add(value)
            elif name in URL_ATTRS:
                self.urls.append((tag, value))
            elif name == "srcset":
                self.urls.extend(
                    (tag, part.split()[0]) for part in value.split(",") if part.strip()
                )


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def check_site(site: Path) -> list[str]:
    """Problems as readable lines; an empty list means the site is sound."""
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for path, page in pages.items():
        rel = path.relative_to(site).as_posix()
        base = "/" + rel
        for tag, url in page.urls:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                problems.append(f"{rel}: <{tag}> references another host: {url}")
                continue
            if parts.scheme == "data" and tag in ("img", "source"):
                continue
            if parts.scheme:
                problems.append(f"{rel}: <{tag}> uses a {parts.scheme}: URL: {url}")
                continue
            resolved = urlsplit(urljoin(base, url))
            target = path if not parts.path else _target_file(site, resolved.path)
            if not target.exists():
                problems.append(f"{rel}: broken link {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{rel}: missing anchor {url}")
    return problems
