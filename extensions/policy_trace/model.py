"""The policy model, declared once: item types, fields, link types, settings.

Everything else (the sphinx-needs configuration, the checks, the views, the
authoring handbook and the scaffolding) is derived from the tuples below.
Names that authors type are Dutch and come from shared/spec/policy-model.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import Literal, NamedTuple

FieldKind = Literal["text", "choice", "date", "number_or_text"]
#: The colour family of a status badge.
Tone = Literal["good", "risk", "bad", "neutral"]
#: What a status means where code acts on it: the checks, the judgement, the stand and the views ask
#: for the status in a role (:func:`status_of`), never by its name, so a name is written only here.
StatusRole = Literal[
    "proposed", "adopted", "in_execution", "achieved", "missed", "lapsed", "draft", "to_decide",
    "finished", "stopped", "planned", "late", "undetermined", "on_track", "at_risk", "unconfirmed",
    "confirmed", "refuted",
]

#: Every ID is PREFIX-SLUG: the slug of A-Z, 0-9 and '-', starting with a letter or digit.
ID_SLUG_PATTERN = r"[A-Z0-9][A-Z0-9-]*"


@dataclass(frozen=True)
class Field:
    """An option an author may set on an item, with its allowed values."""

    name: str
    label: str
    kind: FieldKind = "text"
    values: tuple[str, ...] = ()
    default: str | None = None
    required: bool = False
    description: str = ""
    #: The project-plan element (a-e) this field answers, if any.
    plan_element: str | None = None
    #: A programme may give its own allowed values (and labels) in conf.py,
    #: in the setting :attr:`values_setting`; ``values`` are the spec's.
    programme_values: bool = False
    #: A programme may switch the field off (an empty list of values).
    may_be_off: bool = False
    #: How a value reads on the pages, where it differs from the value itself.
    labels: tuple[tuple[str, str], ...] = ()
    #: The details of the items linked with this one show this field beside its title (a
    #: criterion's target and deadline, a milestone's date, a measurement's value, date and
    #: source); so an incremental build rewrites their pages when it changes.
    shown_when_linked: bool = False

    @property
    def values_setting(self) -> str:
        """The conf.py setting with this programme's values of the field."""
        return f"policy_trace_{self.name}_values"

    def label_of(self, value: str) -> str | None:
        """The programme's label of a value, if it gave one."""
        return dict(self.labels).get(value)


@dataclass(frozen=True)
class ItemType:
    """A sphinx-needs need type of the model."""

    directive: str
    prefix: str
    title: str
    plural: str
    description: str
    color: str
    #: Allowed values of ``status``; empty means the spec gives none (free text).
    statuses: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()

    @property
    def id_pattern(self) -> re.Pattern[str]:
        return re.compile(rf"{re.escape(self.prefix)}{ID_SLUG_PATTERN}")

    def field(self, name: str) -> Field | None:
        return self._fields_by_name.get(name)

    # Cached: the checks and views ask this tens of thousands of times per build.
    @cached_property
    def _fields_by_name(self) -> dict[str, Field]:
        return {f.name: f for f in self.fields}


@dataclass(frozen=True)
class LinkRule:
    """Which targets a link type allows from one source type, and how many it needs."""

    source: str
    targets: tuple[str, ...]
    minimum: int = 0
    maximum: int | None = None


@dataclass(frozen=True)
class LinkType:
    """A link option: readable names both ways, and its rules per source type."""

    name: str
    outgoing: str
    incoming: str
    rules: tuple[LinkRule, ...]
    #: Part of the chain doelen - inspanningen - resultaten (checked for cycles, PT104).
    chain: bool = False
    description: str = ""

    # Cached: the checks ask these for every link of every item.
    @cached_property
    def sources(self) -> tuple[str, ...]:
        return tuple(rule.source for rule in self.rules)

    def rule_for(self, source: str) -> LinkRule | None:
        return self._rules_by_source.get(source)

    @cached_property
    def _rules_by_source(self) -> dict[str, LinkRule]:
        return {rule.source: rule for rule in self.rules}


