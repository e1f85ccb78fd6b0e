"""Helpers of the coupling tests: small programmes that publish, couple and link to each other."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from checks_support import build_once
from policy_trace import cli

#: A small national programme: a main goal, two goals (one of them ended), an effort and a criterion.
NATIONAL_ITEMS = """\
```{hoofddoel} Een veilig land
:id: HD-LAND
:status: vastgesteld
```

```{doel} Versterken crisisbeheersing
:id: SD-CRISIS
:draagt_bij_aan: HD-LAND
:status: vastgesteld

@@CRISIS@@
```

```{doel} Minder risico's
:id: SD-RISICO
:draagt_bij_aan: HD-LAND
:status: vastgesteld
```

```{doel} Een doel dat verviel
:id: SD-OUD
:draagt_bij_aan: HD-LAND
:status: vervallen
```

```{inspanning} Landelijke oefening
:id: IN-LAND
:draagt_bij_aan: SD-CRISIS
```

```{criterium} Vergelijkbare kwaliteit
:id: CR-VERGELIJKBAAR
:meet: SD-CRISIS
:indicator: Aantal afgesproken parameters waarover een regio rapporteert
:streefwaarde: 12
:deadline: 2026-12-31
:bron: Jaarverslag van elke regio
```
"""


def write_programme(
    folder: Path, programme_id: str, name: str, items: str, extra_conf: str = "", version: str = "1",
    date: str = "2025-06-01",
) -> Path:
    """A programme folder: conf.py with its identity, and one page of items (``index.md``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(
        f'project = "{name}"\n'
        'extensions = ["myst_parser", "policy_trace"]\n'
        'language = "nl"\n'
        'exclude_patterns = ["_build"]\n'
        f'policy_trace_programme_id = "{programme_id}"\n'
        'policy_trace_period = ("2024-01-01", "2027-12-31")\n'
        'policy_trace_reference_date = "2025-07-01"\n'
        f'policy_trace_version = "{version}"\n'
        'policy_trace_status = "vastgesteld"\n'
        f'policy_trace_date = "{date}"\n' + extra_conf,
        encoding="utf-8",
    )
    (folder / "index.md").write_text(f"# {name}\n\n{items}", encoding="utf-8")
    return folder


def publish_national(
    folder: Path,
    crisis_text: str = "Eerste tekst.",
    version: str = "1",
    edits: tuple[tuple[str, str], ...] = (),
    **kwargs: Any,
) -> Path:
    """Build the small national programme; returns its output folder (needs.json, versie.json, pages)."""
    items = NATIONAL_ITEMS.replace("@@CRISIS@@", crisis_text)
    for old, new in edits:
        items = items.replace(old, new)
    write_programme(
        folder, "landelijk-programma", "Landelijk programma", items,
        f'html_baseurl = "https://land.example.nl/{version}/"\n', version=version, **kwargs,
    )
    return Path(build_once(folder, "html").outdir)


def koppel(*argv: str) -> int:
    """``policy-trace koppel ...`` in this process."""
    return cli.main(["koppel", *argv])


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``folder`` served over http on a free port of 127.0.0.1; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
