"""Built-in rule modules (shipped as checker.builtin_rules)."""
