"""Stage 5b, pdf: a `Dossier` through the print template and WeasyPrint into `briefing.pdf`.

Contract: `render_pdf(dossier, out, templates_dir, paper="A4") -> Path`.
"""
