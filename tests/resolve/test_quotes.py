"""Quote merging across outlets: wording differences, partial quotes, unknown speakers."""

from __future__ import annotations

from dossier.resolve import resolve_with_stats, source_from

VETO = "No one else has anything to say, and of course Russia does not have a veto"


def _run(arts):
    return resolve_with_stats(
        [source_from(a.article(), a.analysis()) for a in arts], [a.analysis() for a in arts]
    )


def _speaker(art, sentence_text):
    return art("x", [sentence_text])


def test_same_quote_with_small_differences_is_one_quote(art, run_resolve):
    a = art("a", [f"“{VETO},” he said."]).ent(
        "e1", "Jens Stoltenberg", mentions=[("he", 0, "pronoun")]
    )
    a.quote("e1", f"{VETO},", 0, attribution="pronoun")
    b = art(
        "b",
        ["“No one else has anything to say, and of course Russia doesn’t have a veto,” he said."],
    )
    b.ent("e1", "Stoltenberg", mentions=[("he", 0, "pronoun")])
    b.quote("e1", "No one else has anything to say, and of course Russia doesn’t have a veto,", 0)
    c = art(
        "c",
        [
            '"No one else has anything to say and of course Russia does not have a veto '
            '(on states joining NATO)," Stoltenberg said.'
        ],
    )
    c.ent("e1", "Stoltenberg")
    c.quote(
        "e1",
        "No one else has anything to say and of course Russia does not have a veto "
        "(on states joining NATO),",
        0,
    )
    d = run_resolve([a, b, c])
    assert len(d.quotes) == 1
    q = d.quotes[0]
    assert q.speaker == "jens-stoltenberg"
    assert [e.source for e in q.evidence] == ["a", "b", "c"]
    assert q.confidence == "high"


def test_different_quotes_of_one_speaker_stay_apart(art, run_resolve):
    a = art(
        "a",
        [
            "“We had a frank and open discussion on a wide range of issues,” he said.",
            "“There are opportunities for constructive engagement,” he said.",
        ],
    )
    a.ent("e1", "Jens Stoltenberg", mentions=[("he", 0, "pronoun"), ("he", 1, "pronoun")])
    a.quote("e1", "We had a frank and open discussion on a wide range of issues,", 0)
    a.quote("e1", "There are opportunities for constructive engagement,", 1)
    d = run_resolve([a])
    assert len(d.quotes) == 2


def test_partial_quote_joins_the_fuller_printing(art, run_resolve):
    a = art("a", ["Stoltenberg said NATO had a “serious and direct exchange” with Russia."])
    a.ent("e1", "Jens Stoltenberg", mentions=[("Stoltenberg", 0, "name")])
    a.quote("e1", "serious and direct exchange", 0, kind="partial")
    b = art("b", ["“We had a very serious and direct exchange,” Stoltenberg said."])
    b.ent("e1", "Jens Stoltenberg", mentions=[("Stoltenberg", 0, "name")])
    b.quote("e1", "We had a very serious and direct exchange,", 0)
    d = run_resolve([a, b])
    assert len(d.quotes) == 1
    assert {e.source for e in d.quotes[0].evidence} == {"a", "b"}


def test_unattributed_quote_joins_an_attributed_printing_or_is_counted(art):
    a = art("a", [f"“{VETO},” Stoltenberg said."]).ent(
        "e1", "Jens Stoltenberg", mentions=[("Stoltenberg", 0, "name")]
    )
    a.quote("e1", f"{VETO},", 0)
    b = art("b", [f"“{VETO}.”", "“Something nobody else printed at all today.”"])
    b.quote(None, f"{VETO}.", 0, attribution="none")
    b.quote(None, "Something nobody else printed at all today.", 1, attribution="none")
    d, stats = _run([a, b])
    assert len(d.quotes) == 1
    assert {e.source for e in d.quotes[0].evidence} == {"a", "b"}
    assert stats.quotes_attributed_by_match == 1
    assert stats.quotes_unattributed == 1


def test_reported_speech_and_scare_quotes_are_not_quotes(art):
    a = art(
        "a",
        [
            "Stoltenberg said that NATO would keep its door open.",
            "Russia wants “security guarantees”.",
        ],
    )
    a.ent("e1", "Jens Stoltenberg", mentions=[("Stoltenberg", 0, "name")])
    a.quote("e1", "NATO would keep its door open", 0, kind="reported")
    # Analyse drops two-word labels it can see are labels; what reaches resolve without a
    # named speaker still needs three words.
    a.quote("e1", "security guarantees", 1, kind="partial", attribution="none")
    d, stats = _run([a])
    assert d.quotes == []
    assert stats.quotes_reported == 1 and stats.quotes_short == 1


def test_two_word_verdict_with_a_named_speaker_is_a_quote(art):
    a = art("a", ["Grushko called the refusal “deeply disappointing”."])
    a.ent("e1", "Alexander Grushko", mentions=[("Grushko", 0, "name")])
    a.quote("e1", "deeply disappointing", 0, kind="partial")
    d, _ = _run([a])
    assert [q.text for q in d.quotes] == ["deeply disappointing"]


def test_single_source_pronoun_quote_is_low_confidence(art, run_resolve):
    a = art("a", ["“This is a very long quote that only one outlet printed,” he said."])
    a.ent("e1", "Jens Stoltenberg", mentions=[("he", 0, "pronoun")])
    a.quote(
        "e1", "This is a very long quote that only one outlet printed,", 0, attribution="pronoun"
    )
    d = run_resolve([a])
    assert d.quotes[0].confidence == "low"
