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


class CaseOpen(StoreError):
    """A meeting of the case is open for writing in a window: the case stays."""


class StorageFailure(StoreError):
    """Reading or writing failed for a reason outside the data: the disk, the directory,
    another program. ``reason`` is one of ``REASONS``; the data in memory is untouched."""

    REASONS = ("locked", "full", "readonly", "missing", "io", "other")

    def __init__(self, reason: str, detail: str):
        super().__init__(f"cannot write the database ({detail})")
        self.reason = reason if reason in self.REASONS else "other"
        self.detail = detail


def classify(error: BaseException) -> StorageFailure:
    """The storage failure an sqlite3 or OS error stands for."""
    import errno
    import sqlite3

    text = str(error).lower()
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return StorageFailure("full", text)
    if isinstance(error, sqlite3.Error):
        if "locked" in text or "busy" in text:
            return StorageFailure("locked", text)
        if "full" in text:
            return StorageFailure("full", text)
        if "readonly" in text or "read-only" in text:
            return StorageFailure("readonly", text)
        if "unable to open" in text:
            return StorageFailure("missing", text)
        if "i/o" in text:
            return StorageFailure("io", text)
    if isinstance(error, PermissionError):
        return StorageFailure("readonly", text)
    if isinstance(error, FileNotFoundError):
        return StorageFailure("missing", text)
    return StorageFailure("other", text or type(error).__name__)
