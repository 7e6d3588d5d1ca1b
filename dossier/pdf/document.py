"""Render the print view through the Jinja2 print template to HTML, and the HTML through WeasyPrint to PDF."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError
from weasyprint import CSS, HTML

from dossier import __version__, fsutil
from dossier.errors import DossierError
from dossier.model.dossier import Dossier
from dossier.pdf.context import STANCE_LABEL, PrintView, build_view, format_date, html_id
from dossier.pdf.fetcher import FONT_DIRS, LocalOnlyFetcher

TEMPLATE = "briefing.html.j2"
STYLESHEET = "briefing.css"
# CSS page sizes; the matrix gets the same paper turned sideways.
PAPER = {"a4": "A4", "letter": "letter"}


def _environment(print_dir: Path) -> Environment:
    # autoescape=True for every template: dossier text is untrusted and only ever a value,
    # never template source, so `{{ }}` in an article stays literal text.
    env = Environment(
        loader=FileSystemLoader(print_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["date"] = format_date
    env.globals.update(html_id=html_id, stance_label=STANCE_LABEL)
    return env


def print_dir_of(templates_dir: Path) -> Path:
    """The print template folder inside the project's `templates/`, checked."""
    print_dir = Path(templates_dir) / "print"
    for name in (TEMPLATE, STYLESHEET):
        if not (print_dir / name).is_file():
            raise DossierError(
                "print template missing",
                path=print_dir / name,
                fix="restore templates/print/ from the repository",
            )
    return print_dir.resolve()


def render_html(view: PrintView, print_dir: Path) -> str:
    """The briefing as one HTML document (pure: the same view gives the same string)."""
    try:
        template = _environment(print_dir).get_template(TEMPLATE)
        return template.render(v=view, d=view.dossier, version=__version__)
    except TemplateError as error:
        raise DossierError(
            f"print template error: {error}",
            path=print_dir / TEMPLATE,
            line=getattr(error, "lineno", None),
        ) from None


def page_css(paper: str) -> str:
    """The only CSS that varies per build: the paper size, from a fixed set of names."""
    size = PAPER.get(paper.lower())
    if size is None:
        raise DossierError(f"unknown paper size {paper!r}", fix="use A4 or Letter")
    return f"@page {{ size: {size}; }}\n@page matrix {{ size: {size} landscape; }}\n"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_errors(print_dir: Path) -> Iterator[None]:
    """Turn WeasyPrint's logged errors into one DossierError.

    WeasyPrint logs, and carries on, when a stylesheet, font or image fails to load: the PDF
    would come out unstyled, or with a refused resource missing. Better to stop and say so.
    """
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
    if handler.messages:
        raise DossierError(
            f"WeasyPrint: {handler.messages[0][:300]}",
            path=print_dir,
            fix="check the print template and that its fonts are installed",
        )


def write_pdf(html: str, out: Path, print_dir: Path, paper: str) -> Path:
    """WeasyPrint, with no network and a tagged PDF/UA-1, written atomically to `out`."""
    fetcher = LocalOnlyFetcher([print_dir, *FONT_DIRS])
    with _weasyprint_errors(print_dir):
        document = HTML(string=html, base_url=print_dir.as_uri() + "/", url_fetcher=fetcher)
        pdf = document.write_pdf(
            stylesheets=[CSS(string=page_css(paper), url_fetcher=fetcher)],
            pdf_variant="pdf/ua-1",  # tagged structure and the title shown, for screen readers
            # From the content, not random: two builds of one dossier stay byte-identical.
            pdf_identifier=hashlib.sha256(html.encode()).hexdigest()[:32].encode(),
        )
    out = Path(out)
    fsutil.write_bytes(out, pdf)  # a killed build never leaves half a PDF
    return out


def render_pdf(
    dossier: Dossier,
    out: Path,
    templates_dir: Path,
    paper: str = "A4",
    build_date: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Path:
    """Write the briefing PDF for `dossier` to `out` and return `out`.

    `templates_dir` is the project's `templates/` (the print template is in `print/`).
    The build date is `build_date`, else SOURCE_DATE_EPOCH, else the newest source's date,
    else `dossier.updated`: never the wall clock, so two builds of one dossier are identical.
    """
    page_css(paper)  # fail on a bad paper name before the slow part
    print_dir = print_dir_of(templates_dir)
    view = build_view(dossier, paper=paper, build_date=build_date, env=env)
    return write_pdf(render_html(view, print_dir), out, print_dir, paper)
