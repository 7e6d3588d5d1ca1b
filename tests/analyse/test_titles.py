"""Titles: whose office a title names, junior ministers' portfolios, lower-case titles after a body."""

from __future__ import annotations

from .helpers import entity, names


def _roles(a, name):
    return {(r.title, r.affiliation) for r in entity(a, name).roles}


def test_a_possessing_title_is_someone_elses_office(analyse):
    # "the Chilean president's special envoy": Arevalo is the envoy, not the president.
    a = analyse(
        "Peru and Chile resumed talks on Monday. Tomas Arevalo, the Chilean president's "
        'special envoy for water issues, called the proposal "a non-starter".'
    )
    assert _roles(a, "Tomas Arevalo") == {("Special Envoy", "Chile")}


def test_a_possessing_title_without_a_nationality(analyse):
    a = analyse(
        "Omar Haddad, the prime minister's chief of staff, told reporters in Amman that the "
        "talks were useful."
    )
    assert {t for t, _ in _roles(a, "Omar Haddad")} == {"Chief of Staff"}


def test_a_lower_case_title_after_a_body_names_the_person(analyse):
    a = analyse(
        "The African Union welcomed the deal. AU spokesperson Ingrid Solberg said the bloc "
        '"stands ready" to help.'
    )
    assert _roles(a, "Ingrid Solberg") == {("Spokesperson", "African Union")}


def test_a_minister_of_state_keeps_the_portfolio_and_is_the_minister_referred_to(analyse):
    a = analyse(
        "Kenya's Minister of State for Foreign Affairs, Samuel Otieno, chaired the talks. "
        'The Kenyan minister said: "Difficult talks are the ones that produce durable results."'
    )
    otieno = entity(a, "Samuel Otieno")
    assert {(r.title, r.affiliation) for r in otieno.roles} == {
        ("Minister of State for Foreign Affairs", "Kenya")
    }
    assert "Kenyan minister" in otieno.surfaces


def test_a_body_in_apposition_with_a_title_stays_a_body(analyse):
    a = analyse(
        "The talks closed. The Central Election Commission, the president's adviser on polls, "
        "said little."
    )
    assert entity(a, "Central Election Commission").kind == "organization"
    assert not any(e.kind == "person" for e in a.entities)
    assert "Central Election Commission" in names(a)


def test_a_lower_case_portfolio_before_the_body_keeps_the_body(analyse):
    # The body's name ends with its sentence: "Commission. She" is not a name.
    a = analyse(
        "The talks ended in Astana. Marta Kowalczyk, deputy director-general for trade at the "
        "European Commission. She said the EU wants lower duties."
    )
    assert _roles(a, "Marta Kowalczyk") == {("Deputy Director General", "European Commission")}
    assert entity(a, "European Commission").affiliations == ["European Union"]


def test_a_body_named_after_a_body_is_part_of_it(analyse):
    a = analyse(
        "Clashes continued near the border. The United Nations Interim Security Force said it "
        "had sent patrols, and the African Union Mission said the same."
    )
    assert entity(a, "United Nations Interim Security Force").affiliations == ["United Nations"]
    assert entity(a, "African Union Mission").affiliations == ["African Union"]


def test_a_dotted_demonym_before_a_title_is_the_affiliation(analyse):
    a = analyse("U.S. Deputy Permanent Representative Douglas Whitfield welcomed the visit.")
    assert _roles(a, "Douglas Whitfield") == {("Deputy Permanent Representative", "United States")}


def test_a_field_before_an_appositive_title_keeps_title_and_body(analyse):
    a = analyse(
        '"Both sides look busy," said Marta Ilves, a nuclear policy analyst at the Tallinn '
        "Institute for Security Studies."
    )
    assert _roles(a, "Marta Ilves") == {("Analyst", "Tallinn Institute for Security Studies")}
    b = analyse("Marta Ilves, and the minister of trade, spoke to reporters in Riga.")
    assert not entity(b, "Marta Ilves").roles


def test_an_expert_the_model_took_for_a_place_is_a_person_with_a_field(analyse):
    # NER tags the surname alone as a place and drops the given name
    a = analyse(
        "Ondina Salcez, a professor of international law at the Catholic University of Peru, "
        "said the government had gained time but little else."
    )
    e = entity(a, "Ondina Salcez")
    assert e.kind == "person"
    assert "Catholic University of Peru" in e.affiliations
    assert {r.title for r in e.roles} == {"Professor"}


def test_a_lecturer_in_a_field_at_a_university(analyse):
    a = analyse(
        '"The hotline matters," said Kwesi Manful, a senior lecturer in international relations '
        "at the University of Ghana."
    )
    assert ("Senior Lecturer", "University of Ghana") in _roles(a, "Kwesi Manful")


def test_a_body_after_the_name_is_the_affiliation(analyse):
    a = analyse("Opposition MP Jana Novak of the Civic Democratic Party demanded a vote.")
    assert {r.title for r in entity(a, "Jana Novak").roles} == {"MP"}
    assert "Civic Democratic Party" in entity(a, "Jana Novak").affiliations


def test_a_law_officer_title_is_one_title_not_a_body_and_a_rank(analyse):
    # "Solicitor General" is one office: not a body "Solicitor" and the military rank "General".
    a = analyse(
        "The claim was rejected, said Solicitor General Ana Ruiz, who was part of the "
        "Chilean delegation."
    )
    assert {t for t, _ in _roles(a, "Ana Ruiz")} == {"Solicitor General"}
    assert "Solicitor" not in names(a)


def test_a_junior_post_and_an_envoy_keep_their_portfolio(analyse):
    a = analyse(
        "Parliamentary Under-Secretary of State for Trade Lena Varga arrived in Lima. "
        "Chile's Special Envoy for Energy, Tomas Arevalo, met her on Monday."
    )
    assert {t for t, _ in _roles(a, "Lena Varga")} == {
        "Parliamentary Under Secretary of State for Trade"
    }
    assert {t for t, _ in _roles(a, "Tomas Arevalo")} == {"Special Envoy for Energy"}
