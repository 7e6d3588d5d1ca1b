"""Texts put to a vote: sponsors back them and their demands, votes against oppose them, a bare
"the text" refers to the resolution, and access no frame names whole becomes an issue."""

from __future__ import annotations

# An invented event (a fisheries council censures a member over observers' access); no issue
# frame names the resolution or the access.
HARBOUR = """Fisheries council censures Iceland over observer access

Harbour Times

REYKJAVIK, 4 May 2026 — The North Atlantic Fisheries Council on Tuesday adopted a resolution \
demanding that Iceland give observers full access to its processing plants.

The text, drafted by Norway and Denmark and backed by Canada, passed by 12 votes to 4, delegates \
said. Iceland and Russia voted against.

Iceland's Fisheries Minister Jon Sigurdsson said access to the plants was "out of the question" \
while the council was used as a tool.

The Norwegian envoy, Kari Berg, rejected claims that the resolution was designed to punish Iceland.
"""
COAST = """Iceland rules out observers after council vote

Coast Post

OSLO, 5 May 2026 — The resolution, put forward by Norway and Denmark with the support of Canada, \
calls on Iceland to grant access to the plants without delay.

Russia opposed the text. Russian envoy Pavel Orlov said Moscow had voted against it because it \
"undermines dialogue".

Jon Sigurdsson, Iceland's fisheries minister, said Reykjavik would not accept inspections of the \
plants under pressure and called the resolution "politically motivated".
"""


DEFAULT = {"harbour-times-council.txt": HARBOUR, "coast-post-vote.txt": COAST}


def test_sponsors_and_votes_are_stances_on_the_resolution_and_its_demand(resolve_texts):
    d = resolve_texts(DEFAULT)
    labels = {i.id: i.label.lower() for i in d.issues}
    resolution = next(i for i, label in labels.items() if "resolution" in label)
    access = next(i for i, label in labels.items() if "access" in label)
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    # "drafted by Norway and Denmark and backed by Canada", "put forward by ...".
    for sponsor in ("norway", "denmark", "canada"):
        assert cells[(sponsor, resolution)] == "support", sponsor
        # The resolution demands access: its sponsors want it too.
        assert cells[(sponsor, access)] == "support", sponsor
    # "voted against", "opposed the text", "politically motivated".
    assert cells[("iceland", resolution)] == "oppose"
    assert cells[("russia", resolution)] == "oppose"
    # "access to the plants was 'out of the question'", "would not accept inspections".
    assert cells[("iceland", access)] == "oppose"


def test_a_passive_sponsor_cue_bears_on_the_text_before_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher([("Resolution", ["resolution"], frozenset())])
    text = "The resolution adopted on Thursday, put forward by Britain, passed."
    assert issue_polarity(clause_stems(text), matcher, {0}, 1, "put") == {0: (1, 0)}


def test_rejecting_claims_about_a_text_is_no_stance_on_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher([("Resolution", ["resolution"], frozenset())])
    text = "She rejected claims that the resolution was designed to punish anyone."
    assert issue_polarity(clause_stems(text), matcher, {0}, -1, "reject") == {}
    plain = "She rejected the resolution."
    assert issue_polarity(clause_stems(plain), matcher, {0}, -1, "reject") == {0: (0, 1)}


def test_a_predicate_after_a_copula_bears_on_the_subject():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.polarity import issue_polarity

    matcher = FrameMatcher([("Access", ["access"], frozenset())])
    text = 'He said access to the two sites was "out of the question".'
    assert issue_polarity(clause_stems(text), matcher, {0}, -1) == {0: (0, 1)}


def test_the_text_after_the_resolution_refers_back_to_it():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.references import References

    refs = References(FrameMatcher([("Resolution", ["resolution"], frozenset())]))
    refs.learn(clause_stems("The board adopted a resolution on Thursday."))
    assert "resolution" in refs.expand(clause_stems("Russia opposed the text."))
    # A modifier of another noun is no reference: a draft agreement is not the resolution.
    assert "resolution" not in refs.expand(clause_stems("Russia tabled a draft agreement."))


SOUTH = """Chile presses Peru on fishing zone verdict

South Wire

SANTIAGO, 2 June 2026 — Chile's foreign minister Ana Rojas called on Peru to respect the panel's \
verdict and withdraw its trawlers from the fishing zone.
"""
ANDEAN = """Peru stands firm on fishing zone

Andean Daily

LIMA, 3 June 2026 — Peru rejects the judgment, Foreign Minister Luis Paredes told reporters in Lima.

Chile welcomed the verdict when it was handed down last year.
"""


def test_a_verdict_and_a_judgment_are_one_issue(resolve_texts):
    # Different outlets, different words for one thing no frame names: one issue.
    texts = {"south-wire-verdict.txt": SOUTH, "andean-daily-judgment.txt": ANDEAN}
    d = resolve_texts(texts)
    ruling = next(i for i in d.issues if "judgment" in i.keywords)
    assert any("verdict" in k for k in ruling.keywords)
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("chile", ruling.id)] == "support"
    assert cells[("peru", ruling.id)] == "oppose"
