"""Settings and CLI options: bad limits from the environment or the command line are one-line errors."""

import pytest

from dossier.cli import main
from dossier.config import Settings
from dossier.errors import DossierError


@pytest.mark.parametrize("value", ["5MB", "-1", "0", "1e6"])
def test_bad_size_limit_in_the_environment_names_the_variable(monkeypatch, tmp_path, value):
    monkeypatch.setenv("DOSSIER_MAX_ARTICLE_BYTES", value)
    with pytest.raises(DossierError, match="DOSSIER_MAX_ARTICLE_BYTES"):
        Settings(root=tmp_path)


def test_size_limit_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DOSSIER_MAX_ARTICLE_BYTES", "1234")
    assert Settings(root=tmp_path).max_article_bytes == 1234


def test_cli_prints_the_environment_error_as_one_line(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("DOSSIER_MAX_ARTICLE_BYTES", "5MB")
    assert main(["check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: DOSSIER_MAX_ARTICLE_BYTES='5MB'") and err.count("\n") == 1


@pytest.mark.parametrize("option", ["--workers", "--max-article-bytes"])
@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_counts_on_the_command_line_must_be_positive(tmp_path, capsys, option, value):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "--root", str(tmp_path), option, value])
    assert exit_.value.code == 2
    assert "at least 1" in capsys.readouterr().err
