"""Demands: addressees in complex clauses, the two parties, and status from refusals and acceptances."""

from __future__ import annotations

from .helpers import entity


def _demands(a):
    names = {e.key: e.name for e in a.entities}
    return [(names.get(d.by), sorted(names[k] for k in d.of), d.status, d.text) for d in a.demands]


def test_both_governments_are_the_two_parties(analyse):
    a = analyse(
        "Talks between Chile and Peru resumed in Lima. Chile and Peru exchanged maps. "
        "The UN envoy, Jane Roe, urged both governments to let aid agencies operate freely."
    )
    assert ("Jane Roe", ["Chile", "Peru"], "open", "let aid agencies operate freely") in _demands(a)


def test_finite_verb_misparsed_as_appositive_clause_keeps_its_subject(analyse):
    a = analyse(
        "The African Union's envoy, Amina Diallo, called on the two governments to publish "
        "the names of all detainees. Chile and Peru did not respond."
    )
    by, of, _, text = _demands(a)[0]
    assert by == "Amina Diallo" and text.startswith("publish the names")
    assert of == ["Chile", "Peru"]


def test_to_clause_hung_on_the_reporting_verb(analyse):
    a = analyse("Peru's minister spoke. He said Peru wanted the EU, in turn, to raise the quotas.")
    assert ("Peru", ["European Union"], "open", "raise the quotas") in _demands(a)


def test_request_with_a_to_clause_accepted(analyse):
    a = analyse(
        "Chile and Peru met. Both delegations had accepted a request from the African Union "
        "to let aid convoys reach the displaced."
    )
    by, of, status, text = _demands(a)[0]
    assert (by, of, status) == ("African Union", ["Chile", "Peru"], "accepted")
    assert text.startswith("let aid convoys reach")


def test_that_clause_addressee_from_the_bodies_named(analyse):
    a = analyse(
        "Chile insisted that any ceasefire must include the disarmament of the militias "
        "that Santiago accuses Lima of arming."
    )
    assert _demands(a)[0][:2] == ("Chile", ["Peru"])


def test_refusal_repeating_the_demand_rejects_it(analyse):
    a = analyse(
        "The European Commission wants Peru to phase out its export duties. "
        "Peru's minister said Lima would not accept a phase-out."
    )
    assert _demands(a)[0][2] == "rejected"


def test_the_demand_rejected_after_a_quote(analyse):
    a = analyse(
        'Chile called on Peru to stop using water cannon. "It was not an accident. It was '
        'bullying," the minister said. Peru rejected the demand, and it called on outsiders '
        "to stop interfering."
    )
    got = {d[3]: d[2] for d in _demands(a)}
    assert got["stop using water cannon"] == "rejected"
    assert got["stop interfering"] == "open"  # the refusal is Peru's, not of its own call
    assert entity(a, "Peru")


def test_a_demonym_owns_the_demand_a_refusal_names(analyse):
    a = analyse(
        "Chile demanded that Peru free eight fishermen. Peru's envoy Ana Ruiz urged both "
        "governments to refrain from new arrests. Peru rejected the Chilean demand."
    )
    got = {text: (by, status) for by, _, status, text in _demands(a)}
    assert got["Peru free eight fishermen"] == ("Chile", "rejected")
    assert got["refrain from new arrests"] == ("Ana Ruiz", "open")


def test_a_request_accepted_later_without_restating_it(analyse):
    a = analyse(
        "Jane Roe, head of the UN mission, called on both sides to give observers access to "
        "every camp. Chile and Peru accepted the request, Roe said."
    )
    (by, of, status, text) = _demands(a)[0]
    assert (by, of, status) == ("Jane Roe", ["Chile", "Peru"], "accepted")
    assert text.startswith("give observers access")


def test_all_three_governments_are_the_three_parties(analyse):
    a = analyse(
        "Egypt, Ethiopia and Sudan met in Addis Ababa. Egypt wants a treaty. Ethiopia refused. "
        "Sudan mediated. The envoy, Grace Njeri, asked all three governments to refrain from "
        "unilateral steps before the next round."
    )
    by, of, _, _ = next(d for d in _demands(a) if d[3].startswith("refrain"))
    assert (by, of) == ("Grace Njeri", ["Egypt", "Ethiopia", "Sudan"])


def test_an_addressee_accepting_and_a_refusal_naming_its_object(analyse):
    a = analyse(
        "The agency chief, Lena Berg, said she had asked Chile to receive a team of inspectors, "
        "and that Chile had accepted on Wednesday. The board demanded that Peru give inspectors "
        'immediate access to two sites. "Access to those sites is out of the question," Peru\'s '
        "envoy Ana Ruiz said."
    )
    got = {text: status for _, _, status, text in _demands(a)}
    assert got["receive a team of inspectors"] == "accepted"
    assert got["Peru give inspectors immediate access to two sites"] == "rejected"


def test_a_party_demanding_of_nobody_named_asks_the_other_party(analyse):
    a = analyse(
        "Chile and Peru met in Quito. Peru agreed on Monday to release eight Chilean fishermen. "
        "Chile has demanded their release since the arrest."
    )
    got = {text: (by, of, status) for by, of, status, text in _demands(a)}
    assert got["their release"] == ("Chile", ["Peru"], "accepted")


def test_an_undertaking_on_another_act_does_not_meet_a_demand(analyse):
    a = analyse(
        "Chile and Peru met in Quito. Peru agreed on Monday to release eight Chilean fishermen. "
        "Chile asked Peru to pull back its troops from the border."
    )
    got = {text: status for _, _, status, text in _demands(a)}
    assert got["pull back its troops from the border"] == "open"


