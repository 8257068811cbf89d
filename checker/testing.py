"""pytest plugin for rule authors (placeholder until the engine lands)."""
