"""What the source files say, kept per document: read while reading, for the rules and the locations.

Read while each document is read (``source-read``, and ``include-read`` for
files pulled in with ``{include}``), kept in a Domain, so Sphinx purges a
document's part when it is read again and merges the parts of parallel
readers. The findings are reported with the others on every build, also when
the file was not read again: an incremental build reports what a clean one does.

The rules that read it (PT107-PT109) are in ``rules.source``; the programme
carries the scans to them (``Programme.sources``).
"""

from __future__ import annotations

import codecs
import encodings.utf_8_sig
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from .. import domain, model
from ..deprecation import option_names, rename_options
from ..findings import WARNING_TYPE, Subtype
from ..sourcescan import Scan, as_meant, scan

logger = logging.getLogger(__name__)


def colon_fence(config: Config) -> bool:
    return "colon_fence" in (getattr(config, "myst_enable_extensions", None) or ())


def read_source(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``: scan a document as it is read."""
    file = str(app.env.doc2path(docname, base=False)).replace("\\", "/")
    if not file.endswith(".md"):
        return  # only MyST Markdown holds our fences
    # Comments are for colleagues, never for the output; an option's " #" is part of its value.
    source[0] = as_meant(source[0], model.TYPE_NAMES)
    scanned = _scan(app, source[0], file)
    domain.of(app.env).add_scan(docname, scanned)
    source[0] = _renamed(source[0], scanned, docname)


def read_include(app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]) -> None:
    """``include-read``: scan an included file under the document that includes it, at its own name."""
    file = Path(relative_path).as_posix()
    if not file.endswith(".md"):
        return
    # The document being read, not MyST's parent_docname (a file stem, wrong in a subfolder).
    docname = app.env.current_document.docname or parent_docname
    content[0] = as_meant(content[0], model.TYPE_NAMES)
    scanned = _scan(app, content[0], file)
    domain.of(app.env).add_scan(docname, scanned)
    content[0] = _renamed(content[0], scanned, "")


#: Every option an item may have: one alone on a line of an item's text was meant as an option.
OPTION_NAMES = frozenset({
    "id", "links", "hide", *model.COMMON_FIELDS, *model.ITEM_FIELD_NAMES, *model.LINK_NAMES,
    *(field.name for item_type in model.ITEM_TYPES for field in item_type.fields),
})


def _scan(app: Sphinx, text: str, file: str) -> Scan:
    return scan(text, file, model.TYPE_NAMES, colon_fence(app.config), OPTION_NAMES | option_names())


def _renamed(text: str, scanned: Scan, docname: str) -> str:
    """``text`` with its deprecated options under their new names, each use warned about at its line.

    The warning is located by ``docname`` (and line), so the page warned and is read again in the
    next build (``messages.read_again``): an incremental build warns as a clean one. An included
    file's use (``docname`` empty) is located at its own file:line.
    """
    renamed, uses = rename_options(text, scanned)
    for use in uses:
        where = (docname, use.line) if docname else f"{use.file}:{use.line}"
        logger.warning(
            "%s", use.message, type=WARNING_TYPE, subtype=Subtype.DEPRECATED.value, location=where
        )
    return renamed


# --- reading any byte: a file that is no UTF-8 gets a message, not Sphinx's "Encoding error!" ----------

#: The codec name Sphinx reads sources with (``source_encoding``), set at ``config-inited``.
CODEC = "policy-trace-utf-8"
_CODEC_KEY = "policy_trace_utf_8"  # as Python normalises the name before asking a search function


_UTF_8_SIG = codecs.lookup("utf-8-sig")
_UTF_8 = codecs.lookup("utf-8")  # writing: no byte-order mark


def _decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    # UTF-8 with an optional byte-order mark (Sphinx's default, utf-8-sig), undecodable bytes as
    # U+FFFD: the scan finds their lines and PT109 says where, instead of the build stopping.
    return _UTF_8_SIG.decode(data, "replace")


class _IncrementalDecoder(encodings.utf_8_sig.IncrementalDecoder):
    """What ``open()``/``Path.read_text`` use: the same, a chunk at a time."""

    def __init__(self, errors: str = "strict") -> None:
        super().__init__("replace")


def _search(name: str) -> codecs.CodecInfo | None:
    if name != _CODEC_KEY:
        return None
    return codecs.CodecInfo(
        _UTF_8.encode, _decode, name=CODEC,  # type: ignore[arg-type]
        incrementalencoder=_UTF_8.incrementalencoder, incrementaldecoder=_IncrementalDecoder,
        streamreader=_UTF_8_SIG.streamreader, streamwriter=_UTF_8.streamwriter,
    )


# Python's codec registry is process-wide; registering one more name changes nothing else.
codecs.register(_search)


def read_any_bytes(app: Sphinx, config: Config) -> None:
    """``config-inited``: read sources as UTF-8 that keeps going on a bad byte (see :data:`CODEC`).

    Sphinx reads a source with ``Path.read_text(encoding=source_encoding)``,
    which raises on the first byte that is no UTF-8 and ends the build in
    "Encoding error!". ``source_encoding`` is Sphinx's documented setting for
    the codec; only the default UTF-8 is replaced, a project's own choice stays.
    """
    if str(config.source_encoding).lower().replace("_", "-") in ("utf-8", "utf-8-sig", "utf8"):
        config.source_encoding = CODEC


__all__ = ["colon_fence", "read_any_bytes", "read_include", "read_source"]
