"""The eval scorer on tiny hand-made dossiers: a wrong answer must score as wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from dossier.model.dossier import (
    Actor,
    Demand,
    Discrepancy,
    DiscrepancyValue,
    Dossier,
    Evidence,
    Issue,
    NextStep,
    Position,
    Quote,
    Role,
    TimelineEvent,
)
from tests.samples import found, span, stub_source

ROOT = Path(__file__).resolve().parents[2]


def _load_scorer():
    spec = importlib.util.spec_from_file_location("dossier_eval_scorer", ROOT / "bench" / "eval.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


ev = _load_scorer()

ARTICLE = (
    'Foreign Minister Anna Berg said: "We will sign." Berg added that talks resume on May 2.\n'
    '"It was a good day," she said. Norway urged Sweden to lift the quota.\n'
)


def E(text: str, source: str = "a") -> Evidence:
    return found(source, ARTICLE, text)


S1 = 'Foreign Minister Anna Berg said: "We will sign."'
S2 = "Berg added that talks resume on May 2."
S3 = '"It was a good day," she said.'
S4 = "Norway urged Sweden to lift the quota."


def gold(**parts) -> object:
    base = {
        "dataset": "tiny",
        "articles": "x",
        "actors": [
            {
                "name": "Anna Berg",
                "type": "person",
                "aliases": ["Berg", "Anna Bergh"],
                "roles": ["Foreign Minister"],
                "affiliation": "Norway",
            },
            {"name": "Norway", "type": "state", "aliases": ["Oslo"]},
            {"name": "Sweden", "type": "state"},
            {"name": "Nordic Council", "type": "organization", "optional": True},
        ],
        "not_actors": ["Daily Fjord", "Share"],
    }
    base.update(parts)
    return ev.Gold.model_validate(base)


def actor(id_: str, name: str, type_: str = "person", **kw) -> Actor:
    return Actor(id=id_, name=name, type=type_, **kw)


BERG = actor(
    "anna-berg",
    "Anna Berg",
    aliases=["Berg", "Anna Bergh"],
    affiliation="norway",
    roles=[Role(title="Foreign Minister")],
)
NORWAY = actor("norway", "Norway", "state", aliases=["Oslo"])
SWEDEN = actor("sweden", "Sweden", "state")


def dossier(**parts) -> Dossier:
    base = {
        "title": "t",
        "sources": [stub_source("a", "tests/eval/article-a.txt")],
        "actors": [BERG, NORWAY, SWEDEN],
    }
    base.update(parts)
    return Dossier.model_validate(base)


def area(report, name: str):
    return next(s for s in report.scores if s.area == name)


def run(g, d, tmp_path: Path | None = None):
    root = tmp_path or ROOT
    if tmp_path is not None:
        (tmp_path / "tests" / "eval").mkdir(parents=True, exist_ok=True)
        (tmp_path / "tests" / "eval" / "article-a.txt").write_bytes(ARTICLE.encode("utf-8"))
    return ev.score(g, d, root)


# --- normalisation -----------------------------------------------------------------------------


def test_names_and_texts_normalise_as_documented():
    assert ev.name_key("the NATO Secretary-General") == ev.name_key("NATO Secretary General")
    assert ev.name_key("Mr. Stoltenberg") == ev.name_key("Stoltenberg")
    assert ev.name_key("U.S.") == ev.name_key("US")
    assert ev.name_key("Co-operation") == ev.name_key("Cooperation")
    assert ev.name_key("Aydınlı") != ev.name_key("Aydinli")  # a variant must really be carried
    assert ev.contains("Russia doesn’t have a veto (on states)", "Russia does not have a veto")
    assert ev.contains("the State Minister for Defense", "state minister for defence")
    assert not ev.contains("weather report", "the report")  # "the" is a word, not ignored
    assert not ev.contains("at least 400 people", "40")  # whole words only


def test_date_specs():
    assert ev.date_ok("2025-03-18", ["2025-03-18"])
    assert not ev.date_ok("2025-03-19", ["2025-03-18"])
    assert ev.date_ok(None, [None]) and not ev.date_ok("2025-03-18", [None])
    assert not ev.date_ok(None, ["2025-03-18"])
    assert ev.date_ok("2025-03-20", ["2025-03-17..2025-03-23"])
    assert not ev.date_ok("2025-03", ["2025-03-17..2025-03-23"])
    assert ev.date_ok("2025-03", ["2025-03-17..2025-03-23", "2025-03"])


def test_gold_rejects_unknown_names_and_keys():
    with pytest.raises(ValueError, match="no gold actor"):
        gold(quotes=[{"speaker": "Ana Berg", "text": "x", "sources": ["a.txt"]}])
    with pytest.raises(ValueError, match="Extra inputs"):
        gold(quotes=[{"speaker": "Anna Berg", "txt": "x", "sources": ["a.txt"]}])
    with pytest.raises(ValueError, match="names both"):
        gold(
            actors=[
                {"name": "A", "type": "person", "aliases": ["X"]},
                {"name": "B", "type": "person", "aliases": ["X"]},
            ]
        )


def test_the_real_gold_files_load():
    files = sorted((ROOT / "tests" / "gold").glob("*.yaml"))
    assert {f.stem for f in files} >= {
        "seeds",
        "abyei-ceasefire",
        "eu-kazakhstan-trade",
        "asean-maritime-talks",
    }
    for path in files:
        g = ev.load_gold(path)
        assert (ROOT / g.articles).is_dir(), path
        names = {p.name for p in (ROOT / g.articles).iterdir()}
        for q in g.quotes:
            assert set(q.sources) <= names, (path, q.text)


# --- actors and aliases ------------------------------------------------------------------------


def test_perfect_actors_score_full():
    report = run(gold(), dossier())
    actors = area(report, "actors")
    assert (actors.hit, actors.gold, actors.right, actors.predicted) == (3, 3, 3, 3)
    assert area(report, "aliases (persons)").recall == 1.0
    assert area(report, "affiliations").recall == 1.0 and area(report, "roles").recall == 1.0
    assert "actors" not in " ".join(report.failures())


def test_missing_actor_and_furniture_actor_fail():
    report = run(
        gold(),
        dossier(
            actors=[
                BERG,
                NORWAY,
                actor("daily-fjord", "Daily Fjord", "other"),
                actor("share-this", "Share this article", "other"),
            ]
        ),
    )
    assert area(report, "actors").recall == pytest.approx(2 / 3)
    assert area(report, "actors").misses == ["Sweden (state)"]
    furniture = area(report, "furniture actors")
    assert len(furniture.wrong) == 2
    assert any("furniture actor" in f for f in report.failures())


def test_optional_actor_costs_nothing_and_counts_as_right():
    report = run(
        gold(),
        dossier(
            actors=[BERG, NORWAY, SWEDEN, actor("nordic-council", "Nordic Council", "organization")]
        ),
    )
    actors = area(report, "actors")
    assert actors.recall == 1.0 and actors.precision == 1.0


def test_split_aliases_are_counted_wrong():
    split = [
        actor("anna-berg", "Anna Berg", aliases=["Berg"], affiliation="norway"),
        actor("anna-bergh", "Anna Bergh"),
        NORWAY,
        SWEDEN,
    ]
    report = run(gold(), dossier(actors=split))
    persons = area(report, "aliases (persons)")
    assert persons.recall == 0.0
    assert "'Anna Bergh' on Anna Bergh" in persons.misses[0]
    assert any("aliases (persons)" in f for f in report.failures())


def test_a_missing_surface_form_is_counted_wrong():
    report = run(
        gold(), dossier(actors=[actor("anna-berg", "Anna Berg", aliases=["Berg"]), NORWAY, SWEDEN])
    )
    assert area(report, "aliases (persons)").recall == 0.0
    assert "'Anna Bergh' on nobody" in area(report, "aliases (persons)").misses[0]


def test_title_alias_may_be_a_role_prefixed_by_the_affiliation():
    g = gold(
        actors=[
            {
                "name": "Anna Berg",
                "type": "person",
                "aliases": ["Norwegian Foreign Minister", "Norway Foreign Minister"],
            },
            {"name": "Norway", "type": "state", "aliases": ["Norwegian"]},
        ]
    )
    berg = actor(
        "anna-berg", "Anna Berg", affiliation="norway", roles=[Role(title="Foreign Minister")]
    )
    norway = actor("norway", "Norway", "state", aliases=["Norwegian"])
    report = run(g, dossier(actors=[berg, norway]))
    assert area(report, "aliases (persons)").recall == 1.0


def test_over_merged_actor_lowers_alias_precision():
    merged = actor("norway", "Norway", "state", aliases=["Oslo", "Sweden"])
    report = run(gold(), dossier(actors=[BERG, merged]))
    everyone = area(report, "aliases (all)")
    assert everyone.precision == 0.5 and "merges Norway, Sweden" in everyone.wrong[0]


# --- quotes ------------------------------------------------------------------------------------


QUOTES = [
    {"speaker": "Anna Berg", "text": "we will sign", "sources": ["article-a.txt"]},
    {
        "speaker": "Anna Berg",
        "text": "It was a good day",
        "sources": ["article-a.txt"],
        "kind": "pronoun",
    },
]


def test_right_speakers_score_full():
    d = dossier(
        quotes=[
            Quote(id="q1", speaker="anna-berg", text="We will sign.", evidence=[E(S1)]),
            Quote(id="q2", speaker="anna-berg", text="It was a good day,", evidence=[E(S3)]),
        ]
    )
    report = run(gold(quotes=QUOTES), d)
    q = area(report, "quote attribution")
    assert (q.hit, q.gold, q.right, q.predicted) == (2, 2, 2, 2)


def test_wrong_speaker_is_counted_wrong():
    d = dossier(
        quotes=[
            Quote(id="q1", speaker="anna-berg", text="We will sign.", evidence=[E(S1)]),
            Quote(id="q2", speaker="norway", text="It was a good day,", evidence=[E(S3)]),
        ]
    )
    report = run(gold(quotes=QUOTES), d)
    q = area(report, "quote attribution")
    assert q.recall == 0.5 and q.precision == 0.5
    assert "given to Norway" in q.misses[0] and "(pronoun)" in q.misses[0]
    assert area(report, "quotes found").recall == 1.0
    assert any("quote attribution" in f for f in report.failures())


def test_quote_from_another_source_does_not_count():
    d = dossier(
        sources=[
            stub_source("a", "tests/eval/article-a.txt", "0"),
            stub_source("b", "tests/eval/article-b.txt", "1"),
        ],
        quotes=[
            Quote(id="q1", speaker="anna-berg", text="We will sign.", evidence=[E(S1, source="b")])
        ],
    )
    report = run(gold(quotes=QUOTES[:1]), d)
    assert area(report, "quote attribution").recall == 0.0


def test_reported_speech_is_not_judged_but_an_invented_quote_is_wrong():
    d = dossier(
        quotes=[
            Quote(id="q1", speaker="anna-berg", text="talks resume on May 2", evidence=[E(S2)]),
            Quote(id="q2", speaker="anna-berg", text="We will sign.", evidence=[E(S1)]),
            Quote(id="q3", speaker="anna-berg", text="It was", evidence=[E(S3)]),
        ]
    )
    report = run(gold(quotes=QUOTES[:1]), d)
    q = area(report, "quote attribution")
    assert q.predicted == 2 and q.right == 1  # q1 is reported speech; q3 is no gold quote
    assert "1 reported-speech" in q.note


# --- demands, positions, dated items, discrepancies --------------------------------------------


DEMAND = {
    "by": ["Norway", "Anna Berg"],
    "of": ["Sweden"],
    "text": ["lift the quota"],
    "status": "open",
}


@pytest.mark.parametrize(
    ("by", "of", "right"),
    [
        ("norway", ["sweden"], True),
        ("anna-berg", ["sweden"], True),
        ("sweden", ["sweden"], False),
        ("norway", [], False),
        ("norway", ["sweden", "anna-berg"], False),
    ],
)
def test_demand_needs_right_by_and_of(by, of, right):
    d = dossier(
        demands=[
            Demand(id="d1", by=by, of=of, text="to lift the quota", status="open", evidence=[E(S4)])
        ]
    )
    demands = area(run(gold(demands=[DEMAND]), d), "demands (by/of)")
    assert demands.recall == (1.0 if right else 0.0)
    assert demands.precision == (1.0 if right else 0.0)


def test_demand_status_is_reported_separately():
    d = dossier(
        demands=[
            Demand(id="d1", by="norway", of=["sweden"], text="lift the quota", status="rejected")
        ]
    )
    report = run(gold(demands=[DEMAND]), d)
    assert area(report, "demands (by/of)").recall == 1.0
    assert area(report, "demand status").recall == 0.0


def test_positions_principal_and_unjudged_cells():
    g = gold(
        positions=[
            {
                "actor": "Norway",
                "issue": ["quota", "quotas"],
                "stance": "oppose",
                "principal": True,
            },
            {"actor": "Sweden", "issue": "quota", "stance": "support"},
        ]
    )
    d = dossier(
        issues=[
            Issue(id="fish", label="Fishing quotas", keywords=["quota"]),
            Issue(id="oil", label="Oil", keywords=["oil"]),
        ],
        positions=[
            Position(id="p1", actor="norway", issue="fish", stance="oppose", summary="s"),
            Position(id="p2", actor="sweden", issue="fish", stance="oppose", summary="s"),
            Position(id="p3", actor="sweden", issue="oil", stance="mixed", summary="s"),
        ],
    )
    report = run(g, d)
    assert area(report, "positions (principal)").recall == 1.0
    allp = area(report, "positions")
    assert allp.recall == 0.5 and allp.predicted == 2 and allp.right == 1
    assert "1 cells not judged" in allp.note


def test_next_step_needs_the_right_date():
    g = gold(next_steps=[{"text": ["talks resume"], "date": "2025-05-02", "place": "Oslo"}])
    right = dossier(
        next_steps=[
            NextStep(id="n", text="talks resume", date="2025-05-02", place="Oslo", evidence=[E(S2)])
        ]
    )
    wrong = dossier(
        next_steps=[NextStep(id="n", text="talks resume", date="2025-05-03", evidence=[E(S2)])]
    )
    assert area(run(g, right), "next steps (dates)").recall == 1.0
    assert area(run(g, right), "next steps places").recall == 1.0
    report = run(g, wrong)
    assert area(report, "next steps (dates)").recall == 0.0
    assert "dated 2025-05-03" in area(report, "next steps (dates)").misses[0]
    # A next step filed under the timeline is not a next step.
    misplaced = dossier(timeline=[TimelineEvent(id="t", date="2025-05-02", text="talks resume")])
    assert area(run(g, misplaced), "next steps (dates)").recall == 0.0


def test_timeline_year_only():
    g = gold(timeline=[{"text": "good day", "date": "2024"}])
    d = dossier(timeline=[TimelineEvent(id="t", date="2024", text="It was a good day")])
    assert area(run(g, d), "timeline (dates)").recall == 1.0


def test_discrepancy_needs_every_value_on_the_right_subject():
    g = gold(
        discrepancies=[
            {
                "subject": "Anna Berg",
                "field": "title",
                "values": [
                    {"value": "Foreign Minister"},
                    {"value": "Trade Minister"},
                    {"value": "Prime Minister", "optional": True},
                ],
            }
        ]
    )

    def make(subject: str, values: list[str]) -> Dossier:
        return dossier(
            discrepancies=[
                Discrepancy(
                    id="x",
                    subject=subject,
                    field="title",
                    values=[DiscrepancyValue(value=v, sources=["a"]) for v in values],
                )
            ]
        )

    assert (
        area(
            run(g, make("anna-berg", ["Foreign Minister", "Trade Minister"])), "discrepancies"
        ).recall
        == 1.0
    )
    assert area(run(g, make("anna-berg", ["Foreign Minister"])), "discrepancies").recall == 0.0
    assert (
        area(run(g, make("norway", ["Foreign Minister", "Trade Minister"])), "discrepancies").recall
        == 0.0
    )


def test_free_text_discrepancy_subject():
    g = gold(
        discrepancies=[
            {
                "subject": ["death toll", "killed"],
                "field": "figure",
                "values": [{"value": "40"}, {"value": "52"}],
            }
        ]
    )
    d = dossier(
        discrepancies=[
            Discrepancy(
                id="x",
                subject="people killed in Abyei",
                field="figure",
                values=[
                    DiscrepancyValue(value="at least 40", sources=["a"]),
                    DiscrepancyValue(value="52", sources=["b"]),
                ],
            )
        ]
    )
    assert area(run(g, d), "discrepancies").recall == 1.0


# --- evidence ----------------------------------------------------------------------------------


def test_evidence_spans_are_checked_exactly(tmp_path):
    good = dossier(quotes=[Quote(id="q", speaker="anna-berg", text="x", evidence=[E(S1)])])
    assert area(run(gold(), good, tmp_path), "evidence exact").recall == 1.0
    shifted = E(S1).model_copy(update={"start": E(S1).start + 1, "end": E(S1).end + 1})
    bad = dossier(quotes=[Quote(id="q", speaker="anna-berg", text="x", evidence=[shifted])])
    report = run(gold(), bad, tmp_path)
    exact = area(report, "evidence exact")
    assert exact.recall == 0.0 and "text differs" in exact.misses[0]
    assert any("evidence exact" in f for f in report.failures())


def test_evidence_reads_the_file_without_newline_translation(tmp_path):
    text = "First line.\r\nSecond line.\r\n"
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    start = text.index("Second")
    d = Dossier(
        title="t",
        sources=[stub_source("c", "crlf.txt")],
        quotes=[
            Quote(
                id="q",
                speaker="x",
                text="x",
                evidence=[span("c", "Second line.", start)],
            )
        ],
    )
    assert ev.score_evidence(d, tmp_path).recall == 1.0
    assert ev.read_article(tmp_path / "crlf.txt") == text


def test_render_and_exit_code(tmp_path, capsys):
    g = tmp_path / "g.yaml"
    g.write_text("dataset: tiny\narticles: x\nactors:\n  - {name: Norway, type: state}\n")
    d = tmp_path / "d.yaml"
    d.write_text(
        "schema_version: 1\ntitle: t\nactors:\n  - {id: norway, name: Norway, type: state}\n"
    )
    assert ev.main(["--gold", str(g), "--dossier", str(d)]) == 0
    out = capsys.readouterr().out
    assert "== tiny" in out and "all targets met" in out
    d.write_text("schema_version: 1\ntitle: t\nactors: []\n")
    assert ev.main(["--gold", str(g), "--dossier", str(d), "--json", str(tmp_path / "e.json")]) == 1
    assert "TARGETS MISSED: actors 0.0% < 95%" in capsys.readouterr().out
    assert '"failures"' in (tmp_path / "e.json").read_text()


def test_an_alias_no_article_writes_is_reported_not_scored(tmp_path):
    # "Anna Bergh" is in no article; "Berg" stands alone once ("Berg added"), so it counts
    split = [
        actor("anna-berg", "Anna Berg", aliases=["Berg"], affiliation="norway"),
        NORWAY,
        SWEDEN,
    ]
    report = run(gold(), dossier(actors=split), tmp_path)
    everyone = area(report, "aliases (all)")
    assert "'Anna Bergh'" in everyone.note and "'Berg'" not in everyone.note
    assert area(report, "aliases (persons)").recall == 1.0


def test_names_compare_without_apostrophes():
    assert ev.name_key("Loloheʻea") == ev.name_key("Lolohe'ea") == ev.name_key("Loloheea")


def test_only_the_held_out_event_is_measured_without_gating():
    assert ev.is_held_out("heldout-some-event")
    assert not ev.is_held_out("seeds") and not ev.is_held_out("pacific-forum-seabed")


def test_an_alias_written_with_a_possessive_hyphen_or_diacritic_is_written():
    text = "The Western alliance's reply came from Tromsø and the Co-operation Council."
    ix = ev.Index(gold(), dossier(), {}, [text])
    for form in ("the Western alliance", "Tromso", "Cooperation Council"):
        assert ix.written(form), form


def test_main_fails_only_for_tuned_events(monkeypatch, tmp_path):
    def report(name: str, failing: bool):
        scores = [ev.Score("actors", hit=0 if failing else 1, gold=1), ev.Score("furniture actors")]
        return ev.Report(name, 1, scores)

    for reports, code in (
        ([report("seeds", False), report("heldout-x", True)], 0),
        ([report("seeds", True), report("heldout-x", False)], 1),
    ):
        it = iter(reports)
        monkeypatch.setattr(ev, "load_gold", lambda path: object())
        monkeypatch.setattr(ev, "extract", lambda articles, cache: object())
        monkeypatch.setattr(ev, "score", lambda g, d, it=it: next(it))
        monkeypatch.setattr(ev, "render", lambda r, verbose: "")
        golds = [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
        assert (
            ev.main(
                [
                    "--gold",
                    golds[0],
                    "--gold",
                    golds[1],
                    "--articles",
                    str(tmp_path),
                    "--articles",
                    str(tmp_path),
                ]
            )
            == code
        )
