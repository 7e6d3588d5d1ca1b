"""`dossier serve`: a live preview that picks up a new article without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import ROOT
from tests.e2e.conftest import make_project

ARTICLE = "Envoys meet in Bern\n\nBern 02.02.2023 Swiss Foreign Minister Hanna Keller said talks would resume on Monday.\n"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_an_article_is_added(tmp_path):
    project = make_project(tmp_path / "p")
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dossier",
            "serve",
            "--root",
            str(project),
            "--address",
            f"127.0.0.1:{port}",
            "--cache-dir",
            str(tmp_path / "cache"),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert _wait_for(base, 180), "the preview never came up"
        (project / "content" / "articles" / "bern-talks.txt").write_text(ARTICLE)
        assert _wait_for(base + "sources/bern-talks/", 120), "the new article never appeared"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
