# The second round of bad input (issue 10): items that silently became text,
# options that were silently ignored, items in included files and notes.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
suppress_warnings = ["policy.PT201", "policy.PT403"]
exclude_patterns = ["deel"]  # only included, never a page of its own
