"""Dated claims: dates in the text resolved against the article's date, with tense, place and actors."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Span, Token

from dossier.model.analysis import DatedClaim

from . import lexicon as lx
from .context import Ctx
from .entities import EntityResult

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
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy_num", re.compile(r"\b(?P<day>[0-3]?\d)\.(?P<mon>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?\b(?![\d:])")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON}(?:,?\s+{_YEAR})?\b")),
    (
        "my",
        re.compile(
            rf"\b(?:in|since|until|by|from|early|late|mid-?)\s+{_MON}(?:\s+{_YEAR})?\b",
            re.IGNORECASE,
        ),
    ),
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
    (
        "year",
        re.compile(
            r"\b(?:in|since|until|by|from|before|after|of|during|early|late|mid-?)\s+(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d)",
            re.IGNORECASE,
        ),
    ),
]
_RX = dict(PATTERNS)
# verbs whose "to <place>" is where the step happens ("send a team to Abyei")
_MOTION = frozenset({"send", "deploy", "travel", "go", "return", "fly", "dispatch", "move"})
_RELATIVE = frozenset({"weekday", "relday", "relweek", "ago", "thisper"})
_OPEN, _CLOSE = "“‘", "”’"


def _in_quote(text: str, pos: int) -> bool:
    """Whether `pos` of a sentence lies inside quotation marks opened before it."""
    before = text[:pos]
    curly = sum(before.count(c) for c in _OPEN) - sum(before.count(c) for c in _CLOSE if c != "’")
    return curly > 0 or before.count('"') % 2 == 1


FUTURE_WORDS = frozenset(
    [
        "will",
        "shall",
        "'ll",
        "next",
        "upcoming",
        "planned",
        "scheduled",
        "due",
        "expected",
        "coming",
        "later",
        "future",
        "plan",
        "schedule",
    ]
)


def extract_dated(ctx: Ctx, ents: EntityResult) -> list[DatedClaim]:
    published = _parse_iso(ctx.article.published) or _dateline(ctx)
    text = ctx.doc.text
    saying = lx.reporting()["saying"]
    spoken = saying | lx.reporting()["naming"]
    out: list[DatedClaim] = []
    seen: set[tuple[int, str]] = set()
    agos: list[tuple[int, set[str]]] = []  # "seven years ago" claims: (index in out, words)
    explicit: list[tuple[str, set[str]]] = []  # claims with a written date: (year, words)
    for si, sent in enumerate(ctx.sents):
        taken: list[tuple[int, int]] = []
        covered: set[int] = set()  # tokens of the clauses that already carry a date
        dated_future = False
        for kind, rx in PATTERNS:
            for m in rx.finditer(sent.text):
                s, e = sent.start_char + m.start(), sent.start_char + m.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                span = ctx.doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                verb = _governor(span)
                if verb is None:
                    continue
                if kind == "thisper" and verb.lemma_ == "be":
                    continue  # "the fourth time this year": a count, not an event
                if (kind in _RELATIVE or m.group().lower().startswith("since")) and _in_quote(
                    sent.text, m.start()
                ):
                    continue  # the speaker's "today" is the day they spoke, which we do not know
                if (
                    verb.lemma_.lower() in saying
                    and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
                    and not any(t.dep_ == "nsubj" and t.i > verb.i for t in verb.children)
                ):
                    continue  # "X said on Friday (that) ...": the statement's date
                if verb.lemma_.lower() in spoken and span.root.dep_ in ("poss", "compound"):
                    continue  # "X called Wednesday's talks serious": only someone speaking
                since = _since(span)
                if since is not None and (
                    since.head.pos_ not in ("VERB", "AUX") or _other_date(sent, m)
                ):
                    continue  # "the first since July 2019": a reference point, not an event
                tense = _tense(verb, sent)
                value = _resolve(kind, m, published, tense)
                if value is None:
                    continue
                taken.append((s, e))
                if published is not None:
                    # a date wholly before or after the article's own day/month/year decides
                    pub = published.isoformat()[: len(value)]
                    if value != pub:
                        tense = "past" if value < pub else "future"
                if (si, value) in seen:
                    continue
                seen.add((si, value))
                clause = _statement(verb, sent)
                words = _content(clause or sent)
                if kind == "ago":
                    agos.append((len(out), words))
                elif len(value) >= 4:
                    explicit.append((value[:4], words))
                covered.update(range(clause.start, clause.end) if clause is not None else [])
                dated_future = dated_future or tense == "future"
                out.append(
                    DatedClaim(
                        date=value,
                        text=_readable(clause or sent),
                        tense=tense,
                        sentence=si,
                        place=_place(ctx.ents(si), clause or sent, span),
                        actors=_actors(ctx, clause or sent),
                        date_surface=text[s:e],
                    )
                )
        for first in _firsts(ctx, sent, si, published):
            if (si, first.date) not in seen:
                seen.add((si, first.date))
                out.append(first)
        if not dated_future:
            before = next(
                (d for d in reversed(out) if d.sentence == si - 1 and d.tense == "future"), None
            )
            step = _undated(ctx, sent, si, covered, before)
            if step is not None:
                out.append(step)
    _prefer_written_year(out, agos, explicit)
    return out


def _content(span: Span) -> set[str]:
    return {t.lemma_.lower() for t in span if t.is_alpha and not t.is_stop and t.pos_ != "AUX"}


def _prefer_written_year(
    out: list[DatedClaim], agos: list[tuple[int, set[str]]], explicit: list[tuple[str, set[str]]]
) -> None:
    """ "Seven years ago" is approximate: where the article writes the year of the same event
    (a year apart at most, two content words shared), take the written year."""
    for i, words in agos:
        claim = out[i]
        year = int(claim.date[:4]) if claim.date else 0
        for value, other in explicit:
            if abs(int(value) - year) <= 1 and len(words & other) >= 2:
                out[i] = claim.model_copy(update={"date": value})
                break


_INHERENT_PAST = ("more ", "new ", "another ", "next ")  # "another round ended": not ahead
# Verbs that, with nothing attended named, refer back to the event just mentioned
# ("... will host the next round in March. X is expected to attend.").
_ATTEND = frozenset({"attend", "join", "participate"})


def _undated(
    ctx: Ctx, sent: Span, si: int, covered: set[int], before: DatedClaim | None = None
) -> DatedClaim | None:
    """A next step the text gives no date for ("explore a schedule of future meetings").

    `before` is the previous sentence's next step: an attendance with no object ("is expected
    to attend") is that event, and takes its date and place.
    """
    low = sent.text.lower().replace("’", "'")
    for m in lx.next_step_cues().finditer(low):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        low_verb, verb = _cue_verbs(span)
        if verb is None or _negated_chain(low_verb, verb):
            continue
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        ):
            # "could return to the council if the next round fails": the step is the main
            # clause, the condition only says when
            verb = low_verb = verb.head
        if m.group().startswith(_INHERENT_PAST) and (
            low_verb.tag_ in ("VBD", "VBN")
            and not any(c.lower_ == "to" and c.dep_ == "aux" for c in low_verb.children)
        ):
            continue
        clause = _statement(verb, sent) or sent
        place = _place(ctx.ents(si), clause, span)
        date_ = None
        attend = next((t for t in span if t.lemma_.lower() in _ATTEND), None)
        if (
            before is not None
            and attend is not None
            and not any(c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in attend.children)
        ):
            date_, place = before.date, place or before.place
        return DatedClaim(
            date=date_,
            text=_readable(clause),
            tense="future",
            sentence=si,
            place=place,
            actors=_actors(ctx, clause),
        )
    return None


def _cue_verbs(span: Span) -> tuple[Token, Token | None]:
    """The verb nearest the cue, and the predicate that controls it ("are ready to meet" -> are)."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            return tok, None
        tok = tok.head
    else:
        return tok, None
    low = tok
    # climb control chains ("agreed to hold", "ready to meet", "wants to discuss"), not
    # over reported speech: "said they would meet again" keeps "meet" as its predicate
    while tok.dep_ in ("xcomp", "acomp") or (tok.dep_ == "advcl" and tok.head.pos_ == "ADJ"):
        tok = tok.head
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp":
            tok = tok.head
    return low, tok if tok.pos_ in ("VERB", "AUX") else low


