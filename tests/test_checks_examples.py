"""Every rule's failing example (its @rule in rules/, shown in the handbook) gives exactly that rule."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import pytest
from checks_support import build_once, report
from policy_trace import koppelingen
from policy_trace.rules import (
    EXAMPLE_CONTEXT,
    EXAMPLE_COUPLED_ALIAS,
    EXAMPLE_COUPLED_CONTEXT,
    EXAMPLE_PERIOD,
    EXAMPLE_REFERENCE_DATE,
    RULES,
)


def _coupled_programme(srcdir):
    """The programme the examples couple as 'landelijk': the rules' ``coupled`` items, published."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "policy_trace"]\npolicy_trace_programme_id = "voorbeeld-land"\n',
        encoding="utf-8",
    )
    items = "\n".join([EXAMPLE_COUPLED_CONTEXT, *(rule.coupled for rule in RULES if rule.coupled)])
    (srcdir / "index.md").write_text(f"# Het landelijke programma\n\n{items}", encoding="utf-8")
    return Path(build_once(srcdir, "html").outdir)


def _examples(srcdir, previous_needs=None, as_published=False, coupled=None):
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "policy_trace"]\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\n"
        f"policy_trace_reference_date = {EXAMPLE_REFERENCE_DATE!r}\n"
        f"policy_trace_previous = {previous_needs and str(previous_needs)!r}\n"
        f"policy_trace_koppelingen = {{{EXAMPLE_COUPLED_ALIAS!r}: 'landelijk'}}\n",
        encoding="utf-8",
    )
    if coupled is not None:
        (srcdir / "landelijk").mkdir(exist_ok=True)
        for name in koppelingen.PUBLISHED_FILES:
            shutil.copy(coupled / name, srcdir / "landelijk" / name)
    pages = ["context"] + [rule.code.lower() for rule in RULES]
    (srcdir / "index.md").write_text(
        "# Voorbeelden\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n", "utf-8"
    )
    (srcdir / "context.md").write_text(f"# Basisprogramma\n\n{EXAMPLE_CONTEXT}", encoding="utf-8")
    for rule in RULES:
        text = (rule.previous or rule.example) if as_published else rule.example
        (srcdir / f"{rule.code.lower()}.md").write_text(f"# {rule.code}\n\n{text}", encoding="utf-8")
    return srcdir


@pytest.fixture(scope="module")
def codes_per_file(tmp_path_factory):
    # The last publication: the examples as it had them (PT405 compares with it).
    coupled = _coupled_programme(tmp_path_factory.mktemp("coupled"))
    published = build_once(
        _examples(tmp_path_factory.mktemp("published"), as_published=True, coupled=coupled), "html"
    )
    previous = Path(published.outdir) / "needs.json"
    srcdir = _examples(tmp_path_factory.mktemp("examples"), previous, coupled=coupled)
    # The needs builder is what `make check` runs: reading and the checks, no HTML.
    app = build_once(srcdir, "needs")
    found = defaultdict(set)
    for finding in report(app)["findings"]:
        found[finding["file"]].add(finding["code"])
    return found


def test_the_example_context_is_clean(codes_per_file):
    assert codes_per_file["context.md"] == set()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_example_gives_exactly_its_own_rule(codes_per_file, rule):
    assert codes_per_file[f"{rule.code.lower()}.md"] == {rule.code}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_each_rule_has_a_one_sentence_dutch_fix(rule):
    assert rule.fix.endswith(".") and rule.fix.count(". ") == 0 and "\n" not in rule.fix
    assert rule.summary.endswith(".")
