"""The shape of `content/curation.yaml`: the analyst's corrections, validated strictly."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from dossier.model.dossier import ActorType, Stance

CURATION_SCHEMA_ID = "curation.schema.json"


class _Strict(BaseModel):
    # A typo in a hand-written key must be an error, never silently ignored.
    model_config = ConfigDict(extra="forbid")


class ActorCuration(_Strict):
    """Corrections to one actor, keyed by its id (the id never changes, so links keep working)."""

    name: str | None = Field(default=None, min_length=1, description="New display name")
    type: ActorType | None = Field(default=None, description="Corrected actor type")
    affiliation: str | None = Field(
        default=None,
        description="Actor id of the body or state it belongs to; null clears the affiliation",
    )
    aliases: list[str] = Field(
        default=[],
        description="Extra names; any other actor carrying one of them is merged into this one",
    )
    drop: bool = Field(
        default=False, description="Not an actor: remove it and everything that hangs on it"
    )


class IssueCuration(_Strict):
    """A better label for an issue the extraction derived."""

    label: str = Field(min_length=1)


class PositionCuration(_Strict):
    """One cell of the position matrix, added or overridden."""

    actor: str = Field(description="Actor id")
    issue: str = Field(description="Issue id")
    stance: Stance
    note: str | None = Field(default=None, description="Why: shown on the site with the cell")


class Curation(_Strict):
    """Everything an analyst may correct. Every id refers to the bare (uncurated) extraction."""

    title: str | None = Field(default=None, min_length=1, description="Dossier title override")
    actors: dict[str, ActorCuration] = {}
    issues: dict[str, IssueCuration] = {}
    positions: list[PositionCuration] = []
    suppress: list[str] = Field(
        default=[], description="Ids of items to hide: quotes, demands, next steps, positions, ..."
    )

    # Where each key came from, so `check` can say `file:line`. Keys are paths such as
    # ("actors", "jane-doe", "name") or ("suppress", 2); values are 1-based lines.
    _path: str | None = PrivateAttr(default=None)
    _lines: dict[tuple[str | int, ...], int] = PrivateAttr(default_factory=dict)

    @property
    def path(self) -> str | None:
        return self._path

    def line_of(self, *loc: str | int) -> int | None:
        """The line of the deepest known key along `loc`, or None for a curation built in code."""
        for n in range(len(loc), 0, -1):
            line = self._lines.get(tuple(loc[:n]))
            if line is not None:
                return line
        return None

    def is_empty(self) -> bool:
        return not (self.title or self.actors or self.issues or self.positions or self.suppress)


def curation_json_schema() -> dict[str, Any]:
    """The JSON Schema of `curation.yaml`, published next to the dossier's schema."""
    schema = Curation.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CURATION_SCHEMA_ID,
        "title": "dossier curation.yaml",
        "description": (
            "The analyst's corrections, applied after extraction on every build. "
            "Ids refer to the bare extraction (`dossier extract --no-curation`)."
        ),
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
