"""The benchmark behind ``make bench``: build times, ratios and peak memory, in one run.

For each size it writes the synthetic programme of :mod:`benchmarks.generate`
in three variants and measures, each N times (the median counts):

- a full HTML build of each variant, fresh output folder every time:
  ``full`` (policy-trace), ``stock`` (sphinx-needs, default layout) and
  ``plain`` (no needs);
- the full variant with ``-j auto``;
- an incremental rebuild of the full variant after editing one item's text,
  and whether the checks still saw every item: once as a new ``sphinx-build``
  process, once as ``make live`` does it (a warm process that has Python's
  imports behind it, see ``policy_trace.warm``);
- the checks alone: ``make check`` as it runs them (the ``policy_check``
  builder, reading serially like the build, so that it fails exactly when the
  build does), and the same with ``-j auto`` (``policy-trace check . -- -j auto``);
- peak memory (maximum resident set) of every serial build, per process.

It prints the medians, the ratios and the issue's targets, and writes them as a
Markdown table (with the machine it ran on) for ``docs/prestaties.md``.
Run ``python -m benchmarks.run --sizes 500 2000 5000 --runs 3``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from policy_trace import warm

from benchmarks import generate

#: How each measure is built: builder, extra options, whether warnings fail it.
#: The stock baseline may warn (it is what a user gets), so it builds without -W.
MEASURES: dict[str, tuple[str, str, tuple[str, ...], bool]] = {
    # measure: (variant, builder, extra options, -W)
    "full": ("full", "html", (), True),
    "stock": ("stock", "html", (), False),
    "plain": ("plain", "html", (), True),
    "full_parallel": ("full", "html", ("-j", "auto"), True),
    # make check (policy-trace check) reads serially, as the build does: a parallel read may keep
    # another of two items with one ID (commands/check.py).
    "check": ("full", "policy_check", (), True),
    "check_parallel": ("full", "policy_check", ("-j", "auto"), True),
}
LABELS = {
    "full": "policy-trace, volledige site",
    "stock": "sphinx-needs standaard",
    "plain": "Sphinx zonder needs",
    "full_parallel": "policy-trace, -j auto",
    "incremental": "na wijziging van één pagina, sphinx-build",
    "incremental_live": "na wijziging van één pagina, make live",
    "check": "alleen controles (make check)",
    "check_parallel": "alleen controles met -j auto",
}
#: Every measure of build time, in the order of the tables.
TIMED = (
    "full", "stock", "plain", "full_parallel", "incremental_live", "incremental", "check", "check_parallel",
)
#: The incremental measures: a new sphinx-build process, and make live's warm process.
INCREMENTAL = ("incremental", "incremental_live")
#: The size at which the issue states its targets, and the larger one for growth and memory.
TARGET_SIZE = 2000
LARGE_SIZE = 5000
MEMORY_LIMIT_MIB = 1.5 * 1024


@dataclass
class Run:
    """One timed build."""

    seconds: float
    peak_kib: int
    returncode: int
    #: User plus system CPU time of the build and the processes it waited for
    #: (its -j workers): steadier than wall time on a machine that is busy.
    cpu_seconds: float = 0.0


@dataclass
class Results:
    """Every run of a benchmark, by (size, measure)."""

    runs: dict[tuple[int, str], list[Run]] = field(default_factory=dict)
    #: Items that the checks saw after each incremental rebuild, by (size, measure).
    seen_after_incremental: dict[tuple[int, str], list[int]] = field(default_factory=dict)

    def add(self, size: int, measure: str, run: Run) -> None:
        self.runs.setdefault((size, measure), []).append(run)

    def median(self, size: int, measure: str) -> float | None:
        runs = self.runs.get((size, measure))
        return median([r.seconds for r in runs]) if runs else None

    def median_cpu(self, size: int, measure: str) -> float | None:
        runs = self.runs.get((size, measure))
        return median([r.cpu_seconds for r in runs]) if runs else None

    def peak_mib(self, size: int, measure: str) -> float | None:
        runs = self.runs.get((size, measure))
        return max(r.peak_kib for r in runs) / 1024 if runs else None

    def failed(self) -> list[tuple[int, str]]:
        return sorted({key for key, runs in self.runs.items() if any(r.returncode for r in runs)})

    @property
    def sizes(self) -> list[int]:
        return sorted({size for size, _ in self.runs})


def median(values: Sequence[float]) -> float:
    """The median of the values (the mean of the middle two for an even count)."""
    if not values:
        raise ValueError("geen metingen")
    return statistics.median(values)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator``, or None if either is missing or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class Target:
    """One target of the issue, with the measured value."""

    description: str
    value: float | None
    limit: float
    unit: str  # "x" (ratio), "%" (share of the full build) or "MiB"
    #: True when the value must be at most the limit; False when it must be below 1 (faster).
    met: bool | None


def targets(results: Results) -> list[Target]:
    """The issue's targets, evaluated on the medians of one run."""
    s, large = TARGET_SIZE, LARGE_SIZE
    full = results.median(s, "full")

    def at_most(description: str, value: float | None, limit: float, unit: str) -> Target:
        return Target(description, value, limit, unit, None if value is None else value <= limit)

    def incremental(measure: str, how: str) -> Target:
        # Met only if every rebuild's checks saw every item, not just the re-read page's.
        items_seen = results.seen_after_incremental.get((s, measure), [])
        share = ratio(results.median(s, measure), full)
        return Target(
            f"incrementele build ({how}) ≤ 15 % van de volledige, controles zien alle {s} items",
            None if share is None else share * 100,
            15,
            "%",
            None if share is None else share <= 0.15 and bool(items_seen) and all(n == s for n in items_seen),
        )

    parallel = ratio(results.median(s, "full_parallel"), full)
    peak = results.peak_mib(large, "full")
    return [
        at_most(
            f"volledige build ≤ 0,8 × sphinx-needs standaard ({s} items)",
            ratio(full, results.median(s, "stock")),
            0.8,
            "x",
        ),
        at_most(
            f"volledige build ≤ 1,6 × Sphinx zonder needs ({s} items)",
            ratio(full, results.median(s, "plain")),
            1.6,
            "x",
        ),
        incremental("incremental_live", "make live"),
        incremental("incremental", "sphinx-build"),
        Target(
            f"make check ≤ 40 % van de volledige build ({s} items)",
            None if (c := ratio(results.median(s, "check"), full)) is None else c * 100,
            40,
            "%",
            None if c is None else c <= 0.40,
        ),
        Target(
            f"-j auto sneller dan serieel ({s} items)",
            parallel,
            1.0,
            "x",
            None if parallel is None else parallel < 1.0,
        ),
        at_most(f"piekgeheugen bij {large} items < 1,5 GiB", peak, MEMORY_LIMIT_MIB, "MiB"),
        at_most(
            f"{large} items ≤ 2,8 × de tijd van {s} items",
            ratio(results.median(large, "full"), full),
            2.8,
            "x",
        ),
    ]


