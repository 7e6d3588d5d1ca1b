"""A contested thing the articles name through a measure against it ("the ban on rice imports")
is shown as that measure, with every stance turned; "X, a request Y dismissed" refers to X."""

from __future__ import annotations


def test_a_thing_mostly_named_through_a_ban_is_the_ban():
    from dossier.resolve.restrictions import restricted_label

    sentences = [
        "Ghana pressed Togo to lift its ban on rice imports.",
        "Togo's ban on Ghanaian rice has hit farmers.",
        "Ghana wants rice imports to resume.",
    ]
    assert restricted_label("Rice imports", ["rice imports"], sentences) == "Ban on rice imports"
    # Most sentences name the thing itself: it stays the issue.
    plain = ["Ghana wants rice imports to resume.", "Rice imports fell by half."]
    assert restricted_label("Rice imports", ["rice imports"], plain + sentences[:1]) is None
    # "an import ban" names its measure after the thing too; an issue that is a measure already
    # is not turned again.
    assert restricted_label("Rice", ["rice"], ["Togo kept its rice ban."]) == "Ban on rice"
    assert restricted_label("Export ban", ["export ban"], ["Togo kept its export ban."]) is None


def test_an_asking_noun_in_apposition_refers_to_what_was_asked():
    from dossier.resolve.issues import FrameMatcher, clause_stems
    from dossier.resolve.references import References

    refs = References(FrameMatcher([("Rice imports", ["rice imports"], frozenset())]))
    toks = refs.expand(
        clause_stems("Ghana asked Togo to allow rice imports again, a request Togo rejected.")
    )
    assert toks.count("import") == 2
    # Across a clause's end there is nothing to refer to.
    toks = refs.expand(clause_stems("Ghana wants rice imports. Then, a request came."))
    assert toks.count("import") == 1


GHANA = """Ghana presses Togo over ferry ban

Accra Star

ACCRA, 4 May 2026 — Ghana's transport minister Kofi Mensah pressed Togo to lift its ban on ferry \
crossings from Ghana, which has cut off hundreds of farmers.

Togo's ban on Ghanaian ferries took effect in March.
"""
TOGO = """Togo stands by ferry ban

Lome Herald

LOME, 5 May 2026 — Togo's ban on Ghanaian ferries will stay, officials said.

Mensah repeated Ghana's demand that Togo allow ferry crossings again, a request Togo's transport \
minister Ama Dossou dismissed on Tuesday.
"""


def test_a_demand_to_lift_a_ban_opposes_the_ban(resolve_texts):
    texts = {"accra-star-ferry.txt": GHANA, "lome-herald-ferry.txt": TOGO}
    d = resolve_texts(texts)
    ban = next(i for i in d.issues if "ferr" in i.label.lower())
    assert ban.label.startswith("Ban on")
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ghana", ban.id)] == "oppose"
    assert cells[("togo", ban.id)] == "support"
