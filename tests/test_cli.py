"""``policy-trace new``: a correct item for every type, and Dutch refusals for bad input."""

from __future__ import annotations

import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from conftest import needs_json, warnings_of
from policy_trace import cli, model, scaffold
from sphinx.testing.util import SphinxTestApp

CONF = """\
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
policy_trace_period = ("2020-01-01", "2040-12-31")
policy_trace_reference_date = "2020-01-01"
"""


def new_id(item_type: model.ItemType) -> str:
    return f"{item_type.prefix}NIEUW"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def placeholders_in(text: str) -> set[str]:
    return set(re.findall(rf"\b[A-Z]+-{model.PLACEHOLDER_SLUG}(?:-\d+)?\b", text))


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> tuple[SphinxTestApp, dict[str, str]]:
    """A programme of one scaffolded item per type, written with the CLI, plus every item they need.

    The items they need are the placeholders of required links, themselves
    scaffolded until nothing is missing: so each snippet builds as generated.
    """
    srcdir = tmp_path_factory.mktemp("scaffold")
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    (srcdir / "index.md").write_text("# Proef\n\n```{toctree}\nnieuw\nnodig\n```\n", encoding="utf-8")
    nieuw = srcdir / "nieuw.md"
    nieuw.write_text("# Nieuwe items\n", encoding="utf-8")
    for item_type in model.ITEM_TYPES:
        assert (
            cli.main(
                [
                    "new",
                    item_type.directive,
                    new_id(item_type),
                    f"Nieuw {item_type.title.lower()}",
                    "--file",
                    str(nieuw),
                    "--stil",
                ]
            )
            == 0
        )
    snippets = {
        item_type.directive: scaffold.snippet(item_type.directive, new_id(item_type), "x")
        for item_type in model.ITEM_TYPES
    }

    nodig = srcdir / "nodig.md"
    nodig.write_text("# Wat de nieuwe items nodig hebben\n", encoding="utf-8")
    written: set[str] = set()
    todo = placeholders_in(nieuw.read_text(encoding="utf-8"))
    while todo - written:
        item_id = sorted(todo - written)[0]
        item_type = model.item_type_for_id(item_id)
        assert item_type is not None
        assert cli.main(["new", item_type.directive, item_id, "Nodig", "--file", str(nodig), "-q"]) == 0
        written.add(item_id)
        todo |= placeholders_in(nodig.read_text(encoding="utf-8"))

    app = SphinxTestApp("html", srcdir=srcdir, status=StringIO(), warning=StringIO())
    try:
        app.build()
        # A required text or number field has no honest starting value (a meting's waarde and bron):
        # the scaffold leaves it empty and the build says where to fill it in, and nothing else.
        missing = re.compile(
            r"nieuw\.md:\d+: FOUT: PT106 ([A-Z]+-NIEUW): het verplichte veld '([a-z_]+)' ontbreekt\."
        )
        found = [missing.match(line) for line in warnings_of(app)]
        assert all(found), warnings_of(app)
        assert sorted(m.groups() for m in found if m) == sorted(
            (new_id(t), f.name)
            for t in model.ITEM_TYPES
            for f in t.fields
            if f.required and f.kind in ("text", "number_or_text") and not f.default
        )
        yield app, snippets
    finally:
        app.cleanup()


def test_every_scaffolded_type_builds_and_is_created(scaffolded):
    app, _ = scaffolded
    needs = needs_json(app)
    for item_type in model.ITEM_TYPES:
        need = needs[new_id(item_type)]
        assert need["type"] == item_type.directive
        assert need["title"] == f"Nieuw {item_type.title.lower()}"


def test_snippet_has_every_field_and_link_of_its_type_required_first(scaffolded):
    _, snippets = scaffolded
    for item_type in model.ITEM_TYPES:
        options = re.findall(r"^:([a-z_]+):", snippets[item_type.directive], flags=re.MULTILINE)
        links = model.links_from(item_type.directive)
        expected = {
            "id",
            *model.COMMON_FIELDS,
            *(f.name for f in item_type.fields),
            *(link.name for link in links),
        }
        assert set(options) == expected and len(options) == len(expected), item_type.directive
        required = {f.name for f in item_type.fields if f.required} | {
            link.name for link in links if link.rule_for(item_type.directive).minimum
        }
        assert set(options[1 : 1 + len(required)]) == required, item_type.directive


