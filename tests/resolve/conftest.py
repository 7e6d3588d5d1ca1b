"""Hand-built analyses for resolve's unit tests: no model, every claim written out."""

from __future__ import annotations

import hashlib

import pytest

from dossier.model.analysis import (
    Analysis,
    DatedClaim,
    DemandClaim,
    LocalEntity,
    Mention,
    QuoteClaim,
    RoleClaim,
    Sentence,
    StanceClaim,
)
from dossier.model.article import Article, Span
from dossier.resolve import resolve, source_from


class Art:
    """One synthetic article: sentences become paragraphs; claims refer to sentence indexes."""

    def __init__(
        self,
        source: str,
        sentences: list[str],
        published: str | None = "2022-01-12",
        outlet: str | None = None,
    ) -> None:
        self.source, self.published, self.outlet = source, published, outlet
        self.text = "Title line\n\n" + "\n\n".join(sentences)
        self.sentences: list[Sentence] = []
        pos = len("Title line\n\n")
        for i, s in enumerate(sentences):
            self.sentences.append(
                Sentence(start=pos, end=pos + len(s), text=s, anchor=f"s{i + 1}", paragraph=i)
            )
            pos += len(s) + 2
        self.entities: dict[str, LocalEntity] = {}
        self.quotes_claims: list[QuoteClaim] = []
        self.demands_claims: list[DemandClaim] = []
        self.stances_claims: list[StanceClaim] = []
        self.dated_claims: list[DatedClaim] = []

    def _mention(self, text: str, sentence: int | None, form: str) -> Mention:
        if sentence is None:
            sentence = next((i for i, s in enumerate(self.sentences) if text in s.text), 0)
        s = self.sentences[sentence]
        at = s.text.find(text)
        start = s.start + max(at, 0)
        return Mention(start=start, end=start + len(text), text=text, sentence=sentence, form=form)

    def ent(
        self,
        key: str,
        name: str,
        kind: str = "person",
        *,
        mentions=None,
        label: str | None = None,
        roles=(),
        affiliations=(),
    ) -> Art:
        """`mentions`: [(text, sentence or None, form)], default one name mention of `name`."""
        specs = mentions or [(name, None, "name")]
        ms = [self._mention(t, s, f) for t, s, f in specs]
        label = label or {"person": "PERSON", "state": "GPE", "organization": "ORG"}.get(
            kind, "NORP"
        )
        self.entities[key] = LocalEntity(
            key=key,
            name=name,
            kind=kind,
            label=label,
            surfaces=sorted({m.text for m in ms}),
            mentions=ms,
            roles=[
                RoleClaim(title=t, surface=t, sentence=s, affiliation=aff) for t, s, aff in roles
            ],
            affiliations=list(affiliations),
        )
        return self

    def quote(
        self,
        speaker: str | None,
        text: str,
        sentence: int,
        attribution: str = "explicit",
        kind: str = "direct",
    ) -> Art:
        s = self.sentences[sentence]
        at = max(s.text.find(text), 0)
        self.quotes_claims.append(
            QuoteClaim(
                speaker=speaker,
                text=text,
                start=s.start + at,
                end=s.start + at + len(text),
                sentence=sentence,
                attribution=attribution,
                kind=kind,
            )
        )
        return self

    def demand(
        self, by: str | None, of: list[str], text: str, sentence: int, status: str = "open"
    ) -> Art:
        self.demands_claims.append(
            DemandClaim(by=by, of=of, text=text, sentence=sentence, status=status)
        )
        return self

    def stance(self, holder: str, stance: str, keywords: list[str], sentence: int) -> Art:
        self.stances_claims.append(
            StanceClaim(holder=holder, stance=stance, keywords=keywords, sentence=sentence)
        )
        return self

    def dated(
        self, date: str, text: str, tense: str, sentence: int, place: str | None = None, actors=()
    ) -> Art:
        self.dated_claims.append(
            DatedClaim(
                date=date,
                text=text,
                tense=tense,
                sentence=sentence,
                place=place,
                actors=list(actors),
            )
        )
        return self

    def article(self) -> Article:
        spans = [Span(start=s.start, end=s.end) for s in self.sentences]
        return Article(
            id=self.source,
            path=f"content/articles/{self.source}.txt",
            sha256=hashlib.sha256(self.text.encode()).hexdigest(),
            encoding="utf-8",
            text=self.text,
            title=f"Title of {self.source}",
            outlet=self.outlet,
            published=self.published,
            paragraphs=spans,
        )

    def analysis(self) -> Analysis:
        return Analysis(
            source=self.source,
            sha256=self.article().sha256,
            pipeline="test",
            sentences=self.sentences,
            entities=list(self.entities.values()),
            quotes=self.quotes_claims,
            demands=self.demands_claims,
            stances=self.stances_claims,
            dated=self.dated_claims,
        )


def run(arts: list[Art], title: str | None = None):
    """Resolve synthetic articles the way the pipeline does."""
    return resolve(
        [source_from(a.article(), a.analysis()) for a in arts], [a.analysis() for a in arts], title
    )


@pytest.fixture
def art():
    return Art


@pytest.fixture
def run_resolve():
    return run


@pytest.fixture
def resolve_texts(nlp, tmp_path):
    """Resolve invented articles ({file name: text}) through the real ingest and analyse."""
    from dossier.analyse import analyse_articles
    from dossier.config import Settings
    from dossier.ingest import ingest_dir

    def run_texts(files: dict[str, str]):
        folder = tmp_path / "articles"
        folder.mkdir()
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        settings = Settings(root=tmp_path, articles=folder, cache=tmp_path / "cache")
        articles = ingest_dir(folder, tmp_path, settings.max_article_bytes).articles
        analyses = [an for an, _ in analyse_articles(articles, settings, nlp=nlp)]
        sources = [source_from(a, an) for a, an in zip(articles, analyses, strict=True)]
        return resolve(sources, analyses)

    return run_texts


@pytest.fixture(scope="session")
def seeds(nlp, tmp_path_factory):
    """The seeds through real ingest and analyse (once per session), and their dossier.

    (articles, sources, analyses, dossier, stats), aligned lists in ingest order.
    """
    from dossier.analyse import analyse_articles
    from dossier.config import Settings
    from dossier.ingest import ingest_dir
    from dossier.resolve import resolve_with_stats

    from ..conftest import ROOT, SEEDS

    settings = Settings(root=ROOT, articles=SEEDS, cache=tmp_path_factory.mktemp("cache"))
    articles = ingest_dir(SEEDS, ROOT, settings.max_article_bytes).articles
    analyses = [an for an, _ in analyse_articles(articles, settings, nlp=nlp)]
    sources = [source_from(a, an) for a, an in zip(articles, analyses, strict=True)]
    dossier, stats = resolve_with_stats(sources, analyses)
    return articles, sources, analyses, dossier, stats
