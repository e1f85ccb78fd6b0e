# A programme outside the repo's own content: it enables only policy_trace.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2024-06-01"
