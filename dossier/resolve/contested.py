"""Contested objects: what the parties demand, back or turn down, as issues of their own.

The lexicon's issue frames name what diplomatic events are often about; a new event is
about something no frame names. Here the objects of the parties' demands and of their
support/oppose statements are read off the sentences, reduced to their head nouns ("the next
dredging of the harbour" -> dredging; "weekly catch data" -> data), and a head that several
outlets or several parties contest becomes an issue, labelled by the noun phrase the articles
use most. The stance machinery (polarity.py) then reads each claim's attitude to it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from dossier import lexicons
from dossier.model.analysis import Analysis
from dossier.resolve.actors import ActorTable
from dossier.resolve.issues import FrameMatcher, stems
from dossier.resolve.lexicon import keyword_stopwords
from dossier.resolve.text import STOPWORDS, fold, stem

MIN_SOURCES = 2  # outlets that must contest the same thing ...
MIN_PARTIES = 2  # ... or parties that must speak to it
OBJECT_REACH = 9  # words after a cue that may still be its object
# spaCy's stop words that say which thing is meant ("the former officials", "the next
# filling"): content here.
_CONTENT = frozenset({"former", "latter", "full", "whole", "first", "last", "next"})
_TOKEN = re.compile(r"[\w'’-]+|[.;:!?,()\"“”]")
_CLAUSE_PUNCT = frozenset('.;:!?,()"“”')
Frame = tuple[str, list[str], frozenset[str]]
# Words that open an object: an -ing word right before one is a verb, not a noun.
_OBJECT_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "more", "any"})


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    data = lexicons.load("contested")
    return {k: frozenset(fold(str(w)) for w in data[k]) for k in data}


@cache
def _synonyms() -> dict[str, str]:
    """A head word -> the first word of its synonym group (contested.yaml `synonyms`)."""
    groups = lexicons.load("contested").get("synonyms") or []
    return {stem(fold(w)): stem(fold(g[0])) for g in groups for w in g}


@cache
def _cue_words() -> frozenset[str]:
    """Every word of a stance cue: an attitude, never the thing it is towards."""
    from dossier.resolve.lexicon import stance_cues

    book = stance_cues()
    return frozenset(w for p in [*book["phrases"], *book["lemmas"]] for w in fold(p).split())


@dataclass(frozen=True)
class Word:
    surface: str
    key: str  # folded and stemmed, as the frame matcher sees it
    first: bool  # the first content word of its run (a modifier or a verb, if more follow)
    # No determiner, number or preposition before it: alone, it is likelier a verb ("explore").
    verb_like: bool = False


@dataclass
class Candidate:
    sources: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    claims: set[tuple[str, int]] = field(default_factory=set)
    surfaces: Counter = field(default_factory=Counter)  # noun phrases that name it
    heads: int = 0  # times it ended a run (an object's head noun)
    words: set[str] = field(default_factory=set)  # the head words that named it


def speaking_party(table: ActorTable) -> Callable[[str, str | None], str | None]:
    """(source, entity key) -> the party it speaks for: a person's body, else itself."""

    def party(source: str, key: str | None) -> str | None:
        actor = table.actor_of(source, key)
        return (table.principal_body(actor) or actor) if actor else None

    return party


# A sentence is read once per cue occurrence in it (object_words): tokenised once, so a long
# hostile sentence full of cues costs a lookup per cue, not a re-tokenisation.
@lru_cache(maxsize=1 << 12)
def _tokens(text: str) -> tuple[tuple[tuple[str, int], ...], tuple[int, ...]]:
    """`text`'s tokens with their offsets, and the offsets alone (to bisect into)."""
    toks = tuple((m.group(), m.start()) for m in _TOKEN.finditer(text))
    return toks, tuple(at for _, at in toks)