# --- measuring --------------------------------------------------------------------------------------


def timed(command: Sequence[str], log: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``command``, its output into ``log``; wall time and the process's own peak RSS."""
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
        # wait4 gives this child's own rusage (getrusage(RUSAGE_CHILDREN) would be a
        # running maximum over every child so far). ru_maxrss is in KiB on Linux.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, int(usage.ru_maxrss), process.returncode, usage.ru_utime + usage.ru_stime)


def sphinx_command(src: Path, out: Path, builder: str, options: Iterable[str], strict: bool) -> list[str]:
    """The sphinx-build command line for one measure."""
    command = [str(Path(sys.executable).parent / "sphinx-build"), "-b", builder, "-q"]
    if strict:
        command += ["-W", "--keep-going"]
    return [*command, *options, str(src), str(out)]


def items_seen_by_checks(out: Path) -> int:
    """How many items the last build checked: test cases in the JUnit report, else needs in needs.json."""
    report = out / "policy-report.xml"
    if report.exists():
        return len(ET.parse(report).getroot().findall(".//testcase"))
    data = json.loads((out / "needs.json").read_text(encoding="utf-8"))
    return len(data["versions"][data["current_version"]]["needs"])


#: A paragraph of text: a sentence on a line of its own, after a blank line.
_SENTENCE = re.compile(r"\n\n([A-Z][^\n`]*\.)\n")


def edit_page(page: Path, run_number: int) -> None:
    """Change the text of the first item on ``page`` (a real content edit, not just a touch)."""
    text = page.read_text(encoding="utf-8")
    first_item = text.find("```{")
    marker = _SENTENCE.search(text, first_item) if first_item >= 0 else None
    if marker is None:
        raise RuntimeError(f"geen tekst om te bewerken in {page}")
    edited = marker.group(1) + f" Bijgewerkt in ronde {run_number}."
    page.write_text(text[: marker.start(1)] + edited + text[marker.end(1) :], encoding="utf-8")


def snapshot(workdir: Path) -> dict[str, str]:
    """Copy the policy_trace package into ``workdir``; an environment whose Python imports the copy.

    A benchmark run takes minutes; measuring a frozen copy keeps edits made in
    the checkout meanwhile from mixing code versions within one run.
    """
    import policy_trace

    package = Path(policy_trace.__file__).parent
    target = workdir / "snapshot" / package.name
    shutil.rmtree(target.parent, ignore_errors=True)
    shutil.copytree(package, target, ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(target.parent), env.get("PYTHONPATH", "")]))
    return env


