"""The built sample site in headless Chromium: footnotes land on highlighted sentences; hostile text is inert."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server(built) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1, as a reader would get it."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built.site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture(scope="module")
def browser():
    # A missing Playwright or Chromium is a failure, not a skip: CI must run these.
    from playwright import sync_api

    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_footnote_leads_to_the_highlighted_sentence(page, server):
    page.goto(server)
    # Home → actor page, through a name linked inside a key point.
    page.locator("article a[href='actors/aleksandr-volkov/']").first.click()
    page.wait_for_url("**/actors/aleksandr-volkov/")
    assert page.locator("h1").first.inner_text().startswith("Aleksandr Volkov")
    # The role's footnote reference, then the quoted sentence inside the footnote.
    page.locator("article sup a.footnote-ref").first.click()
    page.wait_for_url("**/actors/aleksandr-volkov/#fn:1")
    page.locator("div.footnote li[id='fn:1'] a[href*='sources/']").first.click()
    page.wait_for_url("**/sources/rfe-rl/#s1")
    page.wait_for_load_state("load")

    assert page.evaluate("document.querySelector(':target').id") == "s1"
    target = _background(page, "#s1")
    other = _background(page, "#s2")
    assert target != other, (target, other)
    assert target not in ("rgba(0, 0, 0, 0)", "transparent")
    # Scrolled into view, and not hidden under the sticky header.
    header = page.eval_on_selector("header.md-header", "el => el.getBoundingClientRect().bottom")
    top = page.eval_on_selector("#s1", "el => el.getBoundingClientRect().top")
    assert header <= top < page.viewport_size["height"]


def test_hostile_pages_run_no_script_and_stay_on_this_host(page, server):
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    for path in [
        "",
        "sources/hostile-page/",
        "actors/img-src-x-onerror-alert-1/",
        "actors/title-script/",
        "positions/",
        "demands/",
        "next-steps/",
    ]:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        # Hover a footnote reference too: material builds a tooltip from the footnote's content.
        refs = page.locator("sup a.footnote-ref")
        if refs.count():
            refs.first.hover()
            page.locator(".md-tooltip2--active").first.wait_for()
    assert dialogs == []
    assert requests
    hosts = {urlsplit(url).hostname for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, sorted(requests)
    assert page.evaluate("document.querySelectorAll('iframe, img[src]').length") == 0


def test_search_works_offline(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server)
    search = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    search.click()
    # The worker answers only once its index is loaded; type again until it does.
    for _ in range(40):
        search.fill("")
        search.press_sequentially("Volkov")
        if results.count():
            break
        page.wait_for_timeout(250)
    assert "Volkov" in results.first.inner_text()
    assert {urlsplit(u).hostname for u in requests if u.startswith("http")} == {"127.0.0.1"}
