"""Benchmarks that print figures: `make bench` (see bench/run.py)."""