def _content(surface: str, taken: set[str], at_start: bool, in_run: bool = False) -> bool:
    low = fold(surface)
    lex = _lexicon()
    # A filler opens an object ("free the officials"); inside a noun phrase it is a noun
    # ("daily release data").
    filler = low in lex["fillers"] and not in_run
    if (low in STOPWORDS and low not in _CONTENT) or filler or low in _cue_words():
        return False
    if len(low) < 3 or any(ch.isdigit() for ch in low) or stem(low) in taken:
        return False
    if surface[:1].isupper() and not at_start:
        return False  # a name ("Peruvian sailors", "the Upper ... Barrage"): not an issue word
    # A participle ends the noun phrase before it ("officials held in", "the code agreed").
    return not (low.endswith("ed") and low not in _CONTENT)


def object_words(text: str, taken: set[str], start: int = 0, reach: int = 0) -> list[list[Word]]:
    """The noun-phrase runs of an object that starts at character `start`: content words,
    broken by stop words, names and numbers, up to the clause's end or a word that says
    the object is over ("until", "which", "before")."""
    lex = _lexicon()
    runs: list[list[Word]] = [[]]
    before = ""
    toks, starts = _tokens(text)
    first = bisect_left(starts, start)
    lead = 0  # adjunct words before any content ("agreed on Monday to open ..."): not counted
    for k in range(first, len(toks)):
        tok = toks[k][0]
        low = fold(tok)
        if k == first and low == "that":
            return []  # "agreed that the boats must stay in port": a clause, not an object
        # A lone act before "to" takes its object there ("access to the ledgers", "return
        # to the talks"): the "to" opens the thing, it does not end it.
        opener = len(runs) == 1 and len(runs[0]) == 1 and runs[0][0].verb_like
        if tok in _CLAUSE_PUNCT or (
            low in lex["object_ends"] and any(runs) and not (low == "to" and opener)
        ):
            break
        if not any(runs) and (low in STOPWORDS or tok[:1].isupper()):
            lead += 1
            if reach and lead > reach:
                break  # only lead words: nothing to read within reach
        elif reach and k - first - lead >= reach:
            break
        if _content(tok, taken, k == 0, bool(runs[-1])):
            if not runs[-1] and (before in lex["verb_markers"] or (k == 0 and not reach)):
                runs[-1].append(Word(tok, stem(low), True, verb_like=True))
            else:
                runs[-1].append(Word(tok, stem(low), not runs[-1]))
        else:
            if runs[-1] and runs[-1][-1].key.endswith("ing") and low in _OBJECT_OPENERS:
                runs[-1].pop()  # "scheduling more meetings": a verb taking an object
            if runs[-1] and (stem(low) in taken or tok[:1].isupper()):
                runs[-1] = []  # it modifies a keyword or a name ("weekly figures", "Varno harbour")
            elif runs[-1]:
                runs.append([])
        before = low
    if runs[-1] and len(runs[-1]) == 1 and runs[-1][0].verb_like:
        runs[-1] = []
    # A verb that opens a run is the act, not the thing ("share daily data").
    return [
        r[1:] if r[0].verb_like else r for r in runs if r and not (len(r) == 1 and r[0].verb_like)
    ]


def _folded(text: str) -> tuple[str, list[int]]:
    """`fold(text)` with, for each of its characters, the index in `text` it came from (and
    len(text) at the end): fold drops dashes and expands "ß", so its offsets are not text's."""
    if text.isascii():
        return text.lower(), [*range(len(text) + 1)]
    latin = fold(text).isascii()  # fold drops non-Latin letters from a Latin sentence
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        if latin:
            piece = piece.encode("ascii", "ignore").decode("ascii")
        chars.append(piece)
        where += [i] * len(piece)
    return "".join(chars), [*where, len(text)]


def _cue_spans(text: str, cue_field: str) -> list[tuple[int, int]]:
    """Where a claim's cues stand in its sentence ("agreed to", "would not accept"), each time,
    as offsets into `text` itself."""
    folded, where = _folded(text)
    out = []
    for cue in (c.strip() for c in cue_field.split(",")):
        last = cue.split()[-1] if cue else ""
        if len(last) < 3:
            continue
        base = fold(last)[:-1] if last.endswith("e") and len(last) > 3 else fold(last)
        out += [
            (where[m.start()], where[m.end() - 1] + 1)
            for m in re.finditer(rf"\b{re.escape(base)}\w{{0,3}}\b", folded)
        ]
    return sorted(out)


