"""Issues from the lexicon's frames, and positions per actor and issue (lifted to bodies)."""

from __future__ import annotations


def _nato(art, source, sentences):
    a = art(source, sentences)
    a.ent(
        "js",
        "Jens Stoltenberg",
        mentions=[("Jens Stoltenberg", 0, "name")],
        roles=[("Secretary General", 0, "NATO")],
    )
    a.ent("nato", "NATO", "organization", mentions=[("NATO", 0, "name")])
    return a


def test_issues_need_two_claims_and_list_the_keywords_found(art, run_resolve):
    a = _nato(
        art,
        "a",
        [
            "NATO Secretary General Jens Stoltenberg said NATO keeps its open door policy.",
            "He also backs the open-door policy and further enlargement.",
            "He mentioned sanctions once.",
        ],
    )
    a.stance("js", "support", ["open door policy"], 0)
    a.stance("js", "support", ["open-door policy", "enlargement"], 1)
    a.stance("js", "oppose", ["sanctions"], 2)
    d = run_resolve([a])
    assert [(i.id, i.label) for i in d.issues] == [
        ("alliance-enlargement-and-the-open-door", "Alliance enlargement and the open door")
    ]
    assert d.issues[0].keywords == ["enlargement", "open door policy"]


def test_person_position_counts_for_the_body_they_speak_for(art, run_resolve):
    a = _nato(
        art,
        "a",
        [
            "NATO Secretary General Jens Stoltenberg said NATO supports the open door.",
            "Jens Stoltenberg stressed that NATO wants to continue talks.",
        ],
    )
    a.stance("js", "support", ["open door"], 0)
    a.stance("js", "support", ["talks"], 1)
    b = _nato(
        art,
        "b",
        [
            "Jens Stoltenberg of NATO said allies will support the open-door policy.",
            "NATO wants to continue talks, Jens Stoltenberg said.",
        ],
    )
    b.stance("js", "support", ["open-door policy"], 0)
    b.stance("js", "support", ["talks"], 1)
    d = run_resolve([a, b])
    cells = {(p.actor, p.issue): p for p in d.positions}
    body = cells[("nato", "alliance-enlargement-and-the-open-door")]
    assert body.stance == "support"
    assert body.summary == "NATO supports alliance enlargement and the open door."
    assert [e.source for e in body.evidence] == ["a", "b"]
    assert body.confidence == "high"
    assert cells[("jens-stoltenberg", "alliance-enlargement-and-the-open-door")].stance == "support"


def test_demand_to_end_expansion_is_opposition_and_a_veto_denied_is_support(art, run_resolve):
    a = art(
        "a",
        [
            "Russia demands that NATO stop its expansion.",
            "Russia also insists on an end to NATO expansion to the east.",
            "“Russia does not have a veto on membership,” Stoltenberg said.",
        ],
    )
    a.ent("ru", "Russia", "state").ent("nato", "NATO", "organization")
    a.ent("js", "Jens Stoltenberg", mentions=[("Stoltenberg", 2, "name")])
    a.demand("ru", ["nato"], "NATO stop its expansion", 0)
    a.stance("ru", "oppose", ["expansion"], 1)
    a.stance("js", "oppose", ["veto"], 2)
    d = run_resolve([a])
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("russia", "alliance-enlargement-and-the-open-door")] == "oppose"
    assert cells[("jens-stoltenberg", "alliance-enlargement-and-the-open-door")] == "support"


def test_each_issue_in_a_sentence_takes_the_cue_that_governs_it(art, run_resolve):
    text = (
        "NATO would not agree to demands for a new security architecture but wanted to "
        "continue diplomacy."
    )
    a = _nato(art, "a", [f"Jens Stoltenberg said {text}", f"Jens Stoltenberg repeated: {text}"])
    a.stance("js", "mixed", [], 0)
    a.stance("js", "mixed", [], 1)
    d = run_resolve([a])
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("nato", "security-guarantees")] == "oppose"
    assert cells[("nato", "dialogue-and-further-talks")] == "support"


def test_support_and_opposition_make_a_mixed_stance(art, run_resolve):
    a = art(
        "a",
        [
            "Ruritania supports the ceasefire.",
            "Ruritania rejects the ceasefire terms.",
            "Ruritania welcomed the ceasefire.",
        ],
    )
    a.ent("r", "Ruritania", "state")
    a.stance("r", "support", ["ceasefire"], 0)
    a.stance("r", "oppose", ["ceasefire"], 1)
    a.stance("r", "support", ["ceasefire"], 2)
    d = run_resolve([a])
    (p,) = d.positions
    assert p.stance == "mixed"
    assert p.summary == "Ruritania has a mixed position on ceasefire."


def test_a_participle_before_the_keyword_is_no_attitude():
    # "continued" describes the occupation; the attitude is "condemned" / "wants to end".
    from dossier.resolve import lexicon
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    frames = lexicon.issue_frames()
    sovereignty = next(i for i, f in enumerate(frames) if "occupation" in f[2])
    matcher = FrameMatcher(frames)
    for text in (
        "Georgia condemned the continued occupation of its territory.",
        "NATO wants to end the continued occupation of Georgia.",
    ):
        votes = issue_polarity(clause_stems(text), matcher, {sovereignty}, 1)
        assert votes == {sovereignty: (1, 0)}, text