@dataclass(frozen=True)
class Status:
    """What a status value means, for every type that has it."""

    name: str
    #: How it reads at a glance: the colour family of its badge. The word is
    #: always shown too; the colour only helps (WCAG 1.4.1).
    tone: Tone = "neutral"
    #: The item has been decided on: what measures it must be checkable (PT203).
    decided: bool = False
    #: Still to happen: a done project may not leave it behind (PT301); the
    #: planning draws a milestone without it as done.
    open: bool = False
    #: The item no longer goes on (vervallen, gestopt): a link to it from another programme is
    #: advice PT408, since that programme cannot see the decision coming.
    ended: bool = False
    #: What the status means where code acts on it (each role one status: :func:`status_of`).
    role: StatusRole | None = None
    #: How the planning's timeline draws a milestone with this status (CSS declarations); empty:
    #: the default marker. The label beside it says the status in words.
    marker: str = ""
    #: The colour of its share in the dashboard's stacked roll-up bar (criterion statuses); the words
    #: beside the bar say the same.
    fill: str = ""


class PlanElement(NamedTuple):
    """One element (a-e) of a project plan: a field, a link, or the project's milestones."""

    letter: str
    #: The field or link that holds it, or ``mijlpaal`` for the milestones.
    name: str
    #: What to fill in, in the words of a PT204 fix.
    hint: str


@dataclass(frozen=True)
class Setting:
    """A setting in conf.py: of the programme, or of its site (banner, Mermaid's folder)."""

    name: str
    default: object
    description: str
    #: The types conf.py may give (``types=`` of ``add_config_value``).
    types: tuple[type, ...]
    #: What a change makes Sphinx redo: "env" reads every page again, "html" only writes them again.
    rebuild: Literal["env", "html"] = "env"


# --- statuses ---------------------------------------------------------------

#: Every status value of the model and what it means. The tuples per type
#: below name them in the order an item goes through them.
STATUSES: tuple[Status, ...] = (
    Status("voorgesteld", role="proposed"),
    Status("vastgesteld", "good", decided=True, role="adopted"),
    Status("in_uitvoering", decided=True, role="in_execution"),
    Status("behaald", "good", decided=True, role="achieved", marker="background: #2e7d32", fill="#1b6b2e"),
    Status("niet_behaald", "bad", decided=True, role="missed", fill="#a4262c"),
    Status("vervallen", "bad", ended=True, role="lapsed",
           marker="background: transparent; border: 1px solid var(--color-foreground-secondary)"),
    Status("concept", role="draft"),
    Status("ter_besluitvorming", "risk", role="to_decide"),
    Status("afgerond", "good", role="finished"),
    Status("gestopt", "bad", ended=True, role="stopped"),
    Status("gepland", open=True, role="planned"),
    Status("vertraagd", "risk", open=True, role="late", marker="background: #b71c1c"),
    Status("onbepaald", role="undetermined", fill="#9aa4ae"),
    Status("op_koers", "good", role="on_track", fill="#6fb27c"),
    Status("risico", "risk", role="at_risk", fill="#e0a800"),
    Status("onbevestigd", role="unconfirmed"),
    Status("bevestigd", "good", role="confirmed"),
    Status("weerlegd", "bad", role="refuted"),
)
STATUSES_BY_NAME: dict[str, Status] = {s.name: s for s in STATUSES}
_STATUS_BY_ROLE: dict[str, str] = {s.role: s.name for s in STATUSES if s.role}


def status_of(role: StatusRole) -> str:
    """The status that plays ``role``, by the name authors write (``status_of("achieved")``: behaald)."""
    return _STATUS_BY_ROLE[role]


GOAL_STATUSES = ("voorgesteld", "vastgesteld", "in_uitvoering", "behaald", "niet_behaald", "vervallen")
PROJECT_STATUSES = ("concept", "ter_besluitvorming", "vastgesteld", "in_uitvoering", "afgerond", "gestopt")
MILESTONE_STATUSES = ("gepland", "behaald", "vertraagd", "vervallen")
CRITERION_STATUSES = ("onbepaald", "op_koers", "risico", "behaald", "niet_behaald")
ASSUMPTION_STATUSES = ("onbevestigd", "bevestigd", "weerlegd")

#: The goal types: each must say *wanneer zijn we tevreden* (PT201).
GOAL_TYPES = ("hoofddoel", "doel")

