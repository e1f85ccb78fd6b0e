"""The benchmark: its generator writes valid programmes, and its runner's arithmetic is right."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

REPO = Path(__file__).parent.parent
sys.path.insert(0, str(REPO))  # the benchmarks package lives beside extensions/, not in it

from conftest import build, needs_json  # noqa: E402
from policy_trace import model  # noqa: E402
from test_model import SPEC_TYPES  # noqa: E402

from benchmarks import generate, run  # noqa: E402

SIZE = 100


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory):
    """A 100-item programme in the full variant, built once through policy_trace."""
    root = tmp_path_factory.mktemp("bench") / "full"
    items = generate.write(root, SIZE, "full")
    app = SphinxTestApp("html", srcdir=root, status=StringIO(), warning=StringIO())
    try:
        build(app)
        yield app, items
    finally:
        app.cleanup()


def test_generated_programme_has_exactly_the_size_and_every_type():
    items = generate.programme(SIZE)
    assert len(items) == SIZE
    assert len({item.id for item in items}) == SIZE
    # Every type of the spec (an added type need not be in the benchmark), and only the model's types.
    assert set(SPEC_TYPES) <= set(Counter(item.type for item in items)) <= set(model.TYPE_NAMES)
    for item in items:
        assert model.item_type_for_id(item.id).directive == item.type
    # About 20 items a page, as in the issue.
    assert {len(page) for page in generate.pages(items)} == {generate.ITEMS_PER_PAGE}


def test_full_variant_builds_warning_free_and_the_checks_find_nothing(full_build):
    app, items = full_build
    needs = needs_json(app)
    assert {need_id: need["type"] for need_id, need in needs.items()} == {i.id: i.type for i in items}
    report = json.loads((Path(app.outdir) / "policy-report.json").read_text(encoding="utf-8"))
    assert report["findings"] == []
    # Realistic links: projects carry out efforts, parties pull them, criteria measure goals.
    assert needs["PRJ-001-1-1"]["voert_uit"] == ["IN-001-1"]
    assert needs["PRJ-001-1-1"]["opdrachtgever"] == ["PA-VB"]
    assert "CR-001" in needs["SD-001"]["meet_back"]


def test_the_three_variants_hold_the_same_text(tmp_path):
    texts = {}
    for variant in generate.VARIANTS:
        generate.write(tmp_path / variant, SIZE, variant)
        texts[variant] = (tmp_path / variant / "programma" / "deel-0003.md").read_text(encoding="utf-8")
    items = generate.pages(generate.programme(SIZE))[2]
    for item in items:
        for variant, text in texts.items():
            assert item.title in text and item.text in text, variant
    assert "```{" + items[0].type in texts["stock"]
    assert "```{" + items[0].type not in texts["plain"]
    conf = {v: (tmp_path / v / "conf.py").read_text(encoding="utf-8") for v in generate.VARIANTS}
    assert '"policy_trace"' in conf["full"]
    assert "policy_trace" not in conf["stock"] and "needs_types" in conf["stock"]
    assert "needs" not in conf["plain"]


def test_stock_baseline_declares_every_type_field_and_link():
    namespace: dict[str, object] = {}
    exec(generate.stock_needs_config(), namespace)  # noqa: S102 - our own generated conf.py text
    types = {t["directive"]: t for t in namespace["needs_types"]}  # type: ignore[union-attr]
    assert set(types) == set(model.TYPE_NAMES)
    for item_type in model.ITEM_TYPES:
        assert set(types[item_type.directive]["fields"]) == {f.name for f in item_type.fields}
        assert set(types[item_type.directive]["links"]) == {
            link.name for link in model.links_from(item_type.directive)
        }
    assert set(namespace["needs_links"]) == set(model.LINK_NAMES)  # type: ignore[arg-type]


def test_too_small_a_programme_is_refused():
    with pytest.raises(ValueError, match="minstens"):
        generate.programme(generate.MIN_ITEMS - 1)


def test_median_and_ratio():
    assert run.median([3.0, 1.0, 2.0]) == 2.0
    assert run.median([4.0, 1.0, 3.0, 2.0]) == 2.5
    with pytest.raises(ValueError):
        run.median([])
    assert run.ratio(8.0, 10.0) == pytest.approx(0.8)
    assert run.ratio(None, 10.0) is None
    assert run.ratio(1.0, 0.0) is None


def _results(**seconds: list[float]) -> run.Results:
    results = run.Results()
    for key, values in seconds.items():
        measure, size = key.rsplit("_", 1)
        for value in values:
            results.add(int(size), measure, run.Run(value, 1024 * 1024, 0))
    return results


def test_targets_use_medians_of_the_right_sizes():
    results = _results(
        full_2000=[10.0, 30.0, 11.0],
        stock_2000=[14.0, 13.0, 15.0],
        plain_2000=[7.0],
        incremental_2000=[1.0, 1.2, 5.0],
        incremental_live_2000=[0.8, 0.9, 0.7],
        check_2000=[3.0],
        full_parallel_2000=[8.0],
        full_5000=[27.0],
    )
    results.seen_after_incremental[2000, "incremental"] = [2000, 2000, 2000]
    results.seen_after_incremental[2000, "incremental_live"] = [2000, 2000, 2000]
    by_text = {t.description: t for t in run.targets(results)}
    stock = by_text["volledige build ≤ 0,8 × sphinx-needs standaard (2000 items)"]
    assert stock.value == pytest.approx(11.0 / 14.0) and stock.met is True
    plain = by_text["volledige build ≤ 1,6 × Sphinx zonder needs (2000 items)"]
    assert plain.value == pytest.approx(11.0 / 7.0) and plain.met is True
    cold = "incrementele build (sphinx-build) ≤ 15 % van de volledige, controles zien alle 2000 items"
    assert by_text[cold].value == pytest.approx(1.2 / 11.0 * 100) and by_text[cold].met is True
    live = "incrementele build (make live) ≤ 15 % van de volledige, controles zien alle 2000 items"
    assert by_text[live].value == pytest.approx(0.8 / 11.0 * 100) and by_text[live].met is True
    assert by_text["make check ≤ 40 % van de volledige build (2000 items)"].met is True
    assert by_text["-j auto sneller dan serieel (2000 items)"].value == pytest.approx(8.0 / 11.0)
    assert by_text["piekgeheugen bij 5000 items < 1,5 GiB"].value == pytest.approx(1024.0)
    growth = by_text["5000 items ≤ 2,8 × de tijd van 2000 items"]
    assert growth.value == pytest.approx(27.0 / 11.0) and growth.met is True


def test_an_incremental_build_that_misses_items_fails_its_target():
    results = _results(full_2000=[10.0], incremental_2000=[1.0], incremental_live_2000=[1.0])
    results.seen_after_incremental[2000, "incremental"] = [1999]
    results.seen_after_incremental[2000, "incremental_live"] = [2000]
    live, cold = (t for t in run.targets(results) if t.description.startswith("incrementele"))
    assert "sphinx-build" in cold.description and cold.met is False
    assert "make live" in live.description and live.met is True
    missing = next(t for t in run.targets(results) if t.description.startswith("volledige build ≤ 0,8"))
    assert missing.value is None and missing.met is None


def test_markdown_lists_medians_ratios_targets_and_machine():
    results = _results(full_2000=[10.0], stock_2000=[20.0], plain_2000=[5.0])
    text = run.markdown(results, 1, {"Kernen": "2"})
    assert "| policy-trace, volledige site | 10,0 s |" in text
    assert "| policy-trace ÷ sphinx-needs standaard | 0,50× |" in text
    assert "| volledige build ≤ 1,6 × Sphinx zonder needs (2000 items) | 2,00× | **niet gehaald** |" in text
    assert "| Kernen | 2 |" in text


def test_timed_reports_exit_code_and_memory_of_the_child(tmp_path):
    ok = run.timed([sys.executable, "-c", "x = bytearray(64 * 1024 * 1024)"], tmp_path / "ok.log")
    assert ok.returncode == 0
    assert ok.peak_kib > 64 * 1024
    failed = run.timed([sys.executable, "-c", "raise SystemExit(3)"], tmp_path / "failed.log")
    assert failed.returncode == 3


def test_edit_page_changes_an_items_text(tmp_path):
    generate.write(tmp_path / "full", SIZE, "full")
    page = generate.page_to_edit(tmp_path / "full")
    before = page.read_text(encoding="utf-8")
    run.edit_page(page, 1)
    after = page.read_text(encoding="utf-8")
    assert after != before
    assert "Bijgewerkt in ronde 1." in after
    assert after.count("```{") == before.count("```{")
    # The edit is inside the first item (its text), not in the page's introduction.
    first_item = after[after.index("```{") : after.index("```\n", after.index("```{") + 4)]
    assert "Bijgewerkt in ronde 1." in first_item


def test_snapshot_makes_the_builds_import_a_frozen_copy(tmp_path):
    env = run.snapshot(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", "import policy_trace; print(policy_trace.__file__)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == str(tmp_path / "snapshot" / "policy_trace" / "__init__.py")