def _negated_chain(low: Token, top: Token) -> bool:
    tok = low
    for _ in range(6):
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        if tok.i == top.i or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _dateline(ctx: Ctx) -> date | None:
    """The article's own date from a dateline ("Astana, 11 June 2025. The ...") when ingest
    found none: a full date near the start of one of the first paragraphs."""
    for para in ctx.article.paragraphs[:3]:
        head = ctx.article.text[para.start : para.start + 60]
        for kind in ("dmy", "mdy", "dmy_num", "iso"):
            m = _RX[kind].search(head)
            if m and m.start() <= 30 and m.group("year"):
                value = _resolve(kind, m, None, "past")
                if value:
                    return date.fromisoformat(value)
    return None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _resolve(kind: str, m: re.Match[str], pub: date | None, tense: str) -> str | None:
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
    if kind == "my":
        month = MONTHS.get(g["mon"].lower().rstrip("."))
        year = int(g["year"]) if g.get("year") else (pub.year if pub else None)
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
    if pub is None:
        return None
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


def _governor(span: Span) -> Token | None:
    """The verb the date expression hangs from."""
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok not in span:
            return tok
        if tok.head.i == tok.i:
            break
        tok = tok.head
    root = span.sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def _tense(verb: Token, sent: Span) -> str:
    words = {t.lower_ for t in verb.children} | {verb.lower_}
    # Only the verb's own clause: "wrote in October, and said it could act if the next round
    # fails" is past, whatever a later clause plans.
    scope = _clause(verb, sent) or sent
    if words & {"will", "shall", "'ll"} or any(
        t.lower_ in ("upcoming", "next", "planned", "scheduled") for t in scope
    ):
        return "future"
    if any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return "future"  # "talks to be held on ...", "the code to be concluded in 2026"
    if verb.tag_ in ("VBD", "VBN") or any(
        c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")
    ):
        return "past"
    if any(t.lower_ in FUTURE_WORDS for t in sent):
        return "future"
    return "past"