#: Statuses from which a goal, effort or project counts as decided (PT203).
DECIDED_STATUSES: tuple[str, ...] = tuple(s.name for s in STATUSES if s.decided)
#: Statuses of an item that no longer goes on (PT408).
ENDED_STATUSES: tuple[str, ...] = tuple(s.name for s in STATUSES if s.ended)
#: Statuses of what is still to happen (PT301).
OPEN_STATUSES: tuple[str, ...] = tuple(s.name for s in STATUSES if s.open)
#: Project statuses from which a full plan is required (PT204): ter_besluitvorming or later.
PLAN_REQUIRED_STATUSES: tuple[str, ...] = PROJECT_STATUSES[PROJECT_STATUSES.index("ter_besluitvorming") :]
#: The steering levels, top down: hoofddoel, strategic goals, efforts and the
#: projects that carry them out (the doelenboom draws these).
TREE_LEVELS: tuple[str, ...] = ("hoofddoel", "doel", "inspanning", "project")

INSPANNING_FIELDS = (
    # Optional: spec section 2 marks only mijlpaal.datum and besluit.datum required
    # (tests/test_model.py checks this against a copy of that table).
    Field("spoor", "Spoor", "choice", ("inhoudelijk", "organisatorisch"),
          description="Het spoor waarin de inspanning valt.", programme_values=True, may_be_off=True),
    Field("prioriteit", "Prioriteit", "choice", ("ja", "nee"), default="nee",
          description="`ja` als de inspanning met voorrang wordt opgepakt."),
)

PROJECT_FIELDS = (
    Field("opdracht", "Opdracht", "text", plan_element="a",
          description="De opdracht, SMART gemaakt (planelement a)."),
    Field("financiering", "Financiering", "text", plan_element="c",
          description="Hoe het project wordt gefinancierd (planelement c)."),
    Field("borging", "Borging", "choice",
          ("intentieverklaring", "wetswijziging", "regionaal_crisisplan", "anders"), plan_element="d",
          description="Hoe de gemaakte afspraken worden geborgd (planelement d).", programme_values=True),
)

MIJLPAAL_FIELDS = (
    Field("datum", "Datum", "date", required=True, description="De datum van de mijlpaal (JJJJ-MM-DD).",
          shown_when_linked=True),
)

CRITERIUM_FIELDS = (
    Field("indicator", "Indicator", "text", description="Wat er wordt waargenomen."),
    Field("nulmeting", "Nulmeting", "number_or_text", description="De beginwaarde."),
    Field("streefwaarde", "Streefwaarde", "number_or_text",
          description="De waarde waarbij we tevreden zijn.", shown_when_linked=True),
    Field("meting", "Meting", "number_or_text", description="De laatst gemeten waarde."),
    Field("meetdatum", "Meetdatum", "date", description="De datum van die meting (JJJJ-MM-DD)."),
    Field("deadline", "Deadline", "date", description="Uiterlijk wanneer de streefwaarde gehaald moet zijn.",
          shown_when_linked=True),
    Field("bron", "Bron", "text", description="Waar de meting vandaan komt."),
    Field("smart", "SMART", "choice", ("ja", "nee"), default="ja",
          description="`nee` als het criterium bewust niet SMART is; geef dan een toelichting."),
    Field("toelichting", "Toelichting", "text", description="Waarom dit criterium niet SMART is."),
    Field("eenheid", "Eenheid", "text",
          description="De eenheid van nulmeting, streefwaarde en metingen (bijvoorbeeld 'regio's'); "
          "met een eenheid of met getallen in % rekent de site de voortgang uit."),
)

#: One dated measurement of a criterion: a criterion's series is its metingen (issue 12).
METING_FIELDS = (
    Field("waarde", "Waarde", "number_or_text", required=True,
          description="De gemeten waarde, in de eenheid van het criterium.", shown_when_linked=True),
    Field("datum", "Datum", "date", required=True, description="De datum van de meting (JJJJ-MM-DD).",
          shown_when_linked=True),
    Field("bron", "Bron", "text", required=True, description="Waar de meting vandaan komt.",
          shown_when_linked=True),
)

AANNAME_FIELDS = (
    Field("getoetst_op", "Getoetst op", "date",
          description="De datum waarop de aanname het laatst is getoetst (JJJJ-MM-DD)."),
    Field("toetsing", "Toetsing", "text", description="Hoe de aanname wordt getoetst."),
)

