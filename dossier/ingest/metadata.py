"""Metadata read from the page itself: dates and datelines, bylines, outlet notices, headlines."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dossier import lexicons
from dossier.ingest import furniture

HEAD_CHARS = 300  # a glued dateline and byline sit in the first few words of the story


@cache
def _lex() -> dict:
    return lexicons.load("datelines")


def _alternation(words: list[str]) -> str:
    # Longest first, so "sept" wins over "sep" and "january" over "jan".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_pattern() -> str:
    months = _alternation(list(_lex()["months"]))
    weekdays = _alternation(_lex()["weekdays"])
    return (
        rf"(?:\b(?:{weekdays})\.?,?\s{{1,3}})?"
        r"(?:"
        rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s{{1,3}}(?:of\s)?(?P<m1>{months})\.?,?\s{{1,3}}(?P<y1>\d{{4}})\b"
        rf"|\b(?P<m2>{months})\.?\s{{1,3}}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s{{1,3}}(?P<y2>\d{{4}})\b"
        r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})(?!\d)"
        r"|\b(?P<d4>\d{1,2})\.(?P<m4>\d{1,2})\.(?P<y4>\d{4})\b"
        r"|\b(?P<a5>\d{1,2})/(?P<b5>\d{1,2})/(?P<y5>\d{4})\b"
        r")"
    )


@cache
def _date_re() -> re.Pattern[str]:
    return re.compile(_date_pattern(), re.IGNORECASE)


_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)?(?!\w)|\b\d{1,2}\s?[ap]\.?m\.?(?!\w)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\s,;:|()\[\]]+")
_GAP = re.compile(r"[ ,]+")
# After a date: "3 May 2024 — ", "3 May 2024, 09:15 AM:", "Lima, 3 May 2024. The ..."
_SEPARATORS = re.compile(r"[\s,:;|–—.-]{0,6}")
# Wire-service dateline: "BRUSSELS (AP) — ", "LONDON, Jan 12 (Reuters) - ", and the same shape
# with the date in the brackets: "LIMA (May 3, 2024) – ".
_WIRE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s?(?P<date>[^()\n]{3,30}?))?\s?"
    r"\((?P<outlet>[A-Za-z][\w .,&'’-]{0,30})\)\s?(?:[—–-]{1,2}|&[mn]dash;|&#821[12];)\s?"
)
# The same without an agency: "QUITO, Feb. 9 — ", "KYIV, Ukraine, March 3 – " (a place in
# capitals, a short date, a dash): the year may be missing, so only the cut is certain.
_CAPS_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’ -]{1,40}?)(?:,\s?[A-Z][a-z]+)?,\s?(?P<date>[A-Z][a-z]{2,8}\.?\s\d{1,2}"
    r"(?:,?\s\d{4})?)\s?(?:[—–-]{1,2}|&[mn]dash;|&#821[12];)\s?"
)
_PLACE = re.compile(r"(?P<place>[A-Z][\w’'.-]{1,30}(?:[ ,]{1,2}[A-Z][\w’'.-]{1,30}){0,2})[ ,]{1,3}")
_BYLINE = re.compile(
    r"(?:written |words |story |text )?by[\s:]{1,3}(?P<rest>\S.{0,90})", re.IGNORECASE
)
_BYLINE_START = re.compile(r"\s{0,5}(?:written |words |story |text )?by\W", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_BYLINE_SPLIT = re.compile(r"\s*(?:,|\||;|\band\b|&|·|/)\s*")


@dataclass(frozen=True)
class Head:
    """A dateline (and maybe a byline) glued to the start of the first paragraph."""

    cut: int  # where the story proper starts, relative to the paragraph
    date: str | None = None
    author: str | None = None
    outlet: str | None = None


def to_iso(m: re.Match[str]) -> str | None:
    """The ISO date a match of the date pattern stands for, or None if it is no real date."""
    months = _lex()["months"]
    g = m.groupdict()
    try:
        if g["y1"]:
            year, month, day = int(g["y1"]), months[g["m1"].lower()], int(g["d1"])
        elif g["y2"]:
            year, month, day = int(g["y2"]), months[g["m2"].lower()], int(g["d2"])
        elif g["y3"]:
            year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
        elif g["y4"]:  # dotted dates are European: day first
            year, month, day = int(g["y4"]), int(g["m4"]), int(g["d4"])
        else:  # slashes: only when the order is unambiguous
            a, b, year = int(g["a5"]), int(g["b5"]), int(g["y5"])
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                return None
        if not 1900 <= year <= 2100:
            return None
        return dt.date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def find_date(text: str) -> tuple[str, int, int] | None:
    """The first full date (day, month and year) in `text`: (ISO date, start, end)."""
    for m in _date_re().finditer(text[: furniture.NORM_LIMIT]):
        iso = to_iso(m)
        if iso:
            return iso, m.start(), m.end()
    return None


def parse_date(value: object) -> str | None:
    """A front-matter or meta-tag date (date object, ISO timestamp or prose) as YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()[:100]
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)", text)
    if iso:
        try:
            return dt.date(*map(int, iso.groups())).isoformat()
        except ValueError:
            return None
    found = find_date(text)
    if found:
        return found[0]
    return _dateparser(text)


