# References in the text to items that do not exist, and a type with a typo: the messages of
# sphinx-needs and MyST in our words, counted in the summary line.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
