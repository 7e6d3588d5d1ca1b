"""The I/O edge of ingest: list the article files, read them safely, parse, de-duplicate, give ids."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from dossier.errors import DossierError
from dossier.ingest.furniture import normalise
from dossier.ingest.parse import parse_article, too_large
from dossier.ingest.result import IngestResult, Skipped
from dossier.model.article import Article
from dossier.slug import unique

SUFFIXES = frozenset((".md", ".txt", ".html", ".htm"))


def ingest_dir(articles_dir: Path, root: Path, max_bytes: int) -> IngestResult:
    """Every article under `articles_dir`, in sorted path order; bad files are skipped, never raised.

    Paths are reported relative to `root` (the repository) with POSIX separators. Symbolic
    links are followed only to files inside `root`; folders reached through a link are not
    entered. A file larger than `max_bytes` is refused after a `stat`, before any reading.
    Of several files with the same story text the first is kept, the others reported.
    """
    result = IngestResult()
    base = Path(os.path.abspath(articles_dir))
    base_real = Path(os.path.realpath(articles_dir))
    root_real = Path(os.path.realpath(root))
    prefix = (
        base_real.relative_to(root_real)
        if base_real.is_relative_to(root_real)
        else Path(base_real.name)
    )
    first_of: dict[str, str] = {}
    taken: set[str] = set()
    for rel, path in _list(base, prefix, result):
        try:
            raw = _read(path, rel, (root_real, base_real), max_bytes)
            article = parse_article(raw, rel, max_bytes)
        except DossierError as exc:
            result.skipped.append(Skipped(path=rel, reason=_reason(exc)))
            continue
        except Exception as exc:  # a bug on one odd file must not stop the build
            reason = f"could not be read: internal error {type(exc).__name__}: {str(exc)[:200]} (please report it)"
            result.skipped.append(Skipped(path=rel, reason=reason))
            continue
        key = _content_key(article)
        if key in first_of:
            result.skipped.append(Skipped(path=rel, reason=f"duplicate of {first_of[key]}"))
            continue
        first_of[key] = rel
        result.articles.append(article.model_copy(update={"id": unique(article.id, taken)}))
        result.warnings.extend(f"{rel}: {w}" for w in article.warnings)
    return result


def _list(base: Path, prefix: Path, result: IngestResult) -> list[tuple[str, Path]]:
    """(repository-relative path, path) of each article file, sorted by the relative path."""
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        here = Path(dirpath)
        for name in list(dirnames):
            if name.startswith(".") or (here / name).is_symlink():
                dirnames.remove(name)
                if not name.startswith("."):
                    rel = (prefix / (here / name).relative_to(base)).as_posix()
                    result.skipped.append(
                        Skipped(path=rel, reason="symbolic link to a folder; not followed")
                    )
        for name in filenames:
            if name.startswith("."):
                continue  # editor swap files, .gitkeep, .DS_Store
            path = here / name
            rel = (prefix / path.relative_to(base)).as_posix()
            if path.suffix.lower() in SUFFIXES:
                found.append((rel, path))
            else:
                result.warnings.append(
                    f"{rel}: ignored: not an article file (use .md, .txt or .html)"
                )
    result.skipped.sort(key=lambda s: s.path)
    result.warnings.sort()
    found.sort(key=lambda pair: pair[0])
    return found


def _read(path: Path, rel: str, allowed: tuple[Path, ...], max_bytes: int) -> bytes:
    """The file's bytes, at most `max_bytes`, after checking where it really is and what it is."""
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if not target.exists():
                raise DossierError("broken symbolic link", rel, fix="remove it")
            if not any(target.is_relative_to(place) for place in allowed):
                raise DossierError(
                    "symbolic link to a file outside the repository; not followed",
                    rel,
                    fix="copy the article into the articles folder",
                )
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise DossierError("not a regular file", rel, fix="remove it")
        if info.st_size > max_bytes:
            raise too_large(info.st_size, max_bytes, rel)
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # bounded even if the file grew since the stat
    except OSError as exc:
        raise DossierError(
            f"cannot read it: {exc.strerror or exc}", rel, fix="check its permissions"
        ) from None
    if len(raw) > max_bytes:
        raise too_large(len(raw), max_bytes, rel)
    return raw


def _reason(exc: DossierError) -> str:
    """The error as one line; `file:line:` leads only where a line is known (the caller prints the path)."""
    where = f"{exc.path}:{exc.line}: " if exc.line else ""
    fix = f" ({exc.fix})" if exc.fix else ""
    return " ".join(f"{where}{exc.message}{fix}".split())


def _content_key(article: Article) -> str:
    """Same story text, whatever the furniture, front matter, line breaks or spacing around it."""
    digest = hashlib.sha256()
    for span in article.paragraphs:
        digest.update(normalise(article.text[span.start : span.end], limit=None).encode("utf-8"))
        digest.update(b" ")
    return digest.hexdigest()
