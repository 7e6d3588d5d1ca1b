"""apply(): each correction, what it moves and marks, and that the input is left alone."""

from __future__ import annotations

import json

from dossier.curate import (
    ActorCuration,
    Curation,
    IssueCuration,
    PositionCuration,
    apply,
    curation_json_schema,
)
from dossier.model.dossier import Dossier


def by_id(items) -> dict:
    return {item.id: item for item in items}


def test_empty_curation_changes_nothing(bare):
    assert apply(bare, Curation()) == bare


def test_apply_is_pure(bare):
    before = bare.model_dump()
    apply(
        bare, Curation(title="T", actors={"share": ActorCuration(drop=True)}, suppress=["q-share"])
    )
    assert bare.model_dump() == before


def test_title_override(bare):
    assert apply(bare, Curation(title="Council summit, Oslo")).title == "Council summit, Oslo"


def test_rename_keeps_id_and_old_name_as_alias(bare):
    out = apply(bare, Curation(actors={"nordic-council": ActorCuration(name="The Nordic Council")}))
    actor = by_id(out.actors)["nordic-council"]
    assert actor.name == "The Nordic Council" and actor.curated is True
    assert "Nordic Council" in actor.aliases
    assert by_id(out.actors)["veldoria"].curated is False


def test_retype_and_reaffiliate(bare):
    out = apply(
        bare,
        Curation(
            actors={
                "lindqvist": ActorCuration(type="person", affiliation="veldoria"),
                "maria-lindqvist": ActorCuration.model_validate({"affiliation": None}),
            }
        ),
    )
    actors = by_id(out.actors)
    assert actors["lindqvist"].type == "person" and actors["lindqvist"].affiliation == "veldoria"
    # An explicit null clears the affiliation; leaving the key out keeps it.
    assert actors["maria-lindqvist"].affiliation is None
    kept = apply(bare, Curation(actors={"maria-lindqvist": ActorCuration(type="person")}))
    assert by_id(kept.actors)["maria-lindqvist"].affiliation == "nordic-council"


def test_extra_alias_without_a_match_is_just_added(bare):
    out = apply(
        bare, Curation(actors={"veldoria": ActorCuration(aliases=["Veldorian government"])})
    )
    assert by_id(out.actors)["veldoria"].aliases == ["Veldoria", "Ostrava", "Veldorian government"]
    assert len(out.actors) == len(bare.actors)


def test_merge_by_alias_moves_everything(bare):
    out = apply(bare, Curation(actors={"maria-lindqvist": ActorCuration(aliases=["lindqvist"])}))
    actors = by_id(out.actors)
    assert "lindqvist" not in actors
    maria = actors["maria-lindqvist"]
    assert maria.curated and maria.mentions == 5 and maria.sources == ["a", "b"]
    assert maria.aliases == ["Maria Lindqvist", "Lindqvist", "the council chief"]
    # Roles with the same title (any case) pool their evidence.
    assert [r.title for r in maria.roles] == ["Council President"]
    assert {e.source for e in maria.roles[0].evidence} == {"a", "b"}

    # The two identical quotes become one with evidence from both sources.
    quotes = [q for q in out.quotes if q.text == "We are ready"]
    assert len(quotes) == 1 and quotes[0].speaker == "maria-lindqvist"
    assert {e.source for e in quotes[0].evidence} == {"a", "b"} and quotes[0].curated

    # Positions: the border cell moves over; the quota cells disagreed, so the cell is mixed.
    cells = {(p.actor, p.issue): p for p in out.positions}
    assert ("lindqvist", "border-talks") not in cells
    assert cells[("maria-lindqvist", "border-talks")].curated
    quota = cells[("maria-lindqvist", "fishing-quotas")]
    assert quota.stance == "mixed" and quota.confidence == "low" and len(quota.evidence) == 2

    demands = by_id(out.demands)
    assert demands["lindqvist-demands-talks"].by == "maria-lindqvist"
    assert demands["lindqvist-demands-talks"].curated
    assert by_id(out.next_steps)["talks-in-oslo"].actors == ["share", "veldoria", "maria-lindqvist"]
    assert by_id(out.timeline)["first-round"].actors == ["maria-lindqvist"]
    assert by_id(out.discrepancies)["lindqvist-title"].subject == "maria-lindqvist"


def test_merge_matches_any_written_form(bare):
    # "Ostrava" is an alias of Veldoria (its capital): the analyst's "OSTRAVA" still finds it.
    out = apply(bare, Curation(actors={"nordic-council": ActorCuration(aliases=["the OSTRAVA"])}))
    assert "veldoria" not in by_id(out.actors)
    assert by_id(out.demands)["veldoria-demands-quota-cut"].by == "nordic-council"
    # The demand was by Veldoria of the Nordic Council: now by and of the same actor.
    assert by_id(out.demands)["veldoria-demands-quota-cut"].of == ["nordic-council", "share"]


