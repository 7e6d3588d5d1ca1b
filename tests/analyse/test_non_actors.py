"""Mastheads and documents are not actors; a joint body's name cut at a hyphen is whole again."""

from __future__ import annotations

from .helpers import names


def test_outlet_masthead_is_not_an_actor(analyse):
    a = analyse(
        "The minister told the Prairie Times that Chile would sign. "
        "Subscribe to Prairie Times Daily for the top stories."
    )
    assert "Chile" in names(a)
    assert not {n for n in names(a) if "Times" in n}


def test_treaty_is_not_an_actor(analyse):
    a = analyse(
        "Chile and Peru signed the Pacific Partnership and Cooperation Agreement in 2020, and "
        "both cite the United Nations Convention on the Law of the Sea."
    )
    assert not {n for n in names(a) if "Agreement" in n or "Convention" in n}


def test_joint_body_name_cut_at_hyphen(analyse):
    a = analyse("The EU-Japan Council met in Tokyo.")  # the model tags only "EU"
    assert "EU-Japan Council" in names(a)


def test_acronym_defined_in_parentheses_is_an_alias(analyse):
    a = analyse(
        "Peru is a member of the Andean Economic Community (ANEC) with Chile. "
        "The ANEC secretariat said nothing."
    )
    com = [e for e in a.entities if e.name == "Andean Economic Community"]
    assert com and "ANEC" in com[0].surfaces


def test_capital_in_a_reaction_stands_for_its_state_but_not_as_a_venue(analyse):
    a = analyse(
        "The build-up has raised deep concerns in Kyiv and the West. "
        "Talks were held in Kyiv on Monday with Ukraine's foreign minister."
    )
    ukraine = next(e for e in a.entities if e.name == "Ukraine")
    kyiv = [m for m in ukraine.mentions if m.text == "Kyiv"]
    assert len(kyiv) == 1 and kyiv[0].sentence == 0  # the venue in sentence 2 is no mention
