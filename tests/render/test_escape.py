"""Escaping at the boundary: arbitrary text through `md` renders as exactly that text, never markup."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markupsafe import Markup

from dossier.render.escape import clean, md, meta_title

# The Markdown extensions of mkdocs.yml: what the real site renders with.
EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition", "toc"]

FRAGMENTS = [
    "<",
    ">",
    "&",
    "&amp;",
    "&#60;",
    "&lt;",
    '"',
    "'",
    "\\",
    "`",
    "```",
    "~~~",
    "*",
    "**",
    "_",
    "#",
    "# ",
    "## ",
    "[",
    "]",
    "(",
    ")",
    "](",
    "![",
    "[^1]",
    "[^1]: note",
    "!!! note",
    "{",
    "}",
    "{: #x onclick=alert(1) }",
    "{#id}",
    "|",
    "| a | b |",
    "|---|",
    "-",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "1) ",
    "---",
    "===",
    "> ",
    ":",
    "javascript:",
    "http://",
    "https://evil.example/",
    "//x",
    "www.evil.example",
    "mailto:a@b.c",
    "<http://x.example>",
    "<a@b.c>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe>",
    "</p>",
    "<a href=x>",
    "\n",
    "\n\n",
    "  \n",
    "    ",
    "\t",
    "\r",
    "\x00",
    "\x02",
    "\x03",
    "\x02wzxhzdk:0\x03",
    "\x0260\x03",
    "{{ 7*7 }}",
    "{% include 'x' %}",
    "$$",
    "^",
    "~",
    "=",
    "@",
    "[TOC]",
    "\u2028",
    "\u00a0",
    "Сергей",
    "王毅",
    "é",
    "\U0001f600",
]

text_strategy = st.lists(
    st.one_of(st.text(max_size=12), st.sampled_from(FRAGMENTS)), max_size=14
).map("".join)


class _Html(HTMLParser):
    """Collects tags, attributes and visible text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")


def parse(html: str) -> _Html:
    parser = _Html()
    parser.feed(html)
    parser.close()
    return parser


def visible(html: str) -> str:
    return " ".join("".join(parse(html).text).split())


def expected(text: str) -> str:
    return " ".join(clean(text).split())


_commonmark = MarkdownIt("commonmark").enable("table")
_pymd = markdown.Markdown(extensions=EXTENSIONS)


def render_commonmark(src: str) -> str:
    return _commonmark.render(src)


def render_mkdocs(src: str) -> str:
    _pymd.reset()
    return _pymd.convert(src)


# Each context: Markdown around the escaped text, the only tags it may produce, and the visible
# text the context adds before it.
CONTEXTS = {
    "paragraph": ("{}", {"p"}, ""),
    "list item": ("- {}", {"ul", "li", "p"}, ""),
    "heading": ("## {}", {"h2"}, ""),
    "table cell": ("| h |\n|---|\n| {} |", {"table", "thead", "tbody", "tr", "th", "td"}, "h"),
    "link text": ("[{}](page.md)", {"p", "a"}, ""),
}


def check(rendered: str, text: str, allowed: set[str], prefix: str) -> None:
    page = parse(rendered)
    assert set(page.tags) <= allowed, (text, rendered)
    for tag, name, value in page.attrs:
        assert not name.startswith("on"), rendered
        if name in ("href", "src"):
            assert tag == "a" and value == "page.md", rendered
    assert visible(rendered) == " ".join(f"{prefix} {expected(text)}".split()), rendered


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=text_strategy)
@example(text="<script>alert(1)</script> [x](javascript:alert(1)) ![](http://evil.example/x.png)")
@example(text="{{ 7*7 }} {% include 'x' %} [^1] www.evil.example http://evil.example")
@example(text="\n---\n===\n> # 1. - ~~~")
def test_escaped_text_renders_as_itself_in_every_context(text: str) -> None:
    escaped = str(md(text))
    assert "\n" not in escaped
    for name, (template, allowed, prefix) in CONTEXTS.items():
        if name == "table cell" and not escaped:
            continue  # an empty cell: nothing to see
        src = template.format(escaped)
        for render in (render_commonmark, render_mkdocs):
            check(render(src), text, allowed, prefix)


@settings(max_examples=100, deadline=None)
@given(text=text_strategy)
def test_escaped_text_inside_a_footnote_stays_text(text: str) -> None:
    html = render_mkdocs(f"Claim[^1]\n\n[^1]: {md(text)} [quote](page.md#s1)")
    page = parse(html)
    assert set(page.tags) <= {"p", "sup", "a", "div", "hr", "ol", "li"}, html
    assert expected(text) in visible(html)
    hrefs = [v for t, k, v in page.attrs if k == "href"]
    assert all(h.startswith("#fn") or h == "page.md#s1" for h in hrefs), hrefs


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`"),
        ("[x](javascript:alert(1))", r"\[x\]\(javascript&#58;alert\(1\)\)"),
        ("# title", r"\# title"),
        ("www.example.org", r"www&#46;example\.org"),
        ("line one\n\n  line two ", "line one line two"),
        ("nul\x00 and stx\x02", "nul and stx"),
        ("{{ 7*7 }}", r"\{\{ 7\*7 \}\}"),
    ],
)
def test_md_escapes_known_cases(text: str, escaped: str) -> None:
    assert md(text) == escaped


def test_md_trusts_our_markup_and_renders_none_as_nothing() -> None:
    ours = Markup('<span class="badge">x</span>')
    assert md(ours) is ours
    assert md(None) == ""
    assert isinstance(md("x"), Markup)


def test_meta_title_is_html_escaped_yaml_scalar() -> None:
    import yaml

    title = '</title><script>alert(1)</script> "q" \\ {{ x }}'
    value = yaml.safe_load(f"title: {meta_title(title)}")["title"]
    assert "<" not in value and '"' not in value.replace("&quot;", "")
    assert value == ("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; \\ {{ x }}")
