"""WeasyPrint's PDF objects that the board paper finishes (written for WeasyPrint 70.0).

WeasyPrint's public ``finisher`` hook hands over its ``pydyf.PDF`` just before
the file is written; what is inside it is WeasyPrint's own. Two things the
paper needs for PDF/UA and that WeasyPrint 70 does not write:

- a ``/Scope`` on each header cell (``TH``). WeasyPrint ties data cells to
  their headers with ``/Headers`` and ``/IDs``, which ISO 14289-1 accepts,
  but checkers such as ``pdfua`` (and Matterhorn 15-003 read strictly) look
  for ``/Scope``; the scope is read from WeasyPrint's own association: a
  header that a data cell of its own row names is a row header, any other
  a column header;
- a readable ``/Contents`` on each link annotation: WeasyPrint writes the
  raw anchor (``IN-BEVOLKINGSZORG``), the paper gives the words it knows for
  each anchor (``Naar inspanning IN-BEVOLKINGSZORG Versterken bevolkingszorg``);
- more XMP properties inside its one ``rdf:RDF`` (the PDF/UA identification of
  a PDF/A file): its ``xmp_metadata`` option appends a second ``rdf:RDF``.

It relies on: structure elements are dictionaries with ``/Type /StructElem``
and ``/S``; children are ``b"N 0 R"`` references into ``pdf.objects``;
header IDs are ``pydyf.String`` in ``/ID`` and a data cell's ``/A /Headers``;
a link's target is ``/Dest`` (internal) or ``/A /URI``; the catalog's
``/Metadata`` is a ``pydyf.Stream`` whose one chunk holds the XMP packet. ``tests/test_upstream.py``
and ``tests/test_paper.py`` fail when an upgrade changes that.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .pin import Pin

PIN = Pin("weasyprint", "70.0", "weasyprint")

__all__ = ["PIN", "finisher"]


def _object(pdf: Any, reference: object) -> Any:
    """The object a ``b"N 0 R"`` reference points at (None for anything else)."""
    if isinstance(reference, bytes) and reference.endswith(b" R"):
        return pdf.objects[int(reference.split()[0])]
    return None


def _text(value: object) -> str:
    return str(getattr(value, "string", value))


def _scope_header_cells(pdf: Any) -> None:
    for row in pdf.objects:
        if not isinstance(row, dict) or row.get("S") != "/TR":
            continue
        cells = [_object(pdf, kid) for kid in row.get("K", ())]
        named_here = {
            _text(key)
            for cell in cells
            if isinstance(cell, dict) and cell.get("S") == "/TD"
            for key in (cell.get("A") or {}).get("Headers", ())
        }
        for cell in cells:
            if isinstance(cell, dict) and cell.get("S") == "/TH":
                attributes = cell.setdefault("A", {"O": "/Table"})
                attributes["Scope"] = "/Row" if _text(cell.get("ID", "")) in named_here else "/Column"


def _describe_links(pdf: Any, describe: Callable[[str, bool], str]) -> None:
    from pydyf import String

    for annotation in pdf.objects:
        if not isinstance(annotation, dict) or annotation.get("Subtype") != "/Link":
            continue
        if "Dest" in annotation:
            annotation["Contents"] = String(describe(_text(annotation["Dest"]), True))
        elif "URI" in (annotation.get("A") or {}):
            annotation["Contents"] = String(describe(_text(annotation["A"]["URI"]), False))


def _add_to_xmp(pdf: Any, descriptions: bytes) -> None:
    metadata = _object(pdf, pdf.catalog.get("Metadata"))
    packet = b"".join(metadata.stream)
    if b"</rdf:RDF>" not in packet:
        raise ValueError("WeasyPrint schreef geen XMP-metadata met rdf:RDF")
    metadata.stream = [packet.replace(b"</rdf:RDF>", descriptions + b"</rdf:RDF>", 1)]


def finisher(descriptions: Mapping[str, str], xmp: bytes = b"") -> Callable[[Any, Any], None]:
    """WeasyPrint's ``finisher``: header cells get a Scope, links their description from ``descriptions``.

    ``descriptions`` maps an anchor (without ``#``) to what the link leads to;
    a web address is described as ``Webadres …``. ``xmp`` (``rdf:Description``
    elements) joins the XMP metadata.
    """

    def describe(target: str, internal: bool) -> str:
        if internal:
            return descriptions.get(target, f"Naar {target}")
        return f"Webadres {target}"

    def finish(_document: Any, pdf: Any) -> None:
        _scope_header_cells(pdf)
        _describe_links(pdf, describe)
        if xmp:
            _add_to_xmp(pdf, xmp)

    return finish
