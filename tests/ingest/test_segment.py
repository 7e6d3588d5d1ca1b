"""Candidate paragraphs: blank lines, one line per paragraph in scraped text, hard-wrapped blocks, long lines."""

from __future__ import annotations

from dossier.ingest.segment import MAX_PARAGRAPH, segment


def spans(text: str, **kw) -> list[str]:
    found, _ = segment(text, 0, len(text), **kw)
    return [text[c.start : c.end] for c in found]


def test_blank_lines_split_with_any_newline_style():
    text = "  One.  \r\n\r\nTwo.\r\rThree.\n\n\nFour.\n"
    assert spans(text) == ["One.", "Two.", "Three.", "Four."]


def test_scraped_lines_are_separate_candidates():
    text = (
        "A caption that runs long and ends without any punctuation at all, Jan 12 2022\n"
        "The headline again\n"
        "The first paragraph of the story, which is long and ends with a full stop.\n"
    )
    assert len(spans(text)) == 3


def test_hard_wrapped_block_is_one_paragraph():
    text = (
        "The meeting of the council held in Brussels on Wednesday was not an\n"
        "easy discussion, the secretary-general said at a press conference after\n"
        "the talks.\n\nNext paragraph."
    )
    assert spans(text) == [text[: text.index("\n\nNext")], "Next paragraph."]


def test_a_dateline_line_never_joins_a_wrapped_block():
    text = (
        "NATO and Russia agree to meet again after talks in Brussels\n12 January 2022, 06:21 PM\n"
    )
    joined = spans(text)
    assert len(joined) == 1  # without knowing datelines, two lines of this shape look wrapped
    assert spans(text, is_special=lambda line: "2022" in line) == [
        "NATO and Russia agree to meet again after talks in Brussels",
        "12 January 2022, 06:21 PM",
    ]


def test_joined_mode_keeps_a_block_whole():
    text = "Talks\nwent on\n\nand on."
    assert spans(text, joined=True) == ["Talks\nwent on", "and on."]


def test_control_characters_break_paragraphs_and_are_recorded():
    text = "First part of it.\x00\x00Second part.\x1b[31mThird."
    found, removed = segment(text, 0, len(text))
    assert [text[c.start : c.end] for c in found] == [
        "First part of it.",
        "Second part.",
        "[31mThird.",
    ]
    assert [(r.start, r.end, r.reason) for r in removed] == [
        (17, 19, "control characters"),
        (31, 32, "control characters"),
    ]


def test_long_paragraph_is_cut_at_sentence_ends():
    text = "".join(f"Sentence number {i} is here. " for i in range(2000)).strip()
    pieces = spans(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_PARAGRAPH and p.endswith("here.") for p in pieces)
    assert " ".join(pieces) == text


def test_long_word_is_cut_hard():
    pieces = spans("x" * (3 * MAX_PARAGRAPH))
    assert [len(p) for p in pieces] == [MAX_PARAGRAPH] * 3
