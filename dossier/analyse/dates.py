"""Dated claims: dates in the text resolved against the article's date, with tense, place and actors."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span, Token

from dossier.model.analysis import DatedClaim

from . import clauses as cl
from . import lexicon as lx
from .context import Ctx
from .date_expressions import (
    PATTERNS,
    RELATIVE,
    dateline,
    in_quote,
    parse_iso,
    quote_states,
    resolve,
)
from .entities import EntityResult
from .firsts import firsts
from .statements import occasion, speaker

# verbs whose "to <place>" is where the step happens ("send a team to Cusco")
_MOTION = frozenset({"send", "deploy", "travel", "go", "return", "fly", "dispatch", "move"})
# verbs of an address that, like verbs of saying, date a statement ("speaking to reporters")
_SPEAKING = frozenset({"speak", "brief", "address"})
# prepositions after which a possessive date still dates the clause ("at Monday's meeting");
# after others ("under Tuesday's deal", "after Monday's talks") it only names a thing
_AT_THE_TIME = frozenset({"at", "during", "in", "on", "for"})
# prepositions of a location besides "in"/"at" ("detained off the cape", "clashes near X")
_NEAR = frozenset({"off", "near", "outside"})


def extract_dated(ctx: Ctx, ents: EntityResult) -> list[DatedClaim]:
    """The article's dated claims, its "first since <date>" items and its undated next steps."""
    published = parse_iso(ctx.article.published) or dateline(ctx)
    text = ctx.text
    saying = lx.reporting()["saying"]
    spoken = saying | lx.reporting()["naming"]
    out: list[DatedClaim] = []
    seen: set[tuple[int, str]] = set()
    agos: list[tuple[int, set[str]]] = []  # "seven years ago" claims: (index in out, words)
    explicit: list[tuple[str, set[str]]] = []  # claims with a written date: (year, words)
    lead_place = _dateline_place(ctx)
    opened = quote_states(ctx)
    for si, sent in enumerate(ctx.sents):
        taken: list[tuple[int, int]] = []
        covered: set[int] = set()  # tokens of the clauses that already carry a date
        dated_future = False
        stext = sent.text  # a span builds its text on every access: once per sentence
        for kind, rx in PATTERNS:
            for m in rx.finditer(stext):
                s, e = sent.start_char + m.start(), sent.start_char + m.end()
                if any(a < e and s < b for a, b in taken):
                    continue
                span = ctx.doc.char_span(s, e, alignment_mode="expand")
                if span is None:
                    continue
                verb = cl.governor(span)
                if verb is None:
                    continue
                if kind == "thisper" and verb.lemma_ == "be":
                    continue  # "the fourth time this year": a count, not an event
                if (kind in RELATIVE or m.group().lower().startswith("since")) and in_quote(
                    stext, m.start(), opened[si]
                ):
                    continue  # the speaker's "today" is the day they spoke, which we do not know
                occ = occasion(ctx, si, verb) if verb.lemma_.lower() in saying | _SPEAKING else None
                said = occ is not None
                if (
                    verb.lemma_.lower() in saying
                    and any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)
                    and not any(t.dep_ == "nsubj" and t.i > verb.i for t in verb.children)
                    and not _names_event(span)
                    and not said
                ):
                    # "Officials said on Friday (that) ...": the date of the words only; a named
                    # speaker's words to an audience or at an occasion are an event (below)
                    continue
                if verb.lemma_.lower() in spoken and span.root.dep_ in ("poss", "compound"):
                    continue  # "X called Wednesday's talks serious": only someone speaking
                if _reference_possessive(span):
                    continue  # "under Tuesday's arrangement, X will ...": the thing's day
                if kind in ("thisper", "relweek") and _amount_period(span):
                    continue  # "raised the levy to $2m for this year": what it holds for
                if kind == "thisper" and _since_clause(verb):
                    continue  # "talks since their row flared again this year": a rough start
                since = _since(span)
                if since is not None and (
                    since.head.pos_ not in ("VERB", "AUX") or _other_date(sent, m)
                ):
                    continue  # "the first since July 2019": a reference point, not an event
                tense = _tense(verb, sent)
                value = resolve(kind, m, published, tense)
                if value is None:
                    continue
                taken.append((s, e))
                if published is not None:
                    # a date wholly before or after the article's own day/month/year decides
                    pub = published.isoformat()[: len(value)]
                    if value != pub:
                        tense = "past" if value < pub else "future"
                # "later this month" is ahead and "earlier this month" behind whatever the verb
                # ("has proposed to hold a session later this month": the meeting is the step)
                ahead = re.match(r"(later|earlier)\s", m.group().lower())
                if ahead:
                    tense = "future" if ahead.group(1) == "later" else "past"
                if tense == "future" and _until(sent.text, m):
                    continue  # "look busy until June": a state lasts until then, nothing is due
                if (si, value) in seen:
                    continue
                seen.add((si, value))
                clause = cl.statement(verb, sent)
                if kind == "yearnoun" and span.root.dep_ not in ("nsubj", "nsubjpass"):
                    clause = _noun_phrase(span.root)  # "citing the 1994 treaty": the treaty's
                words = _content(clause or sent)
                if occ is not None:
                    place = _own_place(ctx.ents(si), verb) or _occasion_place(ctx, occ, verb)
                else:
                    place = _place(ctx.ents(si), clause or sent, span)
                if place is None and si == 0 and tense == "past" and _lead_day(value, published):
                    place = lead_place  # the dateline's place is where the lead's news happened
                if kind == "ago":
                    agos.append((len(out), words))
                elif len(value) >= 4:
                    explicit.append((value[:4], words))
                covered.update(range(clause.start, clause.end) if clause is not None else [])
                dated_future = dated_future or tense == "future"
                out.append(
                    DatedClaim(
                        date=value,
                        text=cl.readable(clause or sent),
                        tense=tense,
                        sentence=si,
                        place=place,
                        actors=cl.actors(ctx, clause or sent),
                        date_surface=text[s:e],
                    )
                )
        for first in firsts(ctx, sent, si, published):
            if (si, first.date) not in seen:
                seen.add((si, first.date))
                out.append(first)
        if not dated_future:
            before = next(
                (d for d in reversed(out) if d.sentence == si - 1 and d.tense == "future"), None
            )
            step = _undated(ctx, sent, si, covered, opened[si], before)
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
    ctx: Ctx,
    sent: Span,
    si: int,
    covered: set[int],
    opened: tuple[int, int],
    before: DatedClaim | None = None,
) -> DatedClaim | None:
    """A next step the text gives no date for ("explore dates for further sessions").

    `before` is the previous sentence's next step: an attendance with no object ("is expected
    to attend") is that event, and takes its date and place.
    """
    low = sent.text.lower().replace("’", "'")
    for m in lx.next_step_cues().finditer(low):
        s, e = sent.start_char + m.start(), sent.start_char + m.end()
        span = ctx.doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.i in covered for t in span):
            continue
        low_verb, verb = cl.cue_verbs(span)
        if verb is None or cl.negated_chain(low_verb, verb):
            continue
        if _first_person(verb) and in_quote(sent.text, m.start(), opened):
            continue  # "We intend to hold them to it," X said: a speaker's resolve, not a step
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        ):
            # "may go back to the tribunal if the next session fails": the step is the main
            # clause, the condition only says when
            verb = low_verb = verb.head
        if m.group().startswith(_INHERENT_PAST) and (
            low_verb.tag_ in ("VBD", "VBN")
            and not any(c.lower_ == "to" and c.dep_ == "aux" for c in low_verb.children)
        ):
            continue
        clause = cl.statement(verb, sent) or sent
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
            text=cl.readable(clause),
            tense="future",
            sentence=si,
            place=place,
            actors=cl.actors(ctx, clause),
        )
    return None