def measure_size(
    size: int,
    runs: int,
    workdir: Path,
    results: Results,
    say: Callable[[str], None],
    measures: Sequence[str],
    env: dict[str, str] | None = None,
) -> None:
    """All measures of one size."""
    sources = {}
    for variant in generate.VARIANTS:
        sources[variant] = workdir / f"{size}" / variant
        generate.write(sources[variant], size, variant)
    logs = workdir / "logs"
    logs.mkdir(parents=True, exist_ok=True)

    for measure in [m for m in MEASURES if m in measures]:
        variant, builder, options, strict = MEASURES[measure]
        for n in range(1, runs + 1):
            out = workdir / f"{size}" / f"out-{measure}"
            shutil.rmtree(out, ignore_errors=True)
            run = timed(
                sphinx_command(sources[variant], out, builder, options, strict),
                logs / f"{size}-{measure}-{n}.log",
                env,
            )
            results.add(size, measure, run)
            say(
                f"  {size:>5} items  {LABELS[measure]:<42} ronde {n}: {run.seconds:6.2f} s  "
                f"{run.peak_kib / 1024:6.0f} MiB" + ("  MISLUKT" if run.returncode else "")
            )

    source = sources["full"]
    if "incremental" in measures:
        _measure_incremental(size, runs, source, workdir, results, say, "incremental", env)
    if "incremental_live" in measures:
        with warm.Worker(env=env) as worker:
            _measure_incremental(size, runs, source, workdir, results, say, "incremental_live", env, worker)


def _measure_incremental(
    size: int,
    runs: int,
    source: Path,
    workdir: Path,
    results: Results,
    say: Callable[[str], None],
    measure: str,
    env: dict[str, str] | None,
    worker: warm.Worker | None = None,
) -> None:
    """Build once, then per round edit one item's text and time the rebuild (in ``worker`` if given)."""
    out = workdir / f"{size}" / f"out-{measure}"
    shutil.rmtree(out, ignore_errors=True)
    command = sphinx_command(source, out, "html", (), True)
    logs = workdir / "logs"

    def rebuild(log: Path) -> Run:
        if worker is None:
            return timed(command, log, env)
        # The worker's builds write to its own output; wall time is what an adviser waits.
        start = time.perf_counter()
        returncode = worker.build(command[1:])
        return Run(time.perf_counter() - start, 0, returncode)

    first = rebuild(logs / f"{size}-{measure}-0.log")
    if first.returncode:
        results.add(size, measure, first)
        return
    page = generate.page_to_edit(source)
    for n in range(1, runs + 1):
        edit_page(page, n)
        run = rebuild(logs / f"{size}-{measure}-{n}.log")
        results.add(size, measure, run)
        seen = items_seen_by_checks(out)
        results.seen_after_incremental.setdefault((size, measure), []).append(seen)
        say(
            f"  {size:>5} items  {LABELS[measure]:<42} ronde {n}: {run.seconds:6.2f} s  "
            f"(controles zagen {seen} items)" + ("  MISLUKT" if run.returncode else "")
        )