def _clause(verb: Token, sent: Span) -> Span | None:
    """The verb's clause without its subordinate clauses: short, readable, contiguous."""
    toks = {verb.i}
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis") or child.dep_ == "cc":
            continue
        toks.update(t.i for t in child.subtree)
    lo, hi = min(toks), max(toks)
    lo = max(lo, sent.start)
    hi = min(hi, sent.end - 1)
    doc = sent.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("cc", "mark")):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi - lo < 2:
        return None
    return doc[lo : hi + 1]


_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_REPORTED = frozenset({"ccomp", "parataxis"})


def _subject(tok: Token) -> Token | None:
    """The verb's own subject, if not a relative pronoun ("the talks that ended")."""
    for c in tok.children:
        if c.dep_ in _SUBJECT and c.tag_ not in ("WDT", "WP"):
            return c
    return None


def _statement(verb: Token, sent: Span) -> Span | None:
    """The verb's clause, widened until it has a subject and so reads as a statement.

    A conjoined or controlled verb ("... and agreed on Tuesday to ...") takes the subject of
    the verb it depends on; a participle or relative clause on a noun ("proposals rejected on
    Wednesday included ...") takes the clause of the verb governing that noun. Where no
    subject is found, or only across reported speech, the whole sentence.
    """
    clause = _clause(verb, sent)
    if clause is None or _subject(verb) is not None:
        return clause
    tok, via_noun = verb, False
    for _ in range(8):
        if tok.dep_ in _REPORTED or tok.head.i == tok.i:
            return sent
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            via_noun = True
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        if via_noun:
            outer = _clause(tok, sent) or sent
            lo, hi = min(outer.start, clause.start), max(outer.end, clause.end)
        else:
            lo, hi = min(subj.left_edge.i, clause.start), max(subj.right_edge.i + 1, clause.end)
        return sent.doc[lo:hi]
    return sent


def _readable(span: Span) -> str:
    """The item's text without discourse connectors that lean on the sentence before."""
    lead, mid = lx.connectors()
    text = mid.sub("", span.text)
    trimmed = lead.sub("", text)
    if trimmed != text and trimmed:
        trimmed = trimmed[0].upper() + trimmed[1:]
    return trimmed or text


def _since(span: Span) -> Token | None:
    """The "since" the date is the object of (the match may or may not include it)."""
    for t in span:
        if t.lower_ == "since":
            return t
    head = span.root.head
    return head if span.root.dep_ == "pobj" and head.lower_ == "since" else None


def _other_date(sent: Span, m: re.Match[str]) -> bool:
    """Whether the sentence writes another date besides "since <date>"."""
    for _, rx in PATTERNS:
        for o in rx.finditer(sent.text):
            apart = o.end() <= m.start() or o.start() >= m.end()
            if apart and not o.group().lower().startswith("since"):
                return True
    return False


_APPOS_PUNCT = frozenset({"--", "—", "–", ",", "("})
_PRONOUN_SUBJECTS = frozenset({"it", "this", "that", "they", "these", "those"})
_YEARS_SINCE = re.compile(
    r"\b(?:in|for)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+years\b",
    re.IGNORECASE,
)


