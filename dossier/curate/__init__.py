"""Stage 3b, curate: the analyst's corrections from `content/curation.yaml`, applied after resolve.

Contract:
- `load_curation(path) -> Curation` (missing file = empty curation; errors carry file:line).
- `check(curation, dossier) -> list[DossierError]` for unknown ids and bad values, run on the
  bare dossier because the ids an analyst writes are the bare extraction's.
- `apply(dossier, curation) -> Dossier`, pure; curated items get `curated: true`.
- `curation_json_schema() -> dict`, published as `site/curation.schema.json`.
"""

from dossier.curate.apply import apply
from dossier.curate.check import check
from dossier.curate.load import CurationInvalid, load_curation, parse_curation
from dossier.curate.model import (
    ActorCuration,
    Curation,
    IssueCuration,
    PositionCuration,
    curation_json_schema,
)

__all__ = [
    "ActorCuration",
    "Curation",
    "CurationInvalid",
    "IssueCuration",
    "PositionCuration",
    "apply",
    "check",
    "curation_json_schema",
    "load_curation",
    "parse_curation",
]