def test_drop_removes_actor_and_what_hangs_on_it(bare):
    out = apply(bare, Curation(actors={"share": ActorCuration(drop=True)}))
    assert "share" not in by_id(out.actors)
    assert "share-border-talks" not in by_id(out.positions)
    assert "q-share" not in by_id(out.quotes)
    assert "share-demands-x" not in by_id(out.demands)
    assert "share-name" not in by_id(out.discrepancies)
    quota = by_id(out.demands)["veldoria-demands-quota-cut"]
    assert quota.of == ["nordic-council"] and quota.curated
    step = by_id(out.next_steps)["talks-in-oslo"]
    assert step.actors == ["veldoria", "lindqvist"] and step.curated
    # Nothing else refers to the dropped id any more.
    assert '"share"' not in json.dumps(out.model_dump())


def test_position_override_and_add(bare):
    out = apply(
        bare,
        Curation(
            positions=[
                PositionCuration(
                    actor="lindqvist",
                    issue="fishing-quotas",
                    stance="support",
                    note="Her later statement reverses this.",
                ),
                PositionCuration(actor="veldoria", issue="fishing-quotas", stance="oppose"),
            ]
        ),
    )
    cells = {(p.actor, p.issue): p for p in out.positions}
    overridden = cells[("lindqvist", "fishing-quotas")]
    assert overridden.id == "lindqvist-fishing-quotas"
    assert overridden.stance == "support" and overridden.curated
    assert overridden.note == overridden.summary == "Her later statement reverses this."
    assert len(overridden.evidence) == 1  # the evidence stays: the analyst re-read it
    added = cells[("veldoria", "fishing-quotas")]
    assert added.curated and added.stance == "oppose" and added.evidence == []
    assert added.id == "veldoria-on-fishing-quotas"
    assert len({p.id for p in out.positions}) == len(out.positions)


def test_position_follows_a_merge(bare):
    out = apply(
        bare,
        Curation(
            actors={"maria-lindqvist": ActorCuration(aliases=["Lindqvist"])},
            positions=[
                PositionCuration(actor="lindqvist", issue="fishing-quotas", stance="oppose")
            ],
        ),
    )
    cell = next(p for p in out.positions if p.issue == "fishing-quotas")
    assert cell.actor == "maria-lindqvist" and cell.stance == "oppose" and cell.confidence == "high"


def test_suppress_hides_items_by_id(bare):
    out = apply(
        bare,
        Curation(suppress=["q-share", "talks-in-oslo", "lindqvist-title", "share-border-talks"]),
    )
    assert "q-share" not in by_id(out.quotes)
    assert out.next_steps == []
    assert "lindqvist-title" not in by_id(out.discrepancies)
    assert "share-border-talks" not in by_id(out.positions)
    assert len(out.actors) == len(bare.actors)


def test_issue_label(bare):
    out = apply(bare, Curation(issues={"border-talks": IssueCuration(label="The border dispute")}))
    assert by_id(out.issues)["border-talks"].label == "The border dispute"


def test_curated_dossier_is_still_valid(bare, write):
    curation = write(
        """
        title: "Nordic Council talks"
        actors:
          maria-lindqvist: {aliases: [Lindqvist], type: person}
          share: {drop: true}
        positions:
          - {actor: veldoria, issue: border-talks, stance: oppose, note: "rejects the plan"}
        suppress: [q-share]
        """
    )
    out = apply(bare, curation)
    assert Dossier.model_validate(out.model_dump()) == out
    ids = {a.id for a in out.actors}
    refs = [p.actor for p in out.positions] + [q.speaker for q in out.quotes]
    refs += [d.by for d in out.demands] + [a for d in out.demands for a in d.of]
    refs += [a.affiliation for a in out.actors if a.affiliation]
    assert set(refs) <= ids


def test_json_schema_export():
    schema = curation_json_schema()
    json.dumps(schema)  # serialisable as published
    assert schema["$schema"].endswith("2020-12/schema") and schema["$id"] == "curation.schema.json"
    assert set(schema["properties"]) == {"title", "actors", "issues", "positions", "suppress"}
    assert schema["additionalProperties"] is False
    actor = schema["$defs"]["ActorCuration"]
    assert actor["additionalProperties"] is False
    assert set(actor["properties"]) == {"name", "type", "affiliation", "aliases", "drop"}
    stance = schema["$defs"]["PositionCuration"]["properties"]["stance"]
    assert stance["enum"] == ["support", "oppose", "mixed", "neutral"]
