"""Where each page lives, relative links between pages, and linking actor names in escaped prose."""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable

from markupsafe import Markup

from dossier.render.escape import md
from dossier.slug import slugify

# Ids become file names and URL fragments: only this shape is used verbatim. Anything else
# (hand-edited YAML, say) is re-slugged, so no id can leave its folder or break a link.
_SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_SAFE_ANCHOR = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,79}$")
MAX_NAME = 80  # longer "names" are extraction noise; also bounds the regex's nesting depth

HOME = "index.md"
ACTORS = "actors/index.md"
SOURCES = "sources/index.md"
POSITIONS = "positions.md"
DEMANDS = "demands.md"
NEXT_STEPS = "next-steps.md"
TIMELINE = "timeline.md"
DISCREPANCIES = "discrepancies.md"
CHANGES = "changes.md"


def safe_id(raw: str) -> str:
    """`raw` if it is a plain slug, else a slug of it plus a short hash (so distinct ids stay distinct)."""
    if _SAFE_ID.match(raw):
        return raw
    digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slugify(raw, 'id')[:60]}-{digest}"


def safe_anchor(raw: str) -> str | None:
    """A sentence anchor usable as an HTML id, or None."""
    return raw if _SAFE_ANCHOR.match(raw) else None


def actor_page(actor_id: str) -> str:
    return f"actors/{safe_id(actor_id)}.md"


def source_page(source_id: str) -> str:
    return f"sources/{safe_id(source_id)}.md"


def item_anchor(kind: str, item_id: str) -> str:
    """The element id of one item on a list page, e.g. `demand-nato-asks-russia`."""
    return f"{kind}-{safe_id(item_id)}"


def rel(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Relative link from one Markdown page to another (mkdocs rewrites it to directory URLs)."""
    if to_page == from_page:
        path = ""
    else:
        path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}" if anchor else path


def link(label: Markup, from_page: str, to_page: str, anchor: str | None = None) -> Markup:
    """A Markdown link; `label` must already be escaped (Markup), the target is always ours."""
    return Markup(f"[{md(label)}]({rel(from_page, to_page, anchor)})")


class ActorLinker:
    """Links every occurrence of an actor's name or alias in escaped text to the actor's page.

    One regex over all names, longest first, so "Maria Ivanova" wins over "Ivanova" and each
    span is linked at most once. It runs on escaped text, so it matches the escaped form of each
    name and can never see markup from an article. The names form a trie, so the cost per
    character does not grow with the number of actors.
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        owners: dict[str, set[str]] = {}
        for name, actor_id in names:
            key = str(md(name))
            if 2 <= len(name.strip()) <= MAX_NAME:
                owners.setdefault(key, set()).add(actor_id)
        # A name two actors share is ambiguous: linking it would be a guess.
        self._owner = {key: ids.pop() for key, ids in owners.items() if len(ids) == 1}
        names_re = _trie_pattern(sorted(self._owner)) or r"(?!x)x"
        # Existing links (ours) are matched first and passed through untouched. A name must not
        # sit inside a word, an entity (`&#39;`) or right after an escaping backslash.
        self._re = re.compile(
            r"(?P<link>(?<!\\)\[(?:[^\]\\]|\\.)*\]\([^)\s]*\)|<a\b.*?</a>)"
            rf"|(?<![\w&#\\])(?P<name>{names_re})(?!\w)",
            re.DOTALL,
        )

    def __call__(self, escaped: Markup, from_page: str) -> Markup:
        def repl(m: re.Match[str]) -> str:
            if m.group("link"):
                return m.group("link")
            name = m.group("name")
            target = actor_page(self._owner[name])
            return name if target == from_page else f"[{name}]({rel(from_page, target)})"

        return Markup(self._re.sub(repl, str(escaped)))


def _trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, longest first: greedy optional tails in a character trie."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)
