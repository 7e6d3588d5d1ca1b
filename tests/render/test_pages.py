"""Markdown pages from the sample dossier: golden files, determinism, strict templates, safe writes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.model.changes import Changes
from dossier.model.dossier import Actor, Dossier
from dossier.render import build_pages, render_docs
from tests.render.conftest import JINJA_EXPR, TEMPLATES

GOLDEN = Path(__file__).parent / "golden"
GOLDEN_PAGES = [
    "index.md",
    "positions.md",
    "actors/aleksandr-volkov.md",
    "sources/hostile-page.md",
    "changes.md",
]


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_pages_match_golden_files(sample, page):
    """Regenerate with UPDATE_GOLDEN=1 after an intended change, and review the diff."""
    text = build_pages(sample.dossier, TEMPLATES, sample.changes)[page]
    golden = GOLDEN / page
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


def test_render_is_byte_identical_across_runs(sample, tmp_path):
    first = render_docs(sample.dossier, tmp_path / "a", TEMPLATES, sample.changes)
    second = render_docs(sample.dossier, tmp_path / "b", TEMPLATES, sample.changes)
    assert [p.relative_to(tmp_path / "a") for p in first] == [
        p.relative_to(tmp_path / "b") for p in second
    ]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a


def test_jinja_in_article_text_is_never_evaluated(sample):
    pages = build_pages(sample.dossier, TEMPLATES, sample.changes)
    assert r"\{\{ 7\*7 \}\}" in pages["index.md"]
    assert "49" not in pages["index.md"]
    assert r"\{% include &#39;x&#39; %\}" in pages["demands.md"]


@pytest.mark.parametrize("changes", [None, Changes(first_build=True)])
def test_changes_page_says_first_build(sample, changes):
    page = build_pages(sample.dossier, TEMPLATES, changes)["changes.md"]
    assert "This is the first build of this dossier" in page
    assert "## Added" not in page


def test_evidence_without_anchor_links_to_the_sentence_it_starts_in(sample):
    # The "russia-troops" position's evidence has no anchor; its sentence is s4 of wire-talks.
    page = build_pages(sample.dossier, TEMPLATES)["positions.md"]
    assert "(sources/wire-talks.md#s4)" in page


def test_unsafe_ids_get_safe_page_names(sample):
    pages = build_pages(sample.dossier, TEMPLATES)
    assert not any(".." in p or " " in p for p in pages)
    assert any(p.startswith("actors/bad-id-") for p in pages)


def test_template_printing_raw_text_fails_loudly(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.md.j2").write_text("# {{ d.title }}\n", encoding="utf-8")
    with pytest.raises(DossierError, match="unescaped str"):
        build_pages(Dossier(title=JINJA_EXPR), tmp_path)


def test_render_docs_replaces_its_own_output_only(sample, tmp_path):
    docs = tmp_path / "docs"
    render_docs(sample.dossier, docs, TEMPLATES)
    stale = docs / "actors" / "gone.md"
    stale.write_text("old", encoding="utf-8")
    small = Dossier(title="Small", actors=[Actor(id="x", name="X", type="person")])
    written = render_docs(small, docs, TEMPLATES)
    assert not stale.exists()
    assert docs / "actors" / "x.md" in written
    assert (docs / "assets" / "dossier.css").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]  # no temporary leftovers

    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(DossierError, match="did not write"):
        render_docs(small, foreign, TEMPLATES)
    assert (foreign / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_empty_dossier_renders(tmp_path):
    pages = build_pages(Dossier(title="Empty"), TEMPLATES)
    assert "No key points were extracted." in pages["index.md"]
    assert "No positions were found." in pages["positions.md"]
    assert "No disagreements between sources were found." in pages["discrepancies.md"]


def test_output_does_not_depend_on_hash_seed():
    """Set or dict ordering must not leak into pages: render under two hash seeds."""
    import subprocess
    import sys

    from tests.render.conftest import ROOT

    code = (
        "import hashlib; from tests.render.conftest import make_sample, TEMPLATES;"
        "from dossier.render import build_pages; s = make_sample();"
        "p = build_pages(s.dossier, TEMPLATES, s.changes);"
        "print(hashlib.sha256(repr(sorted(p.items())).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
