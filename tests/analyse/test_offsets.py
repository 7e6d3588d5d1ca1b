"""Every offset the analysis emits indexes the article file exactly, on the seeds and invented texts."""

import pytest

from dossier.model.analysis import Analysis
from dossier.model.article import Article

from .conftest import SEEDS, article_from_text
from .invented import CEASEFIRE, SUMMIT, TRADE


def check(article: Article, a: Analysis) -> None:
    text = article.text
    assert a.sentences, article.id
    for i, s in enumerate(a.sentences):
        assert text[s.start : s.end] == s.text
        assert s.anchor == f"s{i + 1}"
        para = article.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end, "a sentence stays in its paragraph"
        assert s.text == s.text.strip()
    assert [s.start for s in a.sentences] == sorted(s.start for s in a.sentences)
    keys = {e.key for e in a.entities}
    for e in a.entities:
        assert e.mentions, e.name
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
            s = a.sentences[m.sentence]
            assert s.start <= m.start and m.end <= s.end
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
        assert q.speaker is None or q.speaker in keys
        assert 0 <= q.sentence < len(a.sentences)
    for d in a.demands:
        assert d.by is None or d.by in keys
        assert set(d.of) <= keys
    for st in a.stances:
        assert st.holder in keys
    for dc in a.dated:
        assert set(dc.actors) <= keys
        assert (dc.date is None and dc.tense == "future") or len(dc.date) in (4, 7, 10)


def test_offsets_on_every_seed(seed_articles, analyse):
    assert len(seed_articles) == 5
    for article in seed_articles:
        check(article, analyse(article))


@pytest.mark.parametrize("text", [TRADE, CEASEFIRE, SUMMIT], ids=["trade", "ceasefire", "summit"])
def test_offsets_on_invented_articles(text, analyse):
    article = article_from_text(text)
    check(article, analyse(article))


def test_offsets_survive_crlf_and_front_matter(analyse):
    raw = "---\ntitle: x\npublished: 2023-05-02\n---\r\nHe left.\r\n\r\n“We will return,” Jane Doe said.\r\nShe arrived in Oslo on Monday.\r\n"
    article = article_from_text(raw)
    a = analyse(article)
    check(article, a)
    assert a.quotes[0].text == "We will return"
    assert a.dated[0].date == "2023-05-01"


def test_doc_must_be_the_analysis_text(nlp, seed_articles):
    from dossier.analyse import analyse_doc

    with pytest.raises(ValueError):
        analyse_doc(seed_articles[0], nlp("something else"))


FIXTURES = sorted((SEEDS.parent.parent / "tests" / "fixtures").glob("*/*.*"))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_offsets_on_fixture_articles_of_other_events(path, analyse):
    from dossier.ingest import parse_article

    article = parse_article(path.read_bytes(), f"tests/fixtures/{path.parent.name}/{path.name}")
    check(article, analyse(article))


def test_fixture_capital_tagged_person_and_given_name_reference(analyse):
    from dossier.ingest import parse_article

    from .helpers import entity

    root = SEEDS.parent.parent / "tests" / "fixtures"
    path = root / "abyei-ceasefire" / "meridian-wire-istanbul-talks.md"
    a = analyse(parse_article(path.read_bytes(), str(path.relative_to(root.parent.parent))))
    assert "Juba" in entity(a, "South Sudan").surfaces  # spaCy says PERSON; used as the state
    path = root / "asean-maritime-talks" / "coastline-news-manila-round.txt"
    a = analyse(parse_article(path.read_bytes(), str(path.relative_to(root.parent.parent))))
    assert "Faizal" in entity(a, "Mohammad Faizal Rahman").surfaces
    assert "Liu" in entity(a, "Liu Jianguo").surfaces  # surname written first
