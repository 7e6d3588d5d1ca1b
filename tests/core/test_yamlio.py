"""Safe YAML: alias bombs and oversized files are refused before anything is built."""

import pytest

from dossier import yamlio
from dossier.errors import DossierError

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb_refused_before_expansion():
    # Expanding it would build 10^9 strings: the test only finishes if the refusal comes first.
    with pytest.raises(DossierError, match="alias"):
        yamlio.load(BOMB, "curation.yaml")


def test_syntax_error_names_file_and_line():
    with pytest.raises(DossierError) as caught:
        yamlio.load("a: 1\nb: [1\nc: 2\n", "content/curation.yaml")
    assert str(caught.value).startswith("content/curation.yaml:3:")


def test_line_offset_for_front_matter():
    lines = []
    for offset in (0, 1):
        with pytest.raises(DossierError) as caught:
            yamlio.load("a: 1\nb: [1\nc: 2\n", "x.md", line_offset=offset)
        lines.append(caught.value.line)
    assert lines == [3, 4]


def test_size_limit():
    with pytest.raises(DossierError, match="larger than"):
        yamlio.load("a: " + "x" * 200, "big.yaml", max_bytes=100)


def test_no_python_objects():
    with pytest.raises(DossierError):
        yamlio.load("!!python/object/apply:os.system ['echo pwned']", "evil.yaml")


def test_dump_is_deterministic_and_alias_free():
    shared = ["x"]
    data = {"b": shared, "a": shared, "ü": "ß"}
    assert yamlio.dump(data) == yamlio.dump(data)
    assert "&" not in yamlio.dump(data) and "*" not in yamlio.dump(data)
    assert yamlio.dump(data).splitlines()[0] == "b:"


def test_deep_nesting_refused_before_parsing():
    with pytest.raises(DossierError, match="deeper than 40"):
        yamlio.load("a: " + "[" * 5000 + "]" * 5000, "curation.yaml")


def test_depth_limit_is_the_callers():
    nested = "a: " + "[" * 25 + "]" * 25
    assert yamlio.load(nested, "x.yaml") is not None
    with pytest.raises(DossierError, match="deeper than 20"):
        yamlio.load(nested, "x.md", max_depth=20)
