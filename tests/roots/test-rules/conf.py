# Every rule's failing example beside a passing one. An item's expected
# findings stand in the comment right above it: <!-- verwacht: CODE "words" ... -->.
extensions = ["myst_parser", "policy_trace"]
language = "nl"
policy_trace_period = ("2024-01-01", "2025-12-31")
policy_trace_reference_date = "2025-01-01"
# PT405 compares with a small last publication: SD-RAMPEN had another title and status.
policy_trace_previous = "vorige/needs.json"
# Links to a coupled programme (PT101, PT102, PT111, PT405, PT408): a committed copy of version 2
# of a small national programme; its SD-CRISIS changed since version 1, which the items here were
# reviewed against (gekoppeld/landelijk/koppeling.json).
policy_trace_koppelingen = {"landelijk": "gekoppeld/landelijk"}
