"""A programme's own value lists, labels and name in conf.py: used by the checks, pages and handbook."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from checks_support import build_once, copy_root, report
from conftest import warnings_of
from policy_trace import model, vocabulary

SPOOR = model.TYPES_BY_NAME["inspanning"].field("spoor")
BORGING = model.TYPES_BY_NAME["project"].field("borging")
assert SPOOR and BORGING


def page_text(app, name: str = "index") -> str:
    """The page's visible text (tags removed, whitespace collapsed)."""
    markup = (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def programme(tmp_path, conf: str = "", edit: tuple[str, str] | None = None, append: str = "") -> Path:
    """test-every-type with extra conf.py lines, one text replaced in index.md, text appended."""
    srcdir = copy_root("test-every-type", tmp_path)
    (srcdir / "conf.py").write_text((srcdir / "conf.py").read_text(encoding="utf-8") + conf, encoding="utf-8")
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    if edit:
        assert edit[0] in text
        text = text.replace(*edit)
    index.write_text(text + append, encoding="utf-8")
    return srcdir


def policy_warnings(app) -> list[str]:
    return [line for line in warnings_of(app) if "[policy." in line]


# --- the settings themselves ------------------------------------------------------


def test_a_value_list_may_be_a_list_or_values_with_their_labels():
    assert vocabulary.field_values(["convenant", "wet"], "project", BORGING) == (("convenant", "wet"), ())
    assert vocabulary.field_values({"convenant": "Convenant met de gemeenten", "wet": "Wet"}, "project",
                                   BORGING) == (
        ("convenant", "wet"),
        (("convenant", "Convenant met de gemeenten"), ("wet", "Wet")),
    )
    # spoor may be switched off, borging (plan element d) may not.
    assert vocabulary.field_values([], "inspanning", SPOOR) == ((), ())
    assert vocabulary.field_values(None, "inspanning", SPOOR) == ((), ())
    with pytest.raises(ValueError, match="policy_trace_borging_values is leeg, maar een project moet"):
        vocabulary.field_values([], "project", BORGING)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("wet", "policy_trace_borging_values moet een lijst van waarden zijn"),
        (["regionaal crisisplan"], "policy_trace_borging_values bevat 'regionaal crisisplan'; een waarde is"),
        (["wet", 3], "policy_trace_borging_values bevat 3;"),
        (["wet", "wet"], "policy_trace_borging_values noemt 'wet' twee keer"),
        ({"wet": ""}, "policy_trace_borging_values geeft 'wet' de naam ''; geef als naam een niet-lege"),
    ],
)
def test_a_wrong_value_list_says_what_is_wrong(value, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        vocabulary.field_values(value, "project", BORGING)


def test_the_programme_noun_has_its_article():
    assert vocabulary.programme_noun("het hitteplan") == "het hitteplan"
    assert vocabulary.programme_noun(" de agenda ") == "de agenda"
    for wrong in ("hitteplan", "een plan", "", 3, None):
        with pytest.raises(ValueError, match='beginnend met "de" of "het"'):
            vocabulary.programme_noun(wrong)


def test_every_setting_of_the_vocabulary_is_declared_in_the_model_with_types():
    declared = {s.name: s for s in model.SETTINGS}
    assert "policy_trace_programme_noun" in declared
    for _type, field in model.PROGRAMME_FIELDS:
        assert declared[field.values_setting].default == field.values
        assert set(declared[field.values_setting].types) == {list, tuple, dict}


# --- in a build ------------------------------------------------------------------


def test_own_borging_values_are_checked_and_shown_by_their_label(tmp_path):
    srcdir = programme(
        tmp_path,
        'policy_trace_borging_values = {"convenant": "Convenant met de gemeenten", "wet": "Wet"}\n',
        (":borging: regionaal_crisisplan", ":borging: convenant"),
    )
    app = build_once(srcdir)
    assert warnings_of(app) == []
    assert "d. Borging: aanwezig – Convenant met de gemeenten" in page_text(app)


def test_a_spec_value_the_programme_does_not_list_is_a_finding_naming_its_own_values(tmp_path):
    app = build_once(programme(tmp_path, 'policy_trace_borging_values = ["convenant", "wet"]\n'))
    assert policy_warnings(app) == [
        "index.md:27: FOUT: PT106 PRJ-WIJK: 'borging' is 'regionaal_crisisplan', maar een project kent "
        "bij 'borging' alleen: convenant, wet. Oplossing: kies bij 'borging' een van: convenant, wet; of, "
        "als dit programma 'regionaal_crisisplan' wil gebruiken: een programma mag eigen waarden toestaan, "
        "voeg 'regionaal_crisisplan' dan toe aan policy_trace_borging_values in conf.py. [policy.PT106]"
    ]


def test_a_programme_without_spoor_needs_none_and_reports_one_that_is_given(tmp_path):
    srcdir = programme(
        tmp_path,
        "policy_trace_spoor_values = []\n",
        append="\n```{inspanning} Zonder spoor\n:id: IN-ZONDER\n:draagt_bij_aan: SD-BRAND\n```\n",
    )
    app = build_once(srcdir)
    assert policy_warnings(app) == [
        "index.md:18: FOUT: PT106 IN-PREVENTIE: 'spoor' wordt in dit programma niet gebruikt "
        "(policy_trace_spoor_values in conf.py is leeg). Oplossing: haal ':spoor:' weg, of geef in conf.py "
        "bij policy_trace_spoor_values de waarden die 'spoor' mag hebben. [policy.PT106]"
    ]
    assert "Spoor" not in page_text(app)


def test_the_pages_name_the_programme_with_its_own_noun(tmp_path):
    dashboard = "\n```{tevreden}\n```\n"
    default = build_once(programme(tmp_path / "a", append=dashboard))
    assert "Wat het programma (nog) niet vastlegt" in page_text(default)
    conf = 'policy_trace_programme_noun = "het hitteplan"\n'
    own = build_once(programme(tmp_path / "b", conf, append=dashboard))
    assert warnings_of(own) == []
    assert "Wat het hitteplan (nog) niet vastlegt" in page_text(own)


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('policy_trace_borging_values = "wet"', "policy_trace_borging_values moet een lijst van waarden"),
        ("policy_trace_borging_values = []", "policy_trace_borging_values is leeg"),
        ('policy_trace_spoor_values = ["inhoudelijk", "inhoudelijk"]', "policy_trace_spoor_values noemt"),
        ('policy_trace_programme_noun = "hitteplan"', 'policy_trace_programme_noun is het woord'),
        ("policy_trace_programme_noun = 7", "policy_trace_programme_noun is het woord"),
    ],
)
def test_a_wrong_setting_is_one_dutch_warning_at_its_line_in_conf_py(tmp_path, line, words):
    srcdir = programme(tmp_path, line + "\n")
    conf_line = len((srcdir / "conf.py").read_text(encoding="utf-8").splitlines())
    app = build_once(srcdir)
    found = warnings_of(app)
    # One message, ours: Sphinx's own (English) type check sees the default that replaced the value.
    assert len(found) == 1, found
    assert found[0].startswith(f"conf.py:{conf_line}: FOUT: {words}"), found
    assert found[0].endswith("[policy.config]")
    assert "Nu gelden de standaardwaarden." in found[0] or "Nu geldt 'het programma'." in found[0]
    # The rest is checked with the defaults: the items are valid under them (the setting is the one error).
    assert [f["code"] for f in report(app)["findings"] if f["severity"] == "error"] == ["policy.config"]


