"""Writes of country reporting: frameworks and their versions, cycles, submissions and their review."""
