"""Stage 5b, pdf: a `Dossier` through the print template and WeasyPrint into `briefing.pdf`.

Contract: `render_pdf(dossier, out, templates_dir, paper="A4", build_date=None) -> Path`.
"""

from dossier.pdf.document import render_pdf

__all__ = ["render_pdf"]
