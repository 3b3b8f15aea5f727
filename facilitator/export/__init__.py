"""Exports of the SIP: pure functions from the models to text or files."""

from facilitator.export.markdown import to_markdown

__all__ = ["to_markdown"]
