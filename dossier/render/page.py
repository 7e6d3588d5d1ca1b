"""The helpers a page template calls: links, footnotes, badges, tables; all return escaped Markup."""

from __future__ import annotations

from markupsafe import Markup

from dossier.model.changes import Change
from dossier.model.dossier import Evidence, Source, SourceSentence
from dossier.render import links as L
from dossier.render.escape import md
from dossier.render.footnotes import Footnotes, SentenceIndex
from dossier.render.links import ActorLinker
from dossier.render.view import View

STANCE_WORDS = {"support": "supports", "oppose": "opposes", "mixed": "mixed", "neutral": "neutral"}
STATUSES = ("open", "rejected", "accepted", "unknown")
KIND_LABELS = {
    "source": "Source",
    "actor": "Actor",
    "issue": "Issue",
    "position": "Position",
    "demand": "Demand",
    "next_step": "Next step",
    "timeline": "Timeline event",
    "quote": "Quote",
    "discrepancy": "Discrepancy",
}
_CURATED = Markup(
    ' <span class="badge curated" title="Set or corrected by an analyst">curated</span>'
)
_UNSURE = Markup(
    ' <span class="badge unsure" title="Low confidence: check the evidence">unsure</span>'
)


def plural(n: int, word: str) -> Markup:
    return Markup(f"{n} {word}{'' if n == 1 else 's'}")


def md_join(items: list[str]) -> Markup:
    return Markup(", ").join(md(x) for x in items)


def outlet(source: Source) -> Markup:
    return md(source.outlet) if source.outlet else Markup("<em>Outlet not stated</em>")


