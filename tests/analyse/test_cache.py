"""The per-article cache and the streaming driver: hits, misses, key changes, corruption, order."""

import json

import pytest

from dossier.analyse import cache as cache_mod
from dossier.analyse import cache_key, pipeline_version
from dossier.analyse import nlp as nlp_mod
from dossier.config import Settings

from .conftest import article_from_text
from .invented import CEASEFIRE, SUMMIT, TRADE


@pytest.fixture
def articles():
    return [
        article_from_text(t, id=i)
        for i, t in (("trade", TRADE), ("ceasefire", CEASEFIRE), ("summit", SUMMIT))
    ]


@pytest.fixture
def settings(tmp_path):
    return Settings(root=tmp_path, cache=tmp_path / "cache")


def run(articles, settings, **kw):
    return list(cache_mod.analyse_articles(articles, settings, **kw))


def test_cold_then_warm(articles, settings, nlp):
    ticks = []
    cold = run(articles, settings, nlp=nlp, progress=ticks.append)
    assert [(a.source, hit) for a, hit in cold] == [(x.id, False) for x in articles]
    assert ticks == [1, 1, 1]
    files = sorted((settings.cache).glob("*.json"))
    assert len(files) == 3
    version = pipeline_version(nlp)
    assert {f.stem for f in files} == {cache_key(x, version) for x in articles}
    warm = run(articles, settings, nlp=nlp)
    assert [(a.source, hit) for a, hit in warm] == [(x.id, True) for x in articles]
    assert [a.model_dump() for a, _ in warm] == [a.model_dump() for a, _ in cold]
    assert all(a.pipeline == version for a, _ in cold)


def test_warm_rebuild_never_loads_the_model(articles, settings, nlp, monkeypatch):
    run(articles, settings, nlp=nlp)

    def boom(*_a, **_k):
        raise AssertionError("the model was loaded on a warm rebuild")

    monkeypatch.setattr(nlp_mod, "load_nlp", boom)
    assert all(hit for _, hit in run(articles, settings))


def test_only_new_article_is_analysed_and_order_is_kept(articles, settings, nlp):
    run(articles[:1] + articles[2:], settings, nlp=nlp)
    out = run(articles, settings, nlp=nlp)
    assert [(a.source, hit) for a, hit in out] == [
        ("trade", True),
        ("ceasefire", False),
        ("summit", True),
    ]


def test_rules_version_change_reanalyses(articles, settings, nlp, monkeypatch):
    run(articles, settings, nlp=nlp)
    monkeypatch.setattr(nlp_mod, "RULES_VERSION", "test-bump")
    out = run(articles, settings, nlp=nlp)
    assert not any(hit for _, hit in out)
    assert all(a.pipeline.endswith("+rulestest-bump") for a, _ in out)


def test_text_or_date_change_changes_the_key(articles, nlp):
    v = pipeline_version(nlp)
    a = articles[0]
    assert cache_key(a, v) != cache_key(a.model_copy(update={"published": "2020-01-01"}), v)
    assert cache_key(a, v) != cache_key(a.model_copy(update={"text": a.text + " "}), v)
    assert cache_key(a, v) != cache_key(a, v + "x")
    assert cache_key(a, v) == cache_key(a.model_copy(update={"id": "renamed"}), v)


def test_corrupt_cache_file_is_recomputed(articles, settings, nlp):
    run(articles, settings, nlp=nlp)
    path = settings.cache / f"{cache_key(articles[1], pipeline_version(nlp))}.json"
    path.write_text('{"source": "trunc')
    out = run(articles, settings, nlp=nlp)
    assert [hit for _, hit in out] == [True, False, True]
    assert json.loads(path.read_text())["source"] == "ceasefire"
    assert not list(settings.cache.glob(".tmp-*"))


def test_same_text_under_two_names_is_analysed_once(articles, settings, nlp):
    twin = articles[0].model_copy(update={"id": "trade-copy", "path": "x/trade-copy.txt"})
    out = run([articles[0], twin, articles[1]], settings, nlp=nlp)
    assert [(a.source, hit) for a, hit in out] == [
        ("trade", False),
        ("trade-copy", True),
        ("ceasefire", False),
    ]
    assert out[0][0].sentences == out[1][0].sentences


def test_workers_give_identical_output(articles, tmp_path, nlp):
    one = run(articles, Settings(root=tmp_path, cache=tmp_path / "c1"), nlp=nlp)
    two = run(articles, Settings(root=tmp_path, cache=tmp_path / "c2", workers=2), nlp=nlp)
    assert [a.model_dump_json() for a, _ in one] == [a.model_dump_json() for a, _ in two]
