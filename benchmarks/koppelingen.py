"""The benchmark of coupled programmes (issue 19): a national programme that reads 25 regional copies.

Each regional programme builds alone in its own CI; the national site reads
only their published copies (``policy-trace koppel``). This measures what that
costs the national build:

- 25 regional programmes of :data:`REGION_ITEMS` items (the generator of
  :mod:`benchmarks.generate`, each with its own seed), whose efforts also
  contribute to a national goal (``landelijk:SD-…``) and which each measure a
  national criterion once (``landelijk:CR-001``), built and published;
- the time of ``policy-trace koppel`` for one copy (every region's, the median
  counts), as a new process, the way a pipeline runs it;
- the national programme (the full variant of :mod:`benchmarks.generate`, with
  a ``{bijdragen}`` page) built with 0, 5 and all regions coupled: wall time and
  peak memory of each, so the ratio to the uncoupled build and the memory per
  coupled item show.

Run ``python -m benchmarks.koppelingen --national 2000 --regions 25 --runs 1``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import generate, run

REGION_ITEMS = 200
NATIONAL_ID = "landelijk-benchmarkprogramma"
#: The regions coupled in the builds measured: none, a few and all (memory per coupled item).
STEPS_OF = (0, 5)
#: The issue's targets: the coupled build at most this many times the uncoupled one.
TIME_LIMIT = 1.5

_CONTRIBUTES = re.compile(r"^(:draagt_bij_aan: )(SD-\d+)$", re.M)


def identity(root: Path, programme_id: str, name: str, extra: str = "") -> None:
    """Give a generated programme its identity and version, as ``policy-trace init`` would."""
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8").replace('project = "Benchmarkprogramma"', f"project = {name!r}")
    conf.write_text(
        text + f"policy_trace_programme_id = {programme_id!r}\npolicy_trace_version = '1'\n"
        "policy_trace_status = 'vastgesteld'\npolicy_trace_date = '2015-06-01'\n" + extra,
        encoding="utf-8",
    )


def write_national(root: Path, items: int) -> None:
    """The national programme, with a page that shows the regions' contributions."""
    generate.write(root, items, "full")
    identity(root, NATIONAL_ID, "Landelijk benchmarkprogramma", "html_baseurl = 'https://land.example.nl/1/'\n")
    (root / "overzichten" / "bijdragen.md").write_text(
        "# Bijdragen van de regio's\n\n```{bijdragen}\n```\n", encoding="utf-8"
    )


def write_region(root: Path, number: int) -> None:
    """A regional programme whose efforts also serve the national goal of the same number."""
    generate.write(root, REGION_ITEMS, "full", seed=2014 + number)
    identity(root, f"regio-{number:02d}", f"Veiligheidsregio {number:02d}",
             f"html_baseurl = 'https://regio-{number:02d}.example.nl/1/'\n")
    for page in sorted((root / "programma").glob("deel-*.md")):
        text = _CONTRIBUTES.sub(r"\1\2, landelijk:\2", page.read_text(encoding="utf-8"))
        page.write_text(text, encoding="utf-8")
    last = sorted((root / "programma").glob("deel-*.md"))[-1]
    with last.open("a", encoding="utf-8") as out:
        out.write(
            "\n```{meting} De regio meet het landelijke criterium\n:id: MT-LANDELIJK\n"
            f":meet_voor: landelijk:CR-001\n:waarde: {10 + number}\n:datum: 2015-05-{number:02d}\n"
            f":bron: Jaarverslag regio {number:02d}\n\n"
            "De regio meet het landelijke criterium voor zichzelf.\n```\n"
        )


def policy_trace(*argv: str) -> list[str]:
    return [str(Path(sys.executable).parent / "policy-trace"), *argv]


def set_couplings(root: Path, aliases: list[str]) -> None:
    """Keep only ``aliases`` in the national programme's ``policy_trace_koppelingen`` (its copies stay)."""
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text = re.sub(r"\n# Andere programma's.*", "", text, flags=re.S)
    body = "".join(f"    {alias!r}: 'koppelingen/{alias}',\n" for alias in aliases)
    conf.write_text(text.rstrip("\n") + f"\npolicy_trace_koppelingen = {{\n{body}}}\n", encoding="utf-8")


@dataclass
class Outcome:
    """The measurements: builds by number of coupled regions, and the koppel runs."""

    national_items: int
    regions: int
    builds: dict[int, list[run.Run]] = field(default_factory=dict)
    coupled_items: dict[int, int] = field(default_factory=dict)
    koppel: list[run.Run] = field(default_factory=list)
    #: The machine's one-minute load average when the measurement began and ended.
    load: tuple[float, float] = (0.0, 0.0)

    def seconds(self, regions: int) -> float:
        return run.median([r.seconds for r in self.builds[regions]])

    def cpu_seconds(self, regions: int) -> float:
        """User and system CPU time: steadier than wall time on a busy machine."""
        return run.median([r.cpu_seconds for r in self.builds[regions]])

    def peak_mib(self, regions: int) -> float:
        return max(r.peak_kib for r in self.builds[regions]) / 1024


