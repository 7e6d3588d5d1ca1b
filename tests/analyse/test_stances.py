"""Stance holders: whoever expresses the cue, never an entity the sentence merely mentions."""

from __future__ import annotations

from .helpers import entity


def _holders(a):
    names = {e.key: e.name for e in a.entities}
    return {(names[s.holder], s.stance) for s in a.stances}


def test_concern_about_a_build_up_is_not_the_builders_stance(analyse):
    a = analyse("NATO voiced deep concern about the Russian military build-up near Ukraine.")
    assert _holders(a) == {("NATO", "oppose")}


def test_name_inside_the_subject_phrase_holds_nothing(analyse):
    a = analyse(
        "Deputy Foreign Minister Ivan Petrov spoke in Oslo. He stressed that NATO expansion "
        "poses a threat to Russia's security."
    )
    holders = _holders(a)
    assert ("Ivan Petrov", "oppose") in holders
    assert not {h for h in holders if h[0] in ("NATO", "Russia")}


def test_demanded_content_is_not_the_addressees_stance(analyse):
    a = analyse("Putin also wants NATO to agree to no longer admit members.")
    assert not a.stances


def test_passive_and_participle_cues_need_a_named_agent(analyse):
    a = analyse("Russian proposals rejected on Wednesday included a draft agreement.")
    assert not a.stances
    b = analyse("The offer was rejected by NATO on Wednesday.")
    assert _holders(b) == {("NATO", "oppose")}


def test_reported_speech_belongs_to_the_speaker_and_the_named_subject(analyse):
    # "She said Peru was open to ...": the speaker says so, and it is Peru's stance she reports.
    a = analyse(
        "Deputy Prime Minister Aigerim Sultanova met the delegation. She told reporters "
        "that Peru was open to a gradual approach."
    )
    assert _holders(a) == {("Aigerim Sultanova", "support"), ("Peru", "support")}


def test_reported_pronoun_subject_adds_no_holder(analyse):
    a = analyse("Foreign Minister Ana Ruiz met the delegation. She said it was open to a deal.")
    assert _holders(a) == {("Ana Ruiz", "support")}


def test_conjoined_subjects_both_hold(analyse):
    a = analyse("Chile and Peru agreed on Monday to exchange prisoners.")
    assert _holders(a) == {("Chile", "support"), ("Peru", "support")}


def test_reported_body_behind_a_push_for(analyse):
    a = analyse(
        "Foreign Minister Ana Ruiz chaired the meeting. She added that the African Union "
        "would push for the charter to be signed in 2026."
    )
    assert ("African Union", "support") in _holders(a)


def test_not_negotiable_defends_the_thing(analyse):
    a = analyse("Trade Minister Ivan Petrov insisted the export duties were not negotiable.")
    assert _holders(a) == {("Ivan Petrov", "support")}


def test_the_delegation_of_a_state_holds_for_it(analyse):
    a = analyse("The Russian delegation remained open to the prospect of future meetings.")
    assert _holders(a) == {("Russia", "support")}
    assert entity(a, "Russia")


def test_a_clause_under_a_preposition_is_its_own_subjects(analyse):
    # "talks ended with Borduria refusing to ...": the writer's description of Borduria, not
    # something Ruritania said, though it sits inside Ruritania's reported speech.
    a = analyse(
        "Ruritania said on Wednesday it would keep pressing for a binding treaty, a day after "
        "talks in Zenda ended with Borduria refusing to delay the next round."
    )
    by = {}
    names = {e.key: e.name for e in a.entities}
    for s in a.stances:
        by.setdefault(names[s.holder], set()).update(c.strip() for c in s.cue.split(","))
    assert "refuse" not in by.get("Ruritania", set())
    assert "refuse" in by["Borduria"]


def test_a_voter_against_and_every_sponsor_hold_a_stance(analyse):
    a = analyse(
        "The text, drafted by France, Germany and Britain and backed by the United States, "
        "passed easily. Russia and China voted against."
    )
    held = {(h, st) for h, st in _holders(a)}
    assert {("France", "support"), ("Germany", "support"), ("United Kingdom", "support")} <= held
    assert ("United States", "support") in held
    assert {("Russia", "oppose"), ("China", "oppose")} <= held
    # Backing an armed group is no sponsorship of a text: "militias backed by X" stays silent.
    b = analyse("Militias backed by Iran attacked the base.")
    assert not b.stances


def test_refusing_to_set_something_up_opposes_it(analyse):
    a = analyse("Norway would not set up a fisheries fund, the minister said.")
    assert ("Norway", "oppose") in _holders(a)
    a = analyse("Norway agreed to set up a fisheries fund.")
    assert ("Norway", "support") in _holders(a)


def test_a_party_named_in_a_quote_holds_its_wanting(analyse):
    # the speaker reports the other side's stance: Suvia wants the pact, the premier does not
    a = analyse(
        'Premier Tomas Lind told the assembly: "Suvia wants the pact to come first. '
        'That is not a negotiation."',
        published="2025-05-06",
    )
    assert ("Suvia", "support") in _holders(a)
    assert ("Tomas Lind", "support") not in _holders(a)


def test_the_alternative_turned_down_is_no_stance(analyse):
    a = analyse("Minister Ana Ruiz said Peru had chosen to talk rather than to threaten.")
    assert ("Ana Ruiz", "oppose") not in _holders(a)


def test_pressing_on_with_a_case_supports_it(analyse):
    a = analyse("Peru will press on with its case at the tribunal, Minister Ana Ruiz said.")
    assert ("Peru", "support") in _holders(a) or ("Ana Ruiz", "support") in _holders(a)


def test_an_act_agreed_with_a_party_is_agreed_by_it(analyse):
    a = analyse("Chile agreed on Tuesday to set up a naval radio link with Argentina.")
    assert {("Chile", "support"), ("Argentina", "support")} <= _holders(a)
    b = analyse("Chile refused to set up a naval radio link with Argentina.")
    assert ("Argentina", "support") not in _holders(b)
