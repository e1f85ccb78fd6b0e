"""Which link targets a page may carry: an allow-list of URL schemes, as browsers read a scheme.

Every ``href`` the site writes from what an author, a conf.py or a
versions.json gave passes :func:`is_safe`: ``http``, ``https``, ``mailto``
and links without a scheme (within the site). A ``javascript:``, ``data:`` or
``vbscript:`` link runs code in the visitor's browser when clicked.
"""

from __future__ import annotations

import re

#: The schemes a link may have; a link without a scheme (``../doelen.html``, ``#top``) stays in the site.
SAFE_SCHEMES = ("http", "https", "mailto")

#: What a browser removes before it reads a scheme (WHATWG URL: leading C0 controls and spaces, and
#: tabs and newlines anywhere), so ``" java\tscript:"`` is ``javascript:`` to it.
_IGNORED_ANYWHERE = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")


def scheme(url: str) -> str:
    """The scheme of ``url`` as a browser reads it, lowercase; ``""`` for a link without one."""
    cleaned = _IGNORED_ANYWHERE.sub("", url).lstrip("".join(map(chr, range(0x21))))
    match = _SCHEME.match(cleaned)
    return match[1].lower() if match else ""


def is_safe(url: str) -> bool:
    """Whether a page may link to ``url``: a scheme of :data:`SAFE_SCHEMES`, or none."""
    found = scheme(url)
    return not found or found in SAFE_SCHEMES
