"""WeasyPrint, our one seam to it: the paper's HTML to a tagged PDF/UA-1 file (public API only)."""

from __future__ import annotations

from pathlib import Path

#: PDF/UA-1: tagged, with the document language, title and bookmarks; WeasyPrint embeds the fonts.
PDF_VARIANT = "pdf/ua-1"


class PrintError(RuntimeError):
    """WeasyPrint or a system library it needs is missing or failed; the message is Dutch."""


def write_pdf(html: str, target: Path, base_url: str) -> None:
    """Print ``html`` to ``target`` as PDF/UA-1."""
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
    document = weasyprint.HTML(string=html, base_url=base_url)
    try:
        document.write_pdf(str(target), pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    except OSError as error:
        raise PrintError(f"{target} kan niet worden geschreven ({error.strerror or error}).") from error
