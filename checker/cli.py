"""Command line (placeholder until wired)."""


def main() -> None:
    raise SystemExit("not wired yet")