# --- reporting ---------------------------------------------------------------------------------------


def machine(load_at_start: tuple[float, float, float] | None = None) -> dict[str, str]:
    """The machine and software the benchmark ran on, and how busy it was."""
    cpu = platform.processor() or platform.machine()
    memory = ""
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        cpu = next(
            (line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
            cpu,
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))  # type: ignore[union-attr]
        memory = f"{kib / 1024 / 1024:.1f} GiB".replace(".", ",")
    except (OSError, AttributeError, StopIteration):
        pass
    versions = ", ".join(
        f"{name} {metadata.version(name)}"
        for name in ("sphinx", "sphinx-needs", "myst-parser", "furo", "policy-trace")
    )
    return {
        "Processor": cpu,
        "Kernen": str(os.cpu_count()),
        "Geheugen": memory or "onbekend",
        "Systeem": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Pakketten": versions,
        "Datum": dt.date.today().isoformat(),
        "Belasting (load average, 1 min) bij begin en eind": " en ".join(
            f"{load[0]:.1f}".replace(".", ",") for load in (load_at_start or os.getloadavg(), os.getloadavg())
        ),
    }


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f} s".replace(".", ",")


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×".replace(".", ",")


def _target_value(target: Target) -> str:
    if target.value is None:
        return "–"
    if target.unit == "x":
        return _ratio(target.value)
    if target.unit == "%":
        return f"{target.value:.0f} %"
    return f"{target.value:.0f} MiB"


def _verdict(met: bool | None) -> str:
    return {True: "gehaald", False: "**niet gehaald**", None: "niet gemeten"}[met]


