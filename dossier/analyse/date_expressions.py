"""Date expressions in text and their resolution against the article's date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dossier import lexicons

from .context import Ctx

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "several": None,
    "few": None,
}
_MON = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# nouns of a dated event a written year may qualify ("a 2011 verdict", "the 1998 census")
_EVENT_NOUNS = "|".join(
    re.escape(n) for n in sorted(lexicons.load("dated_nouns")["nouns"], key=len, reverse=True)
)
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?![\d:])")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?\b")),
    (
        "my",
        re.compile(
            # "by the end of June" names the month as surely as "in June" does
            r"\b(?:(?:by|before|until|at|towards?|from|in)\s+the\s+(?:end|start|beginning|middle)\s+of"
            rf"|in|since|until|by|from|early|late|mid-?)\s+{_MON}"
            rf"(?:\s+{_YEAR}|\s+of\s+(?P<that>that|the\s+same)\s+year)?\b",
            re.IGNORECASE,
        ),
    ),
    # a month with its year needs no preposition to be a date ("the floods of March 2019")
    ("monyear", re.compile(rf"\b{_MON}\s+{_YEAR}\b")),
    (
        "weekday",
        re.compile(
            r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?\b"
        ),
    ),
    ("relday", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)),
    (
        "relweek",
        re.compile(r"\b(?P<which>next|last|coming)\s+(?P<unit>week|month|year)\b", re.IGNORECASE),
    ),
    (
        "endof",
        re.compile(
            r"\b(?:by|before|until|at|towards?)\s+the\s+end\s+of\s+(?P<which>the|this|next)\s+(?P<unit>year|month)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "thisper",
        re.compile(r"\b(?:later\s+|earlier\s+)?this\s+(?P<unit>year|month)\b", re.IGNORECASE),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
            re.IGNORECASE,
        ),
    ),
    # "in the new year": the year after the article's
    (
        "newyear",
        re.compile(r"\b(?:in|from|after|by|early\s+in|into)\s+the\s+new\s+year\b", re.IGNORECASE),
    ),
    # a year qualifying an event noun ("a 2011 verdict", "the 1998 census"): that event's
    # year, however the clause around it is dated; a name ("the 1961 Vienna
    # Convention") names a text, not something that happened in the story
    (
        "yearnoun",
        re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+{_YEAR}\s+(?:{_EVENT_NOUNS})\b"),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|until|by|from|before|after|of|during|early|late|mid-?)\s+(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d)",
            re.IGNORECASE,
        ),
    ),
]
_RX = dict(PATTERNS)
# kinds counted from the day the words were said: inside a quote that day is unknown
RELATIVE = frozenset({"weekday", "relday", "relweek", "ago", "thisper", "newyear"})
_OPEN, _CLOSE = "“‘", "”’"


def quote_marks(text: str) -> tuple[int, int]:
    """(curly quotes opened minus closed, straight quotes) in `text`."""
    curly = sum(text.count(c) for c in _OPEN) - sum(text.count(c) for c in _CLOSE if c != "’")
    return curly, text.count('"')


def quote_states(ctx: Ctx) -> list[tuple[int, int]]:
    """For each sentence, the quote marks its paragraph has opened before it: one pass over
    the article, so asking per sentence stays linear on a long one-paragraph article."""
    out: list[tuple[int, int]] = []
    para, curly, straight = None, 0, 0
    for si, sent in enumerate(ctx.sents):
        if ctx.sentences[si].paragraph != para:
            para, curly, straight = ctx.sentences[si].paragraph, 0, 0
        out.append((curly, straight))
        c, s = quote_marks(sent.text)
        curly, straight = curly + c, straight + s
    return out


def in_quote(text: str, pos: int, opened: tuple[int, int] = (0, 0)) -> bool:
    """Whether `pos` of a sentence lies inside quotation marks, counting those its paragraph
    `opened` before the sentence (`quote_states`)."""
    curly, straight = quote_marks(text[:pos])
    return curly + opened[0] > 0 or (straight + opened[1]) % 2 == 1


def dateline(ctx: Ctx) -> date | None:
    """The article's own date from a dateline ("Lima, 3 May 2024. The ...") when ingest
    found none: a full date near the start of one of the first paragraphs."""
    for para in ctx.article.paragraphs[:3]:
        head = ctx.article.text[para.start : para.start + 60]
        for kind in ("dmy", "mdy", "dmy_num", "iso"):
            m = _RX[kind].search(head)
            if m and m.start() <= 30 and m.group("year"):
                value = resolve(kind, m, None, "past")
                if value:
                    return date.fromisoformat(value)
    return None


def parse_iso(value: str | None) -> date | None:
    """The date of an ISO date or datetime string, None if it is missing or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve(kind: str, m: re.Match[str], pub: date | None, tense: str) -> str | None:
    """A PATTERNS match of `kind` as an ISO date, month or year; None where it cannot be placed."""
    g = m.groupdict()
    if kind in ("dmy_num", "iso", "mdy", "dmy"):
        mon = g["mon"]
        month = int(mon) if mon.isdigit() else MONTHS.get(mon.lower().rstrip("."))
        day = int(g["day"])
        if not month or not 1 <= month <= 12:
            return None
        year = int(g["year"]) if g.get("year") else None
        if year is None:
            if pub is None:
                return None
            year = pub.year
            try:
                cand = date(year, month, day)
            except ValueError:
                return None
            if tense == "past" and cand > pub + timedelta(days=31):
                year -= 1
            elif tense == "future" and cand < pub - timedelta(days=31):
                year += 1
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if kind in ("my", "monyear"):
        month = MONTHS.get(g["mon"].lower().rstrip("."))
        year = int(g["year"]) if g.get("year") else (pub.year if pub else None)
        if g.get("that"):
            # "reached in 2015 ... in July of that year": the year last written before it
            years = re.findall(r"\b(?:19|20)\d\d\b", m.string[: m.start()])
            return f"{int(years[-1]):04d}-{month:02d}" if years and month else None
        if not month or year is None:
            return None
        if not g.get("year") and pub is not None:
            if tense == "past" and month > pub.month:
                year -= 1
            elif tense == "future" and month < pub.month:
                year += 1
        return f"{year:04d}-{month:02d}"
    if kind == "year":
        return g["year"]
    if kind == "yearnoun":
        # only a year gone by: "the 2030 target" names a goal, "the 2026 budget" a thing
        return g["year"] if pub is None or int(g["year"]) < pub.year else None
    if pub is None:
        return None
    if kind == "newyear":
        # in January the new year is the one just begun
        return f"{pub.year + (pub.month > 1):04d}"
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        delta = wd - pub.weekday()
        if tense == "future":
            # "will meet on Wednesday" in Wednesday's paper is that day; "next Wednesday" is not
            nxt = m.string[: m.start()].rstrip().lower().endswith("next")
            delta = delta if delta > 0 or (delta == 0 and not nxt) else delta + 7
        else:
            delta = delta if delta <= 0 else delta - 7
        return (pub + timedelta(days=delta)).isoformat()
    if kind == "relday":
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["rel"].lower()]
        return (pub + timedelta(days=off)).isoformat()
    if kind == "relweek":
        which, unit = g["which"].lower(), g["unit"].lower()
        step = {"next": 1, "coming": 1, "last": -1, "this": 0}[which]
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            return monday.isoformat()
        if unit == "month":
            y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return f"{y:04d}-{mth + 1:02d}"
        return f"{pub.year + step:04d}"
    if kind in ("endof", "thisper"):
        step = 1 if (g.get("which") or "").lower() == "next" else 0
        if g["unit"].lower() == "year":
            return f"{pub.year + step:04d}"
        y, mth = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        return f"{y:04d}-{mth + 1:02d}"
    if kind == "ago":
        n = g["n"].lower()
        num = int(n) if n.isdigit() else NUMBERS.get(n)
        if not num:
            return None
        unit = g["unit"].lower()
        if unit == "day":
            return (pub - timedelta(days=num)).isoformat()
        if unit == "week":
            return (pub - timedelta(weeks=num)).isoformat()
        if unit == "month":
            y, mth = divmod(pub.year * 12 + pub.month - 1 - num, 12)
            return f"{y:04d}-{mth + 1:02d}"
        return f"{pub.year - num * (10 if unit == 'decade' else 1):04d}"
    return None
