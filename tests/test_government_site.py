"""What a Dutch government site carries, each from conf.py and refused with a Dutch error at its line:
house style within AA contrast, security.txt, the toegankelijkheidsverklaring and the colofon."""

from __future__ import annotations

import colorsys
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace import housestyle, securitytxt
from policy_trace.views import verklaring

TODAY = dt.date(2026, 12, 6)


def _with_conf(tmp_path: Path, lines: str, pages: dict[str, str] | None = None) -> tuple[Path, int]:
    """test-site-shell with ``lines`` appended to conf.py; the line number of the first appended line."""
    srcdir = copy_root("test-site-shell", tmp_path)
    conf = srcdir / "conf.py"
    first = len(conf.read_text(encoding="utf-8").splitlines()) + 1
    conf.write_text(conf.read_text(encoding="utf-8") + lines, encoding="utf-8")
    for name, text in (pages or {}).items():
        (srcdir / name).write_text(text, encoding="utf-8")
    if pages:
        index = srcdir / "index.md"
        entries = "\n".join(name.removesuffix(".md") for name in pages)
        index.write_text(index.read_text(encoding="utf-8") + f"\n```{{toctree}}\n{entries}\n```\n", "utf-8")
    return srcdir, first


def _text(site: Path, page: str) -> str:
    soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
    return " ".join(soup.article.get_text(" ").split())


# --- house style ----------------------------------------------------------------------------------


def test_contrast_is_wcag_2_1s_ratio() -> None:
    assert housestyle.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert housestyle.contrast("#fff", "#fff") == pytest.approx(1)
    # The lightest grey that passes on white, and the darkest that does not.
    assert housestyle.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert housestyle.contrast("#777777", "#ffffff") < 4.5


def test_a_house_style_within_aa_colours_the_site(tmp_path: Path) -> None:
    srcdir, _line = _with_conf(tmp_path, (
        'policy_trace_house_style = {"utrecht.link.color": "#01689B", '
        '"utrecht.page-header.background-color": "#154273", "utrecht.page-header.color": "#ffffff"}\n'
    ))
    app = build_once(srcdir)
    assert warnings_of(app) == []
    site = Path(app.outdir)
    css = (site / "_static" / housestyle.STYLESHEET).read_text(encoding="utf-8")
    # The light colours on furo's body; in both of furo's dark scopes (its toggle, and a dark system
    # left on automatic) a lighter variant of the same blue, 6.13:1 on the dark menu (#01689b: 2.81:1).
    # This replaces the light-only links of the first round (issue 20: house style in dark mode).
    assert "body { --color-link: #01689b; --color-brand-content: #01689b; }" in css
    dark = "--color-link: #02a3f3; --color-brand-content: #02a3f3;"
    assert f'  body[data-theme="dark"] {{ {dark} }}' in css
    assert f'    body:not([data-theme="light"]) {{ {dark} }}' in css
    assert css.index("@media not print {") < css.index("@media (prefers-color-scheme: dark) {")
    derived = "utrecht.link.color in de donkere modus: #02a3f3, afgeleid van #01689b (6,13:1 tegen #1a1c1e)"
    assert derived in css
    # The header is a pair of its own: the same in both schemes.
    assert ".sidebar-brand, .mobile-header { background-color: #154273; }" in css
    assert "data-theme=\"dark\"] .sidebar-brand" not in css
    index = (site / "index.html").read_text(encoding="utf-8")
    # After the theme's own stylesheet, so its colours win.
    assert index.index("policy_trace/site.css") < index.index(housestyle.STYLESHEET)


def test_a_house_style_below_4_5_to_1_is_refused_at_its_line_and_not_used(tmp_path: Path) -> None:
    srcdir, line = _with_conf(tmp_path, (
        'policy_trace_house_style = {\n'
        '    "utrecht.link.color": "#7fb3e6",\n'
        '    "utrecht.page-header.background-color": "#154273",\n'
        '    "utrecht.page-header.color": "#2b4f80",\n'
        '    "utrecht.link.kleur": "#000000",\n'
        '}\n'
    ))
    app = build_once(srcdir)
    known = ", ".join(housestyle.TOKENS_BY_NAME)
    assert warnings_of(app) == [
        f"conf.py:{line}: FOUT: policy_trace_house_style noemt 'utrecht.link.kleur', maar die kleur kent "
        f"policy-trace niet; bekend zijn: {known}. [policy.config]",
        f"conf.py:{line}: FOUT: policy_trace_house_style: utrecht.link.color #7fb3e6 (de kleur van links "
        "in de tekst) heeft tegen de achtergrond #ffffff een contrast van 2,21:1; WCAG 2.1 AA vraagt "
        "minstens 4,50:1. Kies een kleur met meer contrast; de site houdt tot dan haar eigen kleur. "
        "[policy.config]",
        f"conf.py:{line}: FOUT: policy_trace_house_style: utrecht.page-header.background-color #154273 "
        "(de achtergrond van de naam van de site bovenin) heeft tegen utrecht.page-header.color #2b4f80 een "
        "contrast van 1,23:1; WCAG 2.1 AA vraagt minstens 4,50:1. Kies een kleur met meer contrast; de site "
        "houdt tot dan haar eigen kleur. [policy.config]",
        f"conf.py:{line}: FOUT: policy_trace_house_style: utrecht.page-header.color #2b4f80 (de tekst van "
        "de naam van de site bovenin) heeft tegen utrecht.page-header.background-color #154273 een contrast "
        "van 1,23:1; WCAG 2.1 AA vraagt minstens 4,50:1. Kies een kleur met meer contrast; de site houdt tot "
        "dan haar eigen kleur. [policy.config]",
    ]
    assert not (Path(app.outdir) / "_static" / housestyle.STYLESHEET).exists()