BESLUIT_FIELDS = (
    Field("datum", "Datum", "date", required=True, description="De datum van het besluit (JJJJ-MM-DD)."),
)

#: Fields every item type has, besides ``status`` and ``tags``: a waiver of a
#: rule (PT501, PT502) and the review of changed linked items (PT405).
ITEM_FIELDS = (
    Field("uitzondering", "Uitzondering", "text",
          description="Een regel die voorlopig niet geldt: `CODE tot JJJJ-MM-DD`, meer dan één "
                      "gescheiden door komma's (bijvoorbeeld `PT203 tot 2015-06-01`)."),
    Field("uitzondering_door", "Uitzondering door", "text",
          description="De partij (`PA-…`) die de uitzondering draagt; verplicht bij een uitzondering."),
    Field("uitzondering_reden", "Reden van de uitzondering", "text",
          description="Waarom de bevinding voorlopig wordt aanvaard; verplicht bij een uitzondering."),
    Field("herzien", "Herzien", "text",
          description="De gewijzigde items waarnaar dit item verwijst en die je hebt nagelezen: "
                      "`ID@vingerafdruk`, zoals advies PT405 ze noemt, gescheiden door komma's."),
)
ITEM_FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in ITEM_FIELDS)

# --- item types ---------------------------------------------------------------

ITEM_TYPES: tuple[ItemType, ...] = (
    ItemType("hoofddoel", "HD-", "Hoofddoel", "Hoofddoelen", "Het hoofddoel van het programma.",
             "#1f4e79", GOAL_STATUSES),
    ItemType("doel", "SD-", "Strategisch doel", "Strategische doelen", "Een strategisch doel.",
             "#2e75b6", GOAL_STATUSES),
    ItemType("uitgangspunt", "UP-", "Uitgangspunt", "Uitgangspunten",
             "Een sturingsprincipe van het programma.", "#7f6000"),
    ItemType("inspanning", "IN-", "Inspanning", "Inspanningen",
             "Een inspanning (werklijn) van het programma.",
             "#548235", GOAL_STATUSES, INSPANNING_FIELDS),
    ItemType("project", "PRJ-", "Project", "Projecten",
             "Een project dat een inspanning uitvoert, met een projectplan.", "#c55a11",
             PROJECT_STATUSES, PROJECT_FIELDS),
    ItemType("mijlpaal", "MP-", "Mijlpaal", "Mijlpalen", "Een mijlpaal van een project.",
             "#843c0c", MILESTONE_STATUSES, MIJLPAAL_FIELDS),
    ItemType("resultaat", "RS-", "Resultaat", "Resultaten", "Iets wat een project oplevert.", "#806000"),
    ItemType("effect", "EF-", "Effect", "Effecten", "Een beoogd maatschappelijk effect.", "#385723"),
    ItemType("criterium", "CR-", "Criterium", "Criteria",
             "Wanneer zijn we tevreden: een criterium waaraan een doel of inspanning wordt gemeten.",
             "#7030a0", CRITERION_STATUSES, CRITERIUM_FIELDS),
    ItemType("aanname", "AN-", "Aanname", "Aannames",
             "Een veronderstelling in de keten die gevolgd moet worden.", "#595959", ASSUMPTION_STATUSES,
             AANNAME_FIELDS),
    ItemType("partij", "PA-", "Partij", "Partijen", "Een organisatie of orgaan.", "#3a3838"),
    ItemType("besluit", "BS-", "Besluit", "Besluiten", "Een besluit van een orgaan op een datum.",
             "#002060", (), BESLUIT_FIELDS),
    ItemType("meting", "MT-", "Meting", "Metingen",
             "Een gedateerde meting van een criterium; samen vormen de metingen een reeks.",
             "#4b2a63", (), METING_FIELDS),
)

TYPE_NAMES: tuple[str, ...] = tuple(t.directive for t in ITEM_TYPES)
TYPES_BY_NAME: dict[str, ItemType] = {t.directive: t for t in ITEM_TYPES}
#: The fields that the details of a linked item show (:attr:`Field.shown_when_linked`), each name once.
SHOWN_WHEN_LINKED: tuple[str, ...] = tuple(
    dict.fromkeys(f.name for t in ITEM_TYPES for f in t.fields if f.shown_when_linked)
)

