# A programme in execution for the stand van zaken (issue 18): measurements, a project to decide
# with an incomplete plan, a refuted assumption under decided work, late milestones, a waiver, and
# the version adopted before (vorige/) to compare with.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
project = "Stand van het programma"
html_theme = "furo"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
policy_trace_previous = "vorige/needs.json"
# The project to decide lacks plan elements on purpose: the stand says which.
policy_trace_severity = {"PT204": "advice"}