def _dateparser(text: str) -> str | None:
    """Last resort for prose dates; dateparser works offline and is imported only when needed."""
    try:
        import dateparser

        parsed = dateparser.parse(
            text,
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
        )
    except Exception:  # a date we cannot read is reported by the caller, not raised
        return None
    return parsed.date().isoformat() if parsed else None


def dateline(raw: str) -> str | None:
    """The date, if the whole paragraph is a dateline ("3 May 2024, 09:15 AM", "Lima 03.05.2024")."""
    if len(raw) > 240 or not _YEAR.search(raw):
        return None
    text = furniture.normalise(raw, fold=False)
    if len(text) > 120:
        return None
    found = find_date(text)
    if not found:
        return None
    iso, start, end = found
    rest = _TIME.sub(" ", text[:start] + " " + text[end:])
    noise = set(_lex()["dateline_words"]) | set(_lex()["weekdays"]) | set(_lex()["months"])
    words = [w for w in _WORD.findall(rest) if w.lower().strip(".") not in noise]
    words = [w for w in words if not w.isdigit()]
    if len(words) <= 4 and all(w[0].isupper() for w in words):
        return iso
    return None


def byline(raw: str) -> tuple[str | None, str | None] | None:
    """(author, outlet) if the paragraph is a byline ("By Jane Doe", "By Example News")."""
    raw = raw.strip().strip("*_")  # Markdown emphasis: "*By Jane Doe*"
    if len(raw) > 200 or not _BYLINE_START.match(raw):
        return None
    text = furniture.normalise(raw, fold=False)
    if len(text) > 100:
        return None
    m = _BYLINE.fullmatch(text)
    if not m:
        return None
    rest = m.group("rest").strip(" .")
    parts = [p for p in _BYLINE_SPLIT.split(rest) if p]
    if not parts or not all(_is_name(p.split()) for p in parts):
        return None
    words = furniture.outlet_words()
    outletish = [p for p in parts if any(t.lower() in words for t in p.split())]
    if len(parts) == 1 and (len(parts[0].split()) == 1 or outletish):
        return None, parts[0]
    people = [p for p in parts if p not in outletish and len(p.split()) >= 2]
    author = " and ".join(people) or None
    return author, (outletish[0] if outletish else None)


def _is_name(tokens: list[str]) -> bool:
    """Capitalised words, with lower-case particles ("van", "de") only inside the name."""
    if not 1 <= len(tokens) <= 5:
        return False
    particles = set(_lex()["name_particles"])
    for i, tok in enumerate(tokens):
        if tok.lower() in particles and 0 < i < len(tokens) - 1:
            continue
        if not (tok[0].isupper() and (tok[1:].isalpha() or _is_initial_or_compound(tok))):
            return False
    return True


def _is_initial_or_compound(tok: str) -> bool:
    # "J.", "O'Neil", "Smith-Jones", "McDonald"
    return (
        re.fullmatch(r"[A-Z](?:\.|[’'][A-Z][a-z]+|[a-z]*(?:-[A-Z][a-z]+)+|[a-zA-Z]*)", tok)
        is not None
    )


