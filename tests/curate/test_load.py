"""Loading curation.yaml: the format, file:line errors, limits and alias bombs."""

from __future__ import annotations

import pytest

from dossier.curate import Curation, CurationInvalid, load_curation
from dossier.errors import DossierError


def test_missing_file_is_empty_curation(tmp_path):
    curation = load_curation(tmp_path / "nope.yaml")
    assert curation == Curation() and curation.is_empty()


def test_empty_and_comment_only_files_are_empty(write):
    assert write("").is_empty()
    assert write("# only a comment\n").is_empty()


def test_full_format_parses(write):
    curation = write(
        """
        title: "Council summit, Oslo, 3 March 2024"
        actors:
          maria-lindqvist:
            name: "Maria Lindqvist"
            type: person
            affiliation: nordic-council
            aliases: ["Lindqvist", "the council chief"]
          share:
            drop: true
        issues:
          fishing-quotas: {label: "Fishing quotas in the Northern Sea"}
        positions:
          - {actor: veldoria, issue: fishing-quotas, stance: oppose, note: "said no twice"}
        suppress: [q-share, share-demands-x]
        """
    )
    assert curation.title == "Council summit, Oslo, 3 March 2024"
    assert curation.actors["maria-lindqvist"].aliases == ["Lindqvist", "the council chief"]
    assert curation.actors["share"].drop is True
    assert curation.positions[0].stance == "oppose"
    assert curation.suppress == ["q-share", "share-demands-x"]
    # Lines are kept for check(): the suppress list's second entry is on line 14.
    assert curation.line_of("suppress", 1) == 14
    assert curation.line_of("actors", "share", "drop") == 9
    assert curation.line_of("positions", 0, "stance") == 13


def test_invalid_stance_reports_line_and_suggestion(write):
    with pytest.raises(CurationInvalid) as info:
        write(
            """
            positions:
              - actor: veldoria
                issue: fishing-quotas
                stance: suport
            """
        )
    message = str(info.value)
    assert message.startswith(str(info.value.problems[0].path))
    assert "curation.yaml:4: positions.0.stance: 'suport' is not one of support" in message
    assert "did you mean 'support'?" in message


def test_every_problem_is_reported_in_line_order(write):
    with pytest.raises(CurationInvalid) as info:
        write(
            """
            actors:
              veldoria:
                nmae: "Veldoria"
                type: country
            positions:
              - {actor: veldoria, stance: oppose}
            """
        )
    lines = str(info.value).splitlines()
    assert len(lines) == 3
    assert lines[0].endswith(
        "curation.yaml:3: unknown key 'nmae' in actors.veldoria (did you mean 'name'?)"
    )
    assert "curation.yaml:4: actors.veldoria.type: 'country' is not one of" in lines[1]
    assert "curation.yaml:6: positions.0: missing key 'issue'" in lines[2]


def test_unknown_top_level_key(write):
    with pytest.raises(DossierError, match=r"curation.yaml:2: unknown key 'suppres'.*'suppress'"):
        write("title: x\nsuppres: [a]\n")


def test_syntax_error_has_line(write):
    with pytest.raises(DossierError, match=r"curation.yaml:3: invalid YAML: mapping values"):
        write("title: x\nactors: {}\nsuppress: a: b\n")


def test_duplicate_key_is_an_error(write):
    with pytest.raises(DossierError, match=r"curation.yaml:2: invalid YAML: .*duplicate key"):
        write("title: a\ntitle: b\n")


def test_top_level_must_be_a_mapping(write):
    with pytest.raises(DossierError, match="must be a mapping"):
        write("- a\n- b\n")


def test_tags_are_refused_not_executed(write):
    with pytest.raises(DossierError, match=r"curation.yaml:1: YAML tags"):
        write("title: !!python/object/apply:os.system ['echo hi']\n")


def test_alias_bomb_is_refused(write):
    # Nine levels of nine aliases: 10^9 strings if anything expanded it. The refusal has to come
    # from counting alias events, or this test would never finish.
    levels = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)
    ]
    bomb = "\n".join(levels) + "\nsuppress: *a9\n"
    with pytest.raises(DossierError, match="alias bomb") as info:
        write(bomb)
    assert info.value.line == 3  # the 17th alias sits on the third line


def test_a_few_aliases_are_fine(write):
    curation = write(
        """
        positions:
          - &cell {actor: a, issue: b, stance: mixed}
          - *cell
        """
    )
    assert len(curation.positions) == 2


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text("title: x\n" + "# padding\n" * 200_000)
    with pytest.raises(DossierError, match="limit"):
        load_curation(path)


def test_non_utf8_file_is_refused(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_bytes(b"title: \xff\xfe caf\xe9\n")
    with pytest.raises(DossierError, match="UTF-8"):
        load_curation(path)


def test_a_directory_is_not_a_curation_file(tmp_path):
    with pytest.raises(DossierError, match="not a file"):
        load_curation(tmp_path)


@pytest.mark.parametrize(
    "nested",
    ["- " * 3000 + "x", "suppress: " + "[" * 900 + "]" * 900],
    ids=["block", "flow"],
)
def test_deep_nesting_is_an_error_not_a_traceback(write, nested):
    # A few kilobytes of nesting make the YAML library recurse past Python's limit.
    with pytest.raises(DossierError, match="nest"):
        write(nested + "\n")