# --- link types ---------------------------------------------------------------

_ANY_BUT_PARTIJ = tuple(name for name in TYPE_NAMES if name != "partij")

LINK_TYPES: tuple[LinkType, ...] = (
    LinkType("draagt_bij_aan", "draagt bij aan", "ondersteund door", (
        LinkRule("doel", ("hoofddoel", "doel"), minimum=1),
        LinkRule("inspanning", ("doel",), minimum=1),
        LinkRule("effect", ("doel", "hoofddoel"), minimum=1),
        LinkRule("resultaat", ("effect",)),
    ), chain=True, description="Het doel of effect waaraan dit item bijdraagt."),
    LinkType("voert_uit", "voert uit", "uitgevoerd door", (
        LinkRule("project", ("inspanning",), minimum=1),
    ), chain=True, description="De inspanning die dit project uitvoert."),
    LinkType("geleverd_door", "geleverd door", "levert", (
        LinkRule("resultaat", ("project",), minimum=1),
    ), chain=True, description="Het project dat dit resultaat levert."),
    LinkType("hoort_bij", "hoort bij", "heeft als mijlpaal", (
        LinkRule("mijlpaal", ("project",), minimum=1, maximum=1),
    ), chain=True, description="Het project waarvan dit een mijlpaal is."),
    LinkType("meet", "meet", "gemeten door", (
        LinkRule("criterium", ("hoofddoel", "doel", "inspanning", "project", "resultaat", "effect"),
                 minimum=1),
    ), description="Het item waarvoor dit criterium zegt wanneer we tevreden zijn."),
    LinkType("meet_voor", "meet voor", "heeft als meting", (
        LinkRule("meting", ("criterium",), minimum=1, maximum=1),
    ), description="Het criterium waarvan dit een meting is."),
    LinkType("betreft", "betreft", "is onderwerp van", (
        LinkRule("aanname", _ANY_BUT_PARTIJ, minimum=1),
        LinkRule("besluit", _ANY_BUT_PARTIJ, minimum=1),
    ), description="Het item waarover deze aanname of dit besluit gaat."),
    LinkType("trekker", "trekker", "is trekker van", (
        LinkRule("inspanning", ("partij",)),
        LinkRule("project", ("partij",)),
    ), description="De partij die dit trekt."),
    LinkType("opdrachtgever", "opdrachtgever", "is opdrachtgever van", (
        LinkRule("project", ("partij",)),
    ), description="De partij die het project opdraagt."),
    LinkType("opdrachtnemer", "opdrachtnemer", "is opdrachtnemer van", (
        LinkRule("project", ("partij",)),
    ), description="De partij die het project uitvoert (planelement b)."),
    LinkType("genomen_door", "genomen door", "heeft besloten", (
        LinkRule("besluit", ("partij",), minimum=1),
    ), description="Het orgaan dat het besluit nam."),
    LinkType("hangt_samen_met", "hangt samen met", "hangt samen met", (
        LinkRule("inspanning", ("inspanning", "project")),
        LinkRule("project", ("inspanning", "project")),
    ), description="Een inspanning of project waarmee dit samenhangt."),
)

LINK_NAMES: tuple[str, ...] = tuple(link.name for link in LINK_TYPES)
LINKS_BY_NAME: dict[str, LinkType] = {link.name: link for link in LINK_TYPES}
CHAIN_LINKS: tuple[str, ...] = tuple(link.name for link in LINK_TYPES if link.chain)

#: Plan element (b) is a link, (e) is the project's milestones (spec section 2).
PLAN_ELEMENTS: tuple[PlanElement, ...] = (
    PlanElement("a", "opdracht", "de SMART gemaakte opdracht"),
    PlanElement("b", "opdrachtnemer", "de partij die het uitvoert"),
    PlanElement("c", "financiering", "hoe het betaald wordt"),
    PlanElement("d", "borging", "hoe de afspraken geborgd worden"),
    PlanElement("e", "mijlpaal", "minstens één mijlpaal"),
)


