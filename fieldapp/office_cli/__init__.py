"""`fieldapp office …`: the supervisor's command line (argparse, dispatch, one module per command)."""
