"""The rule list of spec section 5: codes, default severities and what each checks.

The checks, the reports, the Controle page and the authoring handbook all
read this one table. Every rule carries a minimal failing example: MyST items
that, added to :data:`EXAMPLE_CONTEXT` and checked with :data:`EXAMPLE_PERIOD`
and :data:`EXAMPLE_REFERENCE_DATE`, give findings of exactly that rule's code
(``tests/test_rules.py`` builds them all to keep that true).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: ``uitgezonderd``: a finding under a valid waiver (``:uitzondering:``); reported, never failing.
Severity = Literal["error", "advice", "uitgezonderd"]
SEVERITIES: tuple[Severity, ...] = ("error", "advice", "uitgezonderd")
#: The severities a rule can have by default or by ``policy_trace_severity``.
RULE_SEVERITIES: tuple[Severity, ...] = ("error", "advice")
#: What ``policy_trace_severity`` accepts per code.
SEVERITY_SETTINGS: tuple[str, ...] = ("error", "advice", "off")
#: Dutch labels of the severities, singular and plural (console, reports, site).
SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    "error": ("fout", "fouten"),
    "advice": ("advies", "adviezen"),
    "uitgezonderd": ("uitgezonderd", "uitgezonderd"),
}


@dataclass(frozen=True)
class Rule:
    """One rule of spec section 5."""

    code: str
    severity: Severity
    #: One Dutch sentence: what the rule asks of an author.
    summary: str
    #: One Dutch sentence: how an author usually fixes a finding of this rule.
    fix: str
    #: A minimal failing MyST example; it relies on the items of EXAMPLE_CONTEXT.
    example: str


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


RULES: tuple[Rule, ...] = (
    Rule(
        "PT101",
        "error",
        "Een koppeling verwijst naar een ID dat niet bestaat.",
        "Verbeter de spelling van het ID, of maak het item waarnaar je verwijst aan.",
        """\
```{effect} Minder woningbranden
:id: EF-MINDER-BRANDEN
:draagt_bij_aan: SD-BRANDEN
```
""",
    ),
    Rule(
        "PT102",
        "error",
        "Een koppeling verwijst naar een soort item die deze koppeling vanuit dit type niet toestaat.",
        "Verwijs naar een item van een toegestaan type, of gebruik de "
        "koppeling die bij deze twee typen hoort.",
        """\
```{effect} Minder slachtoffers
:id: EF-SLACHTOFFERS
:draagt_bij_aan: IN-PREVENTIE
```
""",
    ),
    Rule(
        "PT103",
        "error",
        "Een verplichte koppeling ontbreekt.",
        "Voeg de verplichte koppeling toe en controleer de spelling van de optienaam.",
        """\
```{effect} Minder uitrukken
:id: EF-UITRUKKEN
```
""",
    ),
    Rule(
        "PT104",
        "error",
        "De ketenkoppelingen (draagt_bij_aan, voert_uit, geleverd_door, hoort_bij) vormen een kring.",
        "Laat de keten van doelen, inspanningen en resultaten één kant op lopen: "
        "haal één koppeling van de kring weg.",
        """\
```{doel} Veilige wijken
:id: SD-WIJKEN
:draagt_bij_aan: SD-STEDEN
```

```{doel} Veilige steden
:id: SD-STEDEN
:draagt_bij_aan: SD-WIJKEN
```

```{criterium} Veiligheidsgevoel
:id: CR-GEVOEL
:meet: SD-WIJKEN, SD-STEDEN
```
""",
    ),
    Rule(
        "PT105",
        "error",
        "Een ID past niet bij het voorvoegsel van zijn type of niet bij het ID-patroon.",
        "Geef het item een ID met het voorvoegsel van zijn type, gevolgd door "
        "hoofdletters, cijfers en streepjes.",
        """\
```{uitgangspunt} Samen optrekken
:id: UP-samen
```
""",
    ),
    Rule(
        "PT106",
        "error",
        "Een veld heeft een waarde buiten de toegestane waarden, of een datum die geen echte ISO-datum is.",
        "Kies een van de toegestane waarden, of schrijf een bestaande datum als JJJJ-MM-DD.",
        """\
