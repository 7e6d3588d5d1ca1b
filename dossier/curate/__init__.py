"""Stage 3b, curate: the analyst's corrections from `content/curation.yaml`, applied after resolve.

Contract:
- `load_curation(path) -> Curation` (missing file = empty curation; errors carry file:line).
- `check(curation, dossier) -> list[DossierError]` for unknown ids and bad values.
- `apply(dossier, curation) -> Dossier`, pure; curated items get `curated: true`.
"""
