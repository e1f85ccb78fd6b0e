"""The small clean programme every rule's failing example builds on, and the dates it is checked with."""

from __future__ import annotations

#: A small clean programme that every rule example builds on: checked on its
#: own (with EXAMPLE_PERIOD and EXAMPLE_REFERENCE_DATE) it gives no findings.
EXAMPLE_CONTEXT = """\
```{hoofddoel} Een veiliger land
:id: HD-VEILIG
:status: vastgesteld
```

```{doel} Minder branden
:id: SD-BRAND
:draagt_bij_aan: HD-VEILIG
:status: vastgesteld
```

```{inspanning} Brandpreventie in de wijk
:id: IN-PREVENTIE
:draagt_bij_aan: SD-BRAND
:spoor: inhoudelijk
:trekker: PA-REGIO
```

```{project} Wijkaanpak
:id: PRJ-WIJK
:voert_uit: IN-PREVENTIE
:status: concept
```

```{criterium} Aantal woningbranden
:id: CR-BRANDEN
:meet: HD-VEILIG, SD-BRAND
:indicator: Woningbranden per jaar in de regio
:streefwaarde: 100
:deadline: 2025-12-31
:bron: Jaarverslag brandweer
:status: op_koers
```

```{partij} Veiligheidsregio
:id: PA-REGIO
```
"""

#: The looptijd and peildatum the examples are checked with.
EXAMPLE_PERIOD: tuple[str, str] = ("2024-01-01", "2025-12-31")
EXAMPLE_REFERENCE_DATE = "2025-01-01"

#: The alias under which the examples' builds couple the programme of the rules' ``coupled`` items.
EXAMPLE_COUPLED_ALIAS = "landelijk"
#: The coupled programme's own clean start, which the rules' ``coupled`` items add to.
EXAMPLE_COUPLED_CONTEXT = """\
```{hoofddoel} Een veilig land
:id: HD-LAND
:status: vastgesteld
```
"""
