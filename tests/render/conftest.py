"""A rich, partly hostile sample Dossier, and one real mkdocs build of it shared by the render tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pytest

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
from tests.samples import span

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_IFRAME = '<iframe src="http://evil.example/"></iframe>'
XSS_LINK = "[x](javascript:alert(1))"
XSS_IMAGE = "![](http://evil.example/x.png)"
JINJA_EXPR = "{{ 7*7 }}"
JINJA_STMT = "{% include 'x' %}"
TITLE_BREAK = "</title><script>alert(1)</script>"
HOSTILE = [
    XSS_SCRIPT,
    XSS_IMG,
    XSS_IFRAME,
    XSS_LINK,
    XSS_IMAGE,
    JINJA_EXPR,
    JINJA_STMT,
    TITLE_BREAK,
]

# (id, title, outlet, published, url, paragraphs of sentences)
_SOURCES = [
    (
        "wire-talks",
        "NATO and Russia hold talks in Brussels",
        "Example Wire",
        "2022-01-12",
        "https://wire.example/talks",
        [
            [
                "NATO and Russia met in Brussels on Wednesday.",
                "Anna Berg said the alliance will not close its open door.",
            ],
            [
                "Aleksandr Volkov demanded that NATO stop its enlargement.",
                "Russia said it had no plans to attack anyone.",
            ],
            ["The two sides will meet again in Vienna on January 13."],
        ],
    ),
    (
        "rfe-rl",
        "Москва и НАТО: переговоры",
        "RFE/RL",
        "2022-01-13",
        None,
        [
            [
                "Alexander Volkov, Russia's deputy foreign minister, said talks were frank.",
                "NATO asked Russia to pull back troops from the border.",
            ],
            [
                "Berg said the alliance is ready for more dialogue.",
                "Сергей Иванов and 王毅 were also mentioned.",
            ],
        ],
    ),
    (
        "hostile-page",
        f"{XSS_SCRIPT} {JINJA_EXPR}",
        None,
        None,
        "javascript:alert(1)",
        [
            [
                f"An article said {XSS_SCRIPT} and {XSS_IMG}.",
                f"It also carried {XSS_IFRAME} and {XSS_LINK} and {XSS_IMAGE}.",
            ],
            [
                f"Template text {JINJA_EXPR} and {JINJA_STMT} stays text.",
                "# Not a heading [^1] > not a quote | not a table | www.evil.example http://evil.example",
            ],
            ["---", "1. not a list", "Volkov's deputy said: 'hello' & \"goodbye\"."],
        ],
    ),
]


@dataclass
class Sample:
    dossier: Dossier
    changes: Changes
    texts: dict[str, str]  # source id -> file text the offsets refer to


def _source(sid, title, outlet, published, url, paragraphs) -> tuple[Source, str]:
    text, paras, n = "", [], 0
    for para in paragraphs:
        if text:
            text += "\n\n"
        sentences = []
        for i, sentence in enumerate(para):
            if i:
                text += " "
            n += 1
            sentences.append(
                SourceSentence(
                    anchor=f"s{n}", start=len(text), end=len(text) + len(sentence), text=sentence
                )
            )
            text += sentence
        paras.append(sentences)
    src = Source(
        id=sid,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        path=f"content/articles/{sid}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        paragraphs=paras,
    )
    return src, text


def make_sample() -> Sample:
    built = [_source(*s) for s in _SOURCES]
    sources = [s for s, _ in built]
    texts = {s.id: t for s, t in built}
    by_id = {s.id: s for s in sources}

    def ev(source_id: str, needle: str, anchor: bool = True) -> Evidence:
        for para in by_id[source_id].paragraphs:
            for s in para:
                if needle in s.text:
                    return span(source_id, s.text, s.start, s.anchor if anchor else "")
        raise AssertionError(needle)

    actors = [
        Actor(
            id="nato",
            name="NATO",
            type="organization",
            aliases=["North Atlantic Treaty Organization", "the alliance"],
            mentions=6,
            sources=["wire-talks", "rfe-rl"],
        ),
        Actor(
            id="anna-berg",
            name="Anna Berg",
            type="person",
            aliases=["Berg"],
            affiliation="nato",
            roles=[Role(title="Secretary-General", evidence=[ev("wire-talks", "Anna Berg")])],
            mentions=2,
            sources=["wire-talks", "rfe-rl"],
            curated=True,
        ),
        Actor(
            id="russia",
            name="Russia",
            type="state",
            aliases=["Moscow"],
            mentions=4,
            sources=["wire-talks", "rfe-rl"],
        ),
        Actor(
            id="aleksandr-volkov",
            name="Aleksandr Volkov",
            type="person",
            aliases=["Alexander Volkov", "Volkov"],
            affiliation="russia",
            roles=[
                Role(
                    title="Deputy Foreign Minister",
                    evidence=[ev("rfe-rl", "deputy foreign minister")],
                )
            ],
            mentions=3,
            sources=["wire-talks", "rfe-rl", "hostile-page"],
        ),
        Actor(id="rfe-rl", name="RFE/RL", type="organization", mentions=1, sources=["rfe-rl"]),
        Actor(
            id="etc-passwd",
            name="../../etc/passwd",
            type="other",
            mentions=1,
            sources=["hostile-page"],
        ),
        Actor(
            id="img-src-x-onerror-alert-1",
            name=XSS_IMG,
            type="other",
            mentions=1,
            sources=["hostile-page"],
        ),
        Actor(
            id="title-script", name=TITLE_BREAK, type="group", mentions=1, sources=["hostile-page"]
        ),
        Actor(
            id="person-5d0c1a2b",
            name="Сергей Иванов",
            type="person",
            mentions=1,
            sources=["rfe-rl"],
        ),
        Actor(id="person-9f8e7d6c", name="王毅", type="person", mentions=1, sources=["rfe-rl"]),
        Actor(id="item-3b5d5c37", name="---", type="other", mentions=1, sources=["hostile-page"]),
        Actor(
            id="../../Bad Id",
            name="Unsafe Id Actor",
            type="other",
            mentions=1,
            sources=["hostile-page"],
        ),
    ]
    issues = [
        Issue(id="enlargement", label="NATO enlargement", keywords=["open door", "membership"]),
        Issue(id="troops", label="Troop build-up", keywords=["troops", "border"]),
        Issue(id="talks", label="Future talks | dialogue", keywords=["talks"]),
        Issue(id="hostile-issue", label=XSS_LINK, keywords=[JINJA_STMT]),
    ]
    positions = [
        Position(
            id="nato-enlargement",
            actor="nato",
            issue="enlargement",
            stance="support",
            summary="Anna Berg said the alliance will not close its open door.",
            evidence=[ev("wire-talks", "open door"), ev("rfe-rl", "more dialogue")],
        ),
        Position(
            id="russia-enlargement",
            actor="russia",
            issue="enlargement",
            stance="oppose",
            summary="Volkov demanded that NATO stop its enlargement.",
            evidence=[ev("wire-talks", "demanded")],
            curated=True,
            note="Set by the analyst from the ministry statement.",
        ),
        Position(
            id="russia-troops",
            actor="russia",
            issue="troops",
            stance="mixed",
            summary="Russia said it had no plans to attack anyone.",
            evidence=[ev("wire-talks", "no plans", anchor=False)],
            confidence="low",
        ),
        Position(
            id="nato-talks",
            actor="nato",
            issue="talks",
            stance="support",
            summary="Berg said the alliance is ready for more dialogue.",
            evidence=[ev("rfe-rl", "more dialogue")],
        ),
        Position(
            id="volkov-talks",
            actor="aleksandr-volkov",
            issue="talks",
            stance="neutral",
            summary="Alexander Volkov said talks were frank.",
            evidence=[ev("rfe-rl", "frank")],
        ),
        Position(
            id="hostile-position",
            actor="img-src-x-onerror-alert-1",
            issue="hostile-issue",
            stance="oppose",
            summary=f"{XSS_SCRIPT} {XSS_LINK} {JINJA_EXPR}",
            evidence=[ev("hostile-page", "An article said")],
        ),
    ]
    demands = [
        Demand(
            id="russia-nato-stop-enlargement",
            by="russia",
            of=["nato"],
            text=f"Russia demands that NATO stop its enlargement {JINJA_STMT}",
            status="rejected",
            evidence=[ev("wire-talks", "demanded"), ev("rfe-rl", "frank")],
        ),
        Demand(
            id="nato-russia-pull-back",
            by="nato",
            of=["russia"],
            text="NATO asked Russia to pull back troops from the border.",
            status="open",
            evidence=[ev("rfe-rl", "pull back")],
            curated=True,
        ),
        Demand(
            id="ghost-demand",
            by="nobody-known",
            of=["russia", "also-unknown"],
            text=f"An unknown actor asks {XSS_IMG}",
            status="unknown",
            evidence=[ev("hostile-page", "It also carried")],
        ),
        Demand(
            id="hostile-accepted",
            by="img-src-x-onerror-alert-1",
            of=[],
            text=XSS_IFRAME,
            status="accepted",
            evidence=[],
        ),
    ]
    next_steps = [
        NextStep(
            id="vienna-meeting",
            text="The two sides will meet again in Vienna.",
            date="2022-01-13",
            place="Vienna",
            actors=["nato", "russia"],
            evidence=[ev("wire-talks", "Vienna")],
        ),
        NextStep(
            id="more-dialogue",
            text="Berg offered more dialogue.",
            date=None,
            place=None,
            actors=["anna-berg"],
            evidence=[ev("rfe-rl", "more dialogue")],
            curated=True,
        ),
        NextStep(
            id="hostile-step",
            text=f"{XSS_IMAGE} {JINJA_EXPR}",
            date="2022-02",
            place=XSS_SCRIPT,
            actors=["img-src-x-onerror-alert-1"],
            evidence=[ev("hostile-page", "Template text")],
        ),
    ]
    timeline = [
        TimelineEvent(
            id="brussels-meeting",
            date="2022-01-12",
            text="NATO and Russia met in Brussels.",
            place="Brussels",
            actors=["nato", "russia"],
            evidence=[ev("wire-talks", "met in Brussels"), ev("rfe-rl", "frank")],
        ),
        TimelineEvent(
            id="draft-treaties",
            date="2021-12",
            text="Russia published draft treaties.",
            actors=["russia"],
            evidence=[ev("wire-talks", "no plans")],
        ),
        TimelineEvent(
            id="year-event",
            date="2021",
            text=f"Something in {XSS_SCRIPT}",
            evidence=[ev("hostile-page", "Not a heading")],
        ),
    ]
    quotes = [
        Quote(
            id="volkov-frank",
            speaker="aleksandr-volkov",
            text="talks were frank",
            evidence=[ev("rfe-rl", "frank")],
        ),
        Quote(
            id="berg-open-door",
            speaker="anna-berg",
            text="the alliance will not close its open door",
            evidence=[ev("wire-talks", "open door")],
            curated=True,
        ),
        Quote(
            id="hostile-quote",
            speaker="aleksandr-volkov",
            text=f"{XSS_IMAGE} {XSS_LINK}",
            evidence=[ev("hostile-page", "It also carried")],
            confidence="low",
        ),
        Quote(
            id="orphan-quote",
            speaker="someone-unknown",
            text=f"Who said {JINJA_EXPR}?",
            evidence=[ev("hostile-page", "Volkov's deputy")],
        ),
    ]
    discrepancies = [
        Discrepancy(
            id="volkov-role",
            subject="aleksandr-volkov",
            field="role",
            values=[
                DiscrepancyValue(
                    value="Deputy Foreign Minister",
                    sources=["rfe-rl"],
                    evidence=[ev("rfe-rl", "deputy foreign minister")],
                ),
                DiscrepancyValue(value=XSS_SCRIPT, sources=["hostile-page", "missing-source"]),
            ],
        ),
        Discrepancy(
            id="meeting-date",
            subject="Date of the next meeting",
            field="date",
            values=[
                DiscrepancyValue(
                    value="2022-01-13",
                    sources=["wire-talks"],
                    evidence=[ev("wire-talks", "Vienna")],
                ),
                DiscrepancyValue(value="2022-01-14", sources=["rfe-rl"]),
            ],
        ),
    ]
    key_points = [
        KeyPoint(
            id="kp-talks",
            text="NATO and Russia met in Brussels; Volkov demanded an end to enlargement.",
            evidence=[
                ev("wire-talks", "met in Brussels"),
                ev("wire-talks", "demanded"),
                ev("rfe-rl", "frank"),
            ],
        ),
        KeyPoint(
            id="kp-hostile",
            text=f"Hostile text {XSS_SCRIPT} {XSS_IMG} {JINJA_EXPR} stays text.",
            evidence=[ev("hostile-page", "An article said")],
        ),
        KeyPoint(
            id="kp-bad-evidence",
            text="Evidence pointing at a source that is not listed.",
            evidence=[Evidence(source="missing-source", text="Gone.", start=0, end=5)],
        ),
    ]
    dossier = Dossier(
        title=f"NATO–Russia talks {XSS_SCRIPT} {TITLE_BREAK} {JINJA_EXPR}",
        updated="2022-01-13",
        key_points=key_points,
        sources=sources,
        actors=actors,
        issues=issues,
        positions=positions,
        demands=demands,
        next_steps=next_steps,
        timeline=timeline,
        quotes=quotes,
        discrepancies=discrepancies,
    )
    changes = Changes(
        previous="2022-01-12",
        added=[
            Change(kind="source", id="rfe-rl", label="Москва и НАТО: переговоры"),
            Change(kind="actor", id="aleksandr-volkov", label="Aleksandr Volkov"),
            Change(kind="quote", id="orphan-quote", label=f"Who said {JINJA_EXPR}?"),
            Change(kind="next_step", id="vienna-meeting", label="Meeting in Vienna"),
        ],
        removed=[Change(kind="demand", id="old-demand", label=f"An old demand {XSS_SCRIPT}")],
        changed=[
            Change(
                kind="position",
                id="russia-enlargement",
                label="Russia on NATO enlargement",
                detail="stance: mixed → oppose",
            ),
            Change(kind="discrepancy", id="volkov-role", label="Volkov: role"),
        ],
    )
    return Sample(dossier=dossier, changes=changes, texts=texts)


@pytest.fixture(scope="session")
def sample() -> Sample:
    return make_sample()


@dataclass
class Built:
    docs: Path
    site: Path
    pages: list[Path]


@pytest.fixture(scope="session")
def built(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sample rendered and built with a real `mkdocs build --strict` (once per session)."""
    from dossier.render import build_site, render_docs

    tmp = tmp_path_factory.mktemp("site")
    docs, site = tmp / "docs", tmp / "site"
    pages = render_docs(sample.dossier, docs, TEMPLATES, sample.changes)
    build_site(ROOT, docs, site, strict=True)
    return Built(docs=docs, site=site, pages=pages)
