# Hostile markup of issue 21: HTML, raw blocks, unsafe links and comments in item text.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
