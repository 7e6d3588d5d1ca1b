"""The sample dossier through render_docs and a real `mkdocs build --strict`: links, provenance, safety."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.render import build_site, render_docs
from dossier.render.links import safe_id
from tests.render.conftest import (
    HOSTILE,
    JINJA_EXPR,
    JINJA_STMT,
    ROOT,
    TEMPLATES,
    TITLE_BREAK,
    XSS_IMG,
    XSS_LINK,
    XSS_SCRIPT,
)
from tests.render.sitecheck import external, load_site, resolve

pytestmark = pytest.mark.slow

# Written beside the site by other stages (the PDF, the published data); linked from home only.
PUBLISHED_ELSEWHERE = {"briefing.pdf", "dossier.yaml"}


@pytest.fixture(scope="module")
def pages(built):
    return load_site(built.site)


def test_pages_exist_at_directory_urls(built, sample):
    expected = [
        "",
        "actors/",
        "positions/",
        "demands/",
        "next-steps/",
        "timeline/",
        "discrepancies/",
        "changes/",
        "sources/",
    ]
    expected += [f"actors/{safe_id(a.id)}/" for a in sample.dossier.actors]
    expected += [f"sources/{safe_id(s.id)}/" for s in sample.dossier.sources]
    for url in expected:
        assert (built.site / url / "index.html").is_file(), url
    # A hostile id cannot leave its folder: every page stays under the site directory.
    for page in built.pages:
        assert page.resolve().is_relative_to(built.docs.resolve())


def test_every_internal_link_and_anchor_resolves(built, pages):
    problems = []
    for page in pages.values():
        for el in page.elements:
            for attr in ("href", "src"):
                url = el.attrs.get(attr)
                if url is None or external(url):
                    continue  # other hosts are test_no_page_references_another_host's job
                if url in PUBLISHED_ELSEWHERE and page.url == "/":
                    continue
                path, fragment = resolve(built.site, page, url)
                if not path.is_file():
                    problems.append(f"{page.url}: broken link {url}")
                elif fragment and path.suffix == ".html":
                    target = next(p for p in pages.values() if p.path == path)
                    if fragment not in target.ids:
                        problems.append(f"{page.url}: missing anchor {url}")
    assert not problems, "\n".join(problems)


def test_every_footnote_lands_on_a_sentence(built, pages, sample):
    landed: set[tuple[str, str]] = set()
    for page in pages.values():
        for href in page.footnote_links:
            if href.startswith("#"):
                continue  # back-links to the reference
            path, fragment = resolve(built.site, page, href)
            target = next(p for p in pages.values() if p.path == path)
            assert target.url.startswith("/sources/"), href
            element = target.ids[fragment]
            assert element.tag == "span" and "sentence" in element.attrs["class"].split(), href
            landed.add((target.url.split("/")[2], fragment))
    # Every piece of evidence whose source is known is quoted and linked from some footnote.
    anchors = {
        (s.id, sent.start): sent.anchor
        for s in sample.dossier.sources
        for para in s.paragraphs
        for sent in para
    }
    dossier = sample.dossier
    items = [
        *dossier.key_points,
        *dossier.positions,
        *dossier.demands,
        *dossier.next_steps,
        *dossier.timeline,
        *dossier.quotes,
        *(r for a in dossier.actors for r in a.roles),
        *(v for x in dossier.discrepancies for v in x.values),
    ]
    for item in items:
        for ev in item.evidence:
            if ev.source in {s.id for s in dossier.sources}:
                assert (ev.source, anchors[(ev.source, ev.start)]) in landed, (item, ev)


def test_footnotes_name_outlet_title_date_and_quote(pages):
    home = pages["/"]
    assert (
        "Example Wire, “NATO and Russia hold talks in Brussels”, 2022-01-12: "
        "“NATO and Russia met in Brussels on Wednesday.”" in home.text
    )
    assert "Outlet not stated" in home.text
    assert "2 sources" in home.text  # corroboration is visible


def test_no_page_references_another_host(pages):
    offending = [
        f"{page.url}: <{el.tag} {name}={value!r}>"
        for page in pages.values()
        for el in page.elements
        for name, value in el.attrs.items()
        if name in ("href", "src", "srcset", "action", "formaction", "poster", "data")
        and any(external(part.strip().split(" ")[0]) for part in value.split(","))
    ]
    assert not offending, "\n".join(offending)


def _script_signature(page) -> list[tuple[str | None, str]]:
    """Scripts with the page's depth taken out (material writes its base path into them)."""

    def norm(text: str) -> str:
        return re.sub(r"(?:\.\./)+", "", re.sub(r'"(?:\.\./)*\.\.?"', '"BASE"', text))

    return [(Path(src).name if src else None, norm(inline)) for src, inline in page.scripts]


