"""A programme's house style without forking the theme: colours named as NL Design System names them.

``policy_trace_house_style`` in conf.py gives colours under the names of NL
Design System's component tokens (the Utrecht components, which NL Design
System's themes fill in); this module writes them into the CSS variables furo
reads, in a stylesheet of their own after ours. Before that, each pair of a
text colour and the background it is drawn on is measured with WCAG 2.1's
contrast ratio: below 4.5:1 the build refuses it with a Dutch error at the
line of conf.py, and the site keeps its own colour, so no setting breaks AA.

furo has a dark colour scheme too (chosen with its toggle, ``body[data-theme=
"dark"]``, or automatic on a dark system, ``body:not([data-theme="light"])``
under ``prefers-color-scheme: dark``). A brand colour readable on white is
rarely readable on furo's dark background, so the colours that follow the
scheme (links, the primary colour) get a dark variant: the one
``policy_trace_house_style_dark`` gives under the same token names (as an NL
Design System dark theme gives the same tokens other values), checked against
the dark background, or else one derived from the light colour: the same hue
and saturation, lighter until it reads on the dark background at least as
well as the light colour on white (between 4.5:1 and 7:1). The header is a
pair of its own background and text, so its colours hold in both schemes; one
given without its partner must read against furo's default partner in both.
Links in running text are underlined in both schemes (theme/static's
site.css), so a link never differs from its text by colour alone.
"""

from __future__ import annotations

import colorsys
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
DARK_SETTING = "policy_trace_house_style_dark"
STYLESHEET = "policy_trace_huisstijl.css"
#: WCAG 2.1 success criterion 1.4.3 (AA) for normal text.
MINIMUM_CONTRAST = 4.5
#: What a derived dark variant aims for at most (AAA): lighter still would lose the brand's colour.
MAXIMUM_DERIVED_CONTRAST = 7.0
_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


@dataclass(frozen=True)
class Scheme:
    """One of furo's colour schemes: the backgrounds text is read against, and where its CSS applies."""

    setting: str
    #: How a message names the scheme ("" for the light one, which every message assumes).
    label: str
    page: str
    menu: str
    #: furo's text colour, for a header background given without its text colour.
    text: str

    def background(self, role: str) -> str:
        """The background a token of ``role`` ("page" or "menu") is read against."""
        return self.page if role == "page" else self.menu


#: furo's light page background and its menu's (the darker of the two decides), and its text colour.
LIGHT = Scheme(SETTING, "", page="#ffffff", menu="#f8f9fb", text="#000000")
#: furo's dark scheme: the page is #131416, blocks and cards #18181a, the menu #1a1c1e; light text on
#: the lightest of them has the least contrast, so every colour is read against that. Text #cfd0d0.
DARK = Scheme(DARK_SETTING, " in de donkere modus", page="#1a1c1e", menu="#1a1c1e", text="#cfd0d0")
#: Where furo draws its dark scheme (its _head_css_variables.html and furo.css): chosen with the
#: toggle, or automatic on a dark system; never in print.
DARK_SCOPES = ('body[data-theme="dark"]', 'body:not([data-theme="light"])')


@dataclass(frozen=True)
class Token:
    """A colour a programme may set: its NL Design System name, what it colours and on what."""

    name: str
    meaning: str
    #: "page" or "menu" (the scheme's background), or the token it is read against.
    against: str
    #: CSS declarations it fills (``{}`` is the colour), per selector; "body" sets furo's variables.
    css: tuple[tuple[str, str], ...]

    @property
    def follows_scheme(self) -> bool:
        """Whether it is read against the scheme's background (and so needs a dark variant)."""
        return self.against not in TOKENS_BY_NAME


TOKENS: tuple[Token, ...] = (
    Token("utrecht.link.color", "de kleur van links in de tekst", "page",
          (("body", "--color-link: {}; --color-brand-content: {};"),)),
    Token("utrecht.link.hover.color", "de kleur van een link onder de muis", "page",
          (("body", "--color-link--hover: {};"),)),
    Token("utrecht.color.primary", "de hoofdkleur: de hoofdstukken in het menu en de actieve kop rechts",
          "menu", (("body", "--color-brand-primary: {};"),)),
    Token("utrecht.page-header.background-color", "de achtergrond van de naam van de site bovenin",
          "utrecht.page-header.color",
          ((".sidebar-brand, .mobile-header", "background-color: {};"),)),
    Token("utrecht.page-header.color", "de tekst van de naam van de site bovenin",
          "utrecht.page-header.background-color",
          ((".sidebar-brand, .sidebar-brand-text, .mobile-header, .mobile-header .brand", "color: {};"),
           (".mobile-header .icon svg", "color: {};"))),
)
TOKENS_BY_NAME = {token.name: token for token in TOKENS}


@dataclass(frozen=True)
class Problem:
    """A colour the site does not use, with the setting it is in (for its line in conf.py)."""

    setting: str
    message: str


