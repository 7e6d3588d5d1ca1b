"""Hand-built Dossiers for the PDF tests: a realistic one on the seeds, a hostile one, a wide one.

The evidence spans are real: each quoted sentence is looked up in its seed file, so the footnotes
the PDF prints are the sentences a reader would find in the article.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest

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
    Role,
    Source,
    TimelineEvent,
)
from tests.samples import found

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "content" / "articles"
TEMPLATES = ROOT / "templates"
EPOCH = "1642032000"  # 2022-01-13T00:00:00Z

SOURCES = {
    # id: (file, outlet, url)
    "euromaidan": (
        "euromaidan-press-nato-russia-talk-more.txt",
        "Euromaidan Press",
        "https://euromaidanpress.com/2022/01/12/nato-and-russia-agreed-to-talk-more/",
    ),
    "euronews": (
        "euronews-nato-russia-further-meetings.txt",
        "Euronews",
        "https://www.euronews.com/2022/01/12/nato-and-russia-agree-to-hold-further-meetings",
    ),
    "reaffirms": ("nato-reaffirms-sovereign-right.txt", None, None),
    "step-forward": ("nato-russia-council-step-forward.txt", None, None),
    "breakthrough": ("no-ukraine-breakthrough-more-talks.txt", None, None),
}


def _file_text(name: str) -> str:
    # Decoded, no newline translation: the offsets of the schema count in this string.
    with open(ARTICLES / name, encoding="utf-8", newline="") as handle:
        return handle.read()


def ev(source: str, sentence: str) -> Evidence:
    return found(source, _file_text(SOURCES[source][0]), sentence, anchored=True)


def _sources() -> list[Source]:
    out = []
    for sid, (name, outlet, url) in SOURCES.items():
        raw = (ARTICLES / name).read_bytes()
        title = next(line for line in raw.decode().splitlines() if line.startswith("title:"))
        out.append(
            Source(
                id=sid,
                title=title.split(":", 1)[1].strip().strip('"'),
                outlet=outlet,
                url=url,
                published="2022-01-12",
                path=f"content/articles/{name}",
                sha256=hashlib.sha256(raw).hexdigest(),
            )
        )
    return out


# The sentences the sample's claims rest on, verbatim from the seed files.
TALKS = (
    "euronews",
    "NATO and Russia have agreed to continue high-level talks, according to the "
    "military alliance's secretary-general, as tensions persist over Moscow's military buildup "
    "at the Ukrainian border.",
)
OPEN_DOOR = (
    "euromaidan",
    "Mr. Stoltenberg stressed that NATO wouldn’t agree to Russia’s demands for "
    "a new security architecture in Europe but wanted to continue diplomacy, and once again "
    "assured that Ukraine has the right to decide its future security arrangements on its "
    "own while NATO leaves its door open to new members.",
)
GRUSHKO_END = (
    "breakthrough",
    "“It is absolutely imperative to put an end to the open-door policy "
    "and to offer Russia legally binding guarantees preventing further NATO expansion to "
    "the east,” Grushko added.",
)
WITHDRAW = (
    "reaffirms",
    "Stoltenberg also called on Russia to withdraw its troops from Georgia, "
    "Ukraine, and Moldova – the Kremlin has deployed troops and occupied territory in all "
    "three countries.",
)
SHERMAN_DOOR = (
    "euronews",
    '"We will not slam the door shut on NATO’s open-door policy...We are not '
    'going to agree that NATO cannot expand any further," Sherman told reporters in '
    "Brussels.",
)
STAGES = (
    "step-forward",
    "The first stage was the talks between Russia and the US that took place "
    "in Geneva on January 10, and the third stage will happen as an OSCE meeting in Vienna on "
    "January 13.",
)
DRAFTS = (
    "step-forward",
    "On December 17, 2021, the Russian Foreign Ministry published the draft "
    "agreements between Russia and the US on security guarantees and the measures of ensuring "
    "the security of Russia and NATO member states.",
)
SHERMAN_UNDER = (
    "breakthrough",
    "Speaking after the meeting at NATO Headquarters in Brussels, US "
    "Under Secretary of State Wendy Sherman reiterated that some of Putin’s security "
    "demands “are simply in vain.”",
)
SHERMAN_DEPUTY = (
    "euronews",
    "This notion was repeated by the US Deputy Secretary of State Wendy "
    "Sherman, who attended the meeting, despite Putin's ultimatum that the military "
    "alliance stops inviting new members.",
)
PESKOV = (
    "euromaidan",
    "In Moscow Russian President Putin’s press secretary Dmitry Peskov that "
    "Russia was concerned over any NATO expansion.",
)
PUTIN_WANTS = (
    "breakthrough",
    "Russian President Vladimir Putin wants NATO to withdraw its troops and "
    "military equipment from countries neighboring Russia, which includes Ukraine but also "
    "NATO allies such as Estonia, Latvia and Lithuania.",
)
GUARANTEES = (
    "reaffirms",
    "Over the course of the meeting, Russia reiterated its demands for "
    "“security guarantees,” including on NATO’s non-expansion to the east.",
)
TRANSPARENCY = (
    "reaffirms",
    "“In particular, the (NATO) allies would like to discuss concrete ways "
    "to increase the transparency of military exercises, to prevent dangerous military "
    "incidents, and reduce space and cyber threats,” Stoltenberg said.",
)
LUKYANOV = (
    "euronews",
    "Fyodor Lukyanov, editor-in-chief of the Russia in Global Affairs journal "
    "based in Moscow told Euronews that Moscow's muscle-flexing at the border should be seen "
    "as part of a much larger Kremlin strategy.",
)
DENIES = (
    "breakthrough",
    "Russia denies having any new plans to attack its neighbor and in turn "
    "accuses the West of threatening its security.",
)
GENEVA = (
    "euromaidan",
    "This meeting was the second round of high-level negotiations with Russia "
    "this week, and it took place only two days after an initial meeting between the American "
    "and Russian negotiators in Geneva on 10 January.",
)
CHAIRED = (
    "step-forward",
    "NATO Secretary General Jens Stoltenberg, who chaired the meeting, said: "
    "“This was not an easy discussion, but that is exactly why it was so important.”",
)
TROOPS = (
    "breakthrough",
    "The meeting was called as Russia gathered around 100,000 combat-ready "
    "troops, tanks and heavy military equipment near Ukraine’s eastern border.",
)
SCHEDULE = (
    "reaffirms",
    "“Both Russia and NATO allies expressed the need to resume dialogue and to "
    "explore a schedule of future meetings,” the secretary-general said.",
)
SERIOUS = (
    "breakthrough",
    "Grushko, for his part, called Wednesday’s talks “serious, deep and substantial.”",
)
DEESCALATE = (
    "euromaidan",
    "Jens Stoltenberg also said that NATO has called on Russia to immediately "
    "de-escalate the situation around Ukraine, and Allies recalled that any further Russian "
    "aggression against Ukraine would have severe cost.",
)
DELEGATION = (
    "step-forward",
    "The Russian delegation in Brussels is led by Deputy Foreign Minister "
    "Alexander Grushko and Deputy Defense Minister Alexander Fomin.",
)


def E(*claims: tuple[str, str]) -> list[Evidence]:
    return [ev(source, sentence) for source, sentence in claims]


def make_sample() -> Dossier:
    """A realistic dossier of the five seeds, as the extraction stages should produce it."""
    actors = [
        Actor(
            id="nato",
            name="NATO",
            type="organization",
            aliases=["the alliance", "the Alliance"],
            mentions=41,
            sources=list(SOURCES),
        ),
        Actor(
            id="russia",
            name="Russia",
            type="state",
            aliases=["Moscow", "the Kremlin"],
            mentions=38,
            sources=list(SOURCES),
        ),
        Actor(
            id="jens-stoltenberg",
            name="Jens Stoltenberg",
            type="person",
            aliases=["Stoltenberg", "the NATO chief", "the secretary-general"],
            affiliation="nato",
            roles=[Role(title="NATO Secretary General", evidence=E(CHAIRED))],
            mentions=22,
            sources=list(SOURCES),
        ),
        Actor(
            id="alexander-grushko",
            name="Alexander Grushko",
            type="person",
            aliases=["Aleksandr Grushko", "Grushko"],
            affiliation="russia",
            roles=[Role(title="Deputy Foreign Minister", evidence=E(DELEGATION))],
            mentions=9,
            sources=["euromaidan", "euronews", "step-forward", "breakthrough"],
        ),
        Actor(
            id="alexander-fomin",
            name="Alexander Fomin",
            type="person",
            aliases=["Aleksandr Fomin", "Colonel General Aleksandr Fomin"],
            affiliation="russia",
            roles=[Role(title="Deputy Defense Minister", evidence=E(DELEGATION))],
            mentions=5,
            sources=["euromaidan", "euronews", "step-forward", "breakthrough"],
        ),
        Actor(
            id="wendy-sherman",
            name="Wendy Sherman",
            type="person",
            aliases=["Sherman"],
            affiliation="united-states",
            roles=[
                Role(title="Deputy Secretary of State", evidence=E(SHERMAN_DEPUTY)),
                Role(title="Under Secretary of State", evidence=E(SHERMAN_UNDER)),
            ],
            mentions=8,
            sources=["euromaidan", "euronews", "step-forward", "breakthrough"],
        ),
        Actor(
            id="united-states",
            name="United States",
            type="state",
            aliases=["US", "Washington"],
            mentions=9,
            sources=["euromaidan", "reaffirms", "step-forward", "breakthrough"],
        ),
        Actor(
            id="vladimir-putin",
            name="Vladimir Putin",
            type="person",
            aliases=["Putin"],
            affiliation="russia",
            roles=[Role(title="President", evidence=E(PUTIN_WANTS))],
            mentions=7,
            sources=["euromaidan", "euronews", "breakthrough"],
        ),
        Actor(
            id="ukraine",
            name="Ukraine",
            type="state",
            aliases=["Kiev"],
            mentions=30,
            sources=list(SOURCES),
        ),
        Actor(
            id="osce",
            name="OSCE",
            type="organization",
            aliases=["Organization for Security and Co-operation in Europe"],
            mentions=2,
            sources=["step-forward"],
        ),
        Actor(
            id="dmitry-peskov",
            name="Dmitry Peskov",
            type="person",
            affiliation="russia",
            roles=[Role(title="Press secretary to the President", evidence=E(PESKOV))],
            mentions=1,
            sources=["euromaidan"],
        ),
        Actor(
            id="fyodor-lukyanov",
            name="Fyodor Lukyanov",
            type="person",
            roles=[Role(title="Editor-in-chief, Russia in Global Affairs", evidence=E(LUKYANOV))],
            mentions=2,
            sources=["euronews"],
        ),
    ]
    issues = [
        Issue(
            id="open-door",
            label="NATO open door and enlargement",
            keywords=["open door", "membership", "expansion"],
        ),
        Issue(
            id="troop-build-up",
            label="Russian troop build-up near Ukraine",
            keywords=["troops", "build-up", "de-escalate"],
        ),
        Issue(
            id="future-talks",
            label="Dialogue and future talks",
            keywords=["dialogue", "future meetings"],
        ),
        Issue(
            id="security-guarantees",
            label="Russian security guarantees",
            keywords=["guarantees", "security architecture"],
        ),
    ]
    P = Position
    positions = [
        P(
            id="nato-open-door",
            actor="nato",
            issue="open-door",
            stance="support",
            summary="Keeps its door open; only Ukraine and the 30 allies decide on membership.",
            evidence=E(OPEN_DOOR, SHERMAN_DOOR),
        ),
        P(
            id="russia-open-door",
            actor="russia",
            issue="open-door",
            stance="oppose",
            summary="Wants an end to the open-door policy and no expansion to the east.",
            evidence=E(GRUSHKO_END, GUARANTEES),
        ),
        P(
            id="stoltenberg-open-door",
            actor="jens-stoltenberg",
            issue="open-door",
            stance="support",
            summary="Russia has no veto on Ukraine joining.",
            evidence=E(OPEN_DOOR),
        ),
        P(
            id="grushko-open-door",
            actor="alexander-grushko",
            issue="open-door",
            stance="oppose",
            summary="Calls ending the open-door policy “absolutely imperative”.",
            evidence=E(GRUSHKO_END),
        ),
        P(
            id="sherman-open-door",
            actor="wendy-sherman",
            issue="open-door",
            stance="support",
            summary="Will not slam the door shut on NATO’s open-door policy.",
            evidence=E(SHERMAN_DOOR, SHERMAN_DEPUTY),
        ),
        P(
            id="united-states-open-door",
            actor="united-states",
            issue="open-door",
            stance="support",
            summary="Rejects Russia's demand that NATO stop expanding.",
            evidence=E(SHERMAN_DOOR),
            curated=True,
            note="US position taken from its negotiator's statements.",
        ),
        P(
            id="peskov-open-door",
            actor="dmitry-peskov",
            issue="open-door",
            stance="oppose",
            summary="Russia is concerned over any NATO expansion.",
            evidence=E(PESKOV),
        ),
        P(
            id="nato-troops",
            actor="nato",
            issue="troop-build-up",
            stance="oppose",
            summary="Calls on Russia to de-escalate and withdraw its troops.",
            evidence=E(DEESCALATE, WITHDRAW),
        ),
        P(
            id="russia-troops",
            actor="russia",
            issue="troop-build-up",
            stance="neutral",
            summary="Denies any plan to attack and accuses the West of threatening it.",
            evidence=E(DENIES),
            confidence="low",
        ),
        P(
            id="stoltenberg-troops",
            actor="jens-stoltenberg",
            issue="troop-build-up",
            stance="oppose",
            summary="Asks Russia to withdraw from Georgia, Ukraine and Moldova.",
            evidence=E(WITHDRAW),
        ),
        P(
            id="nato-talks",
            actor="nato",
            issue="future-talks",
            stance="support",
            summary="Ready to meet again and put concrete proposals on the table.",
            evidence=E(SCHEDULE, TALKS),
        ),
        P(
            id="russia-talks",
            actor="russia",
            issue="future-talks",
            stance="mixed",
            summary="Did not rule out further talks but gave a less optimistic assessment.",
            evidence=E(SERIOUS),
        ),
        P(
            id="grushko-talks",
            actor="alexander-grushko",
            issue="future-talks",
            stance="mixed",
            summary="Called the talks “serious, deep and substantial”.",
            evidence=E(SERIOUS),
        ),
        P(
            id="stoltenberg-talks",
            actor="jens-stoltenberg",
            issue="future-talks",
            stance="support",
            summary="Both sides expressed the need to resume dialogue.",
            evidence=E(SCHEDULE),
        ),
        P(
            id="russia-guarantees",
            actor="russia",
            issue="security-guarantees",
            stance="support",
            summary="Demands legally binding security guarantees.",
            evidence=E(GUARANTEES, GRUSHKO_END),
        ),
        P(
            id="nato-guarantees",
            actor="nato",
            issue="security-guarantees",
            stance="oppose",
            summary="Will not agree to a new security architecture in Europe.",
            evidence=E(OPEN_DOOR),
        ),
        P(
            id="putin-guarantees",
            actor="vladimir-putin",
            issue="security-guarantees",
            stance="support",
            summary="Wants NATO to pull troops back from Russia's neighbours.",
            evidence=E(PUTIN_WANTS),
        ),
    ]
    demands = [
        Demand(
            id="russia-end-open-door",
            by="russia",
            of=["nato"],
            text="End the open-door policy and give legally binding guarantees against expansion "
            "to the east.",
            status="rejected",
            evidence=E(GRUSHKO_END, GUARANTEES),
        ),
        Demand(
            id="nato-withdraw",
            by="nato",
            of=["russia"],
            text="Withdraw troops from Georgia, Ukraine and Moldova.",
            status="open",
            evidence=E(WITHDRAW),
        ),
        Demand(
            id="nato-deescalate",
            by="jens-stoltenberg",
            of=["russia"],
            text="De-escalate the situation around Ukraine immediately.",
            status="open",
            evidence=E(DEESCALATE),
        ),
        Demand(
            id="putin-withdraw",
            by="vladimir-putin",
            of=["nato"],
            text="Withdraw troops and military equipment from countries neighbouring Russia.",
            status="rejected",
            evidence=E(PUTIN_WANTS),
        ),
    ]
    next_steps = [
        NextStep(
            id="osce-vienna",
            text="OSCE Permanent Council session on European security.",
            date="2022-01-13",
            place="Vienna",
            actors=["osce", "russia", "united-states"],
            evidence=E(STAGES),
        ),
        NextStep(
            id="further-meetings",
            text="Explore a schedule of further NATO–Russia meetings.",
            date=None,
            place=None,
            actors=["nato", "russia"],
            evidence=E(SCHEDULE, TALKS),
        ),
        NextStep(
            id="transparency-talks",
            text="Talks on transparency of military exercises and reducing space and cyber "
            "threats.",
            date=None,
            actors=["nato", "russia"],
            evidence=E(TRANSPARENCY),
        ),
    ]
    timeline = [
        TimelineEvent(
            id="drafts-published",
            date="2021-12-17",
            text="Russian Foreign Ministry publishes draft security agreements with the US "
            "and NATO.",
            actors=["russia"],
            evidence=E(DRAFTS),
        ),
        TimelineEvent(
            id="geneva-talks",
            date="2022-01-10",
            text="US–Russia strategic stability talks.",
            place="Geneva",
            actors=["united-states", "russia"],
            evidence=E(GENEVA, STAGES),
        ),
        TimelineEvent(
            id="nrc-meeting",
            date="2022-01-12",
            text="NATO-Russia Council meets for the first time in more than two years.",
            place="Brussels",
            actors=["nato", "russia"],
            evidence=E(CHAIRED, TALKS),
        ),
        TimelineEvent(
            id="build-up",
            date="2021",
            text="Russia gathers around 100,000 troops near Ukraine's border.",
            actors=["russia"],
            evidence=E(TROOPS),
        ),
    ]
    key_points = [
        KeyPoint(
            id="kp-talks",
            text="NATO and Russia agreed to keep talking, but no date is set "
            "for a further meeting.",
            evidence=E(TALKS, SCHEDULE),
        ),
        KeyPoint(
            id="kp-open-door",
            text="NATO rejected Russia's central demand to close its open "
            "door; only Ukraine and the allies decide on membership.",
            evidence=E(OPEN_DOOR, SHERMAN_DOOR),
        ),
        KeyPoint(
            id="kp-guarantees",
            text="Russia called an end to NATO enlargement and legally "
            "binding guarantees “absolutely imperative”.",
            evidence=E(GRUSHKO_END, GUARANTEES),
        ),
        KeyPoint(
            id="kp-troops",
            text="The talks took place against a build-up of around 100,000 "
            "Russian troops near Ukraine's border.",
            evidence=E(TROOPS),
        ),
        KeyPoint(
            id="kp-vienna",
            text="The week of talks continues at the OSCE in Vienna on 13 January.",
            evidence=E(STAGES),
        ),
    ]
    discrepancies = [
        Discrepancy(
            id="sherman-title",
            subject="wendy-sherman",
            field="title",
            values=[
                DiscrepancyValue(
                    value="Deputy Secretary of State",
                    sources=["euromaidan", "euronews"],
                    evidence=E(SHERMAN_DEPUTY),
                ),
                DiscrepancyValue(
                    value="Under Secretary of State",
                    sources=["breakthrough"],
                    evidence=E(SHERMAN_UNDER),
                ),
            ],
        ),
    ]
    return Dossier(
        title="NATO–Russia Council talks in Brussels, January 2022",
        updated="2022-01-12",
        key_points=key_points,
        sources=_sources(),
        actors=actors,
        issues=issues,
        positions=positions,
        demands=demands,
        next_steps=next_steps,
        timeline=timeline,
        discrepancies=discrepancies,
    )


HOSTILE = {
    "script": "<script>alert('pwned')</script>",
    "img": '<img src="http://evil.example/x.png" onerror="alert(1)">',
    "jinja": "{{ 7*7 }} {% include '/etc/passwd' %}",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "link": "[click](javascript:alert(1))",
}


def make_hostile() -> Dossier:
    """The sample with scraped-web hostility in every kind of field the PDF prints."""
    d = make_sample()
    d.title = f"Talks {HOSTILE['script']} and {HOSTILE['jinja']}"
    d.actors.append(
        Actor(
            id="evil-corp",
            name=f"Evil {HOSTILE['img']} Corp",
            type="organization",
            roles=[Role(title=HOSTILE["iframe"], evidence=E(TALKS))],
            mentions=3,
        )
    )
    d.positions.append(
        Position(
            id="evil-open-door",
            actor="evil-corp",
            issue="open-door",
            stance="mixed",
            summary=f"Says {HOSTILE['link']} loudly.",
            evidence=E(TALKS),
        )
    )
    d.key_points.insert(
        0,
        KeyPoint(
            id="kp-evil",
            text=f"Injected {HOSTILE['script']} point.",
            evidence=[
                Evidence(
                    source="euronews", text=HOSTILE["iframe"], start=0, end=len(HOSTILE["iframe"])
                )
            ],
        ),
    )
    d.sources[0].title = f"Title {HOSTILE['img']}"
    d.sources[0].url = "javascript:alert(document.domain)"
    d.sources[1].url = "file:///etc/passwd"
    return d


def make_wide(n_issues: int = 14) -> Dossier:
    """The sample with many issues, to check the matrix stays legible."""
    d = make_sample()
    topics = [
        "Arms control",
        "Missile deployments",
        "Military exercises transparency",
        "Cyber threats",
        "Space security",
        "Georgia and Moldova",
        "Crimea",
        "Donbas ceasefire",
        "Baltic air policing",
        "Nuclear posture",
        "Sanctions",
        "Energy supplies",
        "Humanitarian access",
        "Diplomatic channels",
    ]
    stances = ["support", "oppose", "mixed", "neutral"]
    for n, label in enumerate(topics[: n_issues - len(d.issues)]):
        issue_id = f"extra-{n}"
        d.issues.append(Issue(id=issue_id, label=label))
        for k, actor in enumerate(
            [
                "nato",
                "russia",
                "jens-stoltenberg",
                "alexander-grushko",
                "wendy-sherman",
                "united-states",
            ]
        ):
            if (n + k) % 3:
                d.positions.append(
                    Position(
                        id=f"{actor}-{issue_id}",
                        actor=actor,
                        issue=issue_id,
                        stance=stances[(n * 7 + k) % 4],
                        summary=f"{label}: stated position.",
                        evidence=E(TALKS),
                    )
                )
    return d


@pytest.fixture(scope="session")
def sample() -> Dossier:
    return make_sample()


def _render(tmp: Path, dossier: Dossier, name: str, **kwargs) -> Path:
    from dossier.pdf import render_pdf

    return render_pdf(
        dossier, tmp / name, TEMPLATES, build_date=kwargs.pop("build_date", None), **kwargs
    )


@pytest.fixture(scope="session")
def pdf_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="session")
def sample_pdf(pdf_dir, sample) -> Path:
    """The sample briefing on A4, built once for the session (WeasyPrint takes about a second)."""
    return _render(pdf_dir, sample, "sample.pdf", env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.fixture(scope="session")
def hostile_pdf(pdf_dir) -> Path:
    return _render(pdf_dir, make_hostile(), "hostile.pdf", env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.fixture(scope="session")
def wide_pdf(pdf_dir) -> Path:
    return _render(pdf_dir, make_wide(), "wide.pdf", env={"SOURCE_DATE_EPOCH": EPOCH})


def run(*args: str | Path) -> str:
    """A poppler tool's output; a failure is a test failure with the tool's message."""
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


@pytest.fixture(scope="session")
def sample_text(sample_pdf) -> str:
    return run("pdftotext", "-layout", sample_pdf, "-")


def pages(pdf: Path) -> list[str]:
    """The text of each page, in reading order (pdftotext separates pages by form feeds)."""
    return run("pdftotext", pdf, "-").split("\f")[:-1]


def squash(text: str) -> str:
    """Text without whitespace or line-end hyphens, so wrapped and hyphenated words compare whole."""
    return "".join(text.replace("-\n", "").split())


def pdf_objects(pdf: Path) -> bytes:
    """The PDF's bytes plus every Flate stream inflated.

    WeasyPrint packs dictionaries (links, actions, outlines) into compressed object streams,
    so a grep of the raw file would find nothing whatever the PDF held.
    """
    raw = pdf.read_bytes()
    parts = [raw]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", raw, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    count = int(re.search(r"Pages:\s+(\d+)", run("pdfinfo", pdf)).group(1))
    info = run("pdfinfo", "-f", "1", "-l", str(count), pdf)
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


@pytest.fixture(scope="session")
def kit() -> SimpleNamespace:
    """This folder's helpers and data, for test modules (importlib mode cannot import conftest)."""
    return SimpleNamespace(
        run=run,
        pages=pages,
        squash=squash,
        pdf_objects=pdf_objects,
        page_sizes=page_sizes,
        render=_render,
        make_sample=make_sample,
        make_hostile=make_hostile,
        make_wide=make_wide,
        hostile=HOSTILE,
        epoch=EPOCH,
        templates=TEMPLATES,
        sentences=SimpleNamespace(
            grushko_end=GRUSHKO_END[1], talks=TALKS[1], sherman_under=SHERMAN_UNDER[1]
        ),
    )
