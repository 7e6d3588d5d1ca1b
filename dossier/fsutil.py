"""Atomic file and directory replacement, so a killed build never leaves half-written output."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2  # linux/fs.h


def write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8, newlines untouched, atomically (see `write_bytes`)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary sibling and `os.replace` (atomic on POSIX)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step with Linux renameat2(RENAME_EXCHANGE), if available."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def replace_dir(new: Path, target: Path) -> None:
    """Put the finished directory `new` where `target` is.

    With an existing target the two are exchanged atomically, so a reader (or a build killed
    now) sees either the whole old site or the whole new one; then the old one is removed.
    Where the kernel cannot exchange, two renames leave a window of microseconds instead.
    """
    if target.exists() and not target.is_symlink():
        if _exchange(new, target):
            shutil.rmtree(new)
            return
        old = target.with_name(f".{target.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        os.rename(target, old)
        try:
            os.rename(new, target)
        except OSError:
            os.rename(old, target)  # put the previous one back
            raise
        shutil.rmtree(old)
        return
    if target.is_symlink():
        target.unlink()
    os.rename(new, target)