def test_example_dates_come_from_the_programmes_own_period(tmp_path):
    app = build_once(programme(tmp_path, edit=(":datum: 2024-09-01", ":datum: 2024-09-31")))
    [line] = policy_warnings(app)
    assert "bijvoorbeeld 2024-01-01." in line  # the period of test-every-type starts 2024-01-01
    assert "2014-09-26" not in line

    srcdir = programme(tmp_path / "ref", 'policy_trace_reference_date = "1 juni 2024"\n')
    [line] = warnings_of(build_once(srcdir))
    assert 'bijvoorbeeld "2024-01-01"' in line, line


def test_the_handbook_shows_the_programmes_own_values_in_tables_and_examples(tmp_path):
    srcdir = programme(
        tmp_path,
        'policy_trace_borging_values = {"convenant": "Convenant"}\npolicy_trace_spoor_values = []\n',
        (":borging: regionaal_crisisplan", ":borging: convenant"),
        append="\n## Typen\n\n```{policy-trace-types}\n```\n",
    )
    index = srcdir / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(":spoor: inhoudelijk\n", ""), encoding="utf-8")
    app = build_once(srcdir)
    assert warnings_of(app) == []
    text = page_text(app)
    assert "convenant (Convenant)" in text
    assert "regionaal_crisisplan" not in text
    assert ":borging: convenant" in text
    assert ":spoor:" not in text


def test_no_page_of_another_programme_says_agenda(tmp_path):
    # Every page policy-trace writes (views, item details, Controle, the handbook's generated parts)
    # names the programme with its own noun: none says "agenda", this repository's word.
    srcdir = copy_root("test-views", tmp_path)
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + 'policy_trace_programme_noun = "het hitteplan"\n',
                    encoding="utf-8")
    generated = "".join(f"\n## {name}\n\n```{{{name}}}\n```\n" for name in (
        "controle-overzicht", "policy-trace-types", "policy-trace-fields", "policy-trace-links",
        "policy-trace-rules", "policy-trace-settings", "policy-trace-directives",
    ))
    (srcdir / "handboek.md").write_text("# Handboek\n" + generated, encoding="utf-8")
    index = srcdir / "index.md"
    listed = index.read_text(encoding="utf-8").replace("docs/downloads\n", "docs/downloads\nhandboek\n")
    index.write_text(listed, encoding="utf-8")
    app = build_once(srcdir)
    assert policy_warnings(app) == []
    pages = sorted(Path(app.outdir).rglob("*.html"))
    assert len(pages) >= 8
    names = [page.relative_to(app.outdir).as_posix()[: -len(".html")] for page in pages]
    said = [name for name in names if re.search(r"\bagenda\b", page_text(app, name), re.I)]
    assert said == []
    assert "Wat het hitteplan (nog) niet vastlegt" in page_text(app, "docs/tevreden")
