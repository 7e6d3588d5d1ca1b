"""Discrepancies: a title, a figure and a date that sources give differently."""

from __future__ import annotations

from dossier.model.analysis import RoleClaim


def _sherman(art, source, sentence, title):
    a = art(source, [sentence])
    a.ent("e1", "Wendy Sherman", roles=[(title, 0, "US")])
    a.ent("e2", "US", "state")
    return a


def test_title_ranks_that_differ_are_a_discrepancy_with_their_sources(art, run_resolve):
    a = _sherman(
        art, "a", "US Deputy Secretary of State Wendy Sherman spoke.", "Deputy Secretary of State"
    )
    b = _sherman(
        art, "b", "Deputy Secretary of State Wendy Sherman spoke.", "Deputy Secretary of State"
    )
    c = _sherman(
        art, "c", "US Under Secretary of State Wendy Sherman spoke.", "Under Secretary of State"
    )
    e = art(
        "e",
        [
            "This version has been corrected to show that Wendy Sherman is Assistant "
            "Secretary of State, not Secretary of State."
        ],
    )
    e.ent("e1", "Wendy Sherman", roles=[("Assistant Secretary of State", 0, None)])
    d = run_resolve([a, b, c, e])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("wendy-sherman", "title")
    values = {v.value: v.sources for v in disc.values}
    assert values == {
        "Deputy Secretary of State": ["a", "b"],
        "Under Secretary of State": ["c"],
        "Assistant Secretary of State": ["e"],
    }
    assert all(v.evidence for v in disc.values)


def test_spelling_variants_of_a_title_are_not_a_discrepancy(art, run_resolve):
    a = art("a", ["Deputy Defence Minister Alexander Fomin spoke."]).ent(
        "e1", "Alexander Fomin", roles=[("Deputy Defence Minister", 0, None)]
    )
    b = art("b", ["Russian Deputy Minister of Defense Alexander Fomin spoke."]).ent(
        "e1", "Alexander Fomin", roles=[("Russian Deputy Minister of Defense", 0, None)]
    )
    d = run_resolve([a, b])
    assert d.discrepancies == []
    assert len(d.actors[0].roles) == 1


def test_rival_estimates_of_a_figure(art, run_resolve):
    a = art("a", ["Russia has massed 100,000 troops near the border."])
    b = art("b", ["Russia has massed around 100,000 combat-ready troops near the border."])
    c = art(
        "c", ["Russia has massed 127,000 troops near the border.", "In 2014, 3,000 troops crossed."]
    )
    d = run_resolve([a, b, c])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("troops", "figure")
    assert {v.value: v.sources for v in disc.values} == {"100,000": ["a", "b"], "127,000": ["c"]}


def test_same_figure_with_qualifiers_is_no_discrepancy(art, run_resolve):
    a = art("a", ["More than 100,000 Russian troops are deployed."])
    b = art("b", ["Around 100,000 troops are deployed, and 2,000 troops left in 2014."])
    assert run_resolve([a, b]).discrepancies == []


def test_one_event_dated_differently(art, run_resolve):
    a = art("a", ["The United States and Russia held talks in Geneva on January 10."]).dated(
        "2022-01-10", "The United States and Russia held talks in Geneva", "past", 0, "Geneva"
    )
    b = art("b", ["The United States and Russia held talks in Geneva on January 9."]).dated(
        "2022-01-09", "The United States and Russia held talks in Geneva", "past", 0, "Geneva"
    )
    d = run_resolve([a, b])
    (disc,) = d.discrepancies
    assert disc.field == "date"
    assert {v.value: v.sources for v in disc.values} == {"2022-01-09": ["b"], "2022-01-10": ["a"]}


def test_a_nationality_breakdown_compares_with_that_nationality_counted_alone(art, run_resolve):
    # "17 Armenian and six Azerbaijani detainees": 17 is a count of Armenian detainees, and
    # "19 Armenians" (no noun) counts the same people; the bare total "23 detainees" is neither.
    a = art("a", ["The sides agreed to exchange 17 Armenian and six Azerbaijani detainees."])
    b = art("b", ["The exchange will see 19 Armenians and six Azerbaijanis return home."])
    c = art("c", ["The two countries agreed to swap 23 detainees."])
    d = run_resolve([a, b, c])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("Armenian detainees", "figure")
    assert {v.value: v.sources for v in disc.values} == {"17": ["a"], "19": ["b"]}