def test_a_dark_house_style_is_checked_against_the_dark_background_and_used_there(tmp_path: Path) -> None:
    srcdir, line = _with_conf(tmp_path, (
        'policy_trace_house_style = {"utrecht.link.color": "#01689b", "utrecht.color.primary": "#154273",\n'
        '                            "utrecht.page-header.color": "#154273"}\n'
        'policy_trace_house_style_dark = {"utrecht.link.color": "#8fcae7",\n'
        '                                 "utrecht.color.primary": "#01689b",\n'
        '                                 "utrecht.page-header.background-color": "#0b2545",\n'
        '                                 "utrecht.page-header.color": "#ffffff"}\n'
    ))
    app = build_once(srcdir)
    dark_line = line + 2  # where policy_trace_house_style_dark starts
    assert warnings_of(app) == [
        f"conf.py:{dark_line}: FOUT: policy_trace_house_style_dark: utrecht.color.primary #01689b (de "
        "hoofdkleur: de hoofdstukken in het menu en de actieve kop rechts) heeft in de donkere modus "
        "tegen de achtergrond #1a1c1e een contrast van 2,81:1; WCAG 2.1 AA vraagt minstens 4,50:1. "
        "Kies een kleur met meer contrast; de site gebruikt in de donkere modus tot dan #73aae5, "
        "afgeleid van #154273. "
        "[policy.config]",
    ]
    css = (Path(app.outdir) / "_static" / housestyle.STYLESHEET).read_text(encoding="utf-8")
    # The programme's own dark link colour; the refused primary's derived variant instead.
    for scope in ('  body[data-theme="dark"]', '    body:not([data-theme="light"])'):
        assert (f"{scope} {{ --color-link: #8fcae7; --color-brand-content: #8fcae7; "
                "--color-brand-primary: #73aae5; }") in css
        # A dark header pair of its own, only in the dark scheme.
        header = f"{scope} .sidebar-brand, {scope.strip()} .mobile-header {{ background-color: #0b2545; }}"
        assert header in css
    # The light header text (dark blue on furo's light menu) holds in light; dark has its own pair.
    text = ".sidebar-brand, .sidebar-brand-text, .mobile-header, .mobile-header .brand { color: #154273; }"
    assert text in css


def test_a_header_colour_without_its_partner_must_read_in_both_schemes() -> None:
    # Dark blue text reads on furo's light menu, not on its dark one, where the header keeps it.
    usable, found = housestyle.problems({"utrecht.page-header.color": "#154273"})
    assert usable == {} and found == [
        "policy_trace_house_style: utrecht.page-header.color #154273 (de tekst van de naam van de site "
        "bovenin) heeft in de donkere modus tegen de achtergrond #1a1c1e een contrast van 1,68:1; WCAG 2.1 "
        "AA vraagt minstens 4,50:1. Geef ook utrecht.page-header.background-color, of kies een kleur met "
        "meer contrast; de site houdt tot dan haar eigen kleur."
    ]
    # With its background the pair reads in both.
    assert housestyle.problems({"utrecht.page-header.color": "#154273",
                                "utrecht.page-header.background-color": "#ffffff"})[1] == []


def test_a_derived_dark_variant_keeps_the_hue_and_reads_as_well_as_the_light_colour() -> None:
    light, dark = housestyle.LIGHT.page, housestyle.DARK.page
    for colour in ("#01689b", "#154273", "#d52b1e", "#007bc7", "#39870c", "#000000", "#767676"):
        variant = housestyle.dark_variant(colour, light, dark)
        wanted = min(max(housestyle.contrast(colour, light), 4.5), 7.0)
        assert wanted <= housestyle.contrast(variant, dark) < wanted + 0.5, colour
        hue = colorsys.rgb_to_hls(*housestyle._rgb(colour))[0]
        assert abs(colorsys.rgb_to_hls(*housestyle._rgb(variant))[0] - hue) < 0.02, colour


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'