```{inspanning} Risicocommunicatie
:id: IN-COMMUNICATIE
:draagt_bij_aan: SD-BRAND
:spoor: communicatie
```

```{besluit} Aanpak vastgesteld
:id: BS-AANPAK
:betreft: IN-PREVENTIE
:genomen_door: PA-REGIO
:datum: 2024-02-30
```
""",
    ),
    Rule(
        "PT110",
        "error",
        "Een criterium heeft een eigen meting (meting, meetdatum) en ook metingen (MT-): "
        "de metingen gaan voor.",
        "Haal meting en meetdatum weg bij het criterium, of maak er een meting (MT-) van.",
        """\
```{criterium} Gecontroleerde woningen
:id: CR-CONTROLE
:meet: IN-PREVENTIE
:meting: 40
:meetdatum: 2024-10-01
```

```{meting} Controles najaar
:id: MT-CONTROLE-NAJAAR
:meet_voor: CR-CONTROLE
:waarde: 55
:datum: 2024-11-01
:bron: Registratie van de regio
```
""",
    ),
    Rule(
        "PT201",
        "advice",
        "Een (hoofd)doel of een inspanning met voorrang heeft geen criterium: "
        "wanneer zijn we tevreden is niet expliciet.",
        "Voeg een criterium toe dat met 'meet' naar dit item verwijst en zegt wanneer we tevreden zijn.",
        """\
```{doel} Minder overstromingsschade
:id: SD-WATER
:draagt_bij_aan: HD-VEILIG
```
""",
    ),
    Rule(
        "PT202",
        "advice",
        "Een inspanning met voorrang heeft geen project dat haar uitvoert.",
        "Voeg een project toe dat met 'voert_uit' naar deze inspanning "
        "verwijst, of zet de prioriteit op nee.",
        """\
```{inspanning} Rookmelders in elke woning
:id: IN-ROOKMELDERS
:draagt_bij_aan: SD-BRAND
:spoor: inhoudelijk
:prioriteit: ja
```

```{criterium} Woningen met rookmelder
:id: CR-ROOKMELDERS
:meet: IN-ROOKMELDERS
```
""",
    ),
    Rule(
        "PT203",
        "error",
        "Een criterium van een vastgesteld item mist indicator, streefwaarde, deadline of bron.",
        "Vul indicator, streefwaarde, deadline en bron aan, of zet 'smart: nee' met een toelichting.",
        """\
```{criterium} Snellere opkomst
:id: CR-OPKOMST
:meet: SD-BRAND
:indicator: Opkomsttijd brandweer in minuten
```
""",
    ),
    Rule(
        "PT204",
        "error",
        "Een project ter besluitvorming of later mist een planelement (a-e).",
        "Vul het projectplan aan: opdracht (a), opdrachtnemer (b), financiering "
        "(c), borging (d) en mijlpalen (e).",
        """\
```{project} Huisbezoeken
:id: PRJ-HUISBEZOEK
:voert_uit: IN-PREVENTIE
:status: vastgesteld
```
""",
    ),
    Rule(
        "PT301",
        "error",
        "Een project is afgerond terwijl een mijlpaal nog gepland of vertraagd is.",
        "Werk de status van de open mijlpalen bij, of zet het project terug op in_uitvoering.",
        """\
```{project} Voorlichtingscampagne
:id: PRJ-CAMPAGNE
:voert_uit: IN-PREVENTIE
:opdracht: Een campagne in alle gemeenten voor 1 oktober 2024.
:opdrachtnemer: PA-REGIO
:financiering: Uit de begroting van de regio.
:borging: regionaal_crisisplan
:status: afgerond
```

```{mijlpaal} Campagne gestart
:id: MP-CAMPAGNE
:hoort_bij: PRJ-CAMPAGNE
:datum: 2024-09-01
:status: vertraagd
```
""",
    ),
    Rule(
        "PT302",
        "error",
        "Een item is behaald terwijl een criterium dat het meet niet behaald is.",
        "Zet het item pas op behaald als al zijn criteria behaald zijn, of werk "
        "de status van het criterium bij.",
        """\
