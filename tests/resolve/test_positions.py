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


def _ruritania(art, source, sentences):
    a = art(source, sentences)
    a.ent("rt", "Ruritania", "state").ent("bg", "Borduria", "state")
    return a


def test_calls_to_withdraw_or_de_escalate_oppose_the_build_up(art, run_resolve):
    # An invented event that is mostly about a build-up: the issue keeps its own label, and a
    # call to withdraw, pull back or de-escalate is opposition to it, not support.
    a = _ruritania(
        art,
        "a",
        [
            "Ruritania called on Borduria to withdraw its troops from the border.",
            "Ruritania urged Borduria to pull back and de-escalate.",
            "Borduria has deployed troops along the border, and the build-up continues.",
            "Observers counted new deployments and a massing of armour near the build-up zone.",
        ],
    )
    a.demand("rt", ["bg"], "Borduria withdraw its troops from the border", 0)
    a.demand("rt", ["bg"], "Borduria pull back and de-escalate", 1)
    a.stance("bg", "support", ["deployed troops", "build-up"], 2)
    a.stance("bg", "support", ["deployments", "massing"], 3)
    d = run_resolve([a])
    (issue,) = d.issues
    assert (issue.id, issue.label) == (
        "military-build-up-and-troop-deployments",
        "Military build-up and troop deployments",
    )
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ruritania", issue.id)] == "oppose"
    assert cells[("borduria", issue.id)] == "support"


def test_an_event_about_a_withdrawal_is_labelled_from_that_side(art, run_resolve):
    # Mostly about a pullout: the same frame reads "Troop withdrawal", stances turned round,
    # and the id stays the frame's own so it does not move when the balance tips.
    a = _ruritania(
        art,
        "a",
        [
            "Ruritania demanded that Borduria withdraw its troops from the valley.",
            "Borduria rejected a pullout of its troops from the valley.",
            "Ruritania wants a buffer zone along the river.",
        ],
    )
    a.demand("rt", ["bg"], "Borduria withdraw its troops from the valley", 0)
    a.stance("bg", "oppose", ["pullout"], 1)
    a.demand("rt", ["bg"], "a buffer zone along the river", 2)
    d = run_resolve([a])
    (issue,) = d.issues
    assert (issue.id, issue.label) == (
        "military-build-up-and-troop-deployments",
        "Troop withdrawal and disengagement",
    )
    cells = {(p.actor, p.issue): p for p in d.positions}
    assert cells[("ruritania", issue.id)].stance == "support"
    assert cells[("ruritania", issue.id)].summary == (
        "Ruritania supports troop withdrawal and disengagement."
    )
    assert cells[("borduria", issue.id)].stance == "oppose"


def test_troops_named_as_the_doers_in_a_demand_are_not_wanted():
    # "take over the checkpoints held by the troops" wants the checkpoints, not the troops.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    buildup = next(i for i, f in enumerate(matcher.frames) if "troops" in f[1])
    toks = clause_stems("peacekeepers take over the checkpoints now held by the troops")
    assert issue_polarity(toks, matcher, {buildup}, 1, wanted=True) == {}
    toks = clause_stems("more troops on the border")
    assert issue_polarity(toks, matcher, {buildup}, 1, wanted=True) == {buildup: (1, 0)}


def test_cue_words_that_describe_a_noun_are_no_attitude():
    # "the continued Russian build-up": a participle after a determiner describes the noun;
    # "combat-ready troops": a cue word inside a longer keyword is part of the keyword.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    buildup = next(i for i, f in enumerate(matcher.frames) if "troops" in f[1])
    for text, cue, default, want in (
        (
            "Allies voiced deep concern about the continued Russian military build-up.",
            "",
            0,
            {buildup: (0, 1)},
        ),
        (
            "Borduria gathered 100,000 combat-ready troops and heavy military equipment.",
            "ready",
            1,
            {},
        ),
        (
            "Ruritania wants Borduria to withdraw its troops and military equipment.",
            "",
            1,
            {buildup: (0, 1)},
        ),
        ("Ruritania urged Borduria to pull back and de-escalate.", "", 1, {buildup: (0, 1)}),
    ):
        votes = issue_polarity(clause_stems(text), matcher, {buildup}, default, cue)
        assert votes == want, text


