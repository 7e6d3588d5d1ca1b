"""Readable, safe, unique slugs for ids, file names and URL paths."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")
MAX_LEN = 60


def slugify(text: str, fallback: str = "item") -> str:
    """ASCII slug of `text`: lower case, hyphens, no dots or slashes, so it cannot leave its folder.

    Non-Latin names transliterate where Unicode decomposes them; otherwise the slug is
    `fallback` plus a short hash of the text, so it stays unique and readable.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_WORD.sub("-", folded).strip("-")[:MAX_LEN].strip("-")
    if not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{fallback}-{digest}"
    return slug


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, ... whichever is not taken yet; records the choice."""
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate
