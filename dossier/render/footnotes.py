"""Provenance footnotes: each claim's evidence as a Markdown footnote that quotes and links the sentence."""

from __future__ import annotations

import bisect

from markupsafe import Markup

from dossier.model.dossier import Evidence, Source
from dossier.render.escape import md
from dossier.render.links import rel, safe_anchor, source_page


class SentenceIndex:
    """Finds the anchor of the sentence an evidence span points into, per source."""

    def __init__(self, sources: list[Source]) -> None:
        self._starts: dict[str, list[int]] = {}
        self._anchors: dict[str, list[str]] = {}
        for source in sources:
            sentences = sorted(
                (s for para in source.paragraphs for s in para if safe_anchor(s.anchor)),
                key=lambda s: (s.start, s.anchor),
            )
            self._starts[source.id] = [s.start for s in sentences]
            self._anchors[source.id] = [s.anchor for s in sentences]

    def anchor(self, ev: Evidence) -> str | None:
        """`ev.anchor` when the source page has it, else the sentence containing `ev.start`."""
        anchors = self._anchors.get(ev.source, [])
        if ev.anchor and ev.anchor in anchors:
            return ev.anchor
        i = bisect.bisect_right(self._starts.get(ev.source, []), ev.start) - 1
        return anchors[i] if i >= 0 else None


def count_sources(evidence: list[Evidence]) -> int:
    return len({e.source for e in evidence})


class Footnotes:
    """Collects the footnotes of one page; identical evidence lists share one footnote."""

    def __init__(self, page: str, sources: dict[str, Source], sentences: SentenceIndex) -> None:
        self._page = page
        self._sources = sources
        self._sentences = sentences
        self._labels: dict[tuple[tuple[str, int, int], ...], int] = {}
        self._notes: list[list[Evidence]] = []

    def ref(self, evidence: list[Evidence]) -> Markup:
        """The footnote reference for one claim, with a corroboration count when several sources agree."""
        if not evidence:
            return Markup(
                ' <span class="badge unsourced" title="No evidence recorded">no source</span>'
            )
        key = tuple(sorted({(e.source, e.start, e.end) for e in evidence}))
        if key not in self._labels:
            self._labels[key] = len(self._notes) + 1
            self._notes.append(sorted(evidence, key=lambda e: (e.source, e.start, e.end)))
        ref = Markup(f"[^{self._labels[key]}]")
        n = count_sources(evidence)
        if n > 1:
            ref += Markup(f' <span class="badge sources" title="Corroborated">{n} sources</span>')
        return ref

    def definitions(self) -> Markup:
        """All footnote definitions of the page, in order of first reference."""
        blocks = []
        for label, notes in enumerate(self._notes, start=1):
            seen: set[tuple[str, int, int]] = set()
            entries = []
            for ev in notes:
                if (ev.source, ev.start, ev.end) not in seen:
                    seen.add((ev.source, ev.start, ev.end))
                    entries.append(self._entry(ev))
            n = count_sources(notes)
            head = Markup(f"**{n} sources.**") if n > 1 else None
            paras = ([head] if head else []) + entries
            # Later paragraphs of a footnote are indented four spaces, after a blank line.
            body = Markup("\n\n    ").join(paras)
            blocks.append(Markup(f"[^{label}]: {body}"))
        return Markup("\n\n").join(blocks)

    def _entry(self, ev: Evidence) -> Markup:
        source = self._sources.get(ev.source)
        quote = Markup("“{}”").format(md(ev.text))
        if source is None:
            return Markup("Unknown source {}: {}").format(md(ev.source), quote)
        outlet = md(source.outlet) if source.outlet else Markup("*Outlet not stated*")
        date = md(source.published) if source.published else Markup("undated")
        target = rel(self._page, source_page(source.id), self._sentences.anchor(ev))
        return Markup("{}, “{}”, {}: [{}]({})").format(
            outlet, md(source.title), date, quote, Markup(target)
        )
