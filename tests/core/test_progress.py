"""Warnings and summaries print file names and reasons from untrusted input verbatim."""

import pytest

from dossier.progress import info, warn

NAMES = [
    "content/articles/x[/b].txt",
    "content/articles/:smile:.txt",
    "content/articles/[bold]loud[/bold].md",
    "a [link=x]y",
]


@pytest.mark.parametrize("name", NAMES)
def test_warning_prints_markup_like_names_literally(capsys, name):
    warn(f"{name}: skipped: empty file")
    assert f"warning: {name}: skipped: empty file" in capsys.readouterr().err


@pytest.mark.parametrize("name", NAMES)
def test_info_prints_markup_like_text_literally(capsys, name):
    info(f"Built {name}")
    assert f"Built {name}" in capsys.readouterr().err