def test_counts_of_one_noun_for_two_nationalities_are_two_quantities(art, run_resolve):
    a = art("a", ["Officials said 12 Ukrainian soldiers were captured."])
    b = art("b", ["Officials said 15 Russian soldiers were captured."])
    assert run_resolve([a, b]).discrepancies == []


def test_a_total_is_not_compared_with_one_part_of_a_breakdown(art, run_resolve):
    a = art("a", ["They will free 17 Armenian and six Azerbaijani prisoners."])
    b = art("b", ["They will free 20 prisoners in all."])
    assert run_resolve([a, b]).discrepancies == []


def test_a_nationality_counted_alone_stays_alone_when_its_noun_is_ambiguous(art, run_resolve):
    a = art("a", ["Some 30 Georgian refugees crossed, while 40 Georgian soldiers stayed."])
    b = art("b", ["Some 35 Georgians crossed the river."])
    assert run_resolve([a, b]).discrepancies == []


def test_a_minister_of_state_is_not_the_minister(art, run_resolve):
    # One person (already one actor) given as the junior minister for a portfolio by one
    # source and as the portfolio's minister by another.
    a = art("a", ["Kenya's Minister of State for Foreign Affairs, Samuel Otieno, spoke."]).ent(
        "e1", "Samuel Otieno", roles=[("Minister of State for Foreign Affairs", 0, "Kenya")]
    )
    b = art("b", ["Kenya's Foreign Minister Samuel Otieno spoke."]).ent(
        "e1", "Samuel Otieno", roles=[("Foreign Minister", 0, "Kenya")]
    )
    (disc,) = run_resolve([a, b]).discrepancies
    assert (disc.subject, disc.field) == ("samuel-otieno", "title")
    assert {v.value: v.sources for v in disc.values} == {
        "Minister of State for Foreign Affairs": ["a"],
        "Foreign Minister": ["b"],
    }


def test_a_title_shortened_at_the_same_rank_is_not_a_discrepancy(art, run_resolve):
    full = "Minister of Water Resources and Irrigation"
    a = art("a", [f"{full} Omar Aziz spoke."]).ent("e1", "Omar Aziz", roles=[(full, 0, None)])
    b = art("b", ["Irrigation Minister Omar Aziz spoke."]).ent(
        "e1", "Omar Aziz", roles=[("Irrigation Minister", 0, None)]
    )
    c = art("c", ["Deputy Irrigation Minister Omar Aziz spoke."]).ent(
        "e1", "Omar Aziz", roles=[("Deputy Irrigation Minister", 0, None)]
    )
    assert run_resolve([a, b]).discrepancies == []
    (disc,) = run_resolve([a, b, c]).discrepancies  # another rank: a real disagreement
    assert disc.field == "title"


def test_a_state_minister_named_deputy_minister_elsewhere_is_a_title_discrepancy(art, run_resolve):
    # One actor, two offices as the outlets word them: "State Minister for Foreign Affairs"
    # (two sources) against "Deputy Foreign Minister" (one).
    def one(source, sentence, title):
        a = art(source, [sentence])
        a.ent("e1", "Aster Bekele", roles=[(title, 0, "Ruritania")])
        a.ent("e2", "Ruritania", "state")
        return a

    a = one(
        "a",
        "Ruritania's State Minister for Foreign Affairs, Aster Bekele, spoke.",
        "State Minister for Foreign Affairs",
    )
    b = one(
        "b",
        "Ruritania's Deputy Foreign Minister Aster Bekele spoke.",
        "Deputy Foreign Minister",
    )
    c = one(
        "c",
        "Ruritania's State Minister for Foreign Affairs, Aster Bekele, is expected to attend.",
        "State Minister for Foreign Affairs",
    )
    d = run_resolve([a, b, c])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("aster-bekele", "title")
    assert {v.value: v.sources for v in disc.values} == {
        "State Minister for Foreign Affairs": ["a", "c"],
        "Deputy Foreign Minister": ["b"],
    }