def test_a_demand_renamed_in_apposition_takes_what_the_apposition_says(analyse):
    a = analyse(
        "Chile and Peru met in Quito. The minister repeated Chile's demand that Peru lift its "
        'ban on fishing boats, a request Peru\'s envoy dismissed as "non-negotiable".'
    )
    got = {text: (by, status) for by, _, status, text in _demands(a)}
    assert got["Peru lift its ban on fishing boats"] == ("Chile", "rejected")


def test_a_refusal_that_the_matter_is_not_up_for_negotiation(analyse):
    a = analyse(
        "Chile demanded that Peru lift its ban on fishing boats. Peru's envoy Ana Ruiz said the "
        'ban was "not up for negotiation".'
    )
    assert _demands(a)[0][2] == "rejected"


def test_asking_a_court_to_rule_is_a_plea_not_a_demand(analyse):
    a = analyse(
        "Chile and Peru met in Quito. Chile wants the International Court of Justice to confirm "
        "the maritime boundary. Chile also asked Peru to pull back its troops."
    )
    texts = [d[3] for d in _demands(a)]
    assert texts == ["pull back its troops"]


def test_it_in_a_refused_demand_is_whoever_refused(analyse):
    a = analyse(
        "Malta on Wednesday rejected a demand from Cyprus that it put on hold a pending "
        "application to drill the deep seabed, a day after talks in the capital failed to agree."
    )
    assert _demands(a)[0][:3] == ("Cyprus", ["Malta"], "rejected")


def test_an_addressee_refusing_in_the_next_sentence_rejects_the_demand(analyse):
    a = analyse("Peru also pressed Chile to suspend the fishing permit. Chile refused.")
    assert _demands(a)[0][:3] == ("Peru", ["Chile"], "rejected")


def test_a_call_for_named_parties_to_act_is_addressed_to_them(analyse):
    a = analyse(
        "Ruiz spoke in Lima. She was responding to a call from Chile's foreign minister, "
        "Mr Soto, for Peru and Bolivia to fund a new water authority."
    )
    _, of, _, text = _demands(a)[0]
    assert of == ["Bolivia", "Peru"] and text.startswith("fund a new water")


def test_the_government_asked_is_the_state_the_clause_names_not_the_bodies(analyse):
    a = analyse(
        "Opposition senator Marta Ibarra demanded on Monday that the government table in the "
        "National Congress its mining agreement with Andes Copper Corp, the company that holds "
        "Chile's largest concession."
    )
    assert _demands(a)[0][:2] == ("Marta Ibarra", ["Chile"])


def test_a_request_from_the_chair_is_by_whoever_chaired(analyse):
    a = analyse(
        "The summit was chaired by Peru's President, Maria Fernandez, and convened after "
        "officials failed to agree. The head of the agency, Karl Weber, accepted a request from the chair to publish "
        "all the survey data."
    )
    assert _demands(a)[0][:3] == ("Maria Fernandez", ["Karl Weber"], "accepted")


def test_leaders_asking_governments_is_a_demand_by_the_leaders_group(analyse):
    a = analyse(
        "Andean leaders met in Quito on Tuesday. Leaders asked governments to send "
        "written comments on the draft treaty by 31 October."
    )
    by, _, _, text = _demands(a)[0]
    assert by == "Andean leaders" and text.startswith("send written comments")


def test_asked_that_clause_is_a_request_without_an_addressee(analyse):
    a = analyse(
        "Chile's Minister of Mining, Ana Rojas, asked that Chilean engineers be allowed to "
        "join the inspection."
    )
    assert ("Ana Rojas", [], "open", "Chilean engineers be allowed to join the inspection") in (
        _demands(a)
    )


def test_asked_whether_is_a_question_not_a_demand(analyse):
    a = analyse("Peru's envoy met the press. He was asked whether Chile would brief Bolivia.")
    assert _demands(a) == []


def test_wanting_something_done_is_a_demand(analyse):
    a = analyse(
        "Peru's envoy, Luis Paredes, said Lima wanted its fishing rights in the bay "
        "recognised before any new treaty."
    )
    by, _, _, text = _demands(a)[0]
    assert by == "Peru" and text.startswith("its fishing rights in the bay recognised")


def test_wanting_something_done_hung_inside_the_object(analyse):
    a = analyse("Chile's envoy said Santiago wanted its old claims in the bay taken into account.")
    by, _, _, text = _demands(a)[0]
    assert by == "Chile" and text.startswith("its old claims in the bay taken into account")


def test_the_government_is_the_state_of_a_national_union(analyse):
    a = analyse(
        "Chile and Bolivia met in La Paz. Chile wants a new border crossing. "
        "Marta Soto, head of the Chilean Copper Miners' Union, spoke. She called on the "
        "government to promise in writing that no mining permits would go to foreign firms."
    )
    assert any(by == "Marta Soto" and of == ["Chile"] for by, of, _, _ in _demands(a))


def test_demonym_owns_a_demand_noun(analyse):
    a = analyse(
        "Peru and Bolivia met in Lima. Bolivia accepted a long-standing Peruvian demand that "
        "Bolivian trucks carry their papers at every checkpoint."
    )
    by, _, status, text = _demands(a)[0]
    assert (by, status) == ("Peru", "accepted") and text.startswith("Bolivian trucks")
