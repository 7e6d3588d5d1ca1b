"""The diff behind /changes/: added, removed and changed items by stable id."""

from dossier.changes import diff
from dossier.model.dossier import Actor, Dossier, Evidence, Position


def _dossier(stance="support", extra_actor=False, more_evidence=False):
    ev = [Evidence(source="a", text="x", start=0, end=1)]
    if more_evidence:
        ev.append(Evidence(source="b", text="y", start=0, end=1))
    actors = [Actor(id="nato", name="NATO", type="organization")]
    if extra_actor:
        actors.append(Actor(id="osce", name="OSCE", type="organization"))
    positions = [
        Position(
            id="nato-talks", actor="nato", issue="talks", stance=stance, summary="s", evidence=ev
        )
    ]
    return Dossier(title="t", updated="2022-01-12", actors=actors, positions=positions)


def test_first_build_adds_everything():
    changes = diff(None, _dossier())
    assert changes.first_build and changes.previous is None
    assert [(c.kind, c.id) for c in changes.added] == [
        ("actor", "nato"),
        ("position", "nato-talks"),
    ]
    assert not (changes.removed or changes.changed)


def test_added_removed_changed():
    changes = diff(_dossier(), _dossier(stance="oppose", extra_actor=True))
    assert [(c.kind, c.id) for c in changes.added] == [("actor", "osce")]
    assert [(c.kind, c.id, c.detail) for c in changes.changed] == [
        ("position", "nato-talks", "stance: support → oppose")
    ]
    assert diff(_dossier(extra_actor=True), _dossier()).removed[0].id == "osce"


def test_new_corroborating_source_is_a_change():
    changes = diff(_dossier(), _dossier(more_evidence=True))
    assert changes.changed[0].detail == "new sources: b"


def test_identical_builds_change_nothing():
    changes = diff(_dossier(), _dossier())
    assert not (changes.added or changes.removed or changes.changed)
