"""Synthetic programmes in the policy model, for the benchmark (``make bench``).

A programme of N items follows the chain of the model the way a national
programme does: one main goal; strategic goals that contribute to it; per goal
an effect, efforts (inspanningen), projects that carry out those efforts, and
per project milestones, a result and a decision; criteria that measure goals,
efforts and projects; assumptions about efforts; and parties (the 25 safety
regions and national bodies) as trekker, opdrachtgever and opdrachtnemer. About
20 items go on a page. The programme is clean: it passes every check, so the
full variant builds with ``-W``.

The same programme is written in three variants with identical text:

``full``
    policy-trace as a programme uses it: ``extensions = ["myst_parser", "policy_trace"]``,
    with the overview pages of the real site (dashboard, matrices, planning,
    parties, downloads, Controle) and the goal tree on the start page.
``stock``
    stock sphinx-needs with its default layout and no policy-trace: the
    types, fields and links written out in conf.py as a user would otherwise
    write them (current option names, so it does not warn about deprecations).
``plain``
    no needs at all: each item a rubric (a title that is not a section), a
    list of its options and its text.

Run ``python -m benchmarks.generate --items 2000 --variant full --out DIR``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from pprint import pformat

from policy_trace import model
from policy_trace.judgement import assess

VARIANTS: tuple[str, ...] = ("full", "stock", "plain")
#: The checkout's npm packages (Mermaid), which the full site serves itself. Named
#: explicitly because the benchmark may run a copy of policy_trace outside the checkout.
NODE_MODULES = Path(__file__).resolve().parents[1] / "node_modules"
ITEMS_PER_PAGE = 20
PERIOD = ("2014-09-26", "2016-09-25")
REFERENCE_DATE = "2015-06-01"

#: The parties every programme starts with: national bodies and the 25 regions.
NATIONAL_PARTIES = (
    "Veiligheidsberaad",
    "Instituut Fysieke Veiligheid",
    "NCTV",
    "Brandweer Nederland",
    "GHOR Nederland",
)
REGIONS = 25

WORDS = (
    "regio",
    "crisis",
    "bevolkingszorg",
    "brandweer",
    "samenwerking",
    "informatie",
    "oefenen",
    "plan",
    "gemeente",
    "inwoners",
    "risico",
    "meldkamer",
    "ketenpartners",
    "opleiding",
    "evacuatie",
    "water",
    "uitval",
    "energie",
    "zorg",
    "vakbekwaamheid",
    "netwerk",
    "landelijk",
    "afspraken",
    "capaciteit",
    "voorbereiding",
    "nazorg",
    "communicatie",
    "toezicht",
    "veiligheid",
    "leren",
    "incident",
    "gegevens",
)
EFFORTS_PER_GOAL = 3
PROJECTS_PER_EFFORT = 2
MILESTONES_PER_PROJECT = 2
#: Items of one goal block, and how many party references (trekker, opdrachtnemer) it makes.
#: Measurements (meting items) of each goal's criterion: a series, as a programme that monitors keeps.
MEASUREMENTS_PER_GOAL = 2
_BLOCK_SIZE = (
    3 + MEASUREMENTS_PER_GOAL + EFFORTS_PER_GOAL * (3 + PROJECTS_PER_EFFORT * (MILESTONES_PER_PROJECT + 3))
)
_PARTY_REFERENCES_PER_BLOCK = EFFORTS_PER_GOAL * (1 + 2 * PROJECTS_PER_EFFORT)
#: The fixed items (main goal, its criterion, 5 principles, 30 parties) plus one whole goal block.
MIN_ITEMS = 80


@dataclass
class Item:
    """One item of the synthetic programme, in model terms."""

    type: str
    id: str
    title: str
    options: dict[str, str] = field(default_factory=dict)
    text: str = ""


class _Writer:
    """Deterministic titles, texts and dates from one seeded random source."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.start = dt.date.fromisoformat(PERIOD[0])
        self.end = dt.date.fromisoformat(PERIOD[1])

    def title(self, lead: str) -> str:
        return f"{lead} {' '.join(self.random.sample(WORDS, 3))}"

    def text(self) -> str:
        sentences = []
        for _ in range(self.random.randint(2, 4)):
            words = [self.random.choice(WORDS) for _ in range(self.random.randint(8, 16))]
            sentences.append(" ".join(words).capitalize() + ".")
        return " ".join(sentences)

    def date(self, after: str, before: str) -> str:
        low, high = dt.date.fromisoformat(after), dt.date.fromisoformat(before)
        return (low + dt.timedelta(days=self.random.randint(0, (high - low).days))).isoformat()


