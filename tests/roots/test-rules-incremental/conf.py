# A programme in several files, rebuilt incrementally by the tests: they edit
# one file at a time and check that findings in the other files stay reported.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
