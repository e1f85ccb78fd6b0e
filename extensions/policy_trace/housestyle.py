"""A programme's house style without forking the theme: colours named as NL Design System names them.

``policy_trace_house_style`` in conf.py gives colours under the names of NL
Design System's component tokens (the Utrecht components, which NL Design
System's themes fill in); this module writes them into the CSS variables furo
reads, in a stylesheet of their own after ours. Before that, each pair of a
text colour and the background it is drawn on is measured with WCAG 2.1's
contrast ratio: below 4.5:1 the build refuses it with a Dutch error at the
line of conf.py, and the site keeps its own colour, so no setting breaks AA.

Link colours apply to the light colour scheme; the dark scheme keeps its own
(a brand colour readable on white is rarely readable on black). The header
colours (the site's name at the top of the menu, and the bar on a phone)
apply in both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .findings import WARNING_TYPE, Subtype
from .settings import conf_location

logger = logging.getLogger(__name__)

SETTING = "policy_trace_house_style"
STYLESHEET = "policy_trace_huisstijl.css"
#: WCAG 2.1 success criterion 1.4.3 (AA) for normal text.
MINIMUM_CONTRAST = 4.5
#: furo's light page background and its menu's (the darker of the two decides).
PAGE_BACKGROUND = "#ffffff"
MENU_BACKGROUND = "#f8f9fb"
#: furo's light text colour, for a header background given without its text colour.
TEXT_COLOUR = "#000000"
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")
#: Where furo draws the light scheme: chosen with its toggle, or automatic on a light system.
LIGHT = "light"
_LIGHT_RULES = ('body[data-theme="light"]',
                '@media (prefers-color-scheme: light) { body:not([data-theme="dark"])')


@dataclass(frozen=True)
class Token:
    """A colour a programme may set: its NL Design System name, what it colours and on what."""

    name: str
    meaning: str
    #: The token or fixed colour it is read against.
    against: str
    #: CSS declarations it fills (``{}`` is the colour).
    css: tuple[tuple[str, str], ...]


TOKENS: tuple[Token, ...] = (
    Token("utrecht.link.color", "de kleur van links in de tekst", PAGE_BACKGROUND,
          ((LIGHT, "--color-link: {}; --color-brand-content: {};"),)),
    Token("utrecht.link.hover.color", "de kleur van een link onder de muis", PAGE_BACKGROUND,
          ((LIGHT, "--color-link--hover: {};"),)),
    Token("utrecht.color.primary", "de hoofdkleur: de hoofdstukken in het menu en de actieve kop rechts",
          MENU_BACKGROUND, ((LIGHT, "--color-brand-primary: {};"),)),
    Token("utrecht.page-header.background-color", "de achtergrond van de naam van de site bovenin",
          "utrecht.page-header.color",
          ((".sidebar-brand, .mobile-header", "background-color: {};"),)),
    Token("utrecht.page-header.color", "de tekst van de naam van de site bovenin",
          "utrecht.page-header.background-color",
          ((".sidebar-brand, .sidebar-brand-text, .mobile-header, .mobile-header .brand", "color: {};"),
           (".mobile-header .icon svg", "color: {};"))),
)
TOKENS_BY_NAME = {token.name: token for token in TOKENS}
#: What a header colour is read against when the programme gives only one of the pair.
_DEFAULT_PARTNER = {"utrecht.page-header.color": MENU_BACKGROUND,
                    "utrecht.page-header.background-color": TEXT_COLOUR}


def setup(app: Sphinx) -> dict[str, Any]:
    """Check the house style when conf.py is read; write its stylesheet when the site is written."""
    # After vocabulary.validate (7), which replaces a value of the wrong type by its default.
    app.connect("config-inited", check_setting, priority=20)
    app.connect("builder-inited", write_stylesheet)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def luminance(colour: str) -> float:
    """The relative luminance of ``#rgb`` or ``#rrggbb`` (WCAG 2.1)."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _ratio(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + ":1"


def problems(style: Any) -> tuple[dict[str, str], list[str]]:
    """The colours that may be used, and a Dutch sentence for each that may not."""
    if not isinstance(style, Mapping):
        return {}, [f'{SETTING} moet een dict zijn van naam naar kleur, bijvoorbeeld '
                    f'{{"utrecht.link.color": "#01689b"}}; nu is het: {style!r}.']
    found: list[str] = []
    colours: dict[str, str] = {}
    for name, value in style.items():
        if name not in TOKENS_BY_NAME:
            found.append(f"{SETTING} noemt {name!r}, maar die kleur kent policy-trace niet; bekend zijn: "
                         f"{', '.join(TOKENS_BY_NAME)}.")
        elif not isinstance(value, str) or not _COLOUR.fullmatch(value):
            found.append(f"{SETTING}: {name} is {value!r}, maar een kleur schrijf je als #rrggbb, "
                         "bijvoorbeeld '#01689b'.")
        else:
            colours[name] = value.lower()
    usable = dict(colours)
    for name, value in colours.items():
        token = TOKENS_BY_NAME[name]
        partner = token.against
        against = colours.get(partner, _DEFAULT_PARTNER.get(name, partner))
        if not _COLOUR.fullmatch(against):
            continue
        ratio = contrast(value, against)
        if ratio < MINIMUM_CONTRAST:
            on = f"{partner} {against}" if partner in TOKENS_BY_NAME else f"de achtergrond {against}"
            found.append(
                f"{SETTING}: {name} {value} ({token.meaning}) heeft tegen {on} een contrast van "
                f"{_ratio(ratio)}; WCAG 2.1 AA vraagt minstens {_ratio(MINIMUM_CONTRAST)}. Kies een "
                "kleur met meer contrast; de site houdt tot dan haar eigen kleur."
            )
            usable.pop(name, None)
    return usable, found


def check_setting(app: Sphinx, config: Config) -> None:
    """``config-inited``: a Dutch error at conf.py for each colour that cannot be used; it is left out."""
    usable, found = problems(config[SETTING])
    for problem in found:
        where = conf_location(app, SETTING)
        logger.warning("%s", problem, type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
    config[SETTING] = usable


def stylesheet(colours: Mapping[str, str]) -> str:
    """The CSS that gives furo the house style's colours."""
    rules: dict[str, list[str]] = {}
    for name, value in colours.items():
        for selector, declarations in TOKENS_BY_NAME[name].css:
            rules.setdefault(selector, []).append(declarations.replace("{}", value))
    lines = ["/* De huisstijl uit conf.py (policy_trace_house_style), geschreven door policy-trace. */"]
    for selector, parts in rules.items():
        body = " ".join(parts)
        if selector == LIGHT:
            # Only where the page is light: on furo's dark background these colours would fail AA.
            lines.append(f"{_LIGHT_RULES[0]} {{ {body} }}")
            lines.append(f"{_LIGHT_RULES[1]} {{ {body} }} }}")
        else:
            lines.append(f"{selector} {{ {body} }}")
    return "\n".join(lines) + "\n"


def write_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: the house style's stylesheet, after furo's and ours (furo sites only)."""
    colours = app.config[SETTING]
    if app.builder.format != "html" or app.config.html_theme != "furo" or not colours:
        return
    target = Path(app.outdir) / "_static" / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    text = stylesheet(colours)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    # After the theme's stylesheet (700): the programme's colours win.
    app.add_css_file(STYLESHEET, priority=800)
