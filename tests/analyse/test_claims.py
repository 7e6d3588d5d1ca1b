"""Demands (by, of, status), stances and dated claims."""

import pytest

from .helpers import entity, speaker_name
from .invented import CEASEFIRE, SUMMIT, TRADE


@pytest.fixture(scope="module")
def seeds(seed_articles, analyse):
    return {a.id: analyse(a) for a in seed_articles}


def by_stem(seeds, stem):
    return next(a for k, a in seeds.items() if k.startswith(stem))


def demand(a, fragment):
    found = [d for d in a.demands if fragment in d.text]
    assert found, f"no demand with {fragment!r}: {[d.text for d in a.demands]}"
    return found[0]


def of_names(a, d):
    return {speaker_name(a, k) for k in d.of}


def test_wants_x_to_do_y_is_a_demand_by_subject_of_x(seeds):
    a = by_stem(seeds, "no-ukraine")
    d = demand(a, "withdraw its troops and military equipment")
    assert speaker_name(a, d.by) == "Vladimir Putin"
    assert of_names(a, d) == {"NATO"}


def test_called_on_in_reported_clause(seeds):
    a = by_stem(seeds, "euromaidan")
    d = demand(a, "de-escalate the situation around Ukraine")
    assert speaker_name(a, d.by) == "NATO" and of_names(a, d) == {"Russia"}


def test_demand_noun_takes_its_addressee_from_the_content(seeds):
    a = by_stem(seeds, "nato-reaffirms")
    d = demand(a, "security guarantees")
    assert speaker_name(a, d.by) == "Russia" and of_names(a, d) == {"NATO"}
    d2 = demand(a, "withdraw its troops from Georgia, Ukraine, and Moldova")
    assert d2.text == "withdraw its troops from Georgia, Ukraine, and Moldova"


def test_rejected_demands(seeds):
    a = by_stem(seeds, "no-ukraine")
    assert demand(a, "stop its expansion").status == "rejected"  # "rejecting a key demand"
    assert demand(a, "withdraw its troops").status == "rejected"  # Putin's demands "in vain"
    euromaidan = by_stem(seeds, "euromaidan")
    assert demand(euromaidan, "new security architecture").status == "rejected"  # wouldn't agree
    assert demand(euromaidan, "de-escalate").status == "open"


def test_ultimatum_addressee_through_a_description_of_the_body(seeds):
    a = by_stem(seeds, "euronews")
    d = demand(a, "stops inviting new members")
    assert speaker_name(a, d.by) == "Putin" and of_names(a, d) == {"NATO"}


def test_invented_demands(analyse):
    trade = analyse(TRADE)
    d = demand(trade, "cut its tariff")
    assert speaker_name(trade, d.by) == "Brazil" and of_names(trade, d) == {"Japan"}
    d = demand(trade, "publish its import quotas")
    assert speaker_name(trade, d.by) == "Carla Mendes" and of_names(trade, d) == {"Japan"}
    cf = analyse(CEASEFIRE)
    d = demand(cf, "withdraw from the city")
    assert speaker_name(cf, d.by) == "Sudan" and d.status == "rejected"  # "unacceptable"
    summit = analyse(SUMMIT)
    assert speaker_name(summit, demand(summit, "cut emissions").by) == "Pacific Islands Forum"


def test_stances_with_negation_and_keywords(seeds):
    a = by_stem(seeds, "no-ukraine")
    sherman = entity(a, "Wendy Sherman").key
    stances = [s for s in a.stances if s.holder == sherman]
    door = [s for s in stances if "open door" in s.keywords]
    assert door and door[0].stance == "support"  # "will not close the door": negation built in
    grushko = entity(a, "Alexander Grushko").key
    end = [s for s in a.stances if s.holder == grushko and "open door policy" in s.keywords]
    assert end and end[0].stance == "oppose"  # "put an end to the open-door policy"


def test_invented_stance_support(analyse):
    a = analyse(SUMMIT)
    whitfield = entity(a, "Sarah Whitfield").key
    assert any(s.holder == whitfield and s.stance == "support" for s in a.stances)  # welcomed


def dated(a, surface):
    found = [d for d in a.dated if d.date_surface.startswith(surface)]
    assert found, f"no date {surface!r}: {[d.date_surface for d in a.dated]}"
    return found[0]


def test_dates_resolve_against_the_published_date(seeds):
    a = by_stem(seeds, "euronews")
    assert dated(a, "Wednesday").date == "2022-01-12"
    r = by_stem(seeds, "nato-reaffirms")
    d = dated(r, "Jan. 13")
    assert (d.date, d.tense, d.place) == ("2022-01-13", "future", "Vienna")
    g = dated(r, "Jan. 10")
    assert (g.date, g.tense, g.place) == ("2022-01-10", "past", "Geneva")
    s = by_stem(seeds, "nato-russia-council")
    assert dated(s, "December 17, 2021").date == "2021-12-17"
    n = by_stem(seeds, "no-ukraine")
    # "seven years ago" would be 2015; the article writes "in 2014" for the same annexation
    assert dated(n, "seven years ago").date == "2014"
    assert dated(n, "in 2014").date == "2014"


def test_invented_dates(analyse):
    trade = analyse(TRADE, published="2024-02-15")  # a Thursday
    assert dated(trade, "Tuesday").date == "2024-02-13"
    nxt = dated(trade, "March 3")
    assert (nxt.date, nxt.tense, nxt.place) == ("2024-03-03", "future", "Brasilia")
    cf = analyse(CEASEFIRE, published="2024-06-05")
    week = dated(cf, "next week")
    assert (week.date, week.tense) == ("2024-06-10", "future")
    assert dated(cf, "two weeks ago").date == "2024-05-22"
    summit = analyse(SUMMIT, published="2025-08-04")
    assert dated(summit, "in December 2025").tense == "future"
    assert dated(summit, "next year").date == "2026"
    assert dated(summit, "Monday").date == "2025-08-04"


def test_numeric_european_dates(analyse):
    a = analyse("The envoys met in Rome on 03.02.2023 to sign the accord.", published="2023-02-05")
    assert dated(a, "03.02.2023").date == "2023-02-03"


def test_no_published_date_keeps_only_absolute_dates(analyse):
    a = analyse("The ministers met on Monday and again on 4 May 2021.", published=None)
    assert [d.date for d in a.dated] == ["2021-05-04"]
