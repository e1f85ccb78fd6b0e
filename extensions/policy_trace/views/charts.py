"""Pictures drawn by the site itself, as static SVG: a criterion's measurements over time, a roll-up bar.

Static SVG, not a script: it shows without JavaScript, in every browser and
in a PDF, and it costs nothing to load. Each picture is an image with a
name and a description (``role="img"``, ``<title>``, ``<desc>``), and the
views put its text equivalent (a table, or a sentence) beside it: the picture
helps, the text says it all. Colours come as SVG attributes (what a PDF
renderer reads) with a class per part, so the site's stylesheet can give
them dark-mode colours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from .. import model
from ..dates import dutch_date

#: The drawing area of a line chart, in SVG units (it scales to its column).
WIDTH, HEIGHT = 480, 230
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 14, 34

#: Fallback colours (light mode); the stylesheet overrides them per class in dark mode.
COLOURS = {
    "axis": "#4a5259",
    "grid": "#d5dade",
    "measured": "#1f5fa8",
    "baseline": "#6b4f00",
    "target": "#1b6b2e",
    "deadline": "#a4262c",
}


def number_text(value: float) -> str:
    """A number as Dutch readers write it: ``12``, ``12,5``, ``1250``."""
    if value == int(value):
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def with_unit(value: float, unit: str) -> str:
    """``40`` and ``%`` -> ``40 %``; a unit of words follows with a space too."""
    return f"{number_text(value)} {unit}".strip()


@dataclass(frozen=True)
class LineChart:
    """What a criterion's chart shows: measurements, and baseline, target and deadline where known."""

    chart_id: str
    title: str
    points: tuple[tuple[date, float], ...]
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    deadline: date | None = None
    start: date | None = None


def nice_scale(low: float, high: float, count: int = 4) -> list[float]:
    """Round axis levels (steps of 1, 2, 2.5 or 5 times a power of ten) that include ``low`` and ``high``."""
    if high <= low:
        low, high = low - 1, high + 1
    raw_step = (high - low) / count
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw_step)
    first = math.floor(low / step) * step
    levels = [first]
    while levels[-1] < high - 1e-9:
        levels.append(levels[-1] + step)
    return [round(level, 10) for level in levels]


def _date_ticks(first: date, last: date) -> list[date]:
    years = [
        date(year, 1, 1) for year in range(first.year, last.year + 1) if first <= date(year, 1, 1) <= last
    ]
    if len(years) >= 2:
        return years
    return [first, last]


def _date_label(when: date, yearly: bool) -> str:
    return str(when.year) if yearly else dutch_date(when)


def description(chart: LineChart) -> str:
    """One Dutch sentence that says what the chart shows (its ``<desc>``)."""
    first, last = chart.points[0], chart.points[-1]
    parts = [
        f"{len(chart.points)} metingen van {dutch_date(first[0])} tot {dutch_date(last[0])}, "
        f"van {with_unit(first[1], chart.unit)} naar {with_unit(last[1], chart.unit)}"
    ]
    if chart.baseline is not None:
        parts.append(f"nulmeting {with_unit(chart.baseline, chart.unit)}")
    if chart.target is not None:
        parts.append(f"streefwaarde {with_unit(chart.target, chart.unit)}")
    if chart.deadline is not None:
        parts.append(f"deadline {dutch_date(chart.deadline)}")
    return "; ".join(parts) + "."


