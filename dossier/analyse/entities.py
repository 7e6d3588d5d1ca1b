"""Entities inside one article: spaCy NER corrected by rules, merged by name, title, capital and abbreviation."""

from __future__ import annotations

from spacy.tokens import Span

from .acronyms import defined_acronyms
from .candidates import ACTOR_LABELS, State, dedupe, find_blocked
from .clusters import EntityResult, assemble
from .context import Ctx
from .missed import (
    find_surname_tokens,
    fix_person_labels,
    governments,
    group_noun_phrases,
    honorific_persons,
    missed_states,
    nicknames,
    short_body_names,
    state_bodies,
)
from .places import drop_described_places
from .spans import add_ent, body_name
from .titles import find_titles, title_roles

__all__ = ["EntityResult", "extract_entities"]


def extract_entities(ctx: Ctx) -> EntityResult:
    """Run the entity passes over one article, in order: each one reads what the earlier found."""
    st = State(ctx)
    # titles first: NER spans are cut at them, and names right after them are persons
    find_titles(st)
    find_blocked(st)
    covered: set[int] = set()
    for ent in st.doc.ents:
        if ent.start in covered:
            continue
        if ent.label_ in ("ORG", "GPE", "NORP"):
            longer = body_name(st, ent)
            if longer is not None:
                covered.update(range(longer.start, longer.end))
                ent = longer
        if ent.label_ in ACTOR_LABELS:
            add_ent(st, ent)
        elif (known := st.names.lookup(ent.text)) is not None:
            # a state, capital or body the model gave another label ("Santiago" as a
            # work of art): the lexicon knows better
            add_ent(
                st,
                Span(st.doc, ent.start, ent.end, label="GPE" if known.kind == "state" else "ORG"),
            )
    defined_acronyms(st)
    honorific_persons(st)
    fix_person_labels(st)
    find_surname_tokens(st)
    missed_states(st)
    short_body_names(st)
    group_noun_phrases(st)
    state_bodies(st)
    nicknames(st)
    governments(st)
    dedupe(st)
    title_roles(st)
    fix_person_labels(st)  # again: an apposition may have named a person NER had missed
    drop_described_places(st)
    return assemble(st)
