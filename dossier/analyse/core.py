"""The pure core of analyse: one article and its spaCy Doc in, one `Analysis` out."""

from __future__ import annotations

from spacy.tokens import Doc

from dossier.model.analysis import Analysis
from dossier.model.article import Article

from .context import build_ctx
from .dates import extract_dated
from .demands import extract_demands
from .entities import extract_entities
from .quotes import extract_quotes
from .stances import extract_stances
from .text import analysis_text


def analyse_doc(article: Article, doc: Doc, pipeline: str = "") -> Analysis:
    """Extract sentences, entities, quotes, demands, stances and dated claims from `doc`.

    `doc` must be the model's parse of `analysis_text(article).text` (the kept paragraphs
    joined by blank lines); every offset in the result indexes `article.text`.
    """
    tmap = analysis_text(article)
    if doc.text != tmap.text:
        raise ValueError(f"{article.path}: doc is not the analysis text of this article")
    ctx = build_ctx(article, doc, tmap)
    ents = extract_entities(ctx)
    ctx.tok_ent = ents.tok_ent
    quotes = extract_quotes(ctx, ents)
    demands = extract_demands(ctx, ents, quotes)
    stances = extract_stances(ctx, ents, quotes)
    dated = extract_dated(ctx, ents)
    return Analysis(
        source=article.id,
        sha256=article.sha256,
        pipeline=pipeline,
        sentences=ctx.sentences,
        entities=ents.entities,
        quotes=quotes,
        demands=demands,
        stances=stances,
        dated=dated,
    )