def test_export_duties_are_their_own_issue_and_phasing_them_out_is_opposition(art, run_resolve):
    # A producer defends its export duties while asking the other side to raise import
    # quotas: two quarrels, not one "mixed" stance on tariffs.
    a = art(
        "a",
        [
            "Ruritania wants Borduria to phase out its export duties on chromium.",
            "Ruritania pressed Borduria to scrap its export duties on rare earths.",
            "Borduria said it was ready to keep its export duties in place.",
            "Borduria wants Ruritania to raise the import quotas under its safeguard measures.",
            "Borduria also asked for bigger import quotas.",
        ],
    )
    a.ent("rt", "Ruritania", "state").ent("bg", "Borduria", "state")
    a.demand("rt", ["bg"], "phase out its export duties on chromium", 0)
    a.demand("rt", ["bg"], "scrap its export duties on rare earths", 1)
    a.stance("bg", "support", ["export duties"], 2)
    d = run_resolve([a])
    labels = {i.id: i.label for i in d.issues}
    assert labels["export-duties-and-restrictions"] == "Export duties and restrictions"
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ruritania", "export-duties-and-restrictions")] == "oppose"
    assert cells[("borduria", "export-duties-and-restrictions")] == "support"


def test_a_cue_earlier_in_the_stretch_speaks_for_a_lone_keyword_after_it():
    # "ready to send observers ... if they sign a ceasefire" backs the ceasefire even when the
    # sentence's trailing clause names another issue; a rejected demand to stop an expansion
    # backs the expansion.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    frame = {f[0]: i for i, f in enumerate(matcher.frames)}
    ceasefire, talks = frame["Ceasefire"], frame["Dialogue and further talks"]
    enlargement = frame["Alliance enlargement and the open door"]
    everything = set(range(len(matcher.frames)))
    text = (
        "Ruritania said it was ready to send military observers if both sides sign a "
        "ceasefire, as the two wrapped up a round of talks."
    )
    votes = issue_polarity(clause_stems(text), matcher, everything, 1, "ready to")
    assert votes.get(ceasefire) == (1, 0)
    assert talks not in votes
    text = (
        "NATO will keep its door open to new members, rejecting a key demand from the "
        "Kremlin that the military organization stop its expansion."
    )
    votes = issue_polarity(clause_stems(text), matcher, everything, 0, "open to, reject")
    assert votes[enlargement] == (2, 0)


def test_the_duties_after_export_duties_refers_back_to_them():
    # "the duties" after "export duties" counts for the export duties, not for import tariffs;
    # "extra duties" (no determiner) is no reference; a determiner-less verb-phrase keyword
    # ("join the alliance") teaches nothing.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.references import References

    refs = References(FrameMatcher())
    refs.learn(clause_stems("The talks ended without a breakthrough on export duties."))
    refs.learn(clause_stems("Borduria wants to join the alliance."))
    assert refs.expand(clause_stems("He insisted the duties were not negotiable.")) == (
        clause_stems("He insisted the export duties were not negotiable.")
    )
    assert refs.expand(clause_stems("goods enter without extra duties")) == clause_stems(
        "goods enter without extra duties"
    )
    assert "join" not in refs.expand(clause_stems("talks with the alliance"))


def test_a_bare_head_after_a_few_describing_words_still_refers():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.references import References

    refs = References(FrameMatcher())
    refs.learn(clause_stems("Ministers pressed for a code of conduct."))
    text = clause_stems('Borduria supported a "substantive and effective" code.')
    assert refs.expand(text)[-4:] == ["code", "of", "conduct", "|"]


def test_a_demand_wants_its_first_keyword_not_the_places_that_describe_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    maritime = next(
        i for i, f in enumerate(matcher.frames) if f[0] == "Maritime security and navigation"
    )
    text = (
        "stop using water cannon against fishing boats near the shoal, where a coast guard "
        "vessel fired on a resupply mission"
    )
    votes = issue_polarity(clause_stems(text), matcher, {maritime}, 1, wanted=True)
    assert votes[maritime] == (0, 1)


def test_a_keyword_linked_by_between_is_not_what_the_cue_bears_on():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    prisoners = next(i for i, f in enumerate(matcher.frames) if f[0] == "Prisoners and hostages")
    text = "Borduria will not accept any link between the prisoner exchange and the trials."
    assert prisoners not in issue_polarity(clause_stems(text), matcher, {prisoners}, -1)


