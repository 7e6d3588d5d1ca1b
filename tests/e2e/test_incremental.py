"""Rebuilding: a new article is analysed alone, curation survives, failures leave site/ whole."""

from __future__ import annotations

import hashlib
import shutil

import pytest
import yaml

from tests.e2e.conftest import dossier, make_project, report

NEW_ARTICLE = """Ministers agree to meet again in Oslo

Oslo 14.01.2022 Norway's Foreign Minister Anniken Lindqvist said on Friday that her government
would host a follow-up meeting in Oslo next week.

"We are ready to offer our capital for further talks," Lindqvist told reporters. She added that
invitations would go out on Monday.
"""


def tree_digest(folder) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def project(tmp_path_factory, built):
    """A copy of the built seed project that this module may change."""
    target = tmp_path_factory.mktemp("incremental") / "project"
    shutil.copytree(built, target)
    return target


def test_new_article_is_analysed_alone_and_shown(project, shared_cache):
    (project / "content" / "articles" / "oslo-follow-up.txt").write_text(NEW_ARTICLE)
    result = dossier(project, "build", cache=shared_cache)
    assert result.returncode == 0, result.stderr
    data = report(project)
    assert (data["articles"], data["analysed"], data["reused"]) == (6, 1, 5)
    assert "oslo-follow-up" in data["added"]
    site = yaml.safe_load((project / "site" / "dossier.yaml").read_text())
    new_actors = [
        a
        for a in site["actors"]
        if "oslo-follow-up" in a["sources"] and a["sources"] == ["oslo-follow-up"]
    ]
    assert new_actors, "the new article brought no new actor"
    changes = (project / "site" / "changes" / "index.html").read_text()
    for actor in new_actors:
        assert (project / "site" / "actors" / actor["id"] / "index.html").is_file()
        assert actor["id"] in data["added"]
        assert f"actors/{actor['id']}/" in changes
    assert (project / "build" / "dossier.previous.yaml").is_file()


def test_rename_in_curation_survives_rebuilds(project, shared_cache):
    site = yaml.safe_load((project / "site" / "dossier.yaml").read_text())
    target = max(site["actors"], key=lambda a: a["mentions"])
    curation_path = project / "content" / "curation.yaml"
    existing = curation_path.read_text() if curation_path.exists() else ""
    curation = yaml.safe_load(existing) or {}
    curation.setdefault("actors", {})[target["id"]] = {"name": "Renamed By Analyst"}
    curation_path.write_text(yaml.safe_dump(curation, sort_keys=False))
    for _ in range(2):
        result = dossier(project, "build", cache=shared_cache)
        assert result.returncode == 0, result.stderr
        data = yaml.safe_load((project / "site" / "dossier.yaml").read_text())
        renamed = next(a for a in data["actors"] if a["id"] == target["id"])
        assert renamed["name"] == "Renamed By Analyst" and renamed["curated"] is True
        page = (project / "site" / "actors" / target["id"] / "index.html").read_text()
        assert "Renamed By Analyst" in page


def test_bad_curation_fails_with_file_line_and_leaves_site(project, shared_cache):
    before = tree_digest(project / "site")
    curation_path = project / "content" / "curation.yaml"
    saved = curation_path.read_text() if curation_path.exists() else ""
    curation_path.write_text(saved + "\nsuppress: [no-such-item-anywhere]\n")
    try:
        result = dossier(project, "build", cache=shared_cache)
        check = dossier(project, "check", cache=shared_cache)
    finally:
        curation_path.write_text(saved)
    assert result.returncode != 0 and check.returncode != 0
    assert "Traceback" not in result.stderr
    assert "curation.yaml:" in result.stderr and "no-such-item-anywhere" in result.stderr
    assert tree_digest(project / "site") == before


def test_missing_model_is_one_clear_line(tmp_path):
    project = make_project(tmp_path / "p")
    result = dossier(
        project, "extract", "--model", "no_such_model_xyz", cache=tmp_path / "empty-cache"
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "no_such_model_xyz" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
