"""Every rule's failing example (its @rule in rules/, shown in the handbook) gives exactly that rule."""

from __future__ import annotations

from collections import defaultdict

import pytest
from checks_support import build_once, report
from policy_trace.rules import EXAMPLE_CONTEXT, EXAMPLE_PERIOD, EXAMPLE_REFERENCE_DATE, RULES


@pytest.fixture(scope="module")
def codes_per_file(tmp_path_factory):
    srcdir = tmp_path_factory.mktemp("examples")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "policy_trace"]\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\n"
        f"policy_trace_reference_date = {EXAMPLE_REFERENCE_DATE!r}\n",
        encoding="utf-8",
    )
    pages = ["context"] + [rule.code.lower() for rule in RULES]
    (srcdir / "index.md").write_text(
        "# Voorbeelden\n\n```{toctree}\n" + "\n".join(pages) + "\n```\n", "utf-8"
    )
    (srcdir / "context.md").write_text(f"# Basisprogramma\n\n{EXAMPLE_CONTEXT}", encoding="utf-8")
    for rule in RULES:
        (srcdir / f"{rule.code.lower()}.md").write_text(f"# {rule.code}\n\n{rule.example}", encoding="utf-8")
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
