"""Progress computed from a criterion's numbers, and the judgement with its rule (pure functions)."""

from __future__ import annotations

from datetime import date
from types import MappingProxyType

import pytest
from policy_trace import series
from policy_trace.items import Item, Programme
from policy_trace.judgement import Quantity, assess, parse_quantity, percent

START, DEADLINE = date(2024, 1, 1), date(2025, 12, 31)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12", "", Quantity(12, "")),
        ("12,5", "km", Quantity(12.5, "km")),
        ("75%", "", Quantity(75, "%")),
        ("75 %", "", Quantity(75, "%")),
        ("-3.5", "", Quantity(-3.5, "")),
        ("1.250", "", Quantity(1250, "")),  # a Dutch thousands separator
        ("1.250,5", "", Quantity(1250.5, "")),
        ("8 minuten", "", Quantity(8, "minuten")),
        ("matig", "", None),
        ("", "", None),
        ("3 - 5", "", None),
        ("10/20", "", None),
    ],
)
def test_a_value_is_read_as_a_number_and_its_unit_or_not_at_all(text, unit, expected):
    assert parse_quantity(text, unit) == expected


def test_percentages_read_the_dutch_way():
    assert (percent(0.3), percent(1.0), percent(-0.1)) == ("30 %", "100 %", "\u221210 %")


def test_behind_schedule_says_how_far_on_the_way_after_how_much_of_the_time():
    # 2024-12-01 is 335 of the 730 days from the start to the deadline: 46 %.
    got = assess("40%", "90%", [("50%", date(2024, 12, 1))], deadline=DEADLINE, start=START)
    assert (got.judgement, got.reason) == ("risico", "achter op schema: 20 % van de weg na 46 % van de tijd.")
    assert got.progress == pytest.approx(0.2)
    assert got.elapsed == pytest.approx(335 / 730)


def test_on_schedule_when_the_way_keeps_up_with_the_time_and_a_falling_target_counts_too():
    got = assess("120", "100", [("110", date(2024, 5, 1))], deadline=DEADLINE, start=START)
    assert (got.judgement, got.reason) == ("op_koers", "op schema: 50 % van de weg na 17 % van de tijd.")


def test_the_latest_measurement_counts_and_reaching_the_target_is_behaald():
    got = assess(
        "0", "10", [("4", date(2024, 6, 1)), ("11", date(2024, 12, 1))], deadline=DEADLINE, start=START
    )
    assert (got.judgement, got.reason) == (
        "behaald",
        "behaald: de streefwaarde is bereikt (110 % van de weg).",
    )


def test_not_reached_at_a_measurement_after_the_deadline_is_niet_behaald():
    got = assess("0", "10", [("6", date(2026, 1, 15))], deadline=DEADLINE, start=START)
    assert (got.judgement, got.reason) == (
        "niet_behaald",
        "niet behaald: 60 % van de weg bij een meting na de deadline.",
    )


@pytest.mark.parametrize(
    ("nulmeting", "streefwaarde", "measured", "unit", "reason"),
    [
        (
            "matig",
            "goed",
            "goed",
            "",
            "de nulmeting 'matig' is tekst, geen getal: de voortgang is niet uit te rekenen.",
        ),
        ("3", "25", "elf", "", "de meting 'elf' is tekst, geen getal: de voortgang is niet uit te rekenen."),
        ("", "25", "11", "", "er is geen nulmeting: de voortgang is niet uit te rekenen."),
        (
            "40%",
            "90",
            "50%",
            "",
            "de waarden hebben niet dezelfde eenheid (nulmeting '40%', streefwaarde '90', "
            "meting '50%'): de voortgang is niet uit te rekenen.",
        ),
        (
            "3",
            "25 uur",
            "11",
            "regio's",
            "de waarden hebben niet dezelfde eenheid (nulmeting '3', streefwaarde "
            "'25 uur', meting '11'): de voortgang is niet uit te rekenen.",
        ),
        ("5", "5", "5", "", "nulmeting en streefwaarde zijn gelijk: er is geen weg om af te leggen."),
    ],
)
def test_no_number_is_invented_from_text_or_from_different_units(
    nulmeting, streefwaarde, measured, unit, reason
):
    got = assess(
        nulmeting, streefwaarde, [(measured, date(2024, 12, 1))], unit=unit, deadline=DEADLINE, start=START
    )
    assert (got.judgement, got.reason, got.progress) == (None, reason, None)


def test_a_declared_unit_makes_bare_numbers_and_numbers_with_that_unit_comparable():
    got = assess(
        "3", "25 regio's", [("14", date(2024, 12, 1))], unit="regio's", deadline=DEADLINE, start=START
    )
    assert got.judgement == "op_koers"


def test_without_measurement_deadline_date_or_start_there_is_progress_but_no_judgement():
    assert assess("0", "10", []).reason == "nog niet gemeten."
    no_deadline = assess("0", "10", [("5", date(2024, 12, 1))], start=START)
    assert (no_deadline.judgement, no_deadline.progress) == (None, 0.5)
    assert (
        no_deadline.reason == "50 % van de weg, maar er is geen deadline: niet te zeggen of dat op schema is."
    )
    assert assess("0", "10", [("5", None)], deadline=DEADLINE, start=START).judgement is None
    assert assess("0", "10", [("5", date(2024, 12, 1))], deadline=DEADLINE).judgement is None


def _item(item_id: str, type_name: str, links: dict | None = None, **fields: str) -> Item:
    return Item(
        item_id,
        type_name,
        item_id,
        "needs/x.md",
        1,
        "",
        (),
        MappingProxyType(fields),
        MappingProxyType({k: tuple(v) for k, v in (links or {}).items()}),
    )


def test_a_series_is_oldest_first_by_date_and_wins_over_the_criterions_own_field():
    criterion = _item("CR-A", "criterium", meting="1", meetdatum="2024-01-01")
    later = _item("MT-A", "meting", {"meet_voor": ["CR-A"]}, waarde="9", datum="2024-09-01", bron="x")
    earlier = _item("MT-B", "meting", {"meet_voor": ["CR-A"]}, waarde="5", datum="2024-03-01", bron="x")
    programme = Programme.from_items([criterion, later, earlier])
    assert [m.item.id for m in series.series(programme, criterion)] == ["MT-B", "MT-A"]
    assert series.latest(programme, criterion).value == "9"
    assert series.has_both(programme, criterion)


def test_a_criterion_without_series_is_measured_by_its_own_field():
    criterion = _item("CR-A", "criterium", meting="7", meetdatum="2024-02-01")
    programme = Programme.from_items([criterion])
    (only,) = series.series(programme, criterion)
    assert (only.value, only.date, only.from_series) == ("7", date(2024, 2, 1), False)
    assert not series.has_both(programme, criterion)
    assert series.series(Programme.from_items([_item("CR-B", "criterium")]), _item("CR-B", "criterium")) == ()
