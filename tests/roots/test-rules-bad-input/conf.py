# Input an adviser may well write by mistake: each gets a message with its
# location, never a traceback, and the other items are still checked.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
