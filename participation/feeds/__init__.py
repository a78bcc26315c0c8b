"""Atom feeds of ideas: all, per theme, per search."""
