# A small programme for the view tests: every view, nasty titles, open items.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
project = "Proefprogramma"
html_theme = "furo"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
policy_trace_version = "2.1"
policy_trace_status = "vastgesteld"
policy_trace_date = "2024-02-01"