def line_chart(chart: LineChart) -> str:
    """The chart as an inline SVG image with a title and a description."""
    dates = [when for when, _ in chart.points]
    first = min([*dates, *(d for d in (chart.start,) if d)])
    last = max([*dates, *(d for d in (chart.deadline,) if d)])
    if last <= first:
        last = first + timedelta(days=1)
    values = [value for _, value in chart.points]
    values += [v for v in (chart.baseline, chart.target) if v is not None]
    levels = nice_scale(min(values), max(values))
    low, high = levels[0], levels[-1]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(when: date) -> float:
        return round(LEFT + plot_w * (when - first).days / (last - first).days, 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (high - value) / (high - low), 1)

    cid = escape(chart.chart_id)
    out = [
        f'<svg class="pt-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{cid}-titel {cid}-beschrijving" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{cid}-titel">{escape(chart.title)}</title>',
        f'<desc id="{cid}-beschrijving">{escape(description(chart))}</desc>',
    ]
    for level in levels:
        ty = y(level)
        out.append(
            f'<line class="pt-chart-grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{ty}" y2="{ty}" '
            f'stroke="{COLOURS["grid"]}" stroke-width="1"/>'
        )
        out.append(
            f'<text class="pt-chart-label" x="{LEFT - 6}" y="{ty + 4}" text-anchor="end" font-size="14" '
            f'fill="{COLOURS["axis"]}">{escape(number_text(round(level, 2)))}</text>'
        )
    date_ticks = _date_ticks(first, last)
    yearly = all(tick.month == 1 and tick.day == 1 for tick in date_ticks) and len(date_ticks) >= 2
    for index, tick in enumerate(date_ticks):
        anchor = "middle" if yearly else ("start" if index == 0 else "end")
        out.append(
            f'<text class="pt-chart-label" x="{x(tick)}" y="{HEIGHT - BOTTOM + 18}" text-anchor="{anchor}" '
            f'font-size="14" fill="{COLOURS["axis"]}">{escape(_date_label(tick, yearly))}</text>'
        )
    out.append(
        f'<line class="pt-chart-axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{HEIGHT - BOTTOM}" '
        f'y2="{HEIGHT - BOTTOM}" stroke="{COLOURS["axis"]}" stroke-width="1"/>'
    )
    for name, value in (("baseline", chart.baseline), ("target", chart.target)):
        if value is not None:
            out.append(
                f'<line class="pt-chart-{name}" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value)}" '
                f'y2="{y(value)}" stroke="{COLOURS[name]}" stroke-width="2" '
                f'stroke-dasharray="{"6 4" if name == "baseline" else "2 3"}"/>'
            )
    if chart.deadline is not None:
        dx = x(chart.deadline)
        out.append(
            f'<line class="pt-chart-deadline" x1="{dx}" x2="{dx}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" '
            f'stroke="{COLOURS["deadline"]}" stroke-width="2" stroke-dasharray="8 3 2 3"/>'
        )
    path = " ".join(f"{x(when)},{y(value)}" for when, value in chart.points)
    out.append(
        f'<polyline class="pt-chart-measured" points="{path}" fill="none" '
        f'stroke="{COLOURS["measured"]}" stroke-width="2.5"/>'
    )
    for when, value in chart.points:
        out.append(
            f'<circle class="pt-chart-point" cx="{x(when)}" cy="{y(value)}" r="4" '
            f'fill="{COLOURS["measured"]}"/>'
        )
    out.append("</svg>")
    return "".join(out)


def legend(chart: LineChart) -> str:
    """What each line of the chart is, in words beside a sample of its stroke."""
    entries = [("measured", "metingen")]
    if chart.baseline is not None:
        entries.append(("baseline", f"nulmeting ({with_unit(chart.baseline, chart.unit)})"))
    if chart.target is not None:
        entries.append(("target", f"streefwaarde ({with_unit(chart.target, chart.unit)})"))
    if chart.deadline is not None:
        entries.append(("deadline", f"deadline ({dutch_date(chart.deadline)})"))
    items = "".join(
        f'<li><span class="pt-chart-key pt-chart-key-{name}" aria-hidden="true"></span>{escape(text)}</li>'
        for name, text in entries
    )
    return f'<ul class="pt-chart-legend">{items}</ul>'


#: The roll-up's categories: the model's criterion statuses, the one that says nothing yet
#: (onbepaald, which also counts a criterion without status) last.
UNDETERMINED = model.CRITERION_STATUSES[0]
ROLL_UP_STATUSES: tuple[str, ...] = (
    *(status for status in model.CRITERION_STATUSES if status != UNDETERMINED),
    UNDETERMINED,
)


#: The fill of each criterion status in the roll-up: two greens tell behaald from op koers
#: (the tones alone do not); the words beside the bar say the same.
ROLL_UP_FILLS: dict[str, str] = {s.name: s.fill for s in model.STATUSES if s.fill}


def roll_up_bar(counts: Sequence[tuple[str, int]]) -> str:
    """A stacked bar of criterion counts per status, as SVG; hidden from screen readers (the text says it)."""
    total = sum(count for _, count in counts) or 1
    out = [
        '<svg class="pt-rollup-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" '
        'focusable="false" xmlns="http://www.w3.org/2000/svg">'
    ]
    at = 0.0
    for status, count in counts:
        if not count:
            continue
        width = 100 * count / total
        out.append(
            f'<rect class="pt-rollup-{escape(status)}" x="{at:.2f}" y="0" width="{width:.2f}" height="10" '
            f'fill="{ROLL_UP_FILLS.get(status, ROLL_UP_FILLS[UNDETERMINED])}"/>'
        )
        at += width
    out.append("</svg>")
    return "".join(out)


__all__ = [
    "ROLL_UP_FILLS",
    "ROLL_UP_STATUSES",
    "UNDETERMINED",
    "LineChart",
    "description",
    "legend",
    "line_chart",
    "nice_scale",
    "number_text",
    "roll_up_bar",
    "with_unit",
]
