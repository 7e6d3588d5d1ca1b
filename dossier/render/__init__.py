"""Stage 5a, render: a `Dossier` through the Jinja2 templates into Markdown pages under `build/docs/`.

Contract: `render_docs(dossier, docs_dir, templates_dir, changes=None) -> list[Path]`.
Article text is escaped where it enters Markdown/HTML, so it is always inert.
"""
