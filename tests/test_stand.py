"""The stand van zaken (issue 18): the pure computation, and what a reader sees of it on the site."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

from policy_trace.changes import Changes as ChangeSet
from policy_trace.changes import ItemChange, Publication
from policy_trace.items import Item, Programme
from policy_trace.rules.common import CheckContext
from policy_trace.stand import compute_stand

PEILDATUM = date(2025, 1, 1)
PERIOD = (date(2024, 1, 1), date(2025, 12, 31))


def _item(item_id: str, type_name: str, status: str = "", links: dict | None = None, **fields: str) -> Item:
    return Item(
        item_id,
        type_name,
        f"Titel van {item_id}",
        "needs/x.md",
        1,
        status,
        (),
        MappingProxyType(fields),
        MappingProxyType({k: tuple(v) for k, v in (links or {}).items()}),
    )


def _programme() -> Programme:
    return Programme.from_items(
        [
            _item("HD-VEILIG", "hoofddoel", "vastgesteld"),
            _item("SD-BRAND", "doel", "vastgesteld", {"draagt_bij_aan": ["HD-VEILIG"]}),
            _item("SD-NIEUW", "doel", "voorgesteld", {"draagt_bij_aan": ["HD-VEILIG"]}),
            _item("IN-PREVENTIE", "inspanning", "in_uitvoering", {"draagt_bij_aan": ["SD-BRAND"]}),
            _item("IN-TOEZICHT", "inspanning", "vastgesteld", {"draagt_bij_aan": ["SD-BRAND"]}),
            # Numbers say risico (20 % of the way after 46 % of the time); the author says op koers.
            _item(
                "CR-ROOKMELDER",
                "criterium",
                "op_koers",
                {"meet": ["IN-PREVENTIE"]},
                nulmeting="40%",
                streefwaarde="90%",
                meting="50%",
                meetdatum="2024-12-01",
                deadline="2025-12-31",
                indicator="Woningen met rookmelder",
                bron="Steekproef",
            ),
            # No numbers: counted with the author's status.
            _item("CR-BRANDEN", "criterium", "op_koers", {"meet": ["SD-BRAND"]}, deadline="2025-03-01"),
            _item(
                "PRJ-MELDKAMER",
                "project",
                "ter_besluitvorming",
                {"voert_uit": ["IN-PREVENTIE"]},
                opdracht="x",
            ),
            _item("PRJ-WIJK", "project", "vastgesteld", {"voert_uit": ["IN-TOEZICHT"]}),
            _item("MP-LAAT", "mijlpaal", "vertraagd", {"hoort_bij": ["PRJ-WIJK"]}, datum="2025-02-01"),
            _item("MP-VERGETEN", "mijlpaal", "gepland", {"hoort_bij": ["PRJ-WIJK"]}, datum="2024-10-01"),
            _item("MP-STRAKS", "mijlpaal", "gepland", {"hoort_bij": ["PRJ-WIJK"]}, datum="2025-03-15"),
            _item("MP-LATER", "mijlpaal", "gepland", {"hoort_bij": ["PRJ-WIJK"]}, datum="2025-06-01"),
            _item("AN-WEERLEGD", "aanname", "weerlegd", {"betreft": ["PRJ-WIJK"]}, getoetst_op="2024-11-01"),
            _item("AN-OPEN", "aanname", "onbevestigd", {"betreft": ["IN-PREVENTIE"]}),
            _item("BS-STRAKS", "besluit", "", {"betreft": ["PRJ-MELDKAMER"]}, datum="2025-02-10"),
            _item("BS-OUD", "besluit", "", {"betreft": ["PRJ-WIJK"]}, datum="2024-02-10"),
            _item(
                "IN-UITZONDERING",
                "inspanning",
                "voorgesteld",
                {"draagt_bij_aan": ["SD-NIEUW"]},
                prioriteit="ja",
                uitzondering="PT201 tot 2025-02-01",
            ),
        ]
    )


def test_each_goal_counts_the_computed_judgement_and_says_which_it_counted():
    stand = compute_stand(_programme(), CheckContext(PEILDATUM, PERIOD))
    lines = {line.goal.id: line for line in stand.goals}
    assert list(lines) == ["HD-VEILIG", "SD-BRAND", "SD-NIEUW"]
    brand = lines["SD-BRAND"]
    assert brand.own.counts() == (("op_koers", 1),) and brand.own.computed == 0
    assert brand.efforts.counts() == (("risico", 1),) and brand.efforts.computed == 1
    assert [i.id for i in brand.explicit] == ["SD-BRAND", "IN-PREVENTIE"]
    assert [i.id for i in brand.effort_items] == ["IN-PREVENTIE", "IN-TOEZICHT"]
    assert [c.id for c in brand.complete] == ["CR-ROOKMELDER"]
    assert lines["HD-VEILIG"].own.counts() == ()
    judged = stand.judged["CR-ROOKMELDER"]
    assert judged.disagrees and judged.judgement == "risico" and judged.criterion.status == "op_koers"


def test_what_is_to_be_decided_says_what_is_missing():
    stand = compute_stand(_programme(), CheckContext(PEILDATUM, PERIOD))
    decided = {d.item.id: d for d in stand.decisions}
    assert list(decided) == ["PRJ-MELDKAMER", "SD-NIEUW", "IN-UITZONDERING", "BS-STRAKS"]
    assert decided["PRJ-MELDKAMER"].missing == (
        "b) de partij die het uitvoert (opdrachtnemer)",
        "c) hoe het betaald wordt (financiering)",
        "d) hoe de afspraken geborgd worden (borging)",
        "e) minstens één mijlpaal (mijlpaal)",
    )
    assert decided["SD-NIEUW"].missing == ("een criterium: wanneer zijn we tevreden",)
    assert decided["IN-UITZONDERING"].missing == (
        "een criterium: wanneer zijn we tevreden",
        "een project dat de inspanning uitvoert",
    )
    assert decided["BS-STRAKS"].on == date(2025, 2, 10)


def test_attention_and_upcoming():
    stand = compute_stand(_programme(), CheckContext(PEILDATUM, PERIOD))
    attention = stand.attention
    assert [j.criterion.id for j in attention.criteria] == ["CR-ROOKMELDER"]
    assert [m.id for m in attention.milestones] == ["MP-VERGETEN", "MP-LAAT"]
    assert [(a.id, [s.id for s in subjects]) for a, subjects in attention.refuted] == [
        ("AN-WEERLEGD", ["PRJ-WIJK"])
    ]
    assert [a.id for a in attention.untested] == ["AN-OPEN"]
    assert [(i.id, code, until) for i, code, until in attention.waivers] == [
        ("IN-UITZONDERING", "PT201", date(2025, 2, 1))
    ]
    # Within 90 days: open milestones and the deadline of a criterion not yet behaald; not MP-LATER.
    assert [(u.on.isoformat(), u.item.id) for u in stand.upcoming] == [
        ("2025-02-01", "MP-LAAT"),
        ("2025-03-01", "CR-BRANDEN"),
        ("2025-03-15", "MP-STRAKS"),
    ]
    assert stand.changed is None


def test_changes_name_the_steered_items_and_the_items_to_review():
    changes = ChangeSet(
        Publication("1.0", "vastgesteld", "2024-06-01"),
        added=(("SD-NIEUW", "doel", "Nieuw doel"), ("CR-BRANDEN", "criterium", "x")),
        removed=(("IN-OUD", "inspanning", "Oude inspanning"),),
        changed=(ItemChange("SD-BRAND", "doel", ("title",), (("title", "a"),), (("title", "b"),)),),
        fingerprints=(("SD-BRAND", "abc"), ("IN-OUD", "verwijderd")),
    )
    stand = compute_stand(_programme(), CheckContext(PEILDATUM, PERIOD, changes))
    changed = stand.changed
    assert changed is not None and changed.version == "1.0"
    assert [a[0] for a in changed.added] == ["SD-NIEUW"]  # a criterion is not a goal, effort or project
    assert changed.removed == (("IN-OUD", "inspanning", "Oude inspanning"),)
    assert [i.id for i in changed.changed] == ["SD-BRAND"]
    # Linking to the changed goal: its efforts and its criterion.
    assert [i.id for i in changed.review] == ["CR-BRANDEN", "IN-PREVENTIE", "IN-TOEZICHT"]