def _firsts(ctx: Ctx, sent: Span, si: int, published: date | None) -> list[DatedClaim]:
    """Past items from "<NP> -- the first (of its kind|<noun>) since <date>|in <N> years".

    The qualifier dates the previous such event; the item's text is the noun phrase the
    "first" describes plus the qualifier, so it says what the date refers to. Where no
    such noun phrase can be found ("It was the first since 2019"), nothing.
    """
    out: list[DatedClaim] = []
    doc = ctx.doc
    quals: list[tuple[str, re.Match[str]]] = [
        (kind, m)
        for kind, rx in PATTERNS
        for m in rx.finditer(sent.text)
        if m.group().lower().startswith("since")
    ]
    quals += [("years", m) for m in _YEARS_SINCE.finditer(sent.text)]
    for kind, m in quals:
        if _in_quote(sent.text, m.start()):
            continue
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        prep = span[0]
        if prep.head.pos_ in ("VERB", "AUX"):
            continue  # "have stalled since 2019": the verb's own item
        first, noun = _first_of(prep.head)
        if first is None:
            continue
        head = _first_head(first, noun)
        if head is None:
            continue
        if kind == "years":
            if published is None:
                continue
            n = m.group("n").lower()
            value = str(published.year - (int(n) if n.isdigit() else NUMBERS[n] or 0))
        else:
            value = _resolve(kind, m, published, "past")
        if value is None:
            continue
        text = doc[head.start : span.end]
        out.append(
            DatedClaim(
                date=value,
                text=_readable(text),
                tense="past",
                sentence=si,
                place=None,
                actors=_actors(ctx, text),
                date_surface=doc.text[s:e],
            )
        )
    return out


def _first_of(tok: Token) -> tuple[Token | None, Token | None]:
    """The "first" a qualifier hangs from, and the noun it describes (None: "the first of its kind")."""
    if tok.lower_ == "first":
        return tok, None
    for c in tok.children:
        if c.lower_ == "first" and c.dep_ in ("amod", "nummod", "advmod"):
            return c, tok if tok.pos_ in ("NOUN", "PROPN") else None
    return None, None


def _first_head(first: Token, noun: Token | None) -> Span | None:
    """Where the item's text starts: the subject or apposed noun phrase, else the "first" noun's own."""
    doc = first.doc
    top = noun or first
    lo = min(first.i, top.left_edge.i)
    if top.dep_ in ("attr", "acomp") and top.head.lemma_ == "be":
        subj = _subject(top.head)
        if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS and subj.pos_ != "PRON":
            return doc[subj.left_edge.i : lo]  # "The talks were the first ... since 2019"
    apposed_to = noun is None or (top.dep_ == "appos" and top.head.i == lo - 2)
    if (
        apposed_to
        and lo >= 2
        and doc[lo - 1].text in _APPOS_PUNCT
        and doc[lo - 2].pos_ in ("NOUN", "PROPN")
    ):
        apposed = doc[lo - 2]
        start = apposed.left_edge.i if apposed.left_edge.i < apposed.i else apposed.i
        return doc[start:lo]  # "the NATO-Russia Council -- the first of its kind since ..."
    if noun is not None:  # its own noun, not the place before a dash ("met in Lima -- the ...")
        return doc[lo : lo + 1]  # "the first such meeting since 2019"
    return None


def _place(ents: list[Span], span: Span, date_span: Span) -> str | None:
    """The location named with "in"/"at" in the clause, the one nearest the date."""
    best: tuple[int, str] | None = None
    doc = span.doc
    for ent in ents:
        if ent.label_ not in ("GPE", "FAC", "LOC") or ent.start == 0:
            continue
        if ent.start < span.start or ent.end > span.end:
            continue
        k = ent.start - 1
        if doc[k].lower_ == "the" and k > 0:
            k -= 1
        if doc[k].lower_ not in ("in", "at") and not (
            doc[k].lower_ == "to" and doc[k].head.lemma_.lower() in _MOTION
        ):
            continue
        dist = abs(ent.start - date_span.start)
        name = re.sub(r"^[Tt]he\s+", "", ent.text)
        if best is None or dist < best[0]:
            best = (dist, name)
    if best is None:
        best = _named_capital(span, date_span)
    return best[1] if best else None


def _named_capital(span: Span, date_span: Span) -> tuple[int, str] | None:
    """ "talks in the Ethiopian capital": the capital the lexicon gives that state, if one."""
    names = lx.names()
    best: tuple[int, str] | None = None
    doc = span.doc
    for tok in span:
        k = tok.i
        if tok.lower_ != "capital" or k < span.start + 3 or doc[k - 2].lower_ != "the":
            continue
        if doc[k - 3].lower_ not in ("in", "at", "to"):
            continue
        state = names.demonyms.get(doc[k - 1].text)
        capital = _capitals().get(state or "")
        if capital:
            dist = abs(k - date_span.start)
            if best is None or dist < best[0]:
                best = (dist, capital)
    return best


@cache
def _capitals() -> dict[str, str]:
    """State name -> its (first) capital, from the names lexicon; seats of power left out."""
    names = lx.names()
    out: dict[str, str] = {}
    for surface, place in names.exact.items():
        if place.kind == "state" and place.form == "capital" and surface not in names.seats:
            out.setdefault(place.name, surface)
    return out


def _actors(ctx: Ctx, span: Span) -> list[str]:
    out: list[str] = []
    for t in span:
        k = ctx.tok_ent.get(t.i)
        if k and k not in out:
            out.append(k)
    return out
