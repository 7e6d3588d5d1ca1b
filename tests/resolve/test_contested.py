"""Issues no lexicon frame names: read from what the parties contest in invented articles."""

from __future__ import annotations

from dossier.resolve.contested import object_words

# An invented event (a bridge-toll dispute and a rail link): no issue frame names either.
ANDES = """Ecuador and Peru split over bridge tolls, agree on rail link

Andes Wire

LIMA, 3 March 2026 — Ecuador demanded on Tuesday that Peru scrap the new bridge tolls on the \
Macará crossing, but Peru rejected the demand at talks in Lima.

Peru's Transport Minister Rosa Quispe said the tolls were needed to pay for repairs. "We will not \
abolish the tolls," Quispe told reporters.

Ecuador's Foreign Minister Andrés Vela called the tolls "unacceptable" for farmers who cross \
every day.

Both governments agreed to build a rail link between Tumbes and Machala, the ministers said.
"""
LEDGER = """Rail link deal in Lima, but tolls dispute drags on

Pacific Ledger

LIMA, 4 March 2026 — Peru and Ecuador agreed on Tuesday to build a cross-border rail link, a \
project both capitals have discussed for a decade.

Ecuador again called on Peru to remove the bridge tolls, which Quito says hurt its exporters. \
Peru refused.

Andrés Vela, Ecuador's foreign minister, said Quito welcomed the rail link but could not accept \
the tolls.

Rosa Quispe, Peru's transport minister, said the tolls would stay until the repairs were paid for.
"""


def test_parties_get_stances_on_issues_no_frame_names(resolve_texts):
    d = resolve_texts({"andes-wire-tolls.txt": ANDES, "pacific-ledger-rail.txt": LEDGER})
    labels = {i.id: i.label for i in d.issues}
    tolls = next(i for i, label in labels.items() if "toll" in label.lower())
    rail = next(i for i, label in labels.items() if "rail" in label.lower())
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("ecuador", tolls)] == "oppose"  # demands their removal, "unacceptable"
    assert cells[("peru", tolls)] == "support"  # rejects the demand, "will not abolish"
    assert cells[("ecuador", rail)] == "support"
    assert cells[("peru", rail)] == "support"
    # The ministers' words count for the states they speak for, and for themselves.
    assert cells[("rosa-quispe", tolls)] == "support"
    assert cells[("andres-vela", tolls)] == "oppose"
    assert len(d.issues) <= 4  # a handful, no near duplicates


def test_object_words_take_the_noun_phrase_not_the_verb_or_names():
    runs = object_words("to share daily release data with Sudan", set(), 0, 9)
    assert [[w.surface for w in r] for r in runs] == [["daily", "release", "data"]]
    # A demand's content opens with the act demanded; the thing is its object.
    runs = object_words("suspend the next filling of the reservoir until July", set())
    assert [r[-1].surface for r in runs] == ["filling", "reservoir"]
    # A word modifying a keyword already known is no issue of its own.
    assert object_words("the daily data", {"data"}) == []


def test_cue_and_copula_offsets_survive_folding():
    from dossier.resolve.contested import _cue_spans, _subject_start

    # fold drops the em dashes and spells "ß" out: offsets must still be the text's own.
    for text, subject in [
        ("The export duties — all of them — are not negotiable.", ["export", "duties"]),
        ("The Maßnahme fees — every one — are not negotiable.", ["fees"]),
    ]:
        (start, end), *_ = _cue_spans(text, "negotiable")
        assert text[start:end] == "negotiable"
        cut, copula = _subject_start(text, start)
        assert text[copula:].startswith("are not")
        runs = object_words(text[:copula], set(), cut)[-1:]
        assert [w.surface for w in runs[0]] == subject


def test_object_words_start_mid_sentence():
    text = "Ankara said it would accept the new grazing permits, officials said."
    start = text.index("accept") + len("accept")
    assert [[w.surface for w in r] for r in object_words(text, set(), start, 9)] == [
        ["grazing", "permits"]
    ]


def _surfaces(runs):
    return [[w.surface for w in r] for r in runs]