@pytest.mark.parametrize(("options", "alt", "name_shown"), [
    # The name beside the logo in one link: the logo is decorative (WCAG H2), read once by its name.
    ("", "", True),
    # The logo alone is the link: its alt says where it goes, the site's name (WCAG H30).
    ('html_theme_options = {"sidebar_hide_name": True}\n', "Hitte &amp; droogte", False),
])
def test_the_logo_has_a_meaningful_alt_text(tmp_path: Path, options: str, alt: str, name_shown: bool) -> None:
    conf = f'html_logo = "logo.svg"\nhtml_title = "Hitte &amp; droogte"\n{options}'
    srcdir, _line = _with_conf(tmp_path, conf)
    (srcdir / "logo.svg").write_text(LOGO, encoding="utf-8")
    app = build_once(srcdir)
    assert warnings_of(app) == []
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    brand = BeautifulSoup(page, "html.parser").select_one("a.sidebar-brand")
    assert [str(img) for img in brand.select("img")] == [
        f'<img alt="{alt}" class="sidebar-logo" src="_static/logo.svg"/>'
    ]
    assert 'alt="Logo"' not in page
    assert bool(brand.select(".sidebar-brand-text")) == name_shown


def test_a_colour_that_is_no_colour_is_refused() -> None:
    usable, found = housestyle.problems({"utrecht.link.color": "blauw"})
    assert usable == {} and found == [
        "policy_trace_house_style: utrecht.link.color is 'blauw', maar een kleur schrijf je als #rrggbb, "
        "bijvoorbeeld '#01689b'."
    ]


# --- security.txt --------------------------------------------------------------------------------


def test_security_txt_is_written_from_conf_py(tmp_path: Path) -> None:
    srcdir, _line = _with_conf(tmp_path, (
        'html_baseurl = "https://hitteplan.example.nl/"\n'
        'policy_trace_security_txt = {"Contact": ["mailto:security@example.nl", "https://example.nl/cvd"], '
        '"Expires": "2099-01-31", "Preferred-Languages": "nl, en"}\n'
    ))
    app = build_once(srcdir)
    assert warnings_of(app) == []
    assert (Path(app.outdir) / ".well-known/security.txt").read_text(encoding="utf-8") == (
        "Contact: mailto:security@example.nl\n"
        "Contact: https://example.nl/cvd\n"
        "Expires: 2099-01-31T23:59:59Z\n"
        "Preferred-Languages: nl, en\n"
        "Canonical: https://hitteplan.example.nl/.well-known/security.txt\n"
    )


def test_an_expired_security_txt_is_an_error_at_its_line_and_not_published(tmp_path: Path) -> None:
    srcdir, line = _with_conf(tmp_path, (
        'policy_trace_security_txt = {"Contact": "security@example.nl", "Expires": "2020-01-01"}\n'
    ))
    app = build_once(srcdir)
    today = dt.date.today().isoformat()
    assert warnings_of(app) == [
        f"conf.py:{line}: FOUT: policy_trace_security_txt: Contact is 'security@example.nl', maar moet "
        "beginnen met mailto: of https:// of tel:. [policy.config]",
        f"conf.py:{line}: FOUT: policy_trace_security_txt: Expires 2020-01-01 is verstreken (de build is "
        f"van {today}). Controleer of het contact nog klopt en zet een nieuwe datum, hooguit een jaar "
        "vooruit. [policy.config]",
    ]
    assert not (Path(app.outdir) / ".well-known").exists()


def test_a_security_txt_that_expires_soon_is_advice() -> None:
    near = {"Contact": "mailto:s@example.nl", "Expires": (TODAY + dt.timedelta(days=30)).isoformat()}
    far = {"Contact": "mailto:s@example.nl", "Expires": (TODAY + dt.timedelta(days=31)).isoformat()}
    assert securitytxt.problems(near, TODAY) == ([], [
        "policy_trace_security_txt: Expires 2027-01-05 verstrijkt binnen 30 dagen. Controleer het contact "
        "en zet een nieuwe datum."
    ])
    assert securitytxt.problems(far, TODAY) == ([], [])
    assert securitytxt.problems({"Expires": "2027-01-31"}, TODAY)[0] == [
        "policy_trace_security_txt mist 'Contact': RFC 9116 vraagt Contact en Expires."
    ]


# --- toegankelijkheidsverklaring and colofon ------------------------------------------------------

STATEMENT = {"toegankelijkheid.md": "# Toegankelijkheidsverklaring\n\n```{toegankelijkheidsverklaring}\n```\n"
             "",
             "colofon.md": "# Colofon\n\n```{colofon}\n```\n"}


