# Sidebar navigation: pages in two folders and the root, in three toctrees, some in shapes
# the per-folder navigation must leave to furo (sub-pages, two top-level headings, an orphan).
extensions = ["myst_parser", "policy_trace"]
language = "nl"
html_theme = "furo"
project = "Navigatieproef"
copyright = "2024, Proefregio"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
