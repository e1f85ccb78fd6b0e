"""WeasyPrint, our one seam to it: the paper's HTML to a PDF that is both PDF/A-2a and PDF/UA-1.

Why PDF/A-2a with a PDF/UA-1 identification, and not WeasyPrint's
``pdf/ua-1`` variant: WeasyPrint 70 takes one ``pdf_variant``. Its ``pdf/a-2a``
turns on the same tagging as ``pdf/ua-1`` (``pdf_tags``) and adds what an
archive needs: the sRGB output intent, the file identifier, the Print flag on
every link, the PDF/A identification in the XMP metadata. ``pdf/ua-1`` adds
nothing beyond tagging but ``pdfuaid:part 1`` in the XMP, which we add, with
the extension-schema description PDF/A requires for a namespace it does not
predefine, into WeasyPrint's one ``rdf:RDF`` (its public ``xmp_metadata``
would add a second ``rdf:RDF`` that XMP readers such as pikepdf's ignore). Level
``a`` (accessible: tagged, Unicode text) because the paper is tagged anyway;
``a`` includes ``u``. Part 2 rather than 3: part 3 differs only in allowing
arbitrary embedded files, which the paper has none of and an archive does
not want.

The paper reads nothing from the network and no file outside the programme
(and the system's DejaVu font): :class:`ProgrammeOnly` refuses every other URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sphinx.errors import ExtensionError

from ..upstream import weasyprint as seam
from . import fonts

#: PDF/A-2, level a (tagged); PDF/UA-1 is declared beside it (:data:`UA_IDENTIFICATION`).
PDF_VARIANT = "pdf/a-2a"

#: The PDF/UA-1 identification, and the PDF/A extension schema that declares its namespace:
#: two ``rdf:Description`` elements, each declaring its own namespaces, for the XMP's one ``rdf:RDF``.
UA_IDENTIFICATION = b"""<rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
  <pdfaExtension:schemas>
    <rdf:Bag>
      <rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property>
          <rdf:Seq>
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>part</pdfaProperty:name>
              <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
              <pdfaProperty:category>internal</pdfaProperty:category>
              <pdfaProperty:description>Part of ISO 14289 followed</pdfaProperty:description>
            </rdf:li>
          </rdf:Seq>
        </pdfaSchema:property>
      </rdf:li>
    </rdf:Bag>
  </pdfaExtension:schemas>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" pdfuaid:part="1" />"""


class PrintError(RuntimeError):
    """WeasyPrint or a system library it needs is missing or failed; the message is Dutch."""


def allowed_file(url: str, folders: tuple[Path, ...]) -> Path | None:
    """The local file a ``file:`` URL names if it lies inside one of ``folders``; else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    return path if any(path.is_relative_to(folder.resolve()) for folder in folders) else None


def refusal(url: str) -> str:
    """Why the paper does not read ``url``, in Dutch, with what to do instead."""
    if urlsplit(url).scheme in ("http", "https", "ftp"):
        return (
            f"{url} wordt niet opgehaald: policy-trace pdf haalt niets van het netwerk. Oplossing: zet "
            "het bestand in de map van het programma en verwijs ernaar met een pad binnen die map."
        )
    return (
        f"{url} wordt niet ingesloten: policy-trace pdf leest alleen bestanden binnen de map van het "
        "programma. Oplossing: zet het bestand in de map van het programma."
    )


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher

    class ProgrammeOnly(URLFetcher):  # type: ignore[misc,valid-type]
        """Fetches ``data:`` URLs and files inside the programme (and the font); refuses the rest."""

        def __init__(self, folders: tuple[Path, ...]) -> None:
            super().__init__(allowed_protocols=("data", "file"))
            self.folders = folders
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith("data:") and allowed_file(url, self.folders) is None:
                self.refused.append(url)
                raise ValueError(refusal(url))
            return super().fetch(url, headers)

    return ProgrammeOnly


def write_pdf(
    html: str,
    target: Path,
    programme_folder: Path,
    descriptions: Mapping[str, str],
) -> list[str]:
    """Print ``html`` to ``target`` as PDF/A-2a and PDF/UA-1; the URLs it refused to read, in order.

    ``descriptions`` says for each anchor where a link to it leads (the PDF's link descriptions).
    """
    try:
        import weasyprint
    except ImportError as error:
        raise PrintError(
            "WeasyPrint ontbreekt; installeer policy-trace opnieuw met: make venv "
            f"(of pip install -e .) ({error})"
        ) from error
    except OSError as error:  # WeasyPrint loads Pango when it is imported
        raise PrintError(
            "WeasyPrint vindt Pango niet; installeer het met: apt-get install -y libpango-1.0-0 "
            f"libpangoft2-1.0-0 ({error})"
        ) from error
    try:
        seam.PIN.check()
    except ExtensionError as error:
        raise PrintError(str(error)) from error
    fetcher = _fetcher_class()((programme_folder, fonts.FONT_FOLDER))
    document = weasyprint.HTML(
        string=html, base_url=programme_folder.resolve().as_uri() + "/", url_fetcher=fetcher
    ).render(pdf_variant=PDF_VARIANT)
    try:
        document.write_pdf(
            str(target),
            pdf_variant=PDF_VARIANT,
            uncompressed_pdf=False,
            finisher=seam.finisher(descriptions, UA_IDENTIFICATION),
        )
    except OSError as error:
        raise PrintError(f"{target} kan niet worden geschreven ({error.strerror or error}).") from error
    return list(dict.fromkeys(fetcher.refused))
