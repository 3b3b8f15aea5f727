"""SQLite persistence: cases, meetings and SIP revisions. Imports no UI framework."""

from facilitator.store.database import (
    DB_NAME,
    MeetingSummary,
    PreparedCase,
    PreparedMeeting,
    Store,
)
from facilitator.store.errors import (
    AlreadyStored,
    CaseOpen,
    DatabaseUnreadable,
    MeetingRef,
    NoSuchMeeting,
    NotFound,
    Record,
    RecordDamaged,
    StorageFailure,
    StoreError,
    Unreadable,
)
from facilitator.store.migrations import CURRENT_VERSION

__all__ = [
    "AlreadyStored",
    "CaseOpen",
    "CURRENT_VERSION",
    "DB_NAME",
    "DatabaseUnreadable",
    "MeetingRef",
    "MeetingSummary",
    "NoSuchMeeting",
    "NotFound",
    "Record",
    "RecordDamaged",
    "PreparedCase",
    "PreparedMeeting",
    "StorageFailure",
    "Store",
    "StoreError",
    "Unreadable",
]
