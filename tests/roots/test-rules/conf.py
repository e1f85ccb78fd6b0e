# Every rule's failing example beside a passing one. An item's expected
# findings stand in the comment right above it: <!-- verwacht: CODE "words" ... -->.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
# PT405 compares with a small last publication: SD-RAMPEN had another title and status.
policy_trace_previous = "vorige/needs.json"