def links_from(type_name: str) -> tuple[LinkType, ...]:
    """The link types an item of this type may declare."""
    return tuple(link for link in LINK_TYPES if type_name in link.sources)


def link_rules_from(type_name: str) -> tuple[tuple[LinkType, LinkRule], ...]:
    """Each link type an item of this type may declare, with its rule for this type."""
    return tuple((link, rule) for link in LINK_TYPES for rule in link.rules if rule.source == type_name)


def item_type_for_id(item_id: str) -> ItemType | None:
    """The type whose prefix this ID carries, if any."""
    return next((t for t in ITEM_TYPES if item_id.startswith(t.prefix)), None)


# --- the scaffold's placeholders (policy-trace new and init write them, PT407 finds them) ---

#: Slug of the placeholder ID the scaffold (``policy-trace new``) writes into a required link the
#: author did not give: it matches the ID pattern, so the only finding left is PT101 (the item
#: does not exist), which names the link to fill in.
PLACEHOLDER_SLUG = "INVULLEN"
#: A placeholder ID as the scaffold writes it: ``SD-INVULLEN``, ``PA-INVULLEN-2``.
PLACEHOLDER_ID = re.compile(rf"\b[A-Z]+-{PLACEHOLDER_SLUG}(?:-\d+)?\b")
#: The body text of every scaffolded item (``policy-trace new`` and ``init``); PT407 reports it until
#: replaced.
PLACEHOLDER_BODY = "Beschrijf hier in gewone tekst wat dit item is en waarom."


# --- programme settings -------------------------------------------------------

#: The fields whose allowed values a programme gives in conf.py.
PROGRAMME_FIELDS: tuple[tuple[str, Field], ...] = tuple(
    (t.directive, f) for t in ITEM_TYPES for f in t.fields if f.programme_values
)

#: How the pages name the programme when conf.py says nothing (with its article).
DEFAULT_PROGRAMME_NOUN = "het programma"

_VALUES_TYPES: tuple[type, ...] = (list, tuple, dict)


def _values_setting(type_name: str, field: Field) -> Setting:
    off = " Een lege lijst: dit programma gebruikt het veld niet." if field.may_be_off else ""
    return Setting(
        field.values_setting, field.values,
        f"De toegestane waarden van `{field.name}` bij een {type_name}: een lijst, of een dict van waarde "
        f"naar hoe die op de pagina's heet.{off}",
        _VALUES_TYPES,
    )


_DATE_TYPES: tuple[type, ...] = (str, date, datetime, type(None))

#: A programme's identity (``policy_trace_programme_id``) and the alias of a koppeling: lowercase
#: letters, digits and '-', starting with a letter or digit.
PROGRAMME_ID_PATTERN = r"[a-z0-9][a-z0-9-]*"
#: Between the alias of a koppeling and an item ID in a link: ``landelijk:SD-CRISISBEHEERSING``.
COUPLED_SEPARATOR = ":"