_MORE_ACTS = re.compile(r",?\s+and\s+(?:to\s+)?(?=\w)")


def _coordinated_acts(text: str, cue_end: int) -> list[int]:
    """Where further infinitives coordinated after a cue's object start ("agreed to reopen the
    pass and to set up a joint survey"), within the cue's clause."""
    clause_end = min(
        (i for i in (text.find(p, cue_end) for p in ";:.") if i >= 0), default=len(text)
    )
    return [
        m.end()
        for m in _MORE_ACTS.finditer(text, cue_end, clause_end)
        if text[m.start() : m.end()].rstrip().endswith("to")
    ]


_COPULA = re.compile(r"\b(?:is|are|was|were|be|been|remain|remains|remained)\s+(?:\w+\s+){0,2}$")


def _subject_start(text: str, cue_start: int) -> tuple[int, int] | None:
    """For a predicate cue ("the levies were not negotiable"), the span of its subject's clause
    up to the copula: what the cue is about comes before it, not after."""
    # A window, not the whole sentence before the cue: a subject clause is short, and a
    # hostile sentence may repeat a cue thousands of times.
    base = max(0, cue_start - _SUBJECT_WINDOW)
    head = text[base:cue_start]
    folded, where = _folded(head)
    m = _COPULA.search(folded)
    if not m:
        return None
    copula = where[m.start()]
    # An opening quote starts the clause too ('"The toll is not a gift"').
    cut = max(head.rfind(p, 0, copula) for p in '.;:,"“')
    return base + (cut + 1 if cut >= 0 else 0), base + copula


_SUBJECT_WINDOW = 300  # characters before a predicate cue where its subject may start


_AGENT = re.compile(r"\s+(?:\w+\s+)?by\b")  # a passive participle's agent follows


def _document_of(a: Analysis) -> Word | None:
    """The kind of text the article names most ("resolution", "motion"): what a bare "the
    text" or "the draft" in it stands for."""
    lex = _lexicon()
    counts: Counter = Counter()
    for sent in a.sentences:
        for tok, _ in _tokens(sent.text)[0]:
            low = fold(tok)
            if stem(low) in lex["documents"] or low in lex["documents"]:
                counts[stem(low)] += 1
    if not counts:
        return None
    key = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return Word(key, key, True)


@cache
def _generic() -> frozenset[str]:
    """Heads that name a statement or a meeting, not what it is about (contested.yaml
    `generic_heads` and the stance cues' keyword stopwords), built once per process."""
    return _lexicon()["generic_heads"] | frozenset(keyword_stopwords())


def _is_generic(word: Word) -> bool:
    return word.key in _generic() or fold(word.surface) in _generic()


def _names_a_thing(run: list[Word]) -> bool:
    """A run with a word that names a thing, not only generic ones: a bare "proposals" or
    "terms" names nothing."""
    return not all(_is_generic(w) for w in run)


def _attest(
    found: dict[str, Candidate],
    runs: list[list[Word]],
    source: str,
    party: str,
    claim: int,
    document: Word | None = None,
) -> None:
    """Each run's head (its last word) and, for a generic head ("binding agreement"), the
    modifier and head together stand for what the claim contests; a bare reference to a
    text ("the text", "the draft") stands for the article's `document`."""
    for run in runs:
        if document is not None and run[-1].key in _lexicon()["document_refs"] and len(run) == 1:
            run = [document]
        head = run[-1]
        if _is_generic(head):
            if len(run) < 2 or run[-2].key in _generic():
                continue
            # The modifier names the thing ("the ceasefire line", "a binding agreement").
            key = run[-2].key
            phrase = f"{run[-2].surface} {head.surface}"
        else:
            key = head.key
            phrase = " ".join(w.surface for w in run[-2:]) if len(run) > 1 else head.surface
        # Outlets name one thing in different words ("the swap", "the exchange"): one candidate.
        c = found[_synonyms().get(key, key)]
        c.words.add(key)
        c.sources.add(source)
        c.parties.add(party)
        c.claims.add((source, claim))
        c.surfaces[fold(phrase)] += 1
        c.heads += 1


