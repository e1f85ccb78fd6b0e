"""The word diff of *Wat is er veranderd* on long items: ``python -m benchmarks.worddiff``.

A programme with one long item (8,000 and 20,000 words by default: phrases
that repeat, as in a long policy text, which made ``difflib`` slow) is built
once, and its needs.json kept as the previous publication; then one word in
every 400 is changed and the programme is built twice more: with
``policy_trace_previous`` set (the page shows the word diff) and without it.
The difference is what the word diff costs. It also times the diff itself
(``views.worddiff``) beside ``difflib.SequenceMatcher`` on the same words, the
latter only up to ``--difflib-max`` words (at 20,000 it took minutes).

Part of ``make bench``; only this part: ``make bench-woorddiff``.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from policy_trace.rules import EXAMPLE_CONTEXT, EXAMPLE_PERIOD, EXAMPLE_REFERENCE_DATE
from policy_trace.views import worddiff

#: Phrases of a long item's text; repeated, they give every word many equal words elsewhere.
PHRASES = (
    "De veiligheidsregio werkt samen met de gemeenten aan de voorbereiding op crises.",
    "Elke gemeente oefent jaarlijks met de crisisorganisatie van de regio.",
    "De brandweer adviseert over risico's in de gebouwde omgeving.",
    "Inwoners weten wat zij zelf kunnen doen bij een ramp of crisis.",
    "De regio deelt informatie met de partners in de keten.",
    "Het bestuur stelt de plannen vast en volgt de uitvoering.",
)


def words(count: int, edited: bool = False) -> list[str]:
    """``count`` words of repeating phrases; ``edited``: one word in every 400 replaced."""
    text = " ".join(PHRASES).split()
    result = [text[i % len(text)] for i in range(count)]
    if edited:
        for index in range(200, count, 400):
            result[index] = f"gewijzigd{index}"
    return result


def write_programme(root: Path, count: int, edited: bool, previous: Path | None) -> Path:
    """A small programme whose SD-LANG item holds ``count`` words."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "needs").mkdir(parents=True)
    (root / "conf.py").write_text(
        'project = "Woorddiff"\nextensions = ["myst_parser", "policy_trace"]\nlanguage = "nl"\n'
        f"policy_trace_period = {EXAMPLE_PERIOD!r}\n"
        f"policy_trace_reference_date = {EXAMPLE_REFERENCE_DATE!r}\n"
        f"policy_trace_previous = {str(previous) if previous else None!r}\n",
        encoding="utf-8",
    )
    (root / "index.md").write_text(
        "# Woorddiff\n\n```{toctree}\nneeds/items\nwijzigingen\n```\n", encoding="utf-8"
    )
    (root / "wijzigingen.md").write_text("# Wat is er veranderd\n\n```{wijzigingen}\n```\n", "utf-8")
    paragraphs = [" ".join(chunk) for chunk in _chunks(words(count, edited), 120)]
    long_item = (
        "```{doel} Een lang doel\n:id: SD-LANG\n:draagt_bij_aan: HD-VEILIG\n:status: vastgesteld\n\n"
        + "\n\n".join(paragraphs)
        + "\n```\n"
    )
    (root / "needs" / "items.md").write_text(f"# Items\n\n{EXAMPLE_CONTEXT}\n{long_item}", "utf-8")
    return root


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def build(src: Path, out: Path) -> float:
    """Seconds of one clean ``sphinx-build -W`` of ``src``."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(Path(sys.executable).parent / "sphinx-build"), "-q", "-W", "--keep-going", "-b", "html",
               str(src), str(out)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(result.stderr)
    return seconds


def measure(count: int, workdir: Path, difflib_max: int) -> dict[str, float | None]:
    """The times for an item of ``count`` words."""
    published = workdir / f"{count}-gepubliceerd"
    build(write_programme(workdir / f"{count}-bron", count, False, None), published)
    previous = published / "needs.json"
    with_previous = build(write_programme(workdir / f"{count}-bron", count, True, previous), workdir / "a")
    without = build(write_programme(workdir / f"{count}-bron", count, True, None), workdir / "b")
    old, new = words(count), words(count, edited=True)
    start = time.perf_counter()
    worddiff.opcodes(old, new)
    ours = time.perf_counter() - start
    theirs = None
    if count <= difflib_max:
        start = time.perf_counter()
        difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes()
        theirs = time.perf_counter() - start
    return {"met_vorige": with_previous, "zonder_vorige": without, "woorddiff": ours, "difflib": theirs}


def markdown(results: dict[int, dict[str, float | None]]) -> str:
    """The results as a Markdown table."""
    def seconds(value: float | None) -> str:
        return "niet gemeten" if value is None else f"{value:.2f} s".replace(".", ",")

    lines = [
        "| Woorden in één item | Bouw met vorige versie | Bouw zonder | Woorddiff zelf "
        "| difflib op dezelfde woorden |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for count, row in sorted(results.items()):
        cells = [f"{count:,}".replace(",", "."), *(seconds(row[key]) for key in row)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print (and write, with ``--output``) the table."""
    parser = argparse.ArgumentParser(description="Meet de woorddiff van Wat is er veranderd op lange items.")
    parser.add_argument("--words", type=int, nargs="+", default=[8000, 20000])
    parser.add_argument("--difflib-max", type=int, default=8000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/policy-trace-bench-woorddiff"))
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    results = {count: measure(count, args.workdir, args.difflib_max) for count in args.words}
    table = markdown(results)
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
