"""Hostile and broken input through the whole build: warnings and skips, inert text, site intact."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.e2e.conftest import dossier, make_project, report
from tests.e2e.test_incremental import tree_digest

HOSTILE = """Envoys trade barbs in Geneva <script>alert('x')</script>

Geneva 03.03.2023 The talks opened on Friday. <img src=x onerror=alert(1)> Delegates met for hours.

"We will not accept {{ 7*7 }} or {% include 'secrets' %}," Minister Carla Bosch said.
She added that [click here](javascript:alert(1)) and ![tracker](http://evil.example/x.png) were
"not serious". <iframe src="http://evil.example/"></iframe> The next round is on Monday.
"""


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory, shared_cache):
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    articles = project / "content" / "articles"
    (articles / "hostile <script>.txt").write_text(HOSTILE, encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (articles / "zz copy of seed.txt").write_bytes(
        (articles / "nato-russia-council-step-forward.txt").read_bytes()
    )
    outside = project.parent / "outside.txt"
    outside.write_text("Secret text outside the repository. It must not be read.\n")
    os.symlink(outside, articles / "link.txt")
    result = dossier(project, "build", cache=shared_cache)
    assert result.returncode == 0, result.stderr
    project.joinpath("stderr.txt").write_text(result.stderr)
    return project


def test_bad_files_are_skipped_with_a_warning_naming_them(hostile_project):
    stderr = hostile_project.joinpath("stderr.txt").read_text()
    assert "Traceback" not in stderr
    for name in ("empty.txt", "binary.txt", "zz copy of seed.txt", "link.txt"):
        assert name in stderr, name
    skipped = {os.path.basename(s["path"]): s["reason"] for s in report(hostile_project)["skipped"]}
    assert {"empty.txt", "binary.txt", "zz copy of seed.txt", "link.txt"} <= set(skipped)
    assert "nato-russia-council-step-forward.txt" in skipped["zz copy of seed.txt"]


def test_hostile_text_is_inert_on_every_page(hostile_project):
    site = hostile_project / "site"
    pages = list(site.rglob("*.html"))
    assert any("Carla Bosch" in p.read_text() for p in pages)
    for page in pages:
        html = page.read_text()
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page
        assert not re.search(r"<script>alert", html), page
        assert not re.search(r"<iframe", html), page
        assert 'href="javascript:' not in html, page
        assert 'src="http://evil.example' not in html, page
        assert "Secret text outside" not in html, page
    assert any("{{ 7*7 }}" in p.read_text() for p in pages)  # Jinja syntax stays literal text


def test_killed_build_leaves_previous_site_whole(built, tmp_path, shared_cache):
    """SIGKILL at several moments: site/ is always either the old site or the finished new one."""
    project = tmp_path / "kill"
    shutil.copytree(built, project)
    original = tree_digest(project / "site")
    (project / "content" / "articles" / "extra.txt").write_text(
        "Talks resume\n\nVienna 20.01.2022 Diplomats said talks would resume on Monday.\n"
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1642000000"}
    cmd = [sys.executable, "-m", "dossier", "build", "--root", str(project)]
    seen = set()
    for delay in (0.5, 1.5, 3.0):  # each with a cold cache, so none gets to the end
        proc = subprocess.Popen(
            [*cmd, "--cache-dir", str(tmp_path / f"cache-{delay}")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen.add(tree_digest(project / "site"))
    # A build after the kills completes, and clears the staging folders they left behind.
    result = dossier(project, "build", cache=shared_cache)
    assert result.returncode == 0, result.stderr
    finished = tree_digest(project / "site")
    assert seen <= {original, finished}
    assert not [p.name for p in project.iterdir() if p.name.startswith(".site.")]