def glued_head(raw: str) -> Head | None:
    """A dateline (place, date) and maybe a byline at the very start of a paragraph.

    Generic shapes only: "PLACE (Agency) — ", or an optional place, a full date, an optional
    2–4 word name, and then the capitalised start of the first sentence.
    """
    head = raw[:HEAD_CHARS]
    wire = _WIRE.match(head)
    if wire:
        bracket = wire.group("outlet")
        outlet, _, tail = bracket.partition(",")
        # "LIMA (May 3, 2024) – ": the brackets hold the date, not an agency.
        dated = find_date(bracket)
        if dated and any(ch.isdigit() for ch in outlet):
            return Head(cut=wire.end(), date=dated[0])
        # "PARIS (AFP, Jan 3, 2024) - ": the agency, then a date after its comma
        found = find_date(wire.group("date") or "") or (find_date(tail) if tail else None)
        return Head(cut=wire.end(), date=found[0] if found else None, outlet=outlet.strip())
    caps = _CAPS_DATELINE.match(head)
    if caps and caps.group("place").strip().isupper():
        found = find_date(caps.group("date"))
        return Head(cut=caps.end(), date=found[0] if found else None)
    starters = set(_lex()["sentence_starters"])
    # The date starts the paragraph or follows a place of one to three words; "On 3 May
    # 2024 Chile met" opens a sentence, so a sentence starter is no place.
    starts = [0]
    place = _PLACE.match(head)
    if place and place.group("place").split()[0].lower().strip(",") not in starters:
        starts += [gap.end() for gap in _GAP.finditer(head, 0, place.end())]
    m = None
    for start in starts:
        m = _date_re().match(head, start)
        if m:
            break
    iso = to_iso(m) if m else None
    if not m or not iso:
        return None
    pos = m.end()
    time = _TIME.match(head, _SEPARATORS.match(head, pos).end())
    if time:
        pos = time.end()
    pos = _SEPARATORS.match(head, pos).end()
    if pos >= len(head):
        return None
    tokens = [(t.start(), t.end(), t.group()) for t in re.finditer(r"\S+", head[pos : pos + 120])]
    author = None
    cut = None
    if tokens and tokens[0][2].lower() in ("by", "by:"):
        tokens = tokens[1:]
    for n in (2, 3, 4):
        if len(tokens) <= n:
            break
        words = [t[2] for t in tokens[:n]]
        following = tokens[n][2].lstrip("\"“‘'")
        if (
            _is_name(words)
            and not any(w.isupper() and len(w) > 1 for w in words)
            and following[:1].isupper()
            and following.lower().strip(",") in starters
        ):
            author = " ".join(words)
            cut = pos + tokens[n][0]
            break
    if cut is None:
        first = head[pos : pos + 2].lstrip("\"“‘'")
        if not first[:1].isupper():
            return None  # the date belongs to the sentence ("3 May 2024 was ...")
        cut = pos
    return Head(cut=cut, date=iso, author=author)


_MASTHEAD = re.compile(r"(?:The )?(?:[A-Z][\w&'’.-]*)(?: [A-Z][\w&'’.-]*){0,3}")


def masthead(raw: str) -> str | None:
    """An outlet's name on a line of its own ("Steppe Times"): one to four capitalised words,
    the last a newspaper word (times, post, monitor, ...)."""
    text = " ".join(raw.split())
    if not _MASTHEAD.fullmatch(text):
        return None
    last = text.split()[-1].lower()
    words = furniture.outlet_words() | furniture.outlet_heads()
    return text if last in words and len(text.split()) > 1 else None


def outlet_notice(raw: str) -> tuple[int, str] | None:
    """(rank, outlet) from a notice the page makes about itself; lower rank is more reliable."""
    text = furniture.normalise(raw, fold=False)
    if len(text) > 300:
        return None
    for rank, pattern in enumerate(furniture.outlet_patterns()):
        m = pattern.search(text)
        if m:
            return rank, m.group("outlet").strip(" .,")
    return None


def headline(raw: str) -> str | None:
    """The paragraph as a title, if it reads like one: short, one sentence, no full stop."""
    text = " ".join(raw[:1000].split()).lstrip("# ").strip()  # quotes kept as printed
    words = text.split()
    if not 3 <= len(text) <= 250 or not 2 <= len(words) <= 40:
        return None
    if (text.endswith(".") and not text.endswith("...")) or furniture.has_inner_boundary(text):
        return None
    if text.isupper() and len(words) <= 3:
        return None  # a section kicker ("WORLD NEWS"), not the headline
    if not furniture.is_prose(text) or not (
        text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“"
    ):
        return None
    return text