def measure(work: Path, national_items: int, regions: int, runs: int) -> Outcome:
    """Build the regions, couple them to the national programme, and time the national builds."""
    outcome = Outcome(national_items, regions)
    start_load = os.getloadavg()[0]
    national = work / "landelijk"
    write_national(national, national_items)
    published = work / "landelijk-html"
    first = run.timed(run.sphinx_command(national, published, "html", (), False), work / "landelijk.log")
    if first.returncode:
        raise SystemExit(f"de landelijke build faalde; zie {work / 'landelijk.log'}")
    aliases = []
    for number in range(1, regions + 1):
        alias = f"regio-{number:02d}"
        region = work / alias
        write_region(region, number)
        log = work / f"{alias}.log"
        if run.timed(policy_trace("koppel", "landelijk", str(published), str(region)), log).returncode:
            raise SystemExit(f"koppel in {alias} faalde; zie {log}")
        out = work / f"{alias}-html"
        built = run.timed(run.sphinx_command(region, out, "html", (), False), log)
        if built.returncode:
            raise SystemExit(f"de build van {alias} faalde; zie {log}")
        koppel_log = work / f"koppel-{alias}.log"
        timed = run.timed(policy_trace("koppel", alias, str(out), str(national)), koppel_log)
        if timed.returncode:
            raise SystemExit(f"koppel {alias} faalde; zie {koppel_log}")
        outcome.koppel.append(timed)
        aliases.append(alias)
        outcome.coupled_items[number] = outcome.coupled_items.get(number - 1, 0) + count_items(out)
    for step in sorted({*(s for s in STEPS_OF if s < regions), regions}):
        set_couplings(national, aliases[:step])
        for number in range(runs):
            out = work / f"landelijk-{step}-{number}"
            command = run.sphinx_command(national, out, "html", (), True)
            measured = run.timed(command, work / f"landelijk-{step}-{number}.log")
            if measured.returncode:
                raise SystemExit(f"de landelijke build met {step} regio's faalde; zie de log in {work}")
            outcome.builds.setdefault(step, []).append(measured)
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(national / "_build", ignore_errors=True)
    outcome.coupled_items[0] = 0
    outcome.load = (start_load, os.getloadavg()[0])
    return outcome


def count_items(out: Path) -> int:
    """How many items a published needs.json holds."""
    data = json.loads((out / "needs.json").read_text(encoding="utf-8"))
    return len(data["versions"][data["current_version"]]["needs"])


def markdown(outcome: Outcome) -> str:
    """The results as a Markdown table, with the targets."""
    base = outcome.seconds(0)
    cpu_base = outcome.cpu_seconds(0) or 1.0
    rows = [
        "| Gekoppelde regio's | Gekoppelde items | Bouwtijd | × ongekoppeld | CPU-tijd | × ongekoppeld "
        "| Piekgeheugen | Extra geheugen per 1.000 gekoppelde items |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for step in sorted(outcome.builds):
        items = outcome.coupled_items.get(step, 0)
        extra = outcome.peak_mib(step) - outcome.peak_mib(0)
        per = f"{extra / items * 1000:.1f} MiB" if items else "–"
        rows.append(
            f"| {step} | {items} | {outcome.seconds(step):.1f} s | {outcome.seconds(step) / base:.2f} | "
            f"{outcome.cpu_seconds(step):.1f} s | {outcome.cpu_seconds(step) / cpu_base:.2f} | "
            f"{outcome.peak_mib(step):.0f} MiB | {per} |"
        )
    koppel = run.median([r.seconds for r in outcome.koppel])
    worst = max(outcome.seconds(step) / base for step in outcome.builds)
    worst_cpu = max(outcome.cpu_seconds(step) / cpu_base for step in outcome.builds)

    def verdict(value: float) -> str:
        return f"{'gehaald' if value <= TIME_LIMIT else 'niet gehaald'} ({value:.2f} ×)"

    return "\n".join([
        f"Landelijk programma van {outcome.national_items} items, {outcome.regions} regionale publicaties "
        f"van {REGION_ITEMS} items (plus één meting van een landelijk criterium).",
        "",
        *rows,
        "",
        f"`policy-trace koppel` voor één kopie: {koppel:.2f} s (mediaan van {len(outcome.koppel)}, "
        f"een nieuw proces per keer).",
        f"Doel: gekoppeld hooguit {TIME_LIMIT} × de ongekoppelde build: in bouwtijd {verdict(worst)}, "
        f"in CPU-tijd {verdict(worst_cpu)}. Belasting van de machine (1 min) bij begin en eind: "
        f"{outcome.load[0]:.1f} en {outcome.load[1]:.1f}.",
        "",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Meet een landelijk programma met gekoppelde regio's.")
    parser.add_argument("--national", type=int, default=2000, help="items van het landelijke programma")
    parser.add_argument("--regions", type=int, default=25, help="aantal regionale publicaties")
    parser.add_argument("--runs", type=int, default=1, help="builds per meting (de mediaan telt)")
    parser.add_argument("--output", type=Path, help="schrijf de tabel ook naar dit bestand")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="policy-trace-koppelingen-") as folder:
        outcome = measure(Path(folder), args.national, args.regions, args.runs)
    text = markdown(outcome)
    print(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
