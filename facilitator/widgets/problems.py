"""Problems as a person reads them: Swedish sentences from the store's error types and
codes (the texts are in ``strings``), never from an error's own message."""

from __future__ import annotations

from facilitator import strings as sv
from facilitator.store.errors import (
    CaseOpen,
    DatabaseUnreadable,
    NotFound,
    RecordDamaged,
    StorageFailure,
    StoreError,
    classify,
)


def store_problem(error: Exception) -> str:
    """A problem of the store in Swedish, decided on its type and code."""
    if isinstance(error, StorageFailure):
        return sv.SAVE_FAILED_REASON[error.reason]
    if isinstance(error, DatabaseUnreadable):
        return sv.UNREADABLE_REASON[error.reason.value]
    if isinstance(error, RecordDamaged):
        return sv.record_damaged(error.record.value, error.record_id)
    if isinstance(error, NotFound):
        return sv.STORE_NOT_FOUND
    if isinstance(error, CaseOpen):
        return sv.STORE_CASE_OPEN
    return sv.STORE_OTHER


def export_problem(error: Exception) -> str:
    """Why an export could not be written, in Swedish."""
    if isinstance(error, StoreError):
        return store_problem(error)
    if isinstance(error, OSError):
        return sv.EXPORT_PROBLEM_OS.get(classify(error).reason, sv.SAVE_FAILED_REASON["io"])
    return sv.STORE_OTHER