class Page:
    """One page being rendered: knows its own path, so every link it makes is relative to it."""

    def __init__(
        self, path: str, view: View, linker: ActorLinker, sentences: SentenceIndex
    ) -> None:
        self.path = path
        self.view = view
        self._linker = linker
        self.notes = Footnotes(path, view.sources, sentences)

    # Links

    def to(self, page: str, anchor: str | None = None) -> Markup:
        return Markup(L.rel(self.path, page, anchor))

    def link(self, label: object, page: str, anchor: str | None = None) -> Markup:
        return L.link(md(label), self.path, page, anchor)

    def prose(self, text: str | None) -> Markup:
        """Article-derived prose, escaped, with actor names linked."""
        return self._linker(md(text), self.path)

    def actor(self, actor_id: str) -> Markup:
        actor = self.view.actors.get(actor_id)
        if actor is None:
            return md(actor_id)
        if L.actor_page(actor.id) == self.path:
            return md(actor.name)  # no link to the page itself
        return self.link(actor.name, L.actor_page(actor.id))

    def actors(self, actor_ids: list[str]) -> Markup:
        return Markup(", ").join(self.actor(a) for a in actor_ids) if actor_ids else Markup("—")

    def source(self, source_id: str) -> Markup:
        source = self.view.sources.get(source_id)
        if source is None:
            return md(source_id)
        return self.link(source.title, L.source_page(source.id))

    def sources(self, source_ids: list[str]) -> Markup:
        return Markup("; ").join(self.source(s) for s in source_ids) if source_ids else Markup("—")

    def issue(self, issue_id: str) -> Markup:
        issue = self.view.issues.get(issue_id)
        if issue is None:
            return md(issue_id)
        return self.link(issue.label, L.POSITIONS, L.item_anchor("issue", issue_id))

    def subject(self, subject: str) -> Markup:
        """A discrepancy's subject: an actor id when it is one, else free text."""
        return self.actor(subject) if subject in self.view.actors else md(subject)

    # Provenance

    def fn(self, evidence: list[Evidence]) -> Markup:
        return self.notes.ref(evidence)

    def footnotes(self) -> Markup:
        return self.notes.definitions()

    # Anchors, badges and small pieces of markup

    def target(self, kind: str, item_id: str) -> Markup:
        """An empty element whose id a link can point at (e.g. from /changes/)."""
        return Markup(f'<span class="item-target" id="{L.item_anchor(kind, item_id)}"></span>')

    def heading_id(self, kind: str, item_id: str) -> Markup:
        return Markup(f"{{: #{L.item_anchor(kind, item_id)} }}")

    def badges(self, item: object) -> Markup:
        out = Markup("")
        if getattr(item, "curated", False):
            out += _CURATED
        if getattr(item, "confidence", "high") == "low":
            out += _UNSURE
        return out

    def note(self, item: object) -> Markup:
        note = getattr(item, "note", None)
        return Markup(" (analyst's note: {})").format(md(note)) if note else Markup("")

    def stance(self, stance: str) -> Markup:
        word = STANCE_WORDS.get(stance)
        if word is None:
            return md(stance)
        return Markup(f'<span class="stance stance-{stance}">{word}</span>')

    def status(self, status: str) -> Markup:
        if status not in STATUSES:
            return md(status)
        return Markup(f'<span class="status status-{status}">{status}</span>')

    def matrix(self) -> Markup:
        """The actors × issues table; each cell links to the position's details and evidence."""
        rows, cols, cells = self.view.positions_matrix()
        lines = [
            Markup("| Actor | ")
            + Markup(" | ").join(self.issue(i.id) for i in cols)
            + Markup(" |"),
            Markup("|---|" + "---|" * len(cols)),
        ]
        for actor in rows:
            row = [self.actor(actor.id)]
            for issue in cols:
                parts = [
                    self.link(
                        Markup(self.stance(pos.stance)),
                        L.POSITIONS,
                        L.item_anchor("position", pos.id),
                    )
                    + self.badges(pos)
                    + self.fn(pos.evidence)
                    for pos in cells.get((actor.id, issue.id), [])
                ]
                row.append(Markup("<br>").join(parts) if parts else Markup("—"))
            lines.append(Markup("| ") + Markup(" | ").join(row) + Markup(" |"))
        return Markup("\n").join(lines)

    def paragraph(self, sentences: list[SourceSentence]) -> Markup:
        """A source paragraph: each sentence in its own element, its anchor as id (a link target)."""
        out = []
        for s in sentences:
            anchor = L.safe_anchor(s.anchor)
            ident = f' id="{anchor}"' if anchor else ""
            out.append(Markup(f'<span class="sentence"{ident}>{md(s.text)}</span>'))
        return Markup(" ").join(out)

    def change(self, change: Change) -> Markup:
        """One entry of /changes/, linked to the item when it still exists."""
        kind = Markup(KIND_LABELS.get(change.kind, "Item"))
        where = locate(self.view, change.kind, change.id)
        label = self.link(change.label, *where) if where else md(change.label)
        detail = Markup(" — {}").format(md(change.detail)) if change.detail else Markup("")
        return Markup("{}: {}{}").format(kind, label, detail)


def locate(view: View, kind: str, item_id: str) -> tuple[str, str | None] | None:
    """(page, anchor) where an item of the current dossier is shown, or None if it is gone."""
    if kind == "source":
        return (L.source_page(item_id), None) if item_id in view.sources else None
    if kind == "actor":
        return (L.actor_page(item_id), None) if item_id in view.actors else None
    if kind == "quote":
        speaker = view.quote_speakers.get(item_id)
        if speaker is None:
            return None
        page = L.actor_page(speaker) if speaker in view.actors else L.ACTORS
        return page, L.item_anchor("quote", item_id)
    pages = {
        "issue": L.POSITIONS,
        "position": L.POSITIONS,
        "demand": L.DEMANDS,
        "next_step": L.NEXT_STEPS,
        "timeline": L.TIMELINE,
        "discrepancy": L.DISCREPANCIES,
    }
    if kind not in pages or item_id not in view.item_ids[kind]:
        return None
    return pages[kind], L.item_anchor(kind.replace("_", "-"), item_id)