def test_a_lone_act_before_to_takes_its_object_there():
    # "access to the grazing lands": the "to" opens the thing demanded, it does not end it.
    assert _surfaces(object_words("access to the grazing lands for decades", set())) == [
        ["grazing", "lands"],
        ["decades"],
    ]
    assert _surfaces(object_words("return to the pasture talks", set()))[0][-1] == "talks"


def test_a_time_or_place_adjunct_after_the_cue_does_not_use_up_the_reach():
    text = "Chile agreed on Monday in Arica to open its northern mining and fishing registers."
    start = text.index("agreed") + len("agreed")
    runs = object_words(text, set(), start, 9)
    assert runs[-1][-1].surface == "registers"


def test_a_quoted_subject_before_its_copula_is_found():
    from dossier.resolve.contested import _cue_spans, _subject_start

    text = '"The grazing levy is not a favour to Lima.'
    (start, _), *_ = _cue_spans(text, "favour")
    cut, copula = _subject_start(text, start)
    assert _surfaces(object_words(text[:copula], set(), cut)[-1:]) == [["grazing", "levy"]]


# An invented event where the one thing agreed comes second in a coordination and is done
# "with" the other side.
HOTLINE_A = """Chile frees trawler crews, agrees radio link with Argentina

Andes Wire

SANTIAGO, 3 March 2026 — Chile agreed on Tuesday to release six Argentine trawler crews held \
since January and to set up a direct naval radio link with Argentina, the first results of \
talks on the Beagle waters.
"""
HOTLINE_B = """Radio link agreed in Santiago

Pacific Ledger

SANTIAGO, 4 March 2026 — The radio link agreed on Tuesday will connect the navies of Chile and \
Argentina. \
Argentina's foreign minister, Raul Ortiz, welcomed the radio link.
"""


def test_an_act_agreed_second_and_with_the_other_side_is_an_issue_both_back(resolve_texts):
    d = resolve_texts({"andes-wire-link.txt": HOTLINE_A, "pacific-ledger-link.txt": HOTLINE_B})
    link = next(i.id for i in d.issues if "radio link" in i.label.lower())
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("chile", link)] == "support"
    assert cells[("argentina", link)] == "support"  # the act is done with it


COURT_A = """Belize presses on with court case

Caribbean Wire

BELMOPAN, 5 May 2026 — Belize will press on with its case at the International Court of \
Justice, Foreign Minister Alan Tut said on Tuesday after talks with Guatemala.
"""
COURT_B = """Guatemala rejects court

Central Post

GUATEMALA CITY, 6 May 2026 — Guatemala would never accept the jurisdiction of the court, \
Foreign Minister Rosa Ixcot said after the talks with Belize.
"""


def test_a_case_before_an_international_court_is_an_issue(resolve_texts):
    d = resolve_texts({"caribbean-wire.txt": COURT_A, "central-post.txt": COURT_B})
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("belize", "court-case-and-jurisdiction")] == "support"
    assert cells[("guatemala", "court-case-and-jurisdiction")] == "oppose"


BLOCK_A = """Leaders split on whaling moratorium

Atoll Times

APIA, 5 May 2026 — Samoa and Tuvalu pushed for a region-wide moratorium on whaling. Japan blocked \
it, officials said.
"""
BLOCK_B = """Whaling moratorium stalls

Reef Post

APIA, 6 May 2026 — Samoa again called for a moratorium on whaling on Wednesday, and Japan's \
delegation said it would study the proposal. Tuvalu backed the moratorium.
"""


def test_a_cue_on_it_bears_on_the_issue_the_sentence_before_named(resolve_texts):
    d = resolve_texts({"atoll-times.txt": BLOCK_A, "reef-post.txt": BLOCK_B})
    moratorium = next(i.id for i in d.issues if "moratorium" in i.label.lower())
    cells = {(p.actor, p.issue): p.stance for p in d.positions}
    assert cells[("japan", moratorium)] == "oppose"  # "Japan blocked it"


def test_a_danish_or_norwegian_aa_is_the_same_name_as_the_ring():
    from dossier.resolve import names

    assert names.sound_key("aasheim") == names.sound_key("asheim")
