# Items in colon fences, inside a note: their findings stand at the line of their own fence.
extensions = ["myst_parser", "policy_trace"]
myst_enable_extensions = ["colon_fence"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
suppress_warnings = ["policy.PT201"]