def test_required_values_are_valid_and_optional_choices_show_their_default():
    text = scaffold.snippet("inspanning", "IN-NIEUW", "Titel", {"trekker": ["PA-REGIO"]})
    assert text.splitlines()[:4] == [
        "```{inspanning} Titel",
        ":id: IN-NIEUW",
        ":draagt_bij_aan: SD-INVULLEN",
        ":status: voorgesteld",
    ]
    assert ":spoor:\n" in text  # optional (spec section 2): left empty, not filled in
    assert ":prioriteit: nee" in text
    assert ":trekker: PA-REGIO" in text
    assert ":hangt_samen_met:\n" in text


def test_links_given_on_the_command_line_are_filled_in(tmp_path, capsys):
    code, out, err = run(
        ["new", "criterium", "CR-OPKOMST", "Opkomsttijd", "--meet", "SD-A,IN-B", "--meet", "PRJ-C"], capsys
    )
    assert code == 0
    assert ":meet: SD-A, IN-B, PRJ-C" in out
    assert "meet" in err and "verplicht" in err


def test_guide_lists_the_allowed_values_beside_the_snippet(capsys):
    code, out, err = run(["new", "project", "PRJ-NIEUW", "Nieuw project"], capsys)
    assert code == 0
    assert out.startswith("```{project} Nieuw project\n")
    assert "intentieverklaring, wetswijziging, regionaal_crisisplan of anders" in err
    assert "ID van: inspanning (IN-…); minstens 1" in err
    code, out, err = run(["new", "project", "PRJ-NIEUW", "Nieuw project", "--stil"], capsys)
    assert err == ""


def test_append_keeps_one_blank_line_and_refuses_a_duplicate_id(tmp_path, capsys):
    target = tmp_path / "partijen.md"
    target.write_text("# Partijen\n", encoding="utf-8")
    assert run(["new", "partij", "PA-IFV", "IFV", "--file", str(target)], capsys)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Partijen\n\n```{partij} IFV\n:id: PA-IFV\n")
    code, _, err = run(["new", "partij", "PA-IFV", "IFV", "--file", str(target)], capsys)
    assert code == 2
    assert "bevat al een item met ID PA-IFV" in err
    assert target.read_text(encoding="utf-8").count(":id: PA-IFV") == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["new", "inspaning", "IN-X", "T"], "onbekend type 'inspaning'. Kies uit: hoofddoel, doel,"),
        (
            ["new", "inspanning", "PRJ-X", "T"],
            "ID 'PRJ-X' past niet bij type inspanning (dat voorvoegsel hoort"
            " bij project): een inspanning heeft een ID dat begint met IN-",
        ),
        (["new", "inspanning", "IN-kort", "T"], "ID 'IN-kort' past niet bij het ID-patroon"),
        (["new", "inspanning", "IN-X", "  "], "de titel is leeg"),
        (
            ["new", "mijlpaal", "MP-X", "T", "--hoort_bij", "IN-A"],
            "'hoort_bij' vanuit een mijlpaal mag alleen verwijzen naar project (ID begint met PRJ-), "
            "niet naar 'IN-A'",
        ),
        (["new", "partij", "PA-X", "T", "--meet", "SD-A"], "een partij kan geen koppeling 'meet' hebben"),
        (["new", "partij", "PA-X", "T", "--file", "/geen/map/partijen.md"], "de map /geen/map bestaat niet"),
        (["new", "inspanning"], "deze argumenten ontbreken: ID, TITEL"),
        (["nieuw"], "ongeldige keuze"),
    ],
)
def test_bad_input_gives_a_dutch_error_and_exit_code_2(argv, message, capsys):
    try:
        code = cli.main(argv)
    except SystemExit as exited:  # argparse's own usage errors leave through sys.exit
        code = exited.code
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_console_script_is_installed_and_exits_2_without_traceback(tmp_path):
    script = Path(sys.executable).parent / "policy-trace"
    done = subprocess.run(
        [str(script), "new", "doel", "HD-X", "Titel"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr.startswith("policy-trace new: fout: ID 'HD-X' past niet bij type doel")
    assert "Traceback" not in done.stderr
