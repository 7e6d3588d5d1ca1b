"""Issue #6, the cases that belong to ingest: every bad file is skipped with a reason or read safely."""

from __future__ import annotations

import codecs
import contextlib
import os
import random
from pathlib import Path

import pytest

from dossier.errors import DossierError
from dossier.ingest import ingest_dir, parse_article
from dossier.ingest.segment import MAX_PARAGRAPH
from tests.ingest.helpers import STORY, assert_offsets, kept

LIMIT = 5_000_000


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "content" / "articles").mkdir(parents=True)
    return tmp_path


def articles(repo: Path) -> Path:
    return repo / "content" / "articles"


def run(repo: Path, max_bytes: int = LIMIT):
    result = ingest_dir(articles(repo), repo, max_bytes)
    for article in result.articles:
        assert_offsets(article)
    return result


def skip_reason(result, name: str) -> str:
    found = [s.reason for s in result.skipped if s.path.endswith(name)]
    assert found, f"{name} was not skipped: {result.skipped}"
    return found[0]


def test_empty_file(repo):
    (articles(repo) / "empty.txt").write_bytes(b"")
    (articles(repo) / "blank.md").write_bytes(b"  \r\n\n\t\n")
    result = run(repo)
    assert not result.articles
    assert "empty file" in skip_reason(result, "empty.txt")
    assert "empty file" in skip_reason(result, "blank.md")


def test_random_binary(repo):
    (articles(repo) / "noise.txt").write_bytes(random.Random(6).randbytes(20_000))
    (articles(repo) / "bytes.html").write_bytes(bytes(range(256)) * 40)
    result = run(repo)
    assert not result.articles
    assert "binary" in skip_reason(result, "noise.txt")
    assert "binary" in skip_reason(result, "bytes.html")


def test_nul_bytes_are_dropped_but_offsets_index_the_file(repo):
    raw = f"Talks resume in Geneva\n\n{STORY}".replace("four hours", "four\x00\x00 hours").encode()
    (articles(repo) / "nul.txt").write_bytes(raw)
    result = run(repo)
    (article,) = result.articles
    assert article.text == raw.decode("utf-8")  # the NULs are still in the text...
    assert not any("\x00" in p for p in kept(article))  # ...but in no paragraph
    assert any(r.reason == "control characters" for r in article.removed)
    assert any(w.startswith("content/articles/nul.txt:") and "NUL" in w for w in result.warnings)


def test_one_two_megabyte_line(repo):
    line = "".join(
        f"The envoys said on day {i} that the talks would go on for a week. " for i in range(32_000)
    )
    (articles(repo) / "long.txt").write_bytes(line.encode())
    (articles(repo) / "blob.txt").write_bytes(b"A" * 2_100_000)
    result = run(repo)
    (article,) = result.articles
    assert len(article.text) > 2_000_000
    assert all(p.end - p.start <= MAX_PARAGRAPH for p in article.paragraphs)
    assert sum(p.end - p.start for p in article.paragraphs) > 2_000_000 * 0.99
    assert all(text.endswith("week.") for text in kept(article))  # cut at sentence ends
    assert "no article text" in skip_reason(result, "blob.txt")


def test_a_megabyte_of_short_lines_is_refused_with_a_limit(repo):
    (articles(repo) / "lines.txt").write_bytes(b"ab cd\n" * 400_000)
    assert "more than 50,000 lines" in skip_reason(run(repo), "lines.txt")


