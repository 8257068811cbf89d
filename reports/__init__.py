"""Jinja templates for reports (shipped as checker.templates)."""
