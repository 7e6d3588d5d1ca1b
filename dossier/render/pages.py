"""Render a Dossier through the site templates into Markdown pages, written atomically to docs_dir."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import jinja2
from markupsafe import Markup

from dossier import fsutil
from dossier.errors import DossierError
from dossier.model.changes import Changes
from dossier.model.dossier import Dossier
from dossier.render import links as L
from dossier.render.escape import md, meta_title
from dossier.render.footnotes import SentenceIndex
from dossier.render.links import ActorLinker
from dossier.render.page import Page, md_join, outlet, plural
from dossier.render.view import View

MARKER = ".dossier-docs"  # marks a directory as ours to replace; mkdocs ignores dot-files


def _finalize(value: object) -> object:
    """Every `{{ … }}` must print Markup (escaped or ours) or a number: a forgotten `|md` fails."""
    if isinstance(value, Markup) or (
        isinstance(value, int | float) and not isinstance(value, bool)
    ):
        return value
    raise DossierError(
        f"a template printed unescaped {type(value).__name__} {str(value)[:40]!r}",
        fix="pipe article text through |md or p.prose()",
    )


def environment(templates_dir: Path) -> jinja2.Environment:
    """Markdown templates: no HTML autoescape (escaping is explicit, via `md`), undefined is an error.

    Article text only ever reaches templates as data, never as template source, so Jinja syntax
    inside an article stays inert text.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir / "site"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md
    env.filters["meta_title"] = meta_title
    env.globals.update(plural=plural, md_join=md_join, outlet=outlet, L=L)
    return env


def build_pages(
    dossier: Dossier, templates_dir: Path, changes: Changes | None = None
) -> dict[str, str]:
    """Pure core: every page's path (relative to docs_dir) and its Markdown."""
    env = environment(templates_dir)
    view = View(dossier)
    linker = ActorLinker([(name, a.id) for a in dossier.actors for name in [a.name, *a.aliases]])
    sentences = SentenceIndex(dossier.sources)
    common = {
        "d": dossier,
        "v": view,
        "changes": changes,
        "first_build": changes is None or changes.first_build,
        "orphan_quotes": [q for q in dossier.quotes if q.speaker not in view.actors],
    }

    def render(template: str, path: str, **extra: object) -> str:
        page = Page(path, view, linker, sentences)
        try:
            return env.get_template(template).render(common, p=page, **extra)
        except jinja2.TemplateError as exc:
            raise DossierError(
                f"template error: {exc}",
                templates_dir / "site" / template,
                getattr(exc, "lineno", None),
                fix="fix the template",
            ) from None

    pages = {
        L.HOME: render("index.md.j2", L.HOME),
        L.ACTORS: render("actors.md.j2", L.ACTORS),
        L.POSITIONS: render("positions.md.j2", L.POSITIONS),
        L.DEMANDS: render("demands.md.j2", L.DEMANDS),
        L.NEXT_STEPS: render("next-steps.md.j2", L.NEXT_STEPS),
        L.TIMELINE: render("timeline.md.j2", L.TIMELINE),
        L.DISCREPANCIES: render("discrepancies.md.j2", L.DISCREPANCIES),
        L.CHANGES: render("changes.md.j2", L.CHANGES),
        L.SOURCES: render("sources.md.j2", L.SOURCES),
    }
    for actor in dossier.actors:
        path = L.actor_page(actor.id)
        pages[path] = render("actor.md.j2", path, a=view.actor_view(actor))
    for source in dossier.sources:
        path = L.source_page(source.id)
        pages[path] = render("source.md.j2", path, s=source)
    return pages


def render_docs(
    dossier: Dossier, docs_dir: Path, templates_dir: Path, changes: Changes | None = None
) -> list[Path]:
    """Write the site's Markdown pages and assets to `docs_dir`, replacing what was there.

    Pages are rendered in memory, written to a sibling directory, then swapped in, so a failure
    never leaves a half-written docs_dir. Returns the written files, sorted.
    """
    pages = build_pages(dossier, templates_dir, changes)
    docs_dir = docs_dir.resolve()
    if docs_dir.exists() and any(docs_dir.iterdir()) and not (docs_dir / MARKER).exists():
        raise DossierError(
            "refusing to replace a directory dossier did not write",
            docs_dir,
            fix="point docs_dir at an empty or generated directory",
        )
    docs_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{docs_dir.name}-", dir=docs_dir.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the pages are meant to be read
    try:
        for rel_path, text in sorted(pages.items()):
            out = tmp / rel_path
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8", newline="\n")
        assets = templates_dir / "assets"
        if assets.is_dir():
            shutil.copytree(assets, tmp / "assets")
        (tmp / MARKER).write_text(
            "Written by dossier's render stage; replaced on every build.\n", encoding="utf-8"
        )
        fsutil.replace_dir(tmp, docs_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.name != MARKER)
