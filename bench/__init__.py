"""Benchmarks that print figures. Run one with ``python -m bench.<name>``."""