def test_cp1252(repo):
    text = "Caf\u00e9 talks resume\r\n\r\n" + STORY.replace("\n", "\r\n")
    (articles(repo) / "legacy.txt").write_bytes(text.encode("cp1252"))
    result = run(repo)
    (article,) = result.articles
    assert article.encoding == "cp1252"
    assert article.title == "Caf\u00e9 talks resume"
    assert "\u201cWe are here to find a solution,\u201d" in article.text
    assert article.text == text
    assert any("legacy.txt" in w and "cp1252" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("bom", "codec"), [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
)
def test_utf16_with_bom(repo, bom, codec):
    text = "Talks resume in Geneva\r\n\r\n" + STORY.replace("\n", "\r\n")
    (articles(repo) / "wide.txt").write_bytes(bom + text.encode(codec))
    (article,) = run(repo).articles
    assert article.encoding == codec
    assert article.text == text  # the mark is dropped, the CRLFs are not
    assert len(article.paragraphs) == 3


def test_mixed_line_endings(repo, parse):
    raw = (
        "Talks resume in Geneva\r\n\r\n"
        "Negotiators met on Tuesday to discuss the grain corridor.\r\r"
        "Officials said they would meet again next week.\n\n"
        "The United Nations mediates the talks, a spokesperson said.\r\n"
        "Both sides agreed on an agenda for the next round.\n"
    )
    article = parse(raw)
    assert article.text == raw  # no newline translation
    assert kept(article) == [
        "Negotiators met on Tuesday to discuss the grain corridor.",
        "Officials said they would meet again next week.",
        "The United Nations mediates the talks, a spokesperson said.",
        "Both sides agreed on an agenda for the next round.",
    ]


def test_article_over_the_size_limit_is_refused_before_reading(repo, monkeypatch):
    big = articles(repo) / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: costs no disk
    (articles(repo) / "ok.txt").write_text(f"Talks resume in Geneva\n\n{STORY}")
    opened: list[str] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):
        opened.append(self.name)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    result = run(repo, max_bytes=LIMIT)
    reason = skip_reason(result, "huge.txt")
    assert "5,000,000 bytes" in reason and "DOSSIER_MAX_ARTICLE_BYTES" in reason
    assert "huge.txt" not in opened and "ok.txt" in opened
    assert len(result.articles) == 1


def test_size_limit_applies_to_parse_article_too():
    with pytest.raises(Exception, match="over the limit of 10 bytes"):
        parse_article(b"x" * 11, "a.txt", max_bytes=10)


def test_russian_article_is_skipped_with_a_warning(repo):
    russian = "Россия и НАТО договорились продолжить переговоры в Брюсселе в среду, сообщили дипломаты.\n\n"
    (articles(repo) / "ru.txt").write_text(
        "Переговоры в Брюсселе\n\n" + russian * 5, encoding="utf-8"
    )
    (articles(repo) / "fr.txt").write_text(
        "Les pourparlers reprennent\n\n"
        + "La Russie et l'OTAN se sont mises d'accord pour poursuivre les discussions à Bruxelles. "
        * 5,
        encoding="utf-8",
    )
    (articles(repo) / "declared.md").write_text(
        f"---\nlanguage: de\n---\n{STORY}", encoding="utf-8"
    )
    result = run(repo)
    assert not result.articles
    assert "Cyrillic" in skip_reason(result, "ru.txt")
    assert "not English" in skip_reason(result, "fr.txt")
    assert "only English" in skip_reason(result, "declared.md")


def test_english_declared_in_front_matter_is_trusted(parse):
    article = parse(f"---\nlanguage: en-GB\n---\n{STORY}")
    assert article.language == "en"


def test_broken_front_matter_names_file_and_line(repo):
    (articles(repo) / "bad.md").write_text(
        f'---\ntitle: "Talks\noutlet: [unclosed\n---\n{STORY}', encoding="utf-8"
    )
    (articles(repo) / "open.md").write_text(f"---\ntitle: Talks\n{STORY}", encoding="utf-8")
    result = run(repo)
    reason = skip_reason(result, "bad.md")
    assert reason.startswith("content/articles/bad.md:") and "front matter" in reason
    assert int(reason.split(":")[1]) in (2, 3, 4)
    assert "\n" not in reason
    assert skip_reason(result, "open.md").startswith("content/articles/open.md:1:")


def test_front_matter_warnings_name_the_file(repo):
    (articles(repo) / "odd.md").write_text(
        f"---\ntitle: Talks\ncolour: blue\nurl: javascript:alert(1)\npublished: soon\n---\n{STORY}"
    )
    result = run(repo)
    (article,) = result.articles
    assert article.url is None and article.published is None
    assert len(result.warnings) == 3
    assert all(w.startswith("content/articles/odd.md: ") for w in result.warnings)


BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
---
"""


def test_yaml_alias_bomb_in_front_matter_is_refused(repo):
    (articles(repo) / "bomb.md").write_text(BOMB + STORY)
    (articles(repo) / "deep.md").write_text(
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n" + STORY
    )
    result = run(repo)
    assert not result.articles
    assert "alias" in skip_reason(result, "bomb.md")
    assert "nests" in skip_reason(result, "deep.md")


def test_symlink_outside_the_repository_is_not_followed(repo):
    outside = repo.parent / f"{repo.name}-outside.txt"
    outside.write_text(f"Secret outside\n\n{STORY}")
    inside = repo / "notes.txt"
    inside.write_text(f"Inside the repository\n\n{STORY.replace('Geneva', 'Vienna')}")
    os.symlink(outside, articles(repo) / "escape.txt")
    os.symlink(inside, articles(repo) / "inside.txt")
    os.symlink(repo.parent, articles(repo) / "folder")
    os.symlink(repo / "missing.txt", articles(repo) / "broken.txt")
    result = run(repo)
    assert "outside the repository" in skip_reason(result, "escape.txt")
    assert "not followed" in skip_reason(result, "folder")
    assert "broken" in skip_reason(result, "broken.txt")
    assert [a.path for a in result.articles] == ["content/articles/inside.txt"]


def test_file_names_with_spaces_and_non_ascii(repo):
    for name in ("Talks in Geneva.txt", "Überblick café.md", "переговоры.txt", "a b.txt", "a-b.md"):
        body = STORY.replace("Geneva", name.split(".")[0])
        (articles(repo) / name).write_text(f"A story about the talks\n\n{body}", encoding="utf-8")
    result = run(repo)
    assert not result.skipped
    paths = [a.path for a in result.articles]
    assert paths == sorted(paths) and "content/articles/Überblick café.md" in paths
    ids = [a.id for a in result.articles]
    assert len(set(ids)) == len(ids) == 5
    assert all(i.isascii() and "/" not in i and " " not in i for i in ids)
    assert {"a-b", "a-b-2", "talks-in-geneva", "uberblick-cafe"} <= set(ids)


def test_duplicate_articles_are_analysed_once(repo):
    (articles(repo) / "b-copy.md").write_text(f"---\ntitle: Talks\n---\n{STORY}")
    (articles(repo) / "a-original.txt").write_text(f"Talks\n\n{STORY.replace('  ', ' ')}")
    (articles(repo) / "c-spaced.txt").write_text(
        "Share this article\n\n" + STORY.replace(". ", ".  \n")
    )
    result = run(repo)
    assert [a.path for a in result.articles] == ["content/articles/a-original.txt"]
    assert skip_reason(result, "b-copy.md") == "duplicate of content/articles/a-original.txt"
    assert skip_reason(result, "c-spaced.txt") == "duplicate of content/articles/a-original.txt"


def test_all_furniture_article(repo):
    (articles(repo) / "furniture.txt").write_text(
        "Share this article\n\nLeave a Reply\n\nRelated Posts\n\nCopyright © 2024\n\nBecome a Patron!\n"
    )
    (articles(repo) / "headings.txt").write_text("Talks\n\nMore talks\n\nWhat comes next\n\n2022\n")
    result = run(repo)
    assert not result.articles
    assert "no article text" in skip_reason(result, "furniture.txt")
    assert "no article text" in skip_reason(result, "headings.txt")


def test_other_files_are_ignored_and_special_files_skipped(repo):
    (articles(repo) / ".hidden.txt").write_text(STORY)
    (articles(repo) / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    os.mkfifo(articles(repo) / "pipe.txt")  # reading it would block forever
    result = run(repo)
    assert not result.articles
    assert "not a regular file" in skip_reason(result, "pipe.txt")
    assert result.warnings == [
        "content/articles/photo.jpg: ignored: not an article file (use .md, .txt or .html)"
    ]


@pytest.mark.parametrize(
    "raw",
    [
        ("the talks, " * 200_000 + "end.").encode(),
        ("(" * 100_000 + "the talks went on.").encode(),
        ("By " * 100_000).encode(),
        ("12.01." * 100_000).encode(),
        ("\u201c" * 200_000).encode(),
        (" \r" * 300_000 + "the end of the talks.").encode(),
    ],
    ids=["commas", "brackets", "bylines", "dates", "quotes", "carriage-returns"],
)
def test_pathological_text_completes(raw):
    # Would hang on a backtracking regex; each case either parses or is refused cleanly.
    with contextlib.suppress(DossierError):
        assert_offsets(parse_article(raw, "odd.txt"))
