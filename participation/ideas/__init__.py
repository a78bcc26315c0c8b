"""Themes and ideas: submit, list, show, edit, withdraw."""