#: Every setting in conf.py, each registered once with its types (policy_trace/__init__.py).
SETTINGS: tuple[Setting, ...] = (
    Setting("policy_trace_programme_noun", DEFAULT_PROGRAMME_NOUN,
            'Hoe de pagina\'s het programma noemen, met lidwoord: "het programma", "de strategie", '
            '"het hitteplan".', (str,)),
    *(_values_setting(type_name, field) for type_name, field in PROGRAMME_FIELDS),
    Setting("policy_trace_period", None,
            'De looptijd van het programma: ("JJJJ-MM-DD", "JJJJ-MM-DD").', (tuple, list, type(None))),
    Setting("policy_trace_reference_date", None,
            "De peildatum (JJJJ-MM-DD) voor tijdregels; None: SOURCE_DATE_EPOCH of vandaag.", _DATE_TYPES),
    Setting("policy_trace_severity", {},
            'Per regel een andere ernst: {"PT203": "error", "PT301": "off"}.', (dict,)),
    # The site's: the banner on every page (views/banner.py) and Mermaid's folder (assets.py).
    Setting("policy_trace_date", None,
            "De datum van deze versie (JJJJ-MM-DD); None: de datum van de build (SOURCE_DATE_EPOCH of "
            "vandaag).", _DATE_TYPES, "html"),
    Setting("policy_trace_mermaid_dir", None,
            "Map node_modules met de npm-pakketten mermaid en d3. Standaard: de vastgepinde kopie in het "
            "geïnstalleerde pakket, anders node_modules van het project (na npm ci).",
            (str, type(None)), "html"),
    Setting("policy_trace_status", "werkversie",
            "De status van deze versie, bijvoorbeeld 'vastgesteld' of 'voorstel aan het bestuur'.",
            (str,), "html"),
    Setting("policy_trace_version", "", "Het versienummer van het programma, bijvoorbeeld '1.0'.",
            (str,), "html"),
    Setting("policy_trace_previous", None,
            "Het pad naar de needs.json van de vorige publicatie, om mee te vergelijken "
            "(Wat is er veranderd, PT405); None: niets te vergelijken.", (str,)),
    Setting("policy_trace_programme_id", None,
            "De vaste identiteit van het programma, bijvoorbeeld 'vr-zuid-rivierenland-beleidsplan-2024': "
            "kleine letters, cijfers en '-'. Staat in needs.json en versie.json, zodat andere programma's "
            "ernaar kunnen verwijzen.", (str, type(None))),
    Setting("policy_trace_koppelingen", {},
            'Andere programma\'s waarnaar dit programma verwijst of die eraan bijdragen: {"ALIAS": "MAP"}, '
            "elk met een kopie van hun publicatie in MAP (naast conf.py, in git; policy-trace koppel "
            "schrijft die). Een koppeling schrijf je als ALIAS:ID, bijvoorbeeld landelijk:SD-CRISIS.",
            (dict,)),
    Setting("policy_trace_raw_html", False,
            "True: HTML in de tekst van items en pagina's (`<b>`, `<div>`, `{raw} html`) komt op de site "
            "zoals het er staat. Alleen voor een programma dat dat bewust wil: elke schrijver kan dan code "
            "laten draaien in de browser van elke bezoeker (een `<script>` dat een formulier nabootst of "
            "gegevens doorstuurt), de pdf laat die HTML weg en toont dus iets anders dan de site, en de "
            "controles zien niet wat erin staat. False (standaard): zulke HTML is een fout (PT112) en wordt "
            "niet gepubliceerd. Een link met een ander schema dan http, https of mailto is altijd een fout.",
            (bool,)),
    Setting("policy_trace_versions", None,
            "Het pad naar de versions.json van de publicatie (zet policy-trace publish zelf): de banner "
            "linkt dan naar de andere versies; None: geen versielijst.", (str,), "html"),
    Setting("policy_trace_pdf_meeting", None,
            "De datum (JJJJ-MM-DD) van de bestuursvergadering waarvoor de PDF is (zet policy-trace pdf "
            "--vergadering zelf): de PDF noemt de vergadering op de titelpagina en zegt bij elk besluit of "
            "het vóór of na die vergadering valt; None: de PDF noemt geen vergadering.", (str,), "html"),
    # What a government site carries besides its content: read into the toegankelijkheidsverklaring and
    # the colofon (views/verklaring.py), the house style (housestyle.py), security.txt (securitytxt.py).
    Setting("policy_trace_contact_email", "",
            "Het e-mailadres voor vragen over de site en voor meldingen van toegankelijkheidsproblemen; "
            "staat in de toegankelijkheidsverklaring en het colofon.", (str,)),
    Setting("policy_trace_contact_url", "",
            "Een contactpagina van de organisatie (https://…), naast of in plaats van het e-mailadres.",
            (str,)),
    Setting("policy_trace_accessibility", {},
            'De toegankelijkheidsverklaring: {"status": "voldoet gedeeltelijk", "datum": "JJJJ-MM-DD", '
            '"onderzoek": "wie de site wanneer heeft onderzocht, met een link naar het rapport", '
            '"beperkingen": ["wat nog niet toegankelijk is, en wanneer het is opgelost"]}. De status is '
            "een van die van digitoegankelijk.nl (voldoet volledig, voldoet gedeeltelijk, eerste "
            "maatregelen genomen, voldoet niet); zonder status zegt de verklaring dat die nog niet is "
            "vastgesteld.", (dict,)),
    Setting("policy_trace_accessibility_results", None,
            "Het JSON-bestand (naast conf.py) waarin de browsertests vastleggen met welke hulpmiddelen, "
            "wanneer en met welk resultaat de pagina's zijn getoetst; de toegankelijkheidsverklaring noemt "
            "dan alleen wat daarin staat. None: geen eigen toetsing vastgelegd.", (str, type(None))),
    Setting("policy_trace_house_style", {},
            'De huisstijl: kleuren met de namen van NL Design System, bijvoorbeeld {"utrecht.link.color": '
            '"#01689b", "utrecht.page-header.background-color": "#154273", "utrecht.page-header.color": '
            '"#ffffff"}. Een combinatie met een contrast onder 4,5:1 weigert de build. In de donkere '
            "modus krijgen de kleur van links, van een link onder de muis en de hoofdkleur een lichtere "
            "variant (zie policy_trace_house_style_dark); de kleuren van de kop gelden in beide modi.",
            (dict,), "html"),
    Setting("policy_trace_house_style_dark", {},
            'De huisstijl in de donkere modus, met dezelfde namen: bijvoorbeeld {"utrecht.link.color": '
            '"#8fcae7"}. Elke kleur moet 4,5:1 contrast hebben tegen de achtergrond van de donkere modus '
            "(#1a1c1e), anders weigert de build haar. Een kleur die hier ontbreekt, leidt policy-trace af "
            "van die in policy_trace_house_style: dezelfde tint, lichter tot ze in het donker minstens zo "
            "goed leesbaar is als in het licht (tussen 4,5:1 en 7:1).", (dict,), "html"),
    Setting("policy_trace_security_txt", None,
            'Een /.well-known/security.txt (RFC 9116): {"Contact": "mailto:security@…", "Expires": '
            '"JJJJ-MM-DD", "Policy": "https://…"}. Een verlopen Expires is een fout, een die binnen 30 '
            "dagen verloopt een advies. None: geen security.txt.", (dict, type(None)), "html"),
)