def _first_person(verb: Token) -> bool:
    """Whether the verb's subject is "I" or "we"."""
    subj = cl.subject(verb)
    return subj is not None and subj.lower_ in ("i", "we")


def _noun_phrase(noun: Token) -> Span:
    """The noun with all it governs ("a 2011 verdict by the judges in a suit filed ...")."""
    return noun.doc[noun.left_edge.i : noun.right_edge.i + 1]


def _names_event(span: Span) -> bool:
    """Whether a "when" clause says what happened on the date ("told the council on Friday, when
    the session began, that ..."): then the date is an event's, not only the statement's."""
    return any(
        c.dep_ in ("relcl", "advcl") and any(g.lower_ == "when" for g in c.children)
        for t in span
        for c in t.children
    )


def _until(text: str, m: re.Match[str]) -> bool:
    """Whether the date is the end of a span ("until June", "till the end of the year")."""
    before = text[: m.start()].split()[-1:]
    first = m.group().split()[0].lower()
    return first in ("until", "till") or [w.lower() for w in before] in (["until"], ["till"])


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


def _place(ents: list[Span], span: Span, date_span: Span) -> str | None:
    """The location named with "in"/"at" in the clause, the one nearest the date."""
    best: tuple[int, str] | None = None
    doc = span.doc
    for ent in ents:
        if ent.start == 0 or not (
            ent.label_ in ("GPE", "FAC", "LOC") or _unknown_town(ent) or _unknown_spot(ent)
        ):
            continue
        if ent.start < span.start or ent.end > span.end:
            continue
        k = ent.start - 1
        if doc[k].lower_ == "the" and k > 0:
            k -= 1
        if doc[k].lower_ in _NEAR:
            if doc[k].head != cl.governor(date_span):
                continue  # "the men, detained off X in April, will be freed": not the step's
        elif doc[k].lower_ not in ("in", "at") and not (
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


def _unknown_town(ent: Span) -> bool:
    """A one-word name the model took for a body but that follows "in" and that no lexicon
    knows as a body ("a workshop in Arequipa"): a town the model has not seen."""
    doc = ent.doc
    return (
        ent.label_ == "ORG"
        and len(ent) == 1
        and not ent.text.isupper()
        and doc[ent.start - 1].lower_ == "in"
        # a thing located there ("a workshop in Arequipa"), not a deed done in a body ("passed
        # in Congress")
        and doc[ent.start - 1].head.pos_ == "NOUN"
        and lx.names().lookup(ent.text) is None
        and ent.text.lower() not in lx.org_heads()  # "in Congress", "in Parliament"
    )


def _unknown_spot(ent: Span) -> bool:
    """A name the model took for a body right after "off"/"near" ("detained off Cape X"), that
    no lexicon knows as a body: a place at sea or on land, not an organisation."""
    doc = ent.doc
    return (
        ent.label_ == "ORG"
        and doc[ent.start - 1].lower_ in _NEAR
        and lx.names().lookup(ent.text) is None
        and ent[-1].lower_ not in lx.org_heads()
    )


def _named_capital(span: Span, date_span: Span) -> tuple[int, str] | None:
    """ "talks in the Peruvian capital": the capital the lexicon gives that state, if one."""
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
        capital = lx.state_capitals().get(state or "")
        if capital:
            dist = abs(k - date_span.start)
            if best is None or dist < best[0]:
                best = (dist, capital)
    return best


def _tense(verb: Token, sent: Span) -> str:
    """The verb's tense, with two readings `cl.tense` leaves out: a participle ("speaking to
    reporters on Tuesday, X said") is in the tense of the verb it hangs from, and "would" with
    a bare verb ("she would raise it on Monday") is a future seen from the past."""
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl"):
        # "speaking ..., X said" hangs from the verb; "X, speaking ..., said" from its subject
        head = verb.head if verb.dep_ == "advcl" else verb.head.head
        if head.pos_ in ("VERB", "AUX") and (verb.dep_ == "advcl" or verb.head.dep_ == "nsubj"):
            return cl.tense(head, sent)
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "would" in aux and "have" not in aux:
        return "future"
    return cl.tense(verb, sent)


def _reference_possessive(span: Span) -> bool:
    """Whether the date is the possessor of a thing the clause only refers to ("under
    Tuesday's arrangement", "after Monday's talks"), not the time of the clause."""
    root = span.root
    if root.dep_ != "poss":
        return False
    noun = root.head
    return noun.dep_ == "pobj" and noun.head.lower_ not in _AT_THE_TIME


# named-entity types of an amount ("900 tonnes", "$5m", "20 vessels", "3%")
_AMOUNTS = frozenset({"QUANTITY", "MONEY", "PERCENT", "CARDINAL"})


def _amount_period(span: Span) -> bool:
    """Whether "for <this/next/last> <period>" is the period an amount holds for ("set the
    levy at $2m for this year", "a budget of $5m for next year"), not when anything
    happens: an amount hangs from the word "for" hangs from, with no other verb between."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return False
    prep = root.head
    head = prep.head
    for child in head.children:
        if child == prep:
            continue
        for t in child.subtree:
            if not (t.like_num and t.ent_type_ in _AMOUNTS):
                continue
            path = list(t.ancestors)
            between = path[: path.index(head)] if head in path else [t]
            if not any(a.pos_ in ("VERB", "AUX") for a in between):
                return True
    return head.like_num and head.ent_type_ in _AMOUNTS


def _since_clause(verb: Token) -> bool:
    """Whether "since" opens the verb's clause ("talks since their row flared this year")."""
    return any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def _own_place(ents: list[Span], verb: Token) -> str | None:
    """Where a statement was made: an "in"/"at" place on the verb itself or on its audience
    ("told reporters in Lima"), not one in the words reported."""
    for ent in ents:
        if ent.label_ not in ("GPE", "FAC", "LOC"):
            continue
        prep = ent.root.head
        if prep.lower_ not in ("in", "at") or ent.root.dep_ != "pobj":
            continue
        if prep.head == verb or (prep.head.head == verb and prep.head.dep_ in ("dobj", "dative")):
            return re.sub(r"^[Tt]he\s+", "", ent.text)
    return None


def _occasion_place(ctx: Ctx, occ: int, verb: Token) -> str | None:
    """Where the speaker of `verb` spoke, from a later sentence naming the occasion ("...,” he
    told reporters in Lima"): the place on a verb of that sentence whose subject is the
    speaker or "he"/"she"."""
    who = speaker(verb)
    if who is None:
        return None
    for tok in ctx.sents[occ]:
        subj = cl.subject(tok) if tok.pos_ in ("VERB", "AUX") else None
        if subj is not None and (subj.lower_ in ("he", "she") or subj.text in who.text):
            place = _own_place(ctx.ents(occ), tok)
            if place:
                return place
    return None


_DATELINE = re.compile(r"^(?P<place>[^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_]+){0,3})\s*[,(—–-]")


def _dateline_place(ctx: Ctx) -> str | None:
    """The place of the article's dateline ("LIMA — ...", "LIMA, Peru, 3 May 2024 – ..."): in
    capitals at the start of the first sentence, or in the dateline ingest cut from it."""
    heads = []
    if ctx.article.paragraphs:
        first = ctx.article.paragraphs[0].start
        heads = [
            ctx.article.text[r.start : r.end]
            for r in ctx.article.removed
            if r.reason.startswith("dateline") and r.end == first
        ]
    if ctx.sents:
        heads.append(ctx.sents[0].text)
    for head in heads:
        m = _DATELINE.match(head.strip())
        if m and m.group("place").isupper() and len(m.group("place")) > 2:
            # "NUKU'ALOFA" -> "Nuku'alofa", where str.title() gives "Nuku'Alofa"
            return " ".join(w.capitalize() for w in m.group("place").split())
    return None


def _lead_day(value: str, published: date | None) -> bool:
    """Whether `value` is a day of the last few before the article's own (the lead's news)."""
    if published is None or len(value) != 10:
        return False
    return 0 <= (published - date.fromisoformat(value)).days <= 3