def test_rival_amounts_in_a_unit_of_measure(art, run_resolve):
    a = art("a", ["Cairo wants a minimum release of at least 37 billion cubic metres of water."])
    b = art("b", ["He asked for a minimum release of 40 billion cubic metres a year."])
    d = run_resolve([a, b])
    (disc,) = d.discrepancies
    assert (disc.subject, disc.field) == ("cubic metres", "figure")
    assert {v.value: v.sources for v in disc.values} == {"37 billion": ["a"], "40 billion": ["b"]}


def test_an_area_in_a_hyphenated_unit_compares_with_one_spelt_out(art, run_resolve):
    a = art("a", ["The concession covers some 12,000 square kilometres of forest."])
    b = art("b", ["The firm holds a 9,500-square-kilometre concession in the north."])
    (disc,) = run_resolve([a, b]).discrepancies
    assert (disc.subject, disc.field) == ("square kilometres", "figure")
    assert {v.value: v.sources for v in disc.values} == {"9,500": ["b"], "12,000": ["a"]}


def test_an_area_in_km2_is_the_same_unit(art, run_resolve):
    a = art("a", ["The reserve spans 3,000 km² of wetland."])
    b = art("b", ["The reserve spans 3,400 sq km of wetland."])
    (disc,) = run_resolve([a, b]).discrepancies
    assert disc.subject == "square kilometres"


def test_a_distance_is_not_a_compared_figure(art, run_resolve):
    a = art("a", ["The dam lies about 100 km downstream."])
    b = art("b", ["The dam lies about 150 km downstream."])
    assert run_resolve([a, b]).discrepancies == []


def test_an_ambassador_named_deputy_permanent_representative_elsewhere_differs_in_rank(
    art, run_resolve
):
    # "Permanent Representative" is the ambassador's office at an international body: with a
    # rank word the two sources disagree; without one they name the same post.
    def one(source, title):
        a = art(source, [f"The Ruritanian {title} Tomas Veld spoke."])
        a.ent("e1", "Tomas Veld", roles=[(title, 0, "Ruritania")])
        return a

    a, b = one("a", "Ambassador"), one("b", "Deputy Permanent Representative")
    (disc,) = run_resolve([a, b]).discrepancies
    assert (disc.subject, disc.field) == ("tomas-veld", "title")
    assert {v.value for v in disc.values} == {"Ambassador", "Deputy Permanent Representative"}
    assert run_resolve([a, one("c", "Permanent Representative")]).discrepancies == []


def test_one_unit_abbreviated_and_spelt_out_is_one_quantity(art, run_resolve):
    a = art("a", ["The plant held about 410 kg of enriched uranium."])
    b = art("b", ["Its stock stood at more than 440 kilograms, the report said."])
    (disc,) = run_resolve([a, b]).discrepancies
    assert (disc.subject, disc.field) == ("kilograms", "figure")
    assert {v.value: v.sources for v in disc.values} == {"410": ["a"], "440": ["b"]}


def test_a_figure_label_names_the_demonym_not_the_modifier_before_it(art, run_resolve):
    a = art("a", ["Russia has massed 100,000 combat-ready Russian troops near the border."])
    b = art("b", ["Russia has massed 120,000 combat-ready Russian troops near the border."])
    (disc,) = run_resolve([a, b]).discrepancies
    assert disc.subject == "Russian troops"


def _official(art, source, titles):
    sentence = " and ".join(titles) + " Lena Varga spoke."
    a = art(source, [sentence])
    a.ent("e1", "Lena Varga", roles=[(t, 0, None) for t in titles])
    return a


def test_two_posts_each_named_by_another_outlet_are_a_title_discrepancy(art, run_resolve):
    a = _official(art, "a", ["Attorney General"])
    b = _official(art, "b", ["Solicitor General"])
    (disc,) = run_resolve([a, b]).discrepancies
    assert (disc.subject, disc.field) == ("lena-varga", "title")
    assert {v.value: v.sources for v in disc.values} == {
        "Attorney General": ["a"],
        "Solicitor General": ["b"],
    }


def test_two_posts_one_outlet_names_together_are_both_held(art, run_resolve):
    a = _official(art, "a", ["Deputy Prime Minister", "Foreign Minister"])
    b = _official(art, "b", ["Foreign Minister"])
    c = _official(art, "c", ["Deputy Prime Minister"])
    assert run_resolve([a, b, c]).discrepancies == []


