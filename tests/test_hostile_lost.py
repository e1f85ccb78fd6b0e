"""Nothing is lost silently (issue 21): what MyST would drop without a word is an error at its line,
or read as the author meant it; an item in needs.json is on a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks_support import build_once, copy_root
from conftest import needs_json, warnings_of
from policy_trace import model
from policy_trace.checks.source import OPTION_NAMES
from policy_trace.sourcescan import scan


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_once(copy_root("test-hostile-lost", tmp_path_factory.mktemp("verloren")), "html")


def _findings(app) -> list[str]:
    return [line.split(". Oplossing")[0] for line in warnings_of(app)]


def test_a_block_opened_with_the_items_own_fence_is_an_error_and_so_is_the_item_it_swallows(built):
    found = _findings(built)
    assert (
        "needs/verloren.md:3: FOUT: PT109 UP-NOTITIE: dit item eindigt eerder dan bedoeld: op regel 6 "
        "opent een {note} met dezelfde fence als het blok eromheen; zo'n regel opent niets, de eerste "
        "sluitende fence daarna sluit het item al, en de sluitende fence van het item opent een codeblok "
        "dat de tekst en de items erna opslokt"
    ) in found
    assert (
        "needs/verloren.md:11: FOUT: PT109 UP-ERNA: dit is als uitgangspunt bedoeld, maar wordt niet als "
        "item gelezen: dit item staat in een codeblok dat op regel 9 werd geopend (een fence zonder taal, "
        "vaak de sluitende ``` van een item dat zelf niet gelezen werd): het wordt als code getoond, niet "
        "gelezen"
    ) in found
    assert "UP-ERNA" not in needs_json(built)


def test_an_option_after_the_blank_line_is_an_error_at_the_item(built):
    found = [line for line in _findings(built) if "PT109 CR-LEGE-REGEL" in line]
    assert found == [
        "needs/verloren.md:15: FOUT: PT109 CR-LEGE-REGEL: een optie van dit item wordt niet gelezen: "
        "':streefwaarde:' op regel 19 staat na de lege regel die de opties afsluit, dus is het gewone tekst "
        "en geen optie: de waarde telt nergens mee en een koppeling wordt niet gecontroleerd",
        "needs/verloren.md:15: FOUT: PT109 CR-LEGE-REGEL: een optie van dit item wordt niet gelezen: "
        "':trekker:' op regel 20 staat na de lege regel die de opties afsluit, dus is het gewone tekst "
        "en geen optie: de waarde telt nergens mee en een koppeling wordt niet gecontroleerd",
    ]


def test_a_hash_in_an_option_is_part_of_the_value(built):
    item = needs_json(built)["CR-HEKJE"]
    assert item["bron"] == "CBS Statline tabel #83765NED"
    assert item["indicator"] == "Woningbranden # per jaar"
    assert item["eenheid"] == "al # tussen aanhalingstekens"
    assert not [line for line in warnings_of(built) if "directive_comments" in line or "CR-HEKJE" in line]
    page = (Path(built.outdir) / "needs" / "verloren.html").read_text(encoding="utf-8")
    assert "CBS Statline tabel #83765NED" in page


def test_an_item_on_no_page_is_an_error(built):
    found = [line for line in _findings(built) if "PT113" in line]
    assert found == [
        "needs/verloren.md:34: FOUT: PT113 UP-PAPIER: dit item staat in het {only}-blok van regel 33: het "
        "staat in needs.json, telt mee in de controles en overzichten en andere items linken ernaar, maar "
        "de site toont het op geen pagina",
        "needs/verloren.md:39: FOUT: PT113 UP-VERBORGEN: ':hide:' op regel 41 verbergt dit item: het "
        "staat in needs.json, telt mee in de controles en andere items linken ernaar, maar de site toont "
        "het op geen pagina",
    ]


def test_every_item_in_needs_json_is_on_a_page_or_has_an_error(built):
    pages = "".join(path.read_text(encoding="utf-8") for path in Path(built.outdir).rglob("*.html"))
    unshown = {item_id for item_id in needs_json(built) if f'id="{item_id}"' not in pages}
    assert unshown == {"UP-PAPIER", "UP-VERBORGEN"}
    assert all(any(item_id in line for line in warnings_of(built)) for item_id in unshown)


def test_a_character_that_turns_the_reading_direction_is_refused_at_its_line(built):
    found = [line for line in _findings(built) if "PT114" in line]
    assert found == [
        "needs/verloren.md:44: FOUT: PT114 UP-OMGEKEERD: op regel 44 staat het onzichtbare teken U+202E "
        "(RIGHT-TO-LEFT OVERRIDE), dat de leesrichting omdraait: op de site en in de pdf staat de tekst "
        "erna achterstevoren, ook de tekst van de site zelf, en een titel leest anders dan er staat",
        "needs/verloren.md:44: FOUT: PT114 UP-OMGEKEERD: op regel 47 staat het onzichtbare teken U+2067 "
        "(RIGHT-TO-LEFT ISOLATE), dat de leesrichting omdraait: op de site en in de pdf staat de tekst "
        "erna achterstevoren, ook de tekst van de site zelf, en een titel leest anders dan er staat",
    ]


@pytest.mark.parametrize("inner", ["note", "code-block", "raw", "eval-rst"])
def test_any_block_opened_with_the_items_own_fence_is_found(inner):
    text = (
        f"```{{uitgangspunt}} Buiten\n:id: UP-BUITEN\n\n```{{{inner}}}\nbinnen\n```\n```\n\n"
        "```{uitgangspunt} Erna\n:id: UP-ERNA\n```\n"
    )
    found = scan(text, "a.md", model.TYPE_NAMES, False, OPTION_NAMES)
    assert [(lost.reason, lost.id, lost.line, lost.opened_at, lost.detail) for lost in found.lost] == [
        ("nested", "UP-BUITEN", 1, 4, inner),
        ("in_code", "UP-ERNA", 9, 7, ""),
    ]
    # With a longer outer fence, as the fix says, nothing is lost.
    longer = text.replace("```{uitgangspunt} Buiten", "````{uitgangspunt} Buiten")
    longer = longer.replace("```\n```\n\n", "```\n````\n\n")
    assert scan(longer, "a.md", model.TYPE_NAMES, False, OPTION_NAMES).lost == ()
