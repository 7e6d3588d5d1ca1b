"""check(): unknown ids and corrections that cannot apply, as file:line errors with a fix."""

from __future__ import annotations

from dossier.curate import Curation, check


def messages(curation, dossier) -> list[str]:
    return [str(e) for e in check(curation, dossier)]


def test_clean_curation_has_no_problems(write, bare):
    curation = write(
        """
        title: "Better"
        actors:
          maria-lindqvist: {name: "Maria E. Lindqvist", aliases: ["Lindqvist"]}
          share: {drop: true}
          veldoria: {affiliation: null}
        issues:
          border-talks: {label: "Border talks"}
        positions:
          - {actor: veldoria, issue: fishing-quotas, stance: oppose}
        suppress: [q-share, talks-in-oslo]
        """
    )
    assert check(curation, bare) == []


def test_unknown_actor_names_file_line_and_suggests(write, bare, tmp_path):
    curation = write(
        """
        title: "x"
        actors:
          maria-lindqvst:
            name: "Maria Lindqvist"
        """
    )
    [error] = check(curation, bare)
    assert error.path == str(tmp_path / "curation.yaml") and error.line == 3
    assert str(error).endswith(
        "curation.yaml:3: unknown actor 'maria-lindqvst' (did you mean 'maria-lindqvist'?)"
    )


def test_unknown_actor_suggested_from_display_name(write, bare):
    curation = write("positions:\n  - {actor: nordic, issue: border-talks, stance: support}\n")
    [error] = check(curation, bare)
    assert error.line == 2 and "unknown actor 'nordic'" in error.message
    assert error.fix == "did you mean 'nordic-council'?"


def test_unknown_issue_and_item(write, bare):
    curation = write(
        """
        positions:
          - actor: veldoria
            issue: fishing-quota
            stance: oppose
        suppress:
          - q-share
          - q-lindqvist-redy
          - no-such-thing-at-all
        """
    )
    found = messages(curation, bare)
    assert any(
        ":3: unknown issue 'fishing-quota' (did you mean 'fishing-quotas'?)" in m for m in found
    )
    assert any(
        ":7: unknown item 'q-lindqvist-redy' in suppress (did you mean 'q-lindqvist-ready'?)" in m
        for m in found
    )
    assert any(":8: unknown item 'no-such-thing-at-all'" in m for m in found)
    assert len(found) == 3


def test_actor_in_suppress_points_to_drop(write, bare):
    [error] = check(write("suppress: [share]\n"), bare)
    assert error.line == 1 and "is an actor" in error.message and "drop: true" in error.fix


def test_affiliation_must_exist_and_not_be_dropped(write, bare):
    curation = write(
        """
        actors:
          maria-lindqvist: {affiliation: nordic-counsil}
          veldoria: {affiliation: veldoria}
          lindqvist: {affiliation: share}
          share: {drop: true}
        """
    )
    found = messages(curation, bare)
    assert any(":2: unknown actor 'nordic-counsil' as affiliation" in m for m in found)
    assert any(":3: actor 'veldoria' cannot be affiliated to itself" in m for m in found)
    assert any(":4: affiliation 'share' is dropped" in m for m in found)


def test_drop_with_other_corrections_is_ambiguous(write, bare):
    [error] = check(write("actors:\n  share: {drop: true, name: Shared}\n"), bare)
    assert error.line == 2 and "dropped but also corrected (name)" in error.message


def test_alias_conflicts(write, bare):
    curation = write(
        """
        actors:
          maria-lindqvist: {aliases: [Lindqvist]}
          nordic-council: {aliases: ["the council chief"]}
        """
    )
    [error] = check(curation, bare)
    assert "'lindqvist' would be merged into both 'maria-lindqvist' and 'nordic-council'" in str(
        error
    )


def test_alias_that_merges_a_corrected_actor(write, bare):
    curation = write(
        """
        actors:
          maria-lindqvist: {aliases: [Lindqvist]}
          lindqvist: {type: person}
        """
    )
    [error] = check(curation, bare)
    assert error.line == 2 and "has corrections of its own" in error.message
    assert error.fix == "move them under 'maria-lindqvist'"


def test_position_for_dropped_actor_and_duplicate_cell(write, bare):
    curation = write(
        """
        actors:
          share: {drop: true}
        positions:
          - {actor: share, issue: border-talks, stance: oppose}
          - {actor: veldoria, issue: border-talks, stance: oppose}
          - {actor: veldoria, issue: border-talks, stance: support}
        """
    )
    found = messages(curation, bare)
    assert any(":4: position for dropped actor 'share'" in m for m in found)
    assert any(":6: position veldoria × border-talks is set twice" in m for m in found)


def test_curation_built_in_code_has_no_lines(bare):
    [error] = check(Curation(suppress=["nope"]), bare)
    assert error.line is None and str(error).startswith("curation.yaml: unknown item 'nope'")


def test_hint_finds_an_id_from_a_fragment(write, bare):
    [error] = check(
        write("positions:\n  - {actor: veldoria, issue: border, stance: oppose}\n"), bare
    )
    assert error.fix == "did you mean 'border-talks'?"


def test_problems_come_in_line_order(write, bare):
    curation = write("suppress: [nope]\nactors:\n  nobody: {type: person}\n")
    assert [e.line for e in check(curation, bare)] == [1, 3]