def test_the_statement_without_settings_claims_nothing(tmp_path: Path) -> None:
    srcdir, _line = _with_conf(tmp_path, "", STATEMENT)
    app = build_once(srcdir)
    assert warnings_of(app) == []
    text = _text(Path(app.outdir), "toegankelijkheid.html")
    assert "De status is nog niet vastgesteld" in text
    assert "nog niet door een deskundige onderzocht" in text
    assert "Er is voor deze site geen automatische toetsing vastgelegd" in text
    assert "Er zijn nog geen beperkingen vastgelegd. Dat betekent niet dat er geen zijn" in text
    assert "Er is nog geen contactadres opgegeven" in text
    soup = BeautifulSoup((Path(app.outdir) / "toegankelijkheid.html").read_text("utf-8"), "html.parser")
    assert [h.get_text().strip("¶") for h in soup.article.select("h2")] == [
        "Status", "Wat is onderzocht", "Bekende beperkingen", "Contact", "Datum"]


def test_the_statement_says_what_conf_py_and_the_record_say(tmp_path: Path) -> None:
    record = {
        "datum": "2026-12-01",
        "hulpmiddelen": [{"naam": "axe-core", "versie": "4.10.2", "regels": "WCAG 2.1 AA", "bevindingen": 0}],
        "paginasoorten": ["start", "doel"],
        "schermen": ["licht (1280 px)", "telefoon (375 px)"],
    }
    srcdir, _line = _with_conf(tmp_path, (
        'author = "Gemeente <Voorbeeld>"\n'
        'policy_trace_contact_email = "toegankelijkheid@example.nl"\n'
        'policy_trace_accessibility = {"status": "voldoet gedeeltelijk", "datum": "2026-11-30", '
        '"onderzoek": "Door Stichting *Test* op 2026-10-01.", '
        '"beperkingen": ["De kaart heeft <geen> tekst."]}\n'
        'policy_trace_accessibility_results = "toetsing.json"\n'
    ), STATEMENT)
    (srcdir / "toetsing.json").write_text(json.dumps(record), encoding="utf-8")
    app = build_once(srcdir)
    assert warnings_of(app) == []
    site = Path(app.outdir)
    text = _text(site, "toegankelijkheid.html")
    assert "Gemeente <Voorbeeld> wil dat iedereen de site Proefsite kan gebruiken" in text
    standard = "EN 301 549 (WCAG 2.1, niveau A en AA)"
    assert f"De site Proefsite voldoet gedeeltelijk aan de eisen ({standard})" in text
    assert "Onderzoek door een deskundige: Door Stichting *Test* op 2026-10-01." in text
    assert ("Automatische toetsing: op 1 december 2026 is van elke soort pagina één pagina getoetst (start, "
            "doel), elk op deze schermen: licht (1280 px), telefoon (375 px). Met axe-core 4.10.2 "
            "(WCAG 2.1 AA): 0 bevindingen.") in text
    assert "De kaart heeft <geen> tekst." in text
    assert "Deze verklaring is opgesteld op 30 november 2026." in text
    html = (site / "toegankelijkheid.html").read_text(encoding="utf-8")
    # Sphinx writes the address in entities (against harvesting); the link is a mailto link.
    assert 'href="mailto:toegankelijkheid' in html and "<geen>" not in html
    assert "Meld het bij Gemeente <Voorbeeld>, per e-mail:" in text
    colofon = _text(site, "colofon.html")
    assert "Uitgever: Gemeente <Voorbeeld>" in colofon and "Contact: per e-mail:" in colofon


def test_wrong_statement_settings_are_refused_at_their_line(tmp_path: Path) -> None:
    srcdir, line = _with_conf(tmp_path, (
        'policy_trace_accessibility = {"status": "voldoet", "datum": "morgen"}\n'
        'policy_trace_contact_email = "niemand"\n'
    ), STATEMENT)
    found = warnings_of(build_once(srcdir))
    statuses = ", ".join(verklaring.STATUSES)
    assert found == [
        f"conf.py:{line}: FOUT: policy_trace_accessibility: status 'voldoet' is geen status van "
        f"digitoegankelijk.nl; kies uit: {statuses}. [policy.config]",
        f"conf.py:{line}: FOUT: policy_trace_accessibility: datum 'morgen' is geen datum in de vorm "
        "JJJJ-MM-DD. [policy.config]",
        f"conf.py:{line + 1}: FOUT: policy_trace_contact_email is 'niemand', maar dat is geen "
        "e-mailadres. [policy.config]",
    ]


def test_markdown_in_a_setting_is_shown_as_written() -> None:
    assert verklaring.escape_markdown("<script>x</script> *a* [b](c)") == (
        r"\<script\>x\</script\> \*a\* \[b\]\(c\)"
    )
    assert re.fullmatch(r"[^`*_<>\[\]]*(\\.[^`*_<>\[\]]*)*", verklaring.escape_markdown("`x` _y_"))