def test_a_demand_several_outlets_repeat_becomes_an_issue(art, run_resolve):
    # No lexicon frame for it: the words the outlets share name the issue, a noun-phrase
    # wording labels it. The demander supports it; whoever rejects "the demand" opposes it.
    a = art(
        "a",
        [
            "Ruritania demanded that Borduria also free nine jailed journalists held since 2021.",
            "Minister Ivan Petrov called the demand a non-starter.",
        ],
    )
    a.ent("rt", "Ruritania", "state").ent("bg", "Borduria", "state")
    a.ent(
        "ip",
        "Ivan Petrov",
        mentions=[("Ivan Petrov", 1, "name")],
        roles=[("Minister", 1, "Borduria")],
    )
    a.demand("rt", ["bg"], "Borduria also free nine jailed journalists held since 2021", 0)
    a.stance("ip", "oppose", [], 1)
    b = art(
        "b",
        [
            "Borduria again dismissed Ruritania's call for the release of nine jailed journalists.",
        ],
    )
    b.ent("rt", "Ruritania", "state", mentions=[("Ruritania", 0, "name")])
    b.ent("bg", "Borduria", "state", mentions=[("Borduria", 0, "name")])
    b.demand("rt", [], "the release of nine jailed journalists", 0, status="rejected")
    b.stance("bg", "oppose", [], 0)
    d = run_resolve([a, b])
    issue = next(i for i in d.issues if "journalists" in i.label)
    assert issue.label == "Release of nine jailed journalists"
    assert issue.keywords == ["jailed journalists"]
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ruritania", issue.id)] == "support"
    assert cells[("borduria", issue.id)] == "oppose"


def test_rejecting_a_phase_out_defends_what_was_to_be_phased_out(art, run_resolve):
    # "X wants Y to phase out its export duties. Y would not accept a phase-out": Y supports
    # the duties though its own sentence names no issue.
    a = art(
        "a",
        [
            "Ruritania wants Borduria to phase out its export duties on chromium.",
            "Borduria said it would not accept a phase-out.",
            "Ruritania also pressed Borduria to scrap its export duties on rare earths.",
        ],
    )
    a.ent("rt", "Ruritania", "state").ent("bg", "Borduria", "state")
    a.demand("rt", ["bg"], "phase out its export duties on chromium", 0)
    a.stance("bg", "oppose", [], 1)
    a.demand("rt", ["bg"], "scrap its export duties on rare earths", 2)
    d = run_resolve([a])
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("borduria", "export-duties-and-restrictions")] == "support"
    assert cells[("ruritania", "export-duties-and-restrictions")] == "oppose"


def _frame(matcher, label: str) -> int:
    return next(i for i, f in enumerate(matcher.frames) if f[0] == label)


def test_suspending_or_delaying_a_thing_opposes_it_and_refusing_to_delay_it_backs_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    talks = _frame(matcher, "Dialogue and further talks")
    wanted = issue_polarity(
        clause_stems("Borduria suspend the talks"), matcher, {talks}, 1, wanted=True
    )
    assert wanted[talks] == (0, 1)
    refused = issue_polarity(
        clause_stems("Borduria refused to postpone the talks."), matcher, {talks}, -1, "refuse"
    )
    assert refused[talks] == (1, 0)


def test_binding_agreements_and_data_sharing_are_issues_of_their_own():
    # Proposing non-binding guidelines opposes a binding agreement; "no substitute for a binding
    # treaty" backs it; agreeing to share data, or making it a condition, backs data sharing.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    binding = _frame(matcher, "Legally binding agreement")
    data = _frame(matcher, "Information and data sharing")
    both = {binding, data}

    def votes(text: str, default: int, cue: str) -> dict:
        return issue_polarity(clause_stems(text), matcher, both, default, cue)

    assert votes("Borduria has proposed non-binding guidelines instead.", 1, "propose") == {
        binding: (0, 1)
    }
    assert votes('Ruritania called it "no substitute" for a binding treaty.', 0, "") == {
        binding: (1, 0)
    }
    assert votes("Borduria agreed to share daily data with Ruritania.", 1, "agree") == {
        data: (1, 0)
    }
    text = "Ruritania had no objection to the plan as long as the data-sharing arrangement worked."
    assert votes(text, 1, "") == {data: (1, 0)}


