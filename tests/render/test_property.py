"""Arbitrary article text in every field of a dossier: every page renders, and none has live markup."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from dossier.model.changes import Change, Changes
from dossier.model.dossier import (
    Actor,
    Demand,
    Discrepancy,
    DiscrepancyValue,
    Dossier,
    Evidence,
    Issue,
    KeyPoint,
    NextStep,
    Position,
    Quote,
    Role,
    Source,
    SourceSentence,
    TimelineEvent,
)
from dossier.render import build_pages
from dossier.render.escape import clean
from tests.render.conftest import TEMPLATES

EXTENSIONS = ["footnotes", "attr_list", "md_in_html", "tables", "admonition", "toc"]
# Every tag the templates and Python-Markdown produce; anything else came from article text.
ALLOWED_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "a",
    "span",
    "sup",
    "div",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "br",
}
FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe>",
    "</p>",
    "[x](javascript:alert(1))",
    "![](http://evil.example/x.png)",
    "{{ 7*7 }}",
    "{% include 'x' %}",
    "[^1]",
    "\n---\n",
    "\n# h\n",
    "| a |",
    "{: onclick=x }",
    "<http://evil.example>",
    "www.evil.example",
    "\\",
    "`",
    "*",
    "_",
    "&amp;",
    "\x02",
]
texts = st.lists(
    st.one_of(st.text(max_size=10), st.sampled_from(FRAGMENTS)), min_size=1, max_size=6
).map("".join)


class _Check(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"tag <{tag}>")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.problems.append(f"attribute {name}")
            if name in ("href", "src") and (":" in value.split("#")[0] or value.startswith("//")):
                self.problems.append(f"{name}={value}")

    def handle_comment(self, data: str) -> None:
        self.problems.append("comment")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _dossier(t: list[str]) -> Dossier:
    sentence = SourceSentence(anchor="s1", start=0, end=len(t[0]), text=t[0])
    ev = [Evidence(source="src", text=t[0], start=0, end=len(t[0]), anchor="s1")]
    return Dossier(
        title=t[1],
        updated="2022-01-12",
        key_points=[KeyPoint(id="k", text=t[2], evidence=ev)],
        sources=[
            Source(
                id="src",
                title=t[3],
                outlet=t[4],
                url=t[5],
                path=t[5],
                sha256=t[6],
                paragraphs=[[sentence]],
            )
        ],
        actors=[
            Actor(
                id="a",
                name=t[7],
                type="person",
                aliases=[t[8]],
                sources=["src"],
                roles=[Role(title=t[9], evidence=ev)],
                affiliation="b",
            ),
            Actor(id="b", name=t[10], type="state", sources=["src"]),
        ],
        issues=[Issue(id="i", label=t[11], keywords=[t[12]])],
        positions=[
            Position(
                id="p",
                actor="a",
                issue="i",
                stance="mixed",
                summary=t[13],
                evidence=ev,
                note=t[14],
                curated=True,
                confidence="low",
            )
        ],
        demands=[Demand(id="d", by="a", of=["b", t[15]], text=t[16], evidence=ev)],
        next_steps=[NextStep(id="n", text=t[17], place=t[18], actors=["a"], evidence=ev)],
        timeline=[TimelineEvent(id="e", date="2022", text=t[19], place=t[20], evidence=ev)],
        quotes=[
            Quote(id="q", speaker="a", text=t[21], evidence=ev),
            Quote(id="q2", speaker=t[22], text=t[23], evidence=ev),
        ],
        discrepancies=[
            Discrepancy(
                id="x",
                subject=t[24],
                field=t[25],
                values=[DiscrepancyValue(value=t[26], sources=["src", t[27]], evidence=ev)],
            )
        ],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(t=st.lists(texts, min_size=30, max_size=30))
def test_every_page_renders_without_live_markup(t: list[str]) -> None:
    dossier = _dossier(t)
    changes = Changes(
        previous="2022-01-01",
        added=[Change(kind="actor", id="a", label=t[28])],
        changed=[Change(kind="demand", id="d", label=t[29], detail=t[0])],
    )
    pages = build_pages(dossier, TEMPLATES, changes)
    converter = markdown.Markdown(extensions=EXTENSIONS)
    for path, text in pages.items():
        body, meta = get_data(text)
        converter.reset()
        check = _Check()
        check.feed(converter.convert(body))
        check.close()
        assert not check.problems, (path, check.problems)
        visible = " ".join("".join(check.text).split())
        if path == "actors/a.md":
            assert meta["title"] == html.escape(clean(t[7]))
            assert " ".join(clean(t[7]).split()) in visible
        if path == "sources/src.md":
            assert " ".join(clean(t[0]).split()) in visible
