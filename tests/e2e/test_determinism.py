"""The same inputs give byte-identical dossier.yaml and Markdown, whatever the cache holds."""

from __future__ import annotations

from tests.e2e.conftest import dossier, make_project


def _outputs(project):
    docs = project / "build" / "docs"
    files = {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*.md"))}
    files["dossier.yaml"] = (project / "site" / "dossier.yaml").read_bytes()
    return files


def test_two_builds_are_identical(built, tmp_path):
    # A second project, with a cold cache of its own: nothing may depend on cache state.
    other = make_project(tmp_path / "again")
    result = dossier(other, "build", cache=tmp_path / "cold-cache")
    assert result.returncode == 0, result.stderr
    assert _outputs(other) == _outputs(built)


def test_extract_no_curation_writes_the_bare_dossier(built, tmp_path, shared_cache):
    out = tmp_path / "bare.yaml"
    result = dossier(built, "extract", "--no-curation", "--out", str(out), cache=shared_cache)
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert text.startswith("schema_version: 1\n")
    assert "curated: true" not in text


def test_workers_give_identical_output(built, tmp_path):
    """`--workers 2` (spaCy n_process) with a cold cache writes the same dossier."""
    out = tmp_path / "parallel.yaml"
    result = dossier(
        built, "extract", "--workers", "2", "--out", str(out), cache=tmp_path / "parallel-cache"
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (built / "build" / "dossier.yaml").read_bytes()
