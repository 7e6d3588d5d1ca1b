"""A passive rejection of X's proposal: X is the proposer, not the one rejecting."""

from __future__ import annotations

import pytest

from dossier.resolve.agency import rejected_proposer


def _at(sentence: str, mention: str) -> bool:
    i = sentence.index(mention)
    return rejected_proposer(sentence, [(i, i + len(mention))])


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Ruritanian proposals rejected on Monday included a draft treaty.", "Ruritanian"),
        ("Ruritania's security proposals were rejected by the alliance.", "Ruritania"),
        ("The Syldavian demand, was turned down on Friday.", "Syldavian"),
        ("The proposals put forward by Freedonia were turned down.", "Freedonia"),
        ("Despite the rejection of Borduria's demands, talks go on.", "Borduria"),
    ],
)
def test_the_owner_of_a_rejected_proposal_is_its_proposer(sentence, mention):
    assert _at(sentence, mention)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Freedonia rejected Syldavia's demand for a pullout.", "Freedonia"),
        ("Freedonia rejected Syldavia's demand for a pullout.", "Syldavia"),  # active: no passive
        ("Syldavia's demand was rejected by Freedonia.", "Freedonia"),
        ("Ruritania rejected the proposals.", "Ruritania"),
        ("Ruritanian officials rejected the plan.", "Ruritanian"),
        ("Ruritanian proposals were welcomed.", "Ruritanian"),
    ],
)
def test_the_one_who_rejects_stays_the_rejecter(sentence, mention):
    assert not _at(sentence, mention)


def test_passive_rejection_of_a_states_proposals_counts_as_its_support(art, run_resolve):
    """ "Ruritanian proposals rejected" credits Ruritania with backing its proposals (issue #3)."""
    sentences = [
        "Ruritania demands legally binding security guarantees from the alliance.",
        "Ruritanian proposals rejected on Wednesday included a draft agreement on security guarantees.",
    ]
    a = art("a", sentences)
    a.ent(
        "r",
        "Ruritania",
        "state",
        mentions=[("Ruritania", 0, "name"), ("Ruritanian", 1, "name")],
    )
    a.stance("r", "support", ["security guarantees"], 0)
    a.stance("r", "oppose", ["draft agreement", "security guarantees"], 1)
    b = art("b", [sentences[0].replace("demands", "wants"), sentences[1]])
    b.ent("r", "Ruritania", "state", mentions=[("Ruritania", 0, "name"), ("Ruritanian", 1, "name")])
    b.stance("r", "support", ["security guarantees"], 0)
    b.stance("r", "oppose", ["draft agreement", "security guarantees"], 1)
    d = run_resolve([a, b])
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ruritania", "security-guarantees")] == "support"
