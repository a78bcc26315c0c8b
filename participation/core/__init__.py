"""Shared code without routes: models, permissions, mail, errors, templating."""
