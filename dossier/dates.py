"""Dates for readers: ISO dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and their spans as English text."""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(iso: str | None, undated: str = "undated") -> str:
    """`2022-01-12` as `12 January 2022`; a month or year alone stays as precise as it is.

    Text that is no ISO date comes back as it is: a reader sees what the data holds.
    """
    if not iso:
        return undated
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return iso
    return iso


def format_range(dates: Iterable[str], empty: str = "undated") -> str:
    """The span of ISO dates as a reader writes it: `12 January 2022`, `10–12 January 2022`,
    `10 January – 3 February 2022` or `30 December 2021 – 2 January 2022`.

    The shared month or year is written once; it is only shared between two full days.
    """
    days = sorted(set(dates))
    if not days:
        return empty
    first, last = days[0], days[-1]
    if first == last:
        return format_date(first)
    whole_days = _is_day(first) and _is_day(last)
    if whole_days and first[:7] == last[:7]:
        return f"{int(first[8:])}–{format_date(last)}"
    if whole_days and first[:4] == last[:4]:
        return f"{format_date(first)[:-5]} – {format_date(last)}"
    return f"{format_date(first)} – {format_date(last)}"


def _is_day(iso: str) -> bool:
    return len(iso) == 10 and format_date(iso) != iso
