"""Atomic writes and directory swaps."""

import os
from pathlib import Path

import pytest

from dossier import fsutil
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


def _two_trees(tmp_path):
    site, new = tmp_path / "site", tmp_path / ".site.new"
    for tree, name in ((site, "old"), (new, "new")):
        tree.mkdir()
        (tree / "index.html").write_text(name)
    return site, new


def test_replace_dir_without_renameat2(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    site, new = _two_trees(tmp_path)
    replace_dir(new, site)
    assert (site / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_failed_swap_without_renameat2_puts_the_old_tree_back(tmp_path, monkeypatch):
    monkeypatch.setattr(fsutil, "_exchange", lambda a, b: False)
    site, new = _two_trees(tmp_path)
    real_rename = os.rename

    def rename(src, dst):
        if Path(src) == new:
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(fsutil.os, "rename", rename)
    with pytest.raises(OSError):
        replace_dir(new, site)
    assert (site / "index.html").read_text() == "old"
