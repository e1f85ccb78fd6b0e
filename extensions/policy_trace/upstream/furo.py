"""furo's internals that the site relies on (written for furo 2025.12.19).

furo offers template blocks and reads ``html-page-context``; we use those for
everything else (see ``theme/``). Two things it does in Python, with no hook:

- it computes the sidebar's navigation tree for every page, in its own
  ``html-page-context`` handler, by calling the module function
  ``furo._compute_navigation_tree(context)``: the only place to compute it once
  per folder instead (see ``theme/navigation.py`` for why: speed) is to route
  that function, which :func:`route_navigation_tree` does once per process;
- it labels each fold button of that tree in English
  (``aria-label="Toggle navigation of …"``), which :func:`translate_fold_labels` rewrites.

The per-folder trees (``theme/navigation.py``) rely on the shape of furo's
tree HTML; each template is checked by marking its page again and comparing
with furo's own tree (any other shape gets furo's own computation), and
``tests/test_theme_navigation.py`` compares every page with furo's tree.

And one template is copied whole (:data:`PAGE_TEMPLATE_SHA256` says why), and one block of another
filled with furo's markup (:data:`BRAND_TEMPLATE_SHA256`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .pin import Pin

PIN = Pin("furo", "2025.12.19", "furo")

#: ``theme/templates/page.html`` is a copy of furo's ``page.html`` with Dutch
#: text and accessible markup. furo's template blocks (announcement,
#: left_sidebar, content, footer, right_sidebar) leave out what it changes
#: most: the header with the drawer icons, the skip link and the labels of the
#: hidden checkboxes; so the copy is of the whole page, of the file with this
#: SHA-256 (tests/test_upstream.py compares it with the installed furo's).
PAGE_TEMPLATE_SHA256 = "ad8bad98317b2e09e018cde7113e90a32b3a87e0440cfab385d1bb7ca1c9cd6d"

#: ``theme/templates/sidebar/brand.html`` extends furo's ``sidebar/brand.html`` and fills its block
#: ``brand_content`` with furo's markup and a meaningful alt text for the logo (furo writes "Logo").
#: The block stands in for the one in the furo template with this SHA-256 (tests/test_upstream.py
#: compares it with the installed furo's), so a changed logo markup upstream is noticed.
BRAND_TEMPLATE_SHA256 = "847f4c19956c8a1eb3a19119eb51141c952ec9d784c192b607964e89a8cd2c8e"

#: furo's English label on each fold button of the navigation tree (in its navigation.py).
FOLD_LABEL = re.compile(r'aria-label="Toggle navigation of ([^"]*)"')

NavigationTree = Callable[[dict[str, Any]], str]


#: The page-context key under which a page offers its :class:`NavigationSource`.
SOURCE_KEY = "policy_trace_navigation_source"


class NavigationSource:
    """Gives furo a page's navigation tree; offered in the page's context under :data:`SOURCE_KEY`."""

    def tree(self, context: dict[str, Any], compute: NavigationTree) -> str:
        """The page's tree; ``compute`` is furo's own computation."""
        return compute(context)


def route_navigation_tree() -> bool:
    """Let the :class:`NavigationSource` a page's context offers give furo its navigation tree.

    Once per process; inert for every page whose context offers none (another
    project in the same process, another builder). Returns False, and furo
    computes every tree itself, if this furo has no such function.
    """
    import furo  # the theme, not an extension: imported only when a build uses it

    original = getattr(furo, "_compute_navigation_tree", None)
    if original is None:
        return False
    if getattr(original, "policy_trace_wrapper", False):
        return True

    @functools.wraps(original)
    def navigation_tree(context: dict[str, Any]) -> str:
        source = context.pop(SOURCE_KEY, None)
        if not isinstance(source, NavigationSource):
            return str(original(context))
        return source.tree(context, original)

    navigation_tree.policy_trace_wrapper = True  # type: ignore[attr-defined]
    furo._compute_navigation_tree = navigation_tree
    return True


def translate_fold_labels(tree: str, label: Callable[[str], str]) -> str:
    """furo's tree with each fold button labelled ``label(title)`` (the title as furo escaped it)."""
    return FOLD_LABEL.sub(lambda m: f'aria-label="{label(m.group(1))}"', tree)


#: furo's base.html writes its inline scripts straight into the page (e.g. the
#: colour scheme before the first paint); a Content-Security-Policy must name
#: each by its hash. They hold no template code, so the page carries them byte
#: for byte as the template has them.
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


@functools.cache
def inline_scripts() -> tuple[str, ...]:
    """The text of every inline ``<script>`` furo's base.html writes into a page."""
    import furo  # the theme, not an extension: imported only when a build uses it

    base = Path(furo.__file__).parent / "theme" / "furo" / "base.html"
    return tuple(_INLINE_SCRIPT.findall(base.read_text(encoding="utf-8")))