def programme(n_items: int, seed: int = 2014) -> list[Item]:
    """A clean programme of exactly ``n_items`` items (at least :data:`MIN_ITEMS`), in reading order."""
    if n_items < MIN_ITEMS:
        raise ValueError(f"een programma voor de benchmark heeft minstens {MIN_ITEMS} items")
    w = _Writer(seed)
    items: list[Item] = []
    parties = [
        Item("partij", f"PA-{slug}", name)
        for slug, name in (
            ("VB", NATIONAL_PARTIES[0]),
            ("IFV", NATIONAL_PARTIES[1]),
            ("NCTV", NATIONAL_PARTIES[2]),
            ("BRANDWEER-NL", NATIONAL_PARTIES[3]),
            ("GHOR-NL", NATIONAL_PARTIES[4]),
        )
    ] + [Item("partij", f"PA-VR{r:02d}", f"Veiligheidsregio {r:02d}") for r in range(1, REGIONS + 1)]
    # A small programme names only as many parties as its items can refer to
    # (else PT403 advises on every unreferenced party).
    blocks = max(1, (n_items - 7 - len(parties)) // _BLOCK_SIZE)
    parties = parties[: max(len(NATIONAL_PARTIES), min(len(parties), blocks * _PARTY_REFERENCES_PER_BLOCK))]
    party_cycle = _cycle([p.id for p in parties])
    items.append(
        Item(
            "hoofddoel",
            "HD-SLAGVAARDIG",
            "Slagvaardige veiligheidsregio's",
            {"status": "vastgesteld"},
            w.text(),
        )
    )
    items.append(
        Item(
            "criterium",
            "CR-HOOFDDOEL",
            "Tevredenheid over de slagkracht",
            _criterion(w, "HD-SLAGVAARDIG"),
            w.text(),
        )
    )
    items += [
        Item("uitgangspunt", f"UP-{u}", w.title("Uitgangspunt"), {"status": "vastgesteld"}, w.text())
        for u in range(1, 6)
    ]
    items += parties

    blocks = _blocks(w, party_cycle)
    while len(items) < n_items:
        block = next(blocks)
        if len(items) + len(block) <= n_items:
            items += block
            continue
        # Fill the rest with milestones of projects already written: clean and realistic.
        projects = [i.id for i in items if i.type == "project"]
        for k in range(n_items - len(items)):
            project = projects[k % len(projects)]
            items.append(
                Item(
                    "mijlpaal",
                    f"MP-{project[4:]}-X{k + 1}",
                    w.title("Extra mijlpaal"),
                    {"datum": w.date("2015-07-01", "2016-09-01"), "hoort_bij": project, "status": "gepland"},
                    w.text(),
                )
            )
    return items


def _blocks(w: _Writer, party_cycle: Iterator[str]) -> Iterator[list[Item]]:
    """One strategic goal at a time, with everything that hangs off it."""
    g = 0
    while True:
        g += 1
        goal = f"SD-{g:03d}"
        block = [
            Item(
                "doel",
                goal,
                w.title("Doel"),
                {"draagt_bij_aan": "HD-SLAGVAARDIG", "status": "vastgesteld"},
                w.text(),
            ),
            *_measured_criterion(w, f"CR-{g:03d}", goal),
            Item("effect", f"EF-{g:03d}", w.title("Effect"), {"draagt_bij_aan": goal}, w.text()),
        ]
        previous_effort = ""
        for e in range(1, EFFORTS_PER_GOAL + 1):
            effort = f"IN-{g:03d}-{e}"
            options = {
                "spoor": ("inhoudelijk", "organisatorisch")[e % 2],
                "draagt_bij_aan": goal,
                "status": "in_uitvoering",
                "prioriteit": "ja" if e == 1 else "nee",
                "trekker": next(party_cycle),
            }
            if previous_effort:
                options["hangt_samen_met"] = previous_effort
            block.append(Item("inspanning", effort, w.title("Inspanning"), options, w.text()))
            block.append(
                Item("criterium", f"CR-{g:03d}-{e}", w.title("Criterium"), _criterion(w, effort), w.text())
            )
            block.append(
                Item(
                    "aanname",
                    f"AN-{g:03d}-{e}",
                    w.title("Aanname"),
                    {
                        "betreft": effort,
                        "status": "onbevestigd",
                        "getoetst_op": w.date("2014-09-26", REFERENCE_DATE),
                        "toetsing": "Navraag bij de regio's",
                    },
                    w.text(),
                )
            )
            for p in range(1, PROJECTS_PER_EFFORT + 1):
                project = f"PRJ-{g:03d}-{e}-{p}"
                block.append(
                    Item(
                        "project",
                        project,
                        w.title("Project"),
                        {
                            "voert_uit": effort,
                            "status": "in_uitvoering",
                            "opdracht": w.title("Voor 1 juli 2016:"),
                            "financiering": "Uit de bijdrage van de regio's.",
                            "borging": "regionaal_crisisplan",
                            "trekker": next(party_cycle),
                            "opdrachtgever": "PA-VB",
                            "opdrachtnemer": next(party_cycle),
                        },
                        w.text(),
                    )
                )
                for m in range(1, MILESTONES_PER_PROJECT + 1):
                    done = m == 1
                    block.append(
                        Item(
                            "mijlpaal",
                            f"MP-{g:03d}-{e}-{p}-{m}",
                            w.title("Mijlpaal"),
                            {
                                "datum": w.date(
                                    *(("2014-10-01", "2015-05-31") if done else ("2015-07-01", "2016-09-01"))
                                ),
                                "hoort_bij": project,
                                "status": "behaald" if done else "gepland",
                            },
                            w.text(),
                        )
                    )
                block.append(
                    Item(
                        "resultaat",
                        f"RS-{g:03d}-{e}-{p}",
                        w.title("Resultaat"),
                        {"geleverd_door": project, "draagt_bij_aan": f"EF-{g:03d}"},
                        w.text(),
                    )
                )
                block.append(
                    Item(
                        "besluit",
                        f"BS-{g:03d}-{e}-{p}",
                        w.title("Besluit"),
                        {
                            "datum": w.date("2014-09-26", "2015-05-31"),
                            "betreft": project,
                            "genomen_door": "PA-VB",
                        },
                        w.text(),
                    )
                )
        yield block


def _criterion(w: _Writer, measures: str) -> dict[str, str]:
    options = {
        "meet": measures,
        "indicator": w.title("Aantal"),
        "nulmeting": "10",
        "streefwaarde": "25",
        "meting": str(w.random.randint(10, 25)),
        "meetdatum": w.date("2015-01-01", REFERENCE_DATE),
        "deadline": w.date("2016-01-01", PERIOD[1]),
        "bron": "Jaarverslag",
        "smart": "ja",
    }
    measured = [(options["meting"], dt.date.fromisoformat(options["meetdatum"]))]
    return {**options, "status": _status(options, measured)}


def _status(options: dict[str, str], measured: list[tuple[str, dt.date]]) -> str:
    """The status the numbers give (a clean programme has no PT304)."""
    judged = assess(
        options["nulmeting"],
        options["streefwaarde"],
        measured,
        deadline=dt.date.fromisoformat(options["deadline"]),
        start=dt.date.fromisoformat(PERIOD[0]),
    ).judgement
    return judged or "onbepaald"


def _measured_criterion(w: _Writer, criterion_id: str, measures: str) -> list[Item]:
    """A criterion measured by a series of meting items, oldest first, and those items."""
    options = _criterion(w, measures)
    del options["meting"], options["meetdatum"]
    values = sorted(w.random.randint(10, 25) for _ in range(MEASUREMENTS_PER_GOAL))
    dates = sorted(w.date("2015-01-01", REFERENCE_DATE) for _ in range(MEASUREMENTS_PER_GOAL))
    measurements = [
        Item(
            "meting",
            f"MT-{criterion_id[3:]}-{n}",
            w.title("Meting"),
            {"meet_voor": criterion_id, "waarde": str(value), "datum": when, "bron": "Jaarverslag"},
            w.text(),
        )
        for n, (value, when) in enumerate(zip(values, dates, strict=True), start=1)
    ]
    measured = [(str(value), dt.date.fromisoformat(when)) for value, when in zip(values, dates, strict=True)]
    criterion = Item(
        "criterium",
        criterion_id,
        w.title("Criterium"),
        {**options, "status": _status(options, measured)},
        w.text(),
    )
    return [criterion, *measurements]


def _cycle(values: list[str]) -> Iterator[str]:
    while True:
        yield from values


# --- writing the variants -------------------------------------------------------------------------


def render_item(item: Item, variant: str) -> str:
    """One item as Markdown: a need directive (full, stock) or a heading with a list (plain)."""
    if variant == "plain":
        options = [f"- id: {item.id}"] + [f"- {name}: {value}" for name, value in item.options.items()]
        # A rubric, not a heading: a heading would add 20 entries per page to
        # furo's navigation on every page, which no needs variant has, and
        # would make the floor slower than the thing it is a floor for.
        return "\n".join([f"```{{rubric}} {item.title}", "```", "", *options, "", item.text, ""])
    options = [f":id: {item.id}"] + [f":{name}: {value}" for name, value in item.options.items()]
    return "\n".join([f"```{{{item.type}}} {item.title}", *options, "", item.text, "```", ""])


def pages(items: list[Item]) -> list[list[Item]]:
    """The items in pages of :data:`ITEMS_PER_PAGE`."""
    return [items[i : i + ITEMS_PER_PAGE] for i in range(0, len(items), ITEMS_PER_PAGE)]


def conf_py(variant: str) -> str:
    """conf.py of one variant; all use furo and MyST, only the needs part differs."""
    common = textwrap.dedent("""\
        project = "Benchmarkprogramma"
        language = "nl"
        html_theme = "furo"
        exclude_patterns = ["_build"]
        """)
    if variant == "full":
        return common + textwrap.dedent(f"""\
            extensions = ["myst_parser", "policy_trace"]
            policy_trace_period = {PERIOD!r}
            policy_trace_reference_date = {REFERENCE_DATE!r}
            policy_trace_mermaid_dir = {str(NODE_MODULES)!r}
            """)
    if variant == "stock":
        return common + 'extensions = ["myst_parser", "sphinx_needs"]\n' + stock_needs_config()
    if variant == "plain":
        return common + 'extensions = ["myst_parser"]\n'
    raise ValueError(f"onbekende variant {variant!r}; kies uit {', '.join(VARIANTS)}")


def stock_needs_config() -> str:
    """The sphinx-needs configuration a user would write by hand for this model (no policy-trace)."""
    types = [
        {
            "directive": t.directive,
            "title": t.title,
            "prefix": t.prefix,
            "color": t.color,
            "style": "node",
            "fields": {
                f.name: {"description": f.description, "schema": {"type": "string"}, "nullable": True}
                for f in t.fields
            },
            "links": {link.name: {} for link in model.links_from(t.directive)},
        }
        for t in model.ITEM_TYPES
    ]
    links = {link.name: {"outgoing": link.outgoing, "incoming": link.incoming} for link in model.LINK_TYPES}
    return (
        f"needs_types = {pformat(types, width=110, sort_dicts=False)}\n"
        f"needs_links = {pformat(links, width=110, sort_dicts=False)}\n"
        "needs_id_required = True\n"
        'needs_id_regex = r"^[A-Z]+-[A-Z0-9-]+$"\n'
    )


#: The overview pages of the full variant: the same views as the real site's
#: docs/ pages and start page, so the full variant is the whole policy-trace site.
VIEW_PAGES: dict[str, str] = {
    "tevreden": "# Wanneer zijn we tevreden\n\n```{tevreden}\n```\n",
    "samenhang": "# Samenhang\n\n```{samenhangmatrix}\n:rijen: inspanning\n:kolommen: doel\n```\n\n"
    "```{samenhangmatrix}\n:rijen: inspanning\n:kolommen: project\n```\n",
    "planning": "# Planning\n\n```{planning}\n```\n",
    "partijen": "# Partijen\n\n```{partijen}\n```\n",
    "downloads": "# Downloads\n\n```{downloads}\n```\n",
    "controle": "# Controle\n\n```{controle-overzicht}\n```\n",
}
START_PAGE_VIEW = "```{doelenboom}\n```\n"


def write(root: Path, n_items: int, variant: str, seed: int = 2014) -> list[Item]:
    """Write the programme of ``n_items`` in ``variant`` to ``root`` (emptied first); returns its items."""
    if variant not in VARIANTS:
        raise ValueError(f"onbekende variant {variant!r}; kies uit {', '.join(VARIANTS)}")
    items = programme(n_items, seed)
    if root.exists():
        shutil.rmtree(root)
    (root / "programma").mkdir(parents=True)
    (root / "conf.py").write_text(conf_py(variant), encoding="utf-8")
    chunks = pages(items)
    for number, chunk in enumerate(chunks, start=1):
        body = "\n".join(render_item(item, variant) for item in chunk)
        text = f"# Bijdrage {number}\n\nDe items van deel {number} van het programma.\n\n{body}"
        (root / "programma" / f"deel-{number:04d}.md").write_text(text, encoding="utf-8")
    views = ""
    if variant == "full":
        (root / "overzichten").mkdir()
        for name, text in VIEW_PAGES.items():
            (root / "overzichten" / f"{name}.md").write_text(text, encoding="utf-8")
        views = START_PAGE_VIEW + "\n```{toctree}\n:maxdepth: 1\n:glob:\n\noverzichten/*\n```\n\n"
    (root / "index.md").write_text(
        f"# Benchmarkprogramma\n\nEen synthetisch programma van {n_items} items.\n\n{views}"
        "```{toctree}\n:maxdepth: 1\n:glob:\n\nprogramma/*\n```\n",
        encoding="utf-8",
    )
    return items


def page_to_edit(root: Path) -> Path:
    """The page the incremental benchmark edits: one in the middle of the programme."""
    chunks = sorted((root / "programma").glob("deel-*.md"))
    return chunks[len(chunks) // 2]


def main(argv: list[str] | None = None) -> int:
    """Command line: write one variant of one size."""
    parser = argparse.ArgumentParser(description="Schrijf een synthetisch programma voor de benchmark.")
    parser.add_argument("--items", type=int, default=2000, help="aantal items (standaard 2000)")
    parser.add_argument("--variant", choices=VARIANTS, default="full", help="full, stock of plain")
    parser.add_argument("--out", type=Path, required=True, help="map om het programma in te schrijven")
    parser.add_argument("--seed", type=int, default=2014)
    args = parser.parse_args(argv)
    items = write(args.out, args.items, args.variant, args.seed)
    print(f"{len(items)} items in {len(pages(items))} pagina's geschreven naar {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