```{doel} Snelle hulp
:id: SD-HULP
:draagt_bij_aan: HD-VEILIG
:status: behaald
```

```{criterium} Opkomsttijd
:id: CR-HULP
:meet: SD-HULP
:indicator: Opkomsttijd in minuten
:streefwaarde: 8
:deadline: 2025-06-01
:bron: Meldkamer
:status: op_koers
```
""",
    ),
    Rule(
        "PT303",
        "error",
        "Een criterium is behaald of niet behaald zonder meting.",
        "Vul bij 'meting' de gemeten waarde in (met 'meetdatum'), of zet de status terug.",
        """\
```{criterium} Deelnemende wijken
:id: CR-WIJKEN
:meet: IN-PREVENTIE
:status: behaald
```
""",
    ),
    Rule(
        "PT304",
        "advice",
        "De status van een criterium verschilt van het oordeel dat uit zijn cijfers volgt "
        "(nulmeting, streefwaarde, metingen en de tijd tot de deadline).",
        "Werk de status bij naar het berekende oordeel, of controleer nulmeting, streefwaarde, "
        "deadline en metingen.",
        """\
```{criterium} Woningen met rookmelder
:id: CR-ROOKMELDER
:meet: IN-PREVENTIE
:nulmeting: 40%
:streefwaarde: 90%
:deadline: 2025-12-31
:status: op_koers
```

```{meting} Steekproef najaar 2024
:id: MT-ROOKMELDER-2024
:meet_voor: CR-ROOKMELDER
:waarde: 50%
:datum: 2024-12-01
:bron: Steekproef van de regio
```
""",
    ),
    Rule(
        "PT401",
        "advice",
        "Een datum of deadline van een mijlpaal of criterium valt buiten de looptijd.",
        "Kies een datum binnen de looptijd van het programma, of pas de looptijd in conf.py aan.",
        """\
```{criterium} Minder uitrukken
:id: CR-UITRUKKEN
:meet: IN-PREVENTIE
:deadline: 2030-12-31
```
""",
    ),
    Rule(
        "PT402",
        "advice",
        "Een mijlpaal is nog gepland terwijl de datum voorbij de peildatum is.",
        "Zet de mijlpaal op behaald, vertraagd of vervallen, of verschuif de datum.",
        """\
```{mijlpaal} Plan van aanpak klaar
:id: MP-PLAN
:hoort_bij: PRJ-WIJK
:datum: 2024-03-01
:status: gepland
```
""",
    ),
    Rule(
        "PT403",
        "advice",
        "Naar een partij verwijst geen enkel item.",
        "Verwijs naar de partij (bijvoorbeeld als trekker of opdrachtnemer), of haal haar weg.",
        """\
```{partij} Waterschap
:id: PA-WATERSCHAP
```
""",
    ),
    Rule(
        "PT404",
        "advice",
        "De laatste meting van een criterium heeft geen meetdatum, of die ligt meer dan 365 dagen voor de "
        "peildatum.",
        "Vul de meetdatum in, of meet opnieuw en voeg een meting (MT-) toe of werk meting en meetdatum bij.",
        """\
```{criterium} Bezochte huishoudens
:id: CR-BEZOCHT
:meet: IN-PREVENTIE
:meting: 420
```
""",
    ),
    Rule(
        "PT406",
        "advice",
        "Een aanname van een item in uitvoering is nooit getoetst, of niet in de 365 dagen "
        "voor de peildatum.",
        "Toets de aanname en vul getoetst_op (datum) en toetsing (hoe) in.",
        """\
```{inspanning} Toezicht op brandveiligheid
:id: IN-TOEZICHT
:draagt_bij_aan: SD-BRAND
:spoor: organisatorisch
:status: in_uitvoering
```

```{aanname} Gemeenten leveren inspecteurs
:id: AN-INSPECTEURS
:betreft: IN-TOEZICHT
:status: onbevestigd
:getoetst_op: 2023-06-01
:toetsing: Navraag bij de gemeenten
```
""",
    ),
)

RULES_BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}
