"""Slugs stay inside their folder, stay unique and stay readable."""

import pytest

from dossier.slug import slugify, unique


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jens Stoltenberg", "jens-stoltenberg"),
        ("RFE/RL", "rfe-rl"),
        ("../../etc/passwd", "etc-passwd"),
        ("Señora Núñez", "senora-nunez"),
    ],
)
def test_readable(text, expected):
    assert slugify(text) == expected


@pytest.mark.parametrize("text", ["---", "...", "Владимир Путин", "习近平", ""])
def test_unsluggable_names_get_a_stable_hashed_slug(text):
    slug = slugify(text, fallback="actor")
    assert slug.startswith("actor-") and slug == slugify(text, fallback="actor")
    assert "/" not in slug and "." not in slug


def test_different_non_latin_names_do_not_collide():
    assert slugify("Владимир Путин") != slugify("Сергей Лавров")


def test_unique():
    taken: set[str] = set()
    assert [unique("a", taken) for _ in range(3)] == ["a", "a-2", "a-3"]
