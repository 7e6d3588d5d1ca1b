"""The one boundary where untrusted article text enters Markdown and HTML: escape it to inert text."""

from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

# C0/C1 controls, DEL, non-characters and lone surrogates. Python-Markdown uses STX/ETX (\x02,
# \x03) to mark its internal placeholders, so text carrying them could splice stashed HTML back in.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ud800-\udfff]")
# Newlines and every other Unicode space collapse to one space: escaped text is always one line,
# so it can never start a block (heading, list, quote, fence, setext underline, table row).
_SPACE = re.compile(r"\s+")

# Characters both renderers (Python-Markdown with our extensions, and CommonMark) accept a
# backslash before. `<`, `>`, `&`, quotes get HTML entities instead, because Python-Markdown
# leaves a backslash before them visible.
_BACKSLASHED = frozenset("\\`*_{}[]()#+-.!|")
# Markdown-significant characters Python-Markdown cannot backslash-escape: numeric references
# keep them literal in every position (e.g. `~~~` fences, `===` setext, `:` of autolinks).
_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
    "~": "&#126;",
    "=": "&#61;",
    "^": "&#94;",
    "$": "&#36;",  # math extensions, should anyone enable one
    ":": "&#58;",
    "@": "&#64;",  # bare e-mail autolinks
}
_TABLE = {ord(c): "\\" + c for c in _BACKSLASHED} | {ord(c): e for c, e in _ENTITIES.items()}
# `www.` starts an autolink for linkify-style extensions even without a scheme.
_WWW = re.compile(r"(?i)\b(www)\\\.")


def clean(text: str) -> str:
    """The visible form of `text`: controls removed, whitespace collapsed, trimmed."""
    return _SPACE.sub(" ", _CONTROLS.sub("", text)).strip()


def md(text: object) -> Markup:
    """Escape untrusted text for use inline in Markdown (and so in the HTML it becomes).

    The result renders as exactly `clean(text)`: no tag, link, footnote, emphasis, block or
    autolink can come out of it, whatever it contains. Text that is already `Markup` is our own
    generated markup and passes through unchanged.
    """
    if isinstance(text, Markup):
        return text
    if text is None:
        return Markup("")
    return Markup(_WWW.sub(r"\1&#46;", clean(str(text)).translate(_TABLE)))


def meta_title(text: str) -> Markup:
    """A page title for the YAML front matter: HTML-escaped, then quoted as a YAML scalar.

    Themes print `page.meta.title` into `<title>` and the header without escaping, so it must
    already be HTML; JSON strings are valid double-quoted YAML scalars.
    """
    return Markup(json.dumps(html.escape(clean(text), quote=True), ensure_ascii=False))