def test_hostile_text_stays_inert_and_literal(pages, built):
    signature = _script_signature(pages["/timeline/"])
    assert any(src and src.startswith("bundle.") for src, _ in signature)
    for page in pages.values():
        if page.url == "/404.html":
            continue
        # The same scripts as a page with no hostile text at all: material's, nothing else.
        assert _script_signature(page) == signature, page.url
        for el in page.elements:
            assert el.tag not in {"iframe", "img", "object", "embed", "frame"}, (page.url, el)
            for name, value in el.attrs.items():
                assert not name.startswith("on"), (page.url, el)
                assert not value.strip().lower().startswith(("javascript:", "data:text")), el
        assert not re.search(r"<title>[^<]*<(?!/title>)", page.path.read_text(encoding="utf-8")), (
            page.url
        )
    source = pages["/sources/hostile-page/"]
    for text in HOSTILE:
        if text not in (TITLE_BREAK,):
            assert text in source.text, text
    assert JINJA_EXPR in pages["/"].text and "49" not in pages["/"].text
    assert JINJA_STMT in pages["/demands/"].text
    assert XSS_LINK in pages["/positions/"].text
    # Titles are escaped text too, in <title> and in the heading.
    assert pages["/actors/title-script/"].title == f"{TITLE_BREAK} - Dossier"
    assert pages["/"].title.startswith(f"NATO–Russia talks {XSS_SCRIPT} {TITLE_BREAK}")
    assert f"{XSS_IMG}" in pages["/actors/img-src-x-onerror-alert-1/"].text


def test_curated_and_unsure_are_visible(pages):
    positions = pages["/positions/"]
    classes = [el.attrs.get("class", "") for el in positions.elements]
    assert "badge curated" in classes and "badge unsure" in classes
    assert "analyst's note: Set by the analyst" in positions.text
    assert "curated" in pages["/actors/anna-berg/"].text


def test_home_links_discrepancies_changes_and_downloads(pages):
    hrefs = {el.attrs.get("href") for el in pages["/"].elements}
    assert {"discrepancies/", "changes/", "briefing.pdf", "dossier.yaml"} <= hrefs
    assert "Last updated 2022-01-13, based on 3 sources." in pages["/"].text
    assert "Sources disagree" in pages["/"].text


def test_changes_link_to_items(pages):
    changes = pages["/changes/"]
    hrefs = {el.attrs.get("href") for el in changes.elements}
    assert "../positions/#position-russia-enlargement" in hrefs
    assert "../next-steps/#next-step-vienna-meeting" in hrefs
    assert "../actors/#quote-orphan-quote" in hrefs
    assert f"An old demand {XSS_SCRIPT}" in changes.text  # removed: shown, not linked


def test_actor_names_link_in_prose(pages):
    hrefs = [el.attrs.get("href") for el in pages["/demands/"].elements]
    assert hrefs.count("../actors/nato/") >= 2 and "../actors/russia/" in hrefs
    volkov = pages["/actors/aleksandr-volkov/"]
    assert "../russia/" in {el.attrs.get("href") for el in volkov.elements}


def test_search_works_offline(built):
    workers = list((built.site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    assert workers
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Aleksandr Volkov" in doc.get("title", "") for doc in index["docs"])


def test_build_site_reports_mkdocs_errors(tmp_path, sample):
    docs = tmp_path / "docs"
    render_docs(sample.dossier, docs, TEMPLATES)
    (docs / "timeline.md").write_text("# T\n\n[broken](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(DossierError, match=r"mkdocs build failed: .*nowhere\.md"):
        build_site(ROOT, docs, tmp_path / "site", strict=True)
