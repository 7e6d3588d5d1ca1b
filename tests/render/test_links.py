"""Relative links between pages, safe ids, and actor names linked in escaped prose."""

from __future__ import annotations

from dossier.render.escape import md
from dossier.render.links import ActorLinker, rel, safe_anchor, safe_id

LINKER = ActorLinker(
    [
        ("NATO", "nato"),
        ("Aleksandr Volkov", "volkov"),
        ("Volkov", "volkov"),
        ("US", "us"),
        ("U.S.", "us"),
        ("Georgia", "georgia-state"),
        ("Georgia", "georgia-us"),
        ("RFE/RL", "rfe-rl"),
        ("<b>Bold</b>", "bold"),
        ("Сергей Иванов", "ivanov"),
        ("X", "x"),
    ]
)


def linked(text: str, page: str = "index.md") -> str:
    return str(LINKER(md(text), page))


def test_rel_between_pages():
    assert rel("index.md", "actors/nato.md") == "actors/nato.md"
    assert rel("actors/volkov.md", "actors/nato.md") == "nato.md"
    assert rel("actors/volkov.md", "sources/a.md", "s3") == "../sources/a.md#s3"
    assert rel("positions.md", "positions.md", "issue-x") == "#issue-x"


def test_safe_ids_and_anchors():
    assert safe_id("nato") == "nato"
    assert safe_id("../../etc/passwd").startswith("etc-passwd-")
    assert safe_id("RFE/RL") != safe_id("RFE RL")
    assert "/" not in safe_id("a/b") and "." not in safe_id("..")
    assert safe_anchor("s12") == "s12"
    assert safe_anchor('s1" onmouseover="x') is None


def test_longest_name_wins_and_each_occurrence_links():
    out = linked("Aleksandr Volkov met NATO; Volkov said NATO must wait.")
    assert out.count("](actors/volkov.md)") == 2
    assert "[Aleksandr Volkov](actors/volkov.md)" in out
    assert out.count("[NATO](actors/nato.md)") == 2


def test_names_inside_words_and_other_case_do_not_link():
    assert "](" not in linked("NATOs and the USA told us")
    assert "](" not in linked("Volkovsky")


def test_escaped_names_and_punctuation_link():
    assert "[U\\.S\\.](actors/us.md)" in linked("The U.S. said")
    assert "[RFE/RL](actors/rfe-rl.md)" in linked("RFE/RL reported")
    assert "[Сергей Иванов](actors/ivanov.md)" in linked("Сергей Иванов said")
    assert "[NATO](actors/nato.md)&#39;s" in linked("NATO's door")
    out = linked("<b>Bold</b> text")
    assert out.startswith("[&lt;b&gt;Bold&lt;/b&gt;](actors/bold.md)")


def test_ambiguous_and_one_letter_names_are_not_linked():
    assert "](" not in linked("Georgia and X")


def test_no_link_to_the_page_itself_and_none_inside_links():
    assert linked("NATO met", page="actors/nato.md") == "NATO met"
    already = LINKER(md("NATO") + " and [NATO](elsewhere.md)", "index.md")
    assert "[NATO](elsewhere.md)" in str(already)
    assert "[[" not in str(already)


def test_entities_are_never_split():
    # `&#58;` is the escaped colon: a name "58" must not link inside it.
    linker = ActorLinker([("58", "n")])
    assert "](" not in str(linker(md("time: 10"), "index.md"))


def test_longest_match_backs_off_when_a_longer_name_does_not_end_there():
    linker = ActorLinker([("Volkov", "v"), ("Volkov Jr", "vj"), ("Vol", "short")])
    assert str(linker(md("Volkov Jr said"), "index.md")) == "[Volkov Jr](actors/vj.md) said"
    assert str(linker(md("Volkov Jrs"), "index.md")) == "[Volkov](actors/v.md) Jrs"
    assert str(linker(md("Vol. 2"), "index.md")) == "[Vol](actors/short.md)\\. 2"