def markdown(results: Results, runs: int, info: dict[str, str]) -> str:
    """The results as Markdown tables, for docs/prestaties.md."""
    lines = [
        f"Gemeten met `make bench`: mediaan van {runs} rondes per meting, elke volledige build in een "
        "lege uitvoermap.",
        "",
    ]
    header = "| Meting | " + " | ".join(f"{size} items" for size in results.sizes) + " |"
    lines += ["**Bouwtijd**", "", header, "|---|" + "---:|" * len(results.sizes)]
    for measure in TIMED:
        if any((size, measure) in results.runs for size in results.sizes):
            lines.append(
                f"| {LABELS[measure]} | "
                + " | ".join(_seconds(results.median(size, measure)) for size in results.sizes)
                + " |"
            )
    lines += ["", "**Verhoudingen**", "", header, "|---|" + "---:|" * len(results.sizes)]
    ratios = (
        ("policy-trace ÷ sphinx-needs standaard", "full", "stock"),
        ("policy-trace ÷ Sphinx zonder needs", "full", "plain"),
        ("sphinx-needs standaard ÷ Sphinx zonder needs", "stock", "plain"),
        ("-j auto ÷ serieel", "full_parallel", "full"),
        ("incrementeel in make live ÷ volledig", "incremental_live", "full"),
        ("incrementeel met sphinx-build ÷ volledig", "incremental", "full"),
        ("make check ÷ volledig", "check", "full"),
        ("controles met -j auto ÷ volledig", "check_parallel", "full"),
    )
    for label, top, bottom in ratios:
        lines.append(
            f"| {label} | "
            + " | ".join(
                _ratio(ratio(results.median(size, top), results.median(size, bottom)))
                for size in results.sizes
            )
            + " |"
        )
    lines += [
        "",
        "**CPU-tijd** (gebruiker plus systeem; minder gevoelig voor andere processen op de machine)",
        "",
        header,
        "|---|" + "---:|" * len(results.sizes),
    ]
    for measure in ("full", "stock", "plain", "check", "check_parallel"):
        if any((size, measure) in results.runs for size in results.sizes):
            lines.append(
                f"| {LABELS[measure]} | "
                + " | ".join(_seconds(results.median_cpu(size, measure)) for size in results.sizes)
                + " |"
            )
    for label, top, bottom in ratios[:2]:
        lines.append(
            f"| {label} | "
            + " | ".join(
                _ratio(ratio(results.median_cpu(size, top), results.median_cpu(size, bottom)))
                for size in results.sizes
            )
            + " |"
        )
    lines += [
        "",
        "**Piekgeheugen** (grootste proces, seriële build)",
        "",
        header,
        "|---|" + "---:|" * len(results.sizes),
    ]
    for measure in ("full", "stock", "plain"):
        lines.append(
            f"| {LABELS[measure]} | "
            + " | ".join(
                "–" if (p := results.peak_mib(size, measure)) is None else f"{p:.0f} MiB"
                for size in results.sizes
            )
            + " |"
        )
    lines += ["", "**Doelen uit de opdracht**", "", "| Doel | Gemeten | Oordeel |", "|---|---:|---|"]
    lines += [f"| {t.description} | {_target_value(t)} | {_verdict(t.met)} |" for t in targets(results)]
    if results.failed():
        lines += [
            "",
            "Mislukte builds (zie de logbestanden): "
            + ", ".join(f"{size} items {LABELS[m]}" for size, m in results.failed()),
        ]
    lines += ["", "**Machine**", "", "| Onderdeel | Waarde |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    return "\n".join(lines) + "\n"


def console(results: Results) -> str:
    """A short plain-text summary: medians, ratios and targets."""
    lines = ["", "Mediaan (s)          " + "".join(f"{size:>10}" for size in results.sizes)]
    for measure in TIMED:
        values = [results.median(size, measure) for size in results.sizes]
        if any(v is not None for v in values):
            lines.append(
                f"{measure:<21}" + "".join("         –" if v is None else f"{v:10.2f}" for v in values)
            )
    lines.append("")
    for target in targets(results):
        lines.append(
            f"{_verdict(target.met).strip('*'):<14} {_target_value(target):>10}  {target.description}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of the benchmark; exit code 1 if a build failed."""
    parser = argparse.ArgumentParser(description="Meet bouwtijd en geheugen van policy-trace.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, TARGET_SIZE, LARGE_SIZE])
    parser.add_argument(
        "--runs", type=int, default=3, help="rondes per meting; de mediaan telt (standaard 3)"
    )
    parser.add_argument(
        "--measures", nargs="+", default=[*MEASURES, *INCREMENTAL], choices=[*MEASURES, *INCREMENTAL]
    )
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/policy-trace-bench"))
    parser.add_argument("--output", type=Path, help="schrijf de tabellen als Markdown naar dit bestand")
    args = parser.parse_args(argv)

    results = Results()
    load_at_start = os.getloadavg()
    env = snapshot(args.workdir)
    print(f"Gemeten code: een kopie van policy_trace in {args.workdir / 'snapshot'}", flush=True)
    for size in args.sizes:
        print(f"{size} items:", flush=True)
        measure_size(
            size, args.runs, args.workdir, results, lambda line: print(line, flush=True), args.measures, env
        )
    print(console(results))
    if args.output:
        args.output.write_text(markdown(results, args.runs, machine(load_at_start)), encoding="utf-8")
        print(f"\nTabellen geschreven naar {args.output}")
    if results.failed():
        print(f"Mislukte builds: {results.failed()}; zie {args.workdir / 'logs'}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
