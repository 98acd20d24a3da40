"""The supervisor's use cases (import, assign, routes) over the office store."""
