"""The supervisor's window: portfolio across collectors, import wizard, collectors, routes."""
