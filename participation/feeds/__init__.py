"""Atom feeds of ideas: all, per theme, per round, per search."""
