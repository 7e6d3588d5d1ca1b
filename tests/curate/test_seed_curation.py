"""content/curation.yaml is valid against the real bare extraction of the seeds, and applies."""

from __future__ import annotations

from pathlib import Path

from dossier.config import Settings
from dossier.curate import apply, check, load_curation
from dossier.pipeline import extract_dossier

ROOT = Path(__file__).resolve().parents[2]


def test_seed_curation_checks_clean_and_applies(tmp_path):
    curation = load_curation(ROOT / "content" / "curation.yaml")
    assert not curation.is_empty()
    bare = extract_dossier(Settings(root=ROOT, use_curation=False, cache=tmp_path / "cache"))
    assert [str(e) for e in check(curation, bare)] == []
    curated = apply(bare, curation)
    assert curated.title == "NATO–Russia Council, Brussels, 12 January 2022"
    for actor_id, fix in curation.actors.items():
        actor = next(a for a in curated.actors if a.id == actor_id)
        assert actor.curated and set(fix.aliases) <= set(actor.aliases)
    assert bare.title != curated.title  # the bare extraction is untouched
