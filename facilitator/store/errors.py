"""Errors of the store: types and codes to decide on, and a line of detail (English, for
the command line and the developer). What a person reads in Swedish is made from the codes
in ``strings`` (``store_problem``), never from the detail."""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum
from pathlib import Path


class StoreError(Exception):
    """A problem with the stored data."""


class Unreadable(StrEnum):
    """Why a database file is refused, without a byte of it changed."""

    NOT_OURS = "not_ours"
    """Not SQLite, or another program's tables."""
    NEWER = "newer"
    """Written by a newer facilitator."""
    DAMAGED = "damaged"
    """SQLite finds it damaged, or a record in it does not validate."""
    NO_WAL = "no_wal"
    """It cannot use write-ahead logging (a network drive, say)."""
    EMPTY = "empty"
    """The file is there and holds nothing (0 bytes): never taken for a new database."""


class DatabaseUnreadable(StoreError):
    """The file is not a facilitator database, is damaged, or is from a newer version."""

    def __init__(self, path: Path, problem: str, reason: Unreadable = Unreadable.DAMAGED):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.reason = reason


class Record(StrEnum):
    """What kind of record is damaged."""

    CASE = "case"
    MEETING = "meeting"


class RecordDamaged(StoreError):
    """One case or meeting in the database cannot be read (another program wrote it, or
    it was damaged): it is left out and kept as it is in the file; the rest is usable.
    Said by its id, never by what it holds."""

    def __init__(self, record: Record, record_id: str, detail: str):
        super().__init__(f"{record.value} {record_id} is damaged ({detail})")
        self.record = record
        self.record_id = record_id
        self.detail = detail


class NotFound(StoreError):
    """No record by that id."""


class MeetingRef(StrEnum):
    """Why a meeting named on the command line was not found."""

    NONE_YET = "none_yet"
    """``latest`` with no meetings stored."""
    BAD_REF = "bad_ref"
    """Not ``latest`` and not at least 4 hex digits of an id."""
    UNKNOWN = "unknown"
    AMBIGUOUS = "ambiguous"
    """The start of more than one meeting's id."""


class NoSuchMeeting(NotFound):
    """A meeting reference (``latest``, an id or its start) that names no single meeting."""

    def __init__(self, ref: str, reason: MeetingRef, detail: str):
        super().__init__(detail)
        self.ref = ref
        self.reason = reason


class AlreadyStored(StoreError):
    """A case or meeting with that id is stored already: an import is refused whole."""


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


_SQLITE_REASONS = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_FULL: "full",
    sqlite3.SQLITE_READONLY: "readonly",
    sqlite3.SQLITE_PERM: "readonly",
    sqlite3.SQLITE_CANTOPEN: "missing",
    sqlite3.SQLITE_IOERR: "io",
}
_OS_REASONS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EACCES: "readonly",
    errno.EPERM: "readonly",
    errno.EROFS: "readonly",
    errno.ENOENT: "missing",
    errno.EIO: "io",
}


def classify(error: BaseException) -> StorageFailure:
    """The storage failure an sqlite3 or OS error stands for, decided on its code."""
    detail = str(error) or type(error).__name__
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        reason = _SQLITE_REASONS.get(code & 0xFF, "other") if isinstance(code, int) else "other"
        return StorageFailure(reason, detail)
    if isinstance(error, OSError):
        return StorageFailure(_OS_REASONS.get(error.errno, "io"), detail)
    return StorageFailure("other", detail)
