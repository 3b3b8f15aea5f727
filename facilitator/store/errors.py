"""Errors of the store, each one line that says what and where."""

from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """A problem with the stored data."""


class DatabaseUnreadable(StoreError):
    """The file is not a facilitator database, is damaged, or is from a newer version."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NotFound(StoreError):
    """No record by that id."""