def test_a_part_played_in_talks_is_no_rival_to_a_post(art, run_resolve):
    # An envoy or chief negotiator holds a post besides; outlets naming one or the other agree.
    a = _official(art, "a", ["Chief Negotiator"])
    b = _official(art, "b", ["Deputy Prime Minister"])
    c = _official(art, "c", ["Special Representative"])
    d = _official(art, "d", ["Envoy"])
    assert run_resolve([a, b, c]).discrepancies == []
    assert run_resolve([c, d]).discrepancies == []


def test_a_part_played_for_a_posts_portfolio_rivals_the_post(art, run_resolve):
    # One outlet calls her only an envoy for trade, another only a junior trade minister.
    a = _official(art, "a", ["Special Envoy for Trade"])
    b = _official(art, "b", ["Parliamentary Under Secretary of State for Trade"])
    (disc,) = run_resolve([a, b]).discrepancies
    assert {v.value: v.sources for v in disc.values} == {
        "Special Envoy for Trade": ["a"],
        "Parliamentary Under Secretary of State for Trade": ["b"],
    }


def test_a_part_played_for_another_portfolio_is_no_rival(art, run_resolve):
    a = _official(art, "a", ["Special Envoy for Energy"])
    b = _official(art, "b", ["Trade Minister"])
    assert run_resolve([a, b]).discrepancies == []


def test_a_post_named_short_is_no_rival_to_its_full_name(art, run_resolve):
    a = _official(art, "a", ["Minister"])
    b = _official(art, "b", ["Prime Minister"])
    assert run_resolve([a, b]).discrepancies == []


def test_a_post_named_short_by_a_third_outlet_leaves_two_rival_posts(art, run_resolve):
    a = _official(art, "a", ["Assistant Foreign Minister"])
    b = _official(art, "b", ["Minister for Development and the Arctic"])
    c = _official(art, "c", ["Minister"])
    (disc,) = run_resolve([a, b, c]).discrepancies
    assert (disc.subject, disc.field) == ("lena-varga", "title")
    assert {v.value: v.sources for v in disc.values} == {
        "Assistant Foreign Minister": ["a"],
        "Minister for Development and the Arctic": ["b"],
    }


def test_a_title_discrepancy_shows_each_title_as_the_outlet_wrote_it(art, run_resolve):
    a = _official(art, "a", ["Attorney General"])
    b = art("b", ["Ruritania's Deputy Minister for Foreign Affairs, Lena Varga, spoke."])
    b.ent("e1", "Lena Varga")
    b.entities["e1"].roles.append(
        RoleClaim(
            title="Deputy Foreign Minister",
            surface="Deputy Minister for Foreign Affairs",
            sentence=0,
        )
    )
    (disc,) = run_resolve([a, b]).discrepancies
    assert {v.value for v in disc.values} == {
        "Attorney General",
        "Deputy Minister for Foreign Affairs",
    }


def test_one_group_of_people_counted_under_two_names_in_sentences_about_one_thing(art, run_resolve):
    a = art(
        "a",
        [
            "The curfew has cut off water deliveries and school meals for about 40,000 "
            "ethnic Moldovans in the valley."
        ],
    )
    b = art(
        "b",
        [
            "He said the curfew had left more than 55,000 people who depend on water "
            "deliveries and school meals without help."
        ],
    )
    (disc,) = run_resolve([a, b]).discrepancies
    assert disc.field == "figure"
    assert "people" in disc.subject
    assert {v.value: v.sources for v in disc.values} == {"40,000": ["a"], "55,000": ["b"]}


def test_counts_of_people_in_sentences_about_different_things_are_two_groups(art, run_resolve):
    a = art("a", ["About 40,000 people attended the rally in the capital on Sunday."])
    b = art("b", ["The floods have displaced 55,000 people along the river delta."])
    assert run_resolve([a, b]).discrepancies == []


def test_counts_of_people_one_outlet_gives_both_are_two_groups(art, run_resolve):
    text = "water deliveries and school meals under the curfew"
    a = art("a", [f"About 40,000 people lost {text}.", f"Some 55,000 people kept {text}."])
    b = art("b", [f"More than 55,000 people lost {text}."])
    assert run_resolve([a, b]).discrepancies == []
