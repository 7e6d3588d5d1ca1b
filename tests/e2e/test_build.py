"""`dossier build` on the seeds: the pages, the data, the links, the offline guarantee."""

from __future__ import annotations

import re

import yaml

from dossier.ingest import parse_article
from dossier.model import Dossier
from tests.e2e.conftest import report
from tests.e2e.htmlcheck import check_site

PAGES = [
    "index.html",
    "actors/index.html",
    "positions/index.html",
    "demands/index.html",
    "next-steps/index.html",
    "timeline/index.html",
    "sources/index.html",
    "changes/index.html",
    "discrepancies/index.html",
    "dossier.yaml",
    "briefing.pdf",
    "dossier.schema.json",
    "curation.schema.json",
]


def site_dossier(project) -> Dossier:
    return Dossier.model_validate(yaml.safe_load((project / "site" / "dossier.yaml").read_text()))


def test_pages_exist(built):
    site = built / "site"
    missing = [p for p in PAGES if not (site / p).is_file()]
    assert not missing
    data = site_dossier(built)
    for actor in data.actors:
        assert (site / "actors" / actor.id / "index.html").is_file(), actor.id
    for source in data.sources:
        assert (site / "sources" / source.id / "index.html").is_file(), source.id


def test_every_evidence_span_is_exact(built):
    data = site_dossier(built)
    paths = {s.id: built / s.path for s in data.sources}
    texts = {sid: parse_article(p.read_bytes(), p.name).text for sid, p in paths.items()}
    spans = [ev for item in _items(data) for ev in getattr(item, "evidence", [])]
    spans += [ev for a in data.actors for r in a.roles for ev in r.evidence]
    assert spans
    bad = [ev for ev in spans if texts[ev.source][ev.start : ev.end] != ev.text]
    assert not bad


def _items(data: Dossier):
    yield from (
        *data.key_points,
        *data.positions,
        *data.demands,
        *data.next_steps,
        *data.timeline,
        *data.quotes,
    )


def test_links_anchors_footnotes_and_no_other_host(built):
    problems = check_site(built / "site")
    assert not problems, "\n".join(problems[:20])


def test_footnotes_point_at_sentence_anchors(built):
    home = (built / "site" / "index.html").read_text()
    targets = re.findall(r'href="([^"]*sources/[^"#]+/#s\d+)"', home)
    assert targets, "the briefing page cites no source sentence"


def test_report_counts_a_first_build(built):
    data = report(built)
    assert data["articles"] == 5 and data["analysed"] + data["reused"] == 5
    assert set(data["seconds"]) == {"extract", "render", "site", "pdf"}


def test_no_half_written_leftovers(built):
    assert not [p.name for p in built.iterdir() if p.name.startswith(".site")]


def test_build_never_writes_to_content(tmp_path, shared_cache):
    from tests.e2e.conftest import dossier, make_project
    from tests.e2e.test_incremental import tree_digest

    project = make_project(tmp_path / "p")
    before = tree_digest(project / "content")
    for verb in ("build", "check", "extract"):
        result = dossier(project, verb, cache=shared_cache)
        assert result.returncode == 0, result.stderr
    assert tree_digest(project / "content") == before