def test_a_differently_modified_head_is_no_reference():
    # After "a legally binding agreement", "the agreement" refers back; "a final agreement"
    # is another one.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.references import References

    refs = References(FrameMatcher())
    refs.learn(clause_stems("Ruritania pressed for a legally binding agreement."))
    assert "binding" in refs.expand(clause_stems("Borduria rejected the agreement."))
    text = clause_stems("Borduria wants a final agreement to ignore the old treaty.")
    assert refs.expand(text) == text


def test_another_holders_cue_does_not_speak_for_this_one():
    # Ruritania presses for the treaty; Borduria's claim on the sentence (its "refuse") must
    # not take Ruritania's "pressing for" as its own.
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher()
    binding = _frame(matcher, "Legally binding agreement")
    text = clause_stems(
        "Ruritania kept pressing for a binding treaty after talks ended with Borduria "
        "refusing to give ground."
    )
    mine = issue_polarity(text, matcher, {binding}, -1, "refuse")
    assert mine[binding] == (1, 0)  # without the owner's cues, "pressing for" governs
    assert binding not in issue_polarity(
        text, matcher, {binding}, -1, "refuse", foreign="pressing for"
    )


def test_a_verb_phrase_demand_is_labelled_by_the_thing_it_is_about(art, run_resolve):
    # "suspend the next tranche of the loan" repeated by two outlets: the issue is the next
    # tranche of the loan, not the act of suspending it, and the demander opposes it.
    texts = {
        "a": "Ruritania called on Borduria to suspend the next tranche of the loan until an audit.",
        "b": "Ruritania demanded that Borduria suspend the next tranche of the loan.",
    }
    arts = []
    for source, text in texts.items():
        a = art(source, [text])
        a.ent("rt", "Ruritania", "state", mentions=[("Ruritania", 0, "name")])
        a.ent("bg", "Borduria", "state", mentions=[("Borduria", 0, "name")])
        demanded = text[text.index("suspend") :].rstrip(".")
        a.demand("rt", ["bg"], demanded, 0)
        arts.append(a)
    d = run_resolve(arts)
    issue = next(i for i in d.issues if "tranche" in i.label)
    assert issue.label == "Next tranche of the loan"
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ruritania", issue.id)] == "oppose"


def test_a_draft_text_two_outlets_ask_comments_on_is_no_issue_of_its_own():
    # "comments on a draft ceasefire text": the text is about the ceasefire, so the shared
    # words make no issue "Draft ceasefire" that would take the ceasefire's word from it.
    from dossier.resolve.issues import FrameMatcher, derived_frames

    def analysis(source, text):
        from dossier.model.analysis import Analysis, DemandClaim

        return Analysis.model_construct(
            source=source,
            demands=[DemandClaim(by="x", of=[], text=text, sentence=0, status="open", cue="ask")],
        )

    frames = derived_frames(
        [
            analysis("a", "send comments on a draft truce text to the secretariat"),
            analysis("b", "send written comments on a draft truce text by Friday"),
        ],
        FrameMatcher([]),
    )
    assert not any("draft" in kw for _, kws, _ in frames for kw in kws)


def test_a_demand_to_hold_a_thing_back_or_put_it_on_hold_is_against_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher([("Permit", ["permit"], frozenset())])
    for text in (
        "hold the permit back until the council agrees",
        "put on hold a pending permit",
        "call the permit off",
    ):
        assert issue_polarity(clause_stems(text), matcher, {0}, 1, wanted=True) == {0: (0, 1)}
    assert issue_polarity(clause_stems("hold the permit"), matcher, {0}, 1, wanted=True) == {
        0: (1, 0)
    }


def test_nothing_to_fear_turns_the_fear_around():
    # "had nothing to fear from the ceasefire" reassures: it backs the ceasefire.
    from dossier.resolve import lexicon
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    frames = lexicon.issue_frames()
    ceasefire = next(i for i, f in enumerate(frames) if "truce" in f[1])
    matcher = FrameMatcher(frames)
    text = "The minister said Borduria had nothing to fear from a ceasefire."
    assert issue_polarity(clause_stems(text), matcher, {ceasefire}, -1, "fear") == {
        ceasefire: (1, 0)
    }
