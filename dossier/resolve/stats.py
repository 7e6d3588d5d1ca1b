"""Counts of what resolve set aside, so the build report can say so instead of hiding it."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass
class Stats:
    quotes_reported: int = 0  # indirect speech, kept out of the quotes
    quotes_short: int = 0  # quoted words too short to be a quote (scare quotes, labels)
    quotes_unattributed: int = 0  # no speaker found, and no attributed printing to join
    quotes_attributed_by_match: int = 0  # no speaker locally, same words attributed elsewhere
    demands_without_by: int = 0
    dated_invalid: int = 0  # a date that is not ISO, or a past event with no date

    def as_dict(self) -> dict[str, int]:
        return asdict(self)
