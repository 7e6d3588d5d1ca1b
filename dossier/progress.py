"""Progress for long steps: a rich bar on a terminal, plain log lines in CI or a pipe."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

console = Console(stderr=True, highlight=False, emoji=False)


@contextmanager
def articles_progress(label: str = "Analysing") -> Iterator[Callable[[int], Callable[[int], None]]]:
    """Yields `start(total) -> advance(n)` for the pipeline's progress hook."""
    if console.is_terminal:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as bar:

            def start(total: int) -> Callable[[int], None]:
                task = bar.add_task(label, total=total)
                return lambda n: bar.advance(task, n)

            yield start
        return

    def start_plain(total: int) -> Callable[[int], None]:
        done = 0
        step = max(1, total // 10)  # about ten lines, however many articles

        def advance(n: int) -> None:
            nonlocal done
            before, done = done, done + n
            if done == total or done // step > before // step:
                print(f"{label}: {done}/{total} articles", file=sys.stderr, flush=True)

        return advance

    yield start_plain


# Messages carry file names and reasons from untrusted input: "[/b]" in a name must print as
# itself, not be read as rich markup (which would drop it or raise MarkupError).
def warn(message: str) -> None:
    console.print(f"[yellow]warning:[/yellow] {escape(message)}", soft_wrap=True)


def info(message: str) -> None:
    console.print(message, soft_wrap=True, markup=False)
