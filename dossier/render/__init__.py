"""Stage 5a, render: a `Dossier` through the Jinja2 templates into Markdown pages under `build/docs/`.

Contract: `render_docs(dossier, docs_dir, templates_dir, changes=None) -> list[Path]`, then
`build_site(root, docs_dir, site_dir)` runs mkdocs. Article text is escaped where it enters
Markdown/HTML (`escape.md`), so it is always inert.
"""

from dossier.render.pages import build_pages, render_docs
from dossier.render.site import build_site

__all__ = ["build_pages", "build_site", "render_docs"]
