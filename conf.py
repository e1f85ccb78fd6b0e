"""Sphinx configuration of the strategische agenda Versterking Veiligheidsregio's.

The model (types, fields, links) comes with the ``policy_trace`` extension;
this file holds only what belongs to this programme.
"""

project = "Strategische agenda Versterking Veiligheidsregio's"
author = "Veiligheidsberaad"
copyright = "2014, Veiligheidsberaad"
language = "nl"

extensions = [
    "myst_parser",
    "policy_trace",
    # The contributors' page (docs/architectuur.md): policy-trace's own layers and seams, read from the
    # package. For this repository's site only; a programme does not need it.
    "policy_trace.architecture",
]

root_doc = "index"
exclude_patterns = [
    "README.md", "CHANGELOG.md", ".venv", "_build", "extensions", "tests", "benchmarks",
    "node_modules", ".ci", ".github", ".gitlab-ci.yml", ".pytest_cache", "**/.pytest_cache", ".git",
]

# The seed says the agenda runs two years ("een looptijd van twee jaar") and
# that the project plans go to the Veiligheidsberaad of 26 September 2014; it
# names no start date. We take that meeting as the start, because only from
# then can the projects be carried out, and end two years later.
policy_trace_period = ("2014-09-26", "2016-09-25")

# The seed describes the programme as it stood just before the
# Veiligheidsberaad of 26 September 2014 (the plans are still being written);
# the site claims nothing that happened after that date.
policy_trace_reference_date = "2014-09-26"

# The agenda's own words for the model's value lists (the spec's values) and
# for itself: the pages say "de agenda" where another programme's say "het
# programma" or "het hitteplan".
policy_trace_programme_noun = "de agenda"

# The agenda's stable identity, published in needs.json and versie.json: a region that couples the
# agenda (policy-trace koppel landelijk …) links to its goals as landelijk:SD-CRISISBEHEERSING, and
# the agenda recognises the region's links to it by this ID when it couples the region in turn.
policy_trace_programme_id = "strategische-agenda-veiligheidsregios"
policy_trace_spoor_values = ["inhoudelijk", "organisatorisch"]
policy_trace_borging_values = ["intentieverklaring", "wetswijziging", "regionaal_crisisplan", "anders"]

# The banner on every page. The seed is the agenda as proposed to the
# Veiligheidsberaad; it gives no date on which it was adopted, so the banner
# claims no adoption: it says "voorstel" and, without a policy_trace_date,
# the date of the build ("gebouwd op …", SOURCE_DATE_EPOCH or today).
policy_trace_version = "1.0"
policy_trace_status = "voorstel aan het Veiligheidsberaad"
policy_trace_date = None

# De toegankelijkheidsverklaring (docs/toegankelijkheid.md): geen status en geen contactadres, want
# de agenda heeft die niet gegeven; wel wat de browsertests vastleggen (tests/browser) en wat nog
# niet toegankelijk is.
policy_trace_accessibility = {
    "beperkingen": [
        "Op een smal scherm (een telefoon) is de doelenboom breder dan het scherm: de figuur schuift "
        "opzij. Dezelfde doelenboom staat eronder als lijst, die dat niet doet.",
        "Een diagram dat een schrijver met Mermaid tekent (zoals in het handboek), is zonder JavaScript "
        "niet te zien; de tekst ernaast zegt wat erin staat.",
    ],
}
policy_trace_accessibility_results = "toegankelijkheid-toetsing.json"

html_theme = "furo"
html_title = project
