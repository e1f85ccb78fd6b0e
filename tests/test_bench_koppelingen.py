"""The coupling benchmark: its regions link to the national programme, and its table's arithmetic is right."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).parent.parent
sys.path.insert(0, str(REPO))  # the benchmarks package lives beside extensions/, not in it

from benchmarks import koppelingen, run  # noqa: E402


def test_a_generated_region_contributes_to_the_national_programme(tmp_path):
    koppelingen.write_region(tmp_path / "regio", 3)
    pages = sorted((tmp_path / "regio" / "programma").glob("*.md"))
    text = "".join(page.read_text(encoding="utf-8") for page in pages)
    assert ":draagt_bij_aan: SD-001, landelijk:SD-001" in text
    assert ":meet_voor: landelijk:CR-001" in text
    conf = (tmp_path / "regio" / "conf.py").read_text(encoding="utf-8")
    assert "policy_trace_programme_id = 'regio-03'" in conf and "project = 'Veiligheidsregio 03'" in conf


def test_the_table_gives_the_ratio_and_the_memory_per_coupled_item():
    outcome = koppelingen.Outcome(2000, 25)
    outcome.builds = {0: [run.Run(10.0, 400 * 1024, 0, 8.0)], 25: [run.Run(12.0, 450 * 1024, 0, 10.0)]}
    outcome.coupled_items = {0: 0, 25: 5025}
    outcome.koppel = [run.Run(1.0, 1, 0), run.Run(3.0, 1, 0), run.Run(2.0, 1, 0)]
    text = koppelingen.markdown(outcome)
    assert "| 25 | 5025 | 12.0 s | 1.20 | 10.0 s | 1.25 | 450 MiB | 10.0 MiB |" in text
    assert "voor één kopie: 2.00 s (mediaan van 3" in text
    assert "in bouwtijd gehaald (1.20 ×), in CPU-tijd gehaald (1.25 ×)" in text
