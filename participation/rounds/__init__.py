"""Participation rounds: a question, its themes and a timeline of phases (issue 14)."""