#: Shared by all item types (core sphinx-needs options).
COMMON_FIELDS: tuple[str, ...] = ("status", "tags")


# --- deprecated names -------------------------------------------------------


@dataclass(frozen=True)
class Deprecated:
    """A name authors used that is afgeschaft: still works as its replacement, with a warning, until
    ``removal`` (CONTRIBUTING.md: *Instellingen en blokken afschaffen*; ``deprecation.py`` applies it)."""

    #: ``setting``: a setting in conf.py; ``option``: an option of an item (a field or a link);
    #: ``directive``: a block for a page (``{tevreden}``, ``{planning}``, …).
    kind: Literal["setting", "option", "directive"]
    #: The old name (``policy_trace_…`` for a setting, without colons or braces for an option or block).
    name: str
    #: The name that replaces it (a setting of :data:`SETTINGS`, a field or link of the model, a block).
    replacement: str
    #: The version of policy-trace that brought the replacement.
    since: str
    #: The version that no longer accepts the old name; ``tests/test_deprecation.py`` fails once
    #: ``version.py`` reaches it while the name is still declared here.
    removal: str


#: Every deprecated name that is still accepted, oldest first. Nothing is deprecated in this release.
DEPRECATED: tuple[Deprecated, ...] = ()

__all__ = [
    "CHAIN_LINKS", "COMMON_FIELDS", "COUPLED_SEPARATOR", "DECIDED_STATUSES", "DEPRECATED", "ENDED_STATUSES",
    "GOAL_TYPES",
    "ITEM_FIELDS",
    "ITEM_FIELD_NAMES", "ITEM_TYPES", "LINKS_BY_NAME",
    "LINK_NAMES", "LINK_TYPES", "OPEN_STATUSES", "PLAN_ELEMENTS", "PLAN_REQUIRED_STATUSES",
    "PROGRAMME_FIELDS", "PROGRAMME_ID_PATTERN", "SETTINGS", "SHOWN_WHEN_LINKED", "STATUSES",
    "STATUSES_BY_NAME", "TREE_LEVELS",
    "TYPES_BY_NAME",
    "TYPE_NAMES", "Deprecated", "Field", "ItemType", "LinkRule", "LinkType", "PlanElement", "Setting",
    "Status",
    "StatusRole",
    "item_type_for_id", "link_rules_from", "links_from", "status_of",
]
