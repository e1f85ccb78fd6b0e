# The site shell on its own: furo, Dutch, one diagram, code and a table of contents.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
project = "Proefsite"
copyright = "2024, Proefregio"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
