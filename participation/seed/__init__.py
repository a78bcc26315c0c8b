"""Seed data: the demo municipality (texts as data in demo_texts.json) and the bench data set."""
