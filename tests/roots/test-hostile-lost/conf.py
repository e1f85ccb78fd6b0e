# Careless input of issue 21: items and options that MyST would silently lose.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