def contested_frames(
    analyses: list[Analysis], matcher: FrameMatcher, party: Callable[[str, str | None], str | None]
) -> list[Frame]:
    """Frames for the heads of what the parties contest, where ≥2 outlets or ≥2 parties
    contest the same head; `party(source, key)` is the actor an entity key stands for."""
    # What a frame already names is no new issue: a one-word keyword anywhere; a word of a
    # longer keyword or of the label where the articles name that frame at all ("the code"
    # after "code of conduct"), else only where the text names the keyword whole ("market
    # access" takes "access" there, not in "immediate access to the sites").
    named = {fi for a in analyses for sent in a.sentences for fi in matcher.frames_in(sent.text)}
    base = {t for fr in matcher.frames for kw in fr[1] for t in stems(kw) if len(stems(kw)) == 1}
    base |= {
        t
        for fi in named
        for kw in [matcher.frames[fi][0], *matcher.frames[fi][1]]
        for t in stems(kw)
    }

    def taken_in(text: str) -> set[str]:
        toks = stems(text)
        found = base | {t for h in matcher.spans(toks) for t in toks[h.start : h.end]}
        return found - STOPWORDS  # "and" of "security and navigation" names nothing

    found: dict[str, Candidate] = defaultdict(Candidate)
    for a in analyses:
        document = _document_of(a)
        for d in a.demands:
            who = party(a.source, d.by) or next(
                (p for p in (party(a.source, o) for o in d.of) if p), None
            )
            if who:
                runs = object_words(d.text, taken_in(d.text))
                # "submit their ideas on the scope of the survey": past generic words
                _attest(
                    found,
                    [r for r in runs if _names_a_thing(r)][:2],
                    a.source,
                    who,
                    d.sentence,
                    document,
                )
        for sc in a.stances:
            who = party(a.source, sc.holder)
            if not who or sc.stance not in ("support", "oppose", "mixed"):
                continue
            if not 0 <= sc.sentence < len(a.sentences):
                continue
            text = a.sentences[sc.sentence].text
            taken = taken_in(text)
            for start, end in _cue_spans(text, sc.cue):
                runs = object_words(text, taken, end, OBJECT_REACH)
                subject = _subject_start(text, start)
                if subject is not None:
                    runs = object_words(text[: subject[1]], taken, subject[0])[-1:]
                elif _AGENT.match(text, end):
                    # "the text, written by A", "the motion tabled by B": the noun described.
                    head = text[:start].rstrip(" ,")
                    cut = max(head.rfind(p) for p in ".;:,")
                    runs = object_words(head, taken, cut + 1)[-1:]
                _attest(found, runs[:1], a.source, who, sc.sentence, document)
                for more in _coordinated_acts(text, end):
                    # "agreed to reopen the pass and to set up a joint survey": both are agreed
                    _attest(
                        found,
                        object_words(text, taken, more, OBJECT_REACH)[:1],
                        a.source,
                        who,
                        sc.sentence,
                        document,
                    )
    kept = [
        (key, c)
        for key, c in found.items()
        if len(c.sources) >= MIN_SOURCES or len(c.parties) >= MIN_PARTIES
    ]
    kept.sort(key=lambda kc: (-len(kc[1].sources) - len(kc[1].parties), -kc[1].heads, kc[0]))
    frames: list[Frame] = []
    claimed: list[set[tuple[str, int]]] = []
    for key, c in kept:
        if any(c.claims <= other for other in claimed):
            continue  # every claim on it is already an issue's: a near duplicate
        claimed.append(c.claims)
        frames.append((_label(c), sorted({key, *c.words, *c.surfaces}), frozenset()))
    return frames


def _label(c: Candidate) -> str:
    phrase = max(c.surfaces.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
    return phrase[:1].upper() + phrase[1:]
