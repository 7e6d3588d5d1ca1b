"""The `dossier` command line: parses arguments and hands off to one module per verb."""

from __future__ import annotations

import argparse
import sys

from dossier import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__)
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_subparsers(dest="verb", required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    build_parser().parse_args(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
