"""Errors the user can act on: each names the file, the line where known, and the fix."""

from __future__ import annotations

from pathlib import Path


class DossierError(Exception):
    """An input or set-up problem. The CLI prints it as one line, never a traceback."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        fix = f" ({self.fix})" if self.fix else ""
        return f"{where}{self.message}{fix}"


class ModelMissing(DossierError):
    """The configured spaCy model is not installed."""


class Problems(DossierError):
    """Several problems found at once (e.g. every bad line of the curation file)."""

    def __init__(self, problems: list[DossierError]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
