"""The stand van zaken (issue 18): the pure computation, and what a reader sees of it on the site."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import MappingProxyType

import pytest
from bs4 import BeautifulSoup, Tag
from checks_support import advice_lines, build_once, copy_root
from conftest import warnings_of
from policy_trace.changes import Changes as ChangeSet
from policy_trace.changes import ItemChange, Publication
from policy_trace.items import Item, Programme
from policy_trace.outcome import CheckContext
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
    assert [e.id for e in lines["HD-VEILIG"].effort_items] == [
        "IN-PREVENTIE",
        "IN-TOEZICHT",
        "IN-UITZONDERING",
    ]
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


# --- the site: roots/test-stand ----------------------------------------------------------------


@pytest.fixture(scope="module")
def stand_app(tmp_path_factory):
    app = build_once(copy_root("test-stand", tmp_path_factory.mktemp("stand")))
    assert warnings_of(app) == []
    return app


@pytest.fixture(scope="module")
def site(stand_app) -> Path:
    return Path(stand_app.outdir)


def test_pt305_advises_on_a_refuted_assumption_under_decided_work_at_its_file_and_line(stand_app):
    lines = [line for line in advice_lines(stand_app) if "PT305" in line]
    assert lines == [
        "needs/aannames.md:3: ADVIES: PT305 AN-WEERLEGD: de aanname is weerlegd, maar PRJ-WIJK "
        "(vastgesteld) rust erop: de keten gaat uit van iets dat niet klopt. Oplossing: herzie dat item "
        "(aanpak, criteria of status) nu de aanname niet klopt, of leg een nieuwe aanname vast en laat "
        "':betreft:' van de weerlegde aanname weg. [policy.PT305]"
    ]


def _stand(site: Path, name: str) -> Tag:
    soup = BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")
    found = soup.select_one(".pt-stand")
    assert found is not None
    return found


def _text(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text().replace("\u00b6", "").split())


def _links(node: Tag | None) -> dict[str, str]:
    assert node is not None
    return {" ".join(a.get_text(" ", strip=True).split()): str(a["href"]) for a in node.select("a")}


def test_the_stand_opens_with_the_peildatum_and_every_figure_links_to_its_section(site):
    stand = _stand(site, "stand.html")
    first = stand.select_one("p.pt-stand-summary")
    assert _text(first) == (
        "Stand op de peildatum 1 januari 2025: 3 punten te besluiten, 6 punten vragen aandacht, "
        "4 wijzigingen, 3 binnenkort."
    )
    assert _links(first) == {
        "3 punten te besluiten": "#stand-te-besluiten",
        "6 punten vragen aandacht": "#stand-aandacht",
        "4 wijzigingen": "#stand-veranderd",
        "3 binnenkort": "#stand-binnenkort",
    }


def test_each_goal_reads_its_computed_judgements_in_words_with_links_to_the_criteria(site):
    stand = _stand(site, "stand.html")
    lines = [_text(li) for li in stand.select("ul.pt-stand-goals > li")]
    assert lines[1] == (
        "Minder woningbranden (strategisch doel) Eigen criteria: 2 criteria: 1 op koers, 1 behaald "
        "(uit de cijfers berekend). Criteria van zijn 2 inspanningen: 2 criteria: 1 risico, 1 onbepaald "
        "(1 uit de cijfers berekend, de andere zoals de schrijver ze opgaf). Wanneer zijn we tevreden: "
        "vastgelegd voor 3 van de 3 (het doel en zijn inspanningen); 4 van de 4 criteria met indicator, "
        "streefwaarde, deadline en bron."
    )
    # A hoofddoel is served by the efforts of its goals.
    assert lines[0].startswith(
        "Een veiliger regio (hoofddoel) Eigen criteria: geen. Criteria van zijn 2 inspanningen: 2 criteria: "
        "1 risico, 1 onbepaald"
    )
    assert lines[2].startswith("Droge voeten (strategisch doel) Eigen criteria: geen. Geen inspanningen.")
    links = _links(stand.select("ul.pt-stand-goals > li")[1])
    # A count of one links to that criterion itself.
    assert links["1 risico"] == "needs/criteria.html#CR-ROOKMELDER"
    assert links["1 behaald"] == "needs/criteria.html#CR-BRANDEN"
    assert links["3 van de 3"] == "#stand-SD-BRAND-tevreden"
    assert links["4 van de 4 criteria"] == "#stand-SD-BRAND-volledig"
    assert _text(stand.select_one("#stand-SD-BRAND-volledig + ul li")) == (
        "Woningbranden per jaar: indicator, streefwaarde, deadline en bron vastgelegd"
    )
    listed = stand.select_one("#stand-SD-BRAND-tevreden + ul")
    assert [a["href"] for a in listed.select("a")] == [
        "needs/doelen.html#SD-BRAND",
        "needs/uitvoering.html#IN-PREVENTIE",
        "needs/uitvoering.html#IN-TOEZICHT",
    ]
    assert (
        "risico: achter op schema: 20 % van de weg na 46 % van de tijd; de schrijver geeft: op koers"
        in _text(stand.select_one("#stand-SD-BRAND-inspanningen-risico + ul"))
    )


def test_te_besluiten_names_what_is_missing(site):
    section = _stand(site, "stand.html").select_one("#stand-te-besluiten")
    assert _text(section.select_one("p")) == (
        "3 punten: 1 project ter besluitvorming (1 met iets dat nog ontbreekt), 1 voorgesteld doel "
        "(1 met iets dat nog ontbreekt) en 1 besluit op of na de peildatum."
    )
    assert _links(section.select_one("p"))["1 project ter besluitvorming"] == "#stand-te-besluiten-projecten"
    headings = [_text(h) for h in section.select("h3")]
    assert headings == [
        "Projecten ter besluitvorming",
        "Voorgestelde doelen",
        "Besluiten op of na de peildatum",
    ]
    items = [_text(li) for li in section.select("li")]
    assert items == [
        "Gezamenlijke meldkamer: nog nodig: b) de partij die het uitvoert (opdrachtnemer); c) hoe het "
        "betaald wordt (financiering); d) hoe de afspraken geborgd worden (borging); e) minstens één "
        "mijlpaal (mijlpaal)",
        "Droge voeten: strategisch doel; nog nodig: een criterium: wanneer zijn we tevreden",
        "Besluit over de meldkamer: op 10 februari 2025 over Gezamenlijke meldkamer",
    ]
    assert _links(section)["Gezamenlijke meldkamer"] == "needs/uitvoering.html#PRJ-MELDKAMER"


def test_aandacht_nodig_gathers_judgements_late_milestones_assumptions_and_waivers(site):
    section = _stand(site, "stand.html").select_one("#stand-aandacht")
    assert _text(section.select_one("p")) == "6 punten: 1 criterium, 2 mijlpalen, 2 aannames, 1 uitzondering."
    assert [_text(li) for li in section.select("li")] == [
        "Woningen met rookmelder: berekend oordeel risico: achter op schema: 20 % van de weg na 46 % van de "
        "tijd; de schrijver geeft: op koers",
        "Eerste wijken bezocht: mijlpaal van Wijkaanpak, nog gepland op 1 oktober 2024: die datum is voorbij",
        "Helft van de wijken bezocht: mijlpaal van Wijkaanpak, vertraagd (gepland op 1 februari 2025)",
        "Het Rijk betaalt de wijkbezoeken: weerlegd, terwijl Wijkaanpak (vastgesteld) erop rust",
        "Bewoners doen open: nooit getoetst, terwijl Brandpreventie in de wijk in uitvoering is",
        "Droge voeten: de uitzondering op PT201 loopt af op 1 februari 2025",
    ]
    assert _links(section)["Het Rijk betaalt de wijkbezoeken"] == "needs/aannames.html#AN-WEERLEGD"


def test_veranderd_sinds_names_added_removed_changed_and_items_to_review(site):
    section = _stand(site, "stand.html").select_one("#stand-veranderd")
    assert _text(section.select_one("h2, h3")).startswith("Veranderd sinds versie 1.0 (1 juni 2024)")
    assert _text(section.select_one("p")) == (
        "Doelen, inspanningen en projecten: 2 nieuw, 1 verwijderd, 1 veranderd; 4 te herzien (items die "
        "verwijzen naar iets dat veranderde)."
    )
    assert _text(section.select_one("#stand-verwijderd ul")) == (
        "Brandweerkazernes openstellen (inspanning IN-OUD)"
    )
    assert list(_links(section.select_one("#stand-nieuw ul")).values()) == [
        "needs/uitvoering.html#PRJ-MELDKAMER",
        "needs/doelen.html#SD-WATER",
    ]
    assert _links(section)["2 nieuw"] == "#stand-nieuw"


def test_binnenkort_lists_the_next_90_days(site):
    section = _stand(site, "stand.html").select_one("#stand-binnenkort")
    assert [_text(li) for li in section.select("li")] == [
        "1 februari 2025: Helft van de wijken bezocht (mijlpaal van Wijkaanpak, vertraagd)",
        "1 maart 2025: Opkomsttijd (deadline van het criterium)",
        "15 maart 2025: Tussenrapportage (mijlpaal van Wijkaanpak, gepland)",
    ]


def test_the_home_page_opens_with_the_short_stand_linking_to_the_whole_one(site):
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    # The stand comes first, the goal tree after it.
    first = article.select_one("h1").find_next(["p", "div"])
    assert "pt-stand" in first.get("class", []) or first.find_parent(class_="pt-stand") is not None
    stand = article.select_one(".pt-stand")
    assert stand.select_one("#stand-criteria-per-doel") is None  # the lists are on the stand page
    assert _links(stand)["3 van de 3"] == "stand.html#stand-SD-BRAND-tevreden"
    assert _links(stand)["1 risico"] == "needs/criteria.html#CR-ROOKMELDER"
    assert stand.find_next(class_="pt-doelenboom") is not None  # the goal tree follows


def test_a_status_that_disagrees_with_the_numbers_shows_both_in_words(site):
    soup = BeautifulSoup((site / "tevreden.html").read_text(encoding="utf-8"), "html.parser")
    heading = soup.find(id="tevreden-IN-PREVENTIE-CR-ROOKMELDER").find(["h2", "h3", "h4"])
    assert _text(heading).endswith("status: op koers volgens de schrijver; berekend: risico")
    computed = heading.select_one(".pt-status-berekend")
    assert computed.get_text() == "risico" and "pt-tone-risk" in computed["class"]
    # Where they agree, one badge.
    agreeing = soup.find(id="tevreden-SD-BRAND-CR-OPKOMST").find(["h2", "h3", "h4"])
    assert _text(agreeing).endswith("status: op koers") and agreeing.select_one(".pt-status-berekend") is None
    # The item's own details say the same.
    items = BeautifulSoup((site / "needs/criteria.html").read_text(encoding="utf-8"), "html.parser")
    assert "op koers volgens de schrijver; berekend: risico" in _text(items.find(id="CR-ROOKMELDER").parent)


def test_the_roll_up_per_goal_counts_the_computed_judgement_and_says_so(site):
    soup = BeautifulSoup((site / "tevreden.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.find(id="tevreden-per-doel")
    rows = [[_text(c) for c in tr.find_all(["th", "td"])] for tr in section.select("tbody tr")]
    assert rows[1] == [
        "Minder woningbranden SD-BRAND",
        "2 criteria: 1 op koers, 1 behaald (uit de cijfers berekend)",
        # CR-ROOKMELDER's author says op koers; the numbers say risico, and that is what is counted.
        "2 criteria: 1 risico, 1 onbepaald "
        "(1 uit de cijfers berekend, de andere zoals de schrijver ze opgaf)",
    ]
    assert "Geteld is het oordeel dat uit de cijfers volgt" in _text(section)


def test_an_incremental_build_rewrites_the_stand_when_one_measurement_changes(tmp_path):
    srcdir = copy_root("test-stand", tmp_path)
    first = build_once(srcdir)
    assert warnings_of(first) == []
    measurements = srcdir / "needs/criteria.md"
    text = measurements.read_text(encoding="utf-8")
    measurements.write_text(text.replace(":waarde: 50%", ":waarde: 70%"), encoding="utf-8")
    second = build_once(srcdir)
    assert warnings_of(second) == []
    for name in ("stand.html", "index.html"):
        stand = _stand(Path(second.outdir), name)
        # 70 % of the way after 46 % of the time: op koers, as its author says; nothing to flag any more.
        assert "5 punten vragen aandacht" in _text(stand.select_one("p.pt-stand-summary")), name
        assert "Woningen met rookmelder" not in _text(stand.select_one("#stand-aandacht")), name
        assert "Criteria van zijn 2 inspanningen: 2 criteria: 1 op koers, 1 onbepaald" in _text(stand), name


def _without_previous(tmp_path: Path) -> Path:
    """test-stand without its previous publication (with one, an edit of text alone makes the items
    that link to the edited one te herzien, and every page with items is written again)."""
    srcdir = copy_root("test-stand", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace('policy_trace_previous = "vorige/needs.json"', ""),
        encoding="utf-8",
    )
    return srcdir


def test_an_edit_of_text_alone_leaves_the_stand_page_as_it_was_and_a_measurement_writes_it_again(tmp_path):
    srcdir = _without_previous(tmp_path)
    first = build_once(srcdir)
    page = Path(first.outdir) / "stand.html"
    written = page.stat().st_mtime_ns
    measurements = srcdir / "needs/criteria.md"
    text = measurements.read_text(encoding="utf-8")
    source = ":bron: Steekproef van de regio\n```"
    with_text = ":bron: Steekproef van de regio\n\nIn 200 woningen.\n```"
    measurements.write_text(text.replace(source, with_text, 1), encoding="utf-8")
    assert measurements.read_text(encoding="utf-8") != text
    second = build_once(srcdir)
    assert warnings_of(first) == [] and warnings_of(second) == []
    # The stand shows no item's text: its page was not written again.
    assert page.stat().st_mtime_ns == written
    assert "6 punten vragen aandacht" in _text(_stand(Path(second.outdir), "stand.html").select_one("p"))
    measurements.write_text(
        measurements.read_text(encoding="utf-8").replace(":waarde: 50%", ":waarde: 70%"), encoding="utf-8"
    )
    third = build_once(srcdir)
    assert warnings_of(third) == []
    assert page.stat().st_mtime_ns != written
    for name in ("stand.html", "index.html"):
        assert "5 punten vragen aandacht" in _text(_stand(Path(third.outdir), name).select_one("p")), name


def test_a_short_stand_follows_when_the_whole_stand_leaves_its_page(tmp_path):
    srcdir = _without_previous(tmp_path)
    # A short stand on a page of its own (the home page is written after any edit of a page in its toctree).
    short = "---\norphan: true\n---\n# Kort\n\n```{stand}\n:kort:\n```\n"
    (srcdir / "kort.md").write_text(short, encoding="utf-8")
    first = build_once(srcdir)
    whole = "stand.html#stand-SD-BRAND-tevreden"
    assert _links(_stand(Path(first.outdir), "kort.html"))["3 van de 3"] == whole
    (srcdir / "stand.md").write_text("# Stand van zaken\n\nDe stand staat elders.\n", encoding="utf-8")
    second = build_once(srcdir)
    assert warnings_of(first) == [] and warnings_of(second) == []
    # No page with the whole stand any more: the short stand holds its lists itself.
    stand = _stand(Path(second.outdir), "kort.html")
    assert _links(stand)["3 van de 3"] == "#stand-SD-BRAND-tevreden"
    assert stand.select_one("#stand-criteria-per-doel") is not None


def test_a_parallel_build_shows_the_same_stand(site, tmp_path):
    parallel = build_once(copy_root("test-stand", tmp_path), parallel=2)
    assert warnings_of(parallel) == []
    for name in ("stand.html", "index.html"):
        assert str(_stand(Path(parallel.outdir), name)) == str(_stand(site, name)), name


def test_the_stand_moves_with_the_peildatum_without_an_edit(tmp_path, monkeypatch):
    srcdir = copy_root("test-stand", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace('policy_trace_reference_date = "2025-01-01"', ""),
        encoding="utf-8",
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    first = build_once(srcdir)
    assert "Stand op de peildatum 1 januari 2025" in _text(_stand(Path(first.outdir), "index.html"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1738368000")  # 2025-02-01: a day later, nothing edited
    second = build_once(srcdir)
    assert warnings_of(first) == [] and warnings_of(second) == []
    for name in ("index.html", "stand.html"):
        stand = _stand(Path(second.outdir), name)
        assert "Stand op de peildatum 1 februari 2025" in _text(stand), name
        # The 90 days of Binnenkort now run from the new peildatum.
        assert _text(stand.select_one("#stand-binnenkort")).startswith(
            "Binnenkort In de 90 dagen tot 2 mei 2025:"
        )
