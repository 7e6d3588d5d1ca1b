"""Atomic writes and directory swaps."""

import os

from dossier.fsutil import replace_dir, write_text


def test_write_text_keeps_newlines_and_leaves_no_temp(tmp_path):
    target = tmp_path / "a" / "x.txt"
    write_text(target, "one\r\ntwo\n")
    assert target.read_bytes() == b"one\r\ntwo\n"
    assert os.listdir(target.parent) == ["x.txt"]


def test_replace_dir_swaps_whole_trees(tmp_path):
    site, new = tmp_path / "site", tmp_path / ".site.new"
    (site / "old").mkdir(parents=True)
    (site / "old" / "index.html").write_text("old")
    (new / "fresh").mkdir(parents=True)
    (new / "fresh" / "index.html").write_text("new")
    replace_dir(new, site)
    assert (site / "fresh" / "index.html").read_text() == "new"
    assert not (site / "old").exists() and not new.exists()


def test_replace_dir_without_existing_target(tmp_path):
    new = tmp_path / "n"
    new.mkdir()
    replace_dir(new, tmp_path / "site")
    assert (tmp_path / "site").is_dir()