@dataclass(frozen=True)
class Palette:
    """The colours the site uses: the light ones (in every scheme unless overridden) and the dark ones."""

    light: dict[str, str]
    dark: dict[str, str]
    #: Per dark colour derived from a light one: the light colour (said in the stylesheet).
    derived_from: dict[str, str]


def setup(app: Sphinx) -> dict[str, Any]:
    """Check the house style when conf.py is read; write its stylesheet when the site is written."""
    # After vocabulary.validate (7), which replaces a value of the wrong type by its default.
    app.connect("config-inited", check_setting, priority=20)
    app.connect("builder-inited", write_stylesheet)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}


def luminance(colour: str) -> float:
    """The relative luminance of ``#rgb`` or ``#rrggbb`` (WCAG 2.1)."""
    channels = [c / 255 for c in _rgb(colour)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _rgb(colour: str) -> tuple[int, int, int]:
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _ratio(value: float) -> str:
    return f"{value:.2f}".replace(".", ",") + ":1"


def dark_variant(colour: str, light_background: str, dark_background: str) -> str:
    """``colour`` for the dark scheme: its hue and saturation, lighter until it reads on
    ``dark_background`` as well as it reads on ``light_background`` (at least 4.5:1, at most 7:1)."""
    wanted = min(max(contrast(colour, light_background), MINIMUM_CONTRAST), MAXIMUM_DERIVED_CONTRAST)
    hue, lightness, saturation = colorsys.rgb_to_hls(*(c / 255 for c in _rgb(colour)))
    # Lightness raises every channel, so the contrast on a dark background only grows; white (17:1
    # on furo's dark menu) always reaches the aim.
    for step in range(int(lightness * 200), 201):
        red, green, blue = colorsys.hls_to_rgb(hue, step / 200, saturation)
        candidate = "#{:02x}{:02x}{:02x}".format(*(round(c * 255) for c in (red, green, blue)))
        if contrast(candidate, dark_background) >= wanted:
            return candidate
    return "#ffffff"


def _parse(setting: str, style: Any) -> tuple[dict[str, str], list[Problem]]:
    if not isinstance(style, Mapping):
        return {}, [Problem(setting, f'{setting} moet een dict zijn van naam naar kleur, bijvoorbeeld '
                                     f'{{"utrecht.link.color": "#01689b"}}; nu is het: {style!r}.')]
    found: list[Problem] = []
    colours: dict[str, str] = {}
    for name, value in style.items():
        if name not in TOKENS_BY_NAME:
            found.append(Problem(setting, f"{setting} noemt {name!r}, maar die kleur kent policy-trace niet; "
                                          f"bekend zijn: {', '.join(TOKENS_BY_NAME)}."))
        elif not isinstance(value, str) or not _COLOUR.fullmatch(value):
            found.append(Problem(setting, f"{setting}: {name} is {value!r}, maar een kleur schrijf je als "
                                          "#rrggbb, bijvoorbeeld '#01689b'."))
        else:
            colours[name] = value.lower()
    return colours, found


def _shortfall(
    setting: str, scheme: Scheme, token: Token, value: str, partners: Mapping[str, str], instead: str
) -> Problem | None:
    """The problem of ``value`` for ``token`` in ``scheme`` (read against its partner in ``partners``,
    else furo's), or None when it reaches 4.5:1."""
    advice = "Kies een kleur met meer contrast"
    if token.follows_scheme:
        against = scheme.background(token.against)
        on = f"de achtergrond {against}"
    elif token.against in partners:
        against = partners[token.against]
        on = f"{token.against} {against}"
    elif token.name == "utrecht.page-header.color":
        against, on = scheme.menu, f"de achtergrond {scheme.menu}"
        advice = f"Geef ook {token.against}, of kies een kleur met meer contrast"
    else:
        against, on = scheme.text, f"de tekstkleur {scheme.text}"
        advice = f"Geef ook {token.against}, of kies een kleur met meer contrast"
    ratio = contrast(value, against)
    if ratio >= MINIMUM_CONTRAST:
        return None
    return Problem(setting, (
        f"{setting}: {token.name} {value} ({token.meaning}) heeft{scheme.label} tegen {on} een contrast van "
        f"{_ratio(ratio)}; WCAG 2.1 AA vraagt minstens {_ratio(MINIMUM_CONTRAST)}. {advice}; {instead}."
    ))


def resolve(light_style: Any, dark_style: Any = None) -> tuple[Palette, list[Problem]]:
    """The colours the site uses from the two settings, and a Dutch sentence for each it does not use."""
    light, found = _parse(SETTING, light_style)
    dark_given, dark_found = _parse(DARK_SETTING, {} if dark_style is None else dark_style)
    found += dark_found
    usable = dict(light)
    for name, value in light.items():
        problem = _shortfall(SETTING, LIGHT, TOKENS_BY_NAME[name], value, light,
                             "de site houdt tot dan haar eigen kleur")
        if problem:
            found.append(problem)
            usable.pop(name)
    # A header colour holds in both schemes: unless the dark setting replaces it, it must also read
    # against its partner there (furo's dark one, where the programme gives none).
    for name, value in list(usable.items()):
        token = TOKENS_BY_NAME[name]
        if token.follows_scheme or name in dark_given:
            continue
        problem = _shortfall(SETTING, DARK, token, value, {**light, **dark_given},
                             "de site houdt tot dan haar eigen kleur")
        if problem:
            found.append(problem)
            usable.pop(name)
    dark: dict[str, str] = {}
    for name, value in dark_given.items():
        token = TOKENS_BY_NAME[name]
        fallback = usable.get(name)
        if fallback is None:
            instead = "de site houdt in de donkere modus tot dan haar eigen kleur"
        elif token.follows_scheme:
            variant = dark_variant(fallback, LIGHT.background(token.against), DARK.background(token.against))
            instead = f"de site gebruikt in de donkere modus tot dan {variant}, afgeleid van {fallback}"
        else:
            instead = f"de site gebruikt in de donkere modus tot dan {fallback}"
        problem = _shortfall(DARK_SETTING, DARK, token, value, {**usable, **dark_given}, instead)
        if problem:
            found.append(problem)
        else:
            dark[name] = value
    return palette(usable, dark), found


def palette(light: Mapping[str, str], dark: Mapping[str, str]) -> Palette:
    """The usable colours with a derived dark variant for each light colour that follows the scheme."""
    derived_from: dict[str, str] = {}
    dark_colours = dict(dark)
    for name, value in light.items():
        token = TOKENS_BY_NAME[name]
        if token.follows_scheme and name not in dark:
            dark_colours[name] = dark_variant(value, LIGHT.background(token.against),
                                              DARK.background(token.against))
            derived_from[name] = value
    return Palette(dict(light), dark_colours, derived_from)


def problems(style: Any) -> tuple[dict[str, str], list[str]]:
    """The light colours that may be used, and a Dutch sentence for each colour that may not."""
    usable, found = resolve(style)
    return usable.light, [problem.message for problem in found]


def check_setting(app: Sphinx, config: Config) -> None:
    """``config-inited``: a Dutch error at conf.py for each colour that cannot be used; it is left out."""
    usable, found = resolve(config[SETTING], config[DARK_SETTING])
    for problem in found:
        where = conf_location(app, problem.setting)
        logger.warning("%s", problem.message, type=WARNING_TYPE, subtype=Subtype.CONFIG.value, location=where)
    config[SETTING] = usable.light
    # Only the dark colours conf.py gave: the stylesheet derives the others again from the light ones.
    config[DARK_SETTING] = {
        name: value for name, value in usable.dark.items() if name not in usable.derived_from
    }


def _rules(colours: Mapping[str, str]) -> dict[str, list[str]]:
    rules: dict[str, list[str]] = {}
    for name, value in colours.items():
        for selector, declarations in TOKENS_BY_NAME[name].css:
            rules.setdefault(selector, []).append(declarations.replace("{}", value))
    return rules


def _scoped(scope: str, selector: str) -> str:
    return ", ".join(scope if part.strip() == "body" else f"{scope} {part.strip()}"
                     for part in selector.split(","))


def stylesheet(light: Mapping[str, str], dark: Mapping[str, str] | None = None) -> str:
    """The CSS that gives furo the house style's colours, in its light and its dark scheme."""
    colours = palette(light, dark or {})
    lines = [f"/* De huisstijl uit conf.py ({SETTING} en {DARK_SETTING}), geschreven door policy-trace. */"]
    # Unscoped, so the light colours hold wherever furo draws its light scheme (and in print); furo's
    # dark rules are more specific, so the dark scheme takes the dark colours below.
    lines += [f"{selector} {{ {' '.join(parts)} }}" for selector, parts in _rules(colours.light).items()]
    for name, source in colours.derived_from.items():
        token = TOKENS_BY_NAME[name]
        lines.append(f"/* {name} in de donkere modus: {colours.dark[name]}, afgeleid van {source} "
                     f"({_ratio(contrast(colours.dark[name], DARK.background(token.against)))} tegen "
                     f"{DARK.background(token.against)}). */")
    dark_rules = _rules(colours.dark)
    if dark_rules:
        chosen = [f"  {_scoped(DARK_SCOPES[0], s)} {{ {' '.join(p)} }}" for s, p in dark_rules.items()]
        automatic = [f"    {_scoped(DARK_SCOPES[1], s)} {{ {' '.join(p)} }}" for s, p in dark_rules.items()]
        lines += ["@media not print {", *chosen, "  @media (prefers-color-scheme: dark) {", *automatic,
                  "  }", "}"]
    return "\n".join(lines) + "\n"


def write_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: the house style's stylesheet, after furo's and ours (furo sites only)."""
    light, dark = app.config[SETTING], app.config[DARK_SETTING]
    if app.builder.format != "html" or app.config.html_theme != "furo" or not (light or dark):
        return
    target = Path(app.outdir) / "_static" / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    text = stylesheet(light, dark)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    # After the theme's stylesheet (700): the programme's colours win.
    app.add_css_file(STYLESHEET, priority=800)
