"""The journal: a second place for a meeting's text while the database cannot be written.

While writes to the database fail (it is locked by another program, the disk answers
with errors), the writer also keeps what it could not write — the meeting and its case
as serialised for the database, and the text typed since — in a file of its own beside
the database (``journal-<meeting id>.json``, owner-only). A crash, or ``kill -9``, then
costs no more than it does when saving works. The file is replaced whole each time
(written beside it, made durable, renamed over it), so it is either the old or the new
one, never half of each; it is removed as soon as everything in it is in the database.

On the next start the journal is replayed into the database (only what is newer than what
the database holds), and removed once stored. When the database still cannot be written,
the journal stays, and the meeting opened from it carries its text (``read_journal``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

from facilitator.paths import BINARY, ensure_private_dir
from facilitator.store.database import PreparedCase, PreparedMeeting, Store
from facilitator.store.errors import StorageFailure

PREFIX = "journal-"
SUFFIX = ".json"
FORMAT = "facilitator-journal"
VERSION = 1
MAX_BYTES = 64 * 1024 * 1024
"""A journal larger than this was not written by the program: it is left unread."""
REPLAY_PATIENCE_SECONDS = 0.2
"""How long a replay at start waits for a database another program holds locked."""

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class JournalDraft(NamedTuple):
    fields: str
    """JSON: field name to text, as the drafts table holds it."""
    saved_wall_ns: int


class JournalEntry(NamedTuple):
    """What the writer could not store: the newest snapshot, the newest draft, or both."""

    meeting_id: str
    meeting: PreparedMeeting | None = None
    case: PreparedCase | None = None
    case_changed: bool = False
    booked: PreparedMeeting | None = None
    draft: JournalDraft | None = None

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "meeting_id": self.meeting_id,
            "meeting": self.meeting._asdict() if self.meeting is not None else None,
            "case": self.case._asdict() if self.case is not None else None,
            "case_changed": self.case_changed,
            "booked": self.booked._asdict() if self.booked is not None else None,
            "draft": self.draft._asdict() if self.draft is not None else None,
        }
        return json.dumps(document, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> JournalEntry | None:
        """The entry, or None when the bytes are not a journal this program wrote."""
        try:
            document = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                return None
            if document.get("version") != VERSION or not isinstance(document.get("meeting_id"), str):
                return None
            return cls(
                meeting_id=document["meeting_id"],
                meeting=_record(PreparedMeeting, document.get("meeting")),
                case=_record(PreparedCase, document.get("case")),
                case_changed=document.get("case_changed") is True,
                booked=_record(PreparedMeeting, document.get("booked")),
                draft=_record(JournalDraft, document.get("draft")),
            )
        except (ValueError, TypeError, UnicodeDecodeError):
            return None


_KINDS = {"saved_wall_ns": int}


def _record(kind, value):
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != set(kind._fields):
        raise ValueError("not a record")
    for name, item in value.items():
        wanted = _KINDS.get(name, str)
        if not isinstance(item, wanted) or isinstance(item, bool):
            raise ValueError(f"{name} is not {wanted.__name__}")
    return kind(**value)


def journal_path(data_dir: Path, meeting_id: str) -> Path:
    return data_dir / f"{PREFIX}{meeting_id}{SUFFIX}"


class Journal:
    """The journal file of one meeting. Blocking file operations: for a worker thread."""

    def __init__(self, data_dir: Path, meeting_id: str):
        self.data_dir = data_dir
        self.meeting_id = meeting_id
        self.path = journal_path(data_dir, meeting_id)

    def exists(self) -> bool:
        return self.path.is_file()

    def write(self, entry: JournalEntry) -> None:
        """Replace the journal with ``entry``, durably; raises ``OSError``."""
        ensure_private_dir(self.data_dir)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with suppress(FileNotFoundError):
            temporary.unlink()  # left by a crash halfway through a write
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | BINARY, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(entry.to_bytes())
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with suppress(OSError):
                temporary.unlink()
            raise
        _sync_folder(self.data_dir)

    def read(self) -> JournalEntry | None:
        """The entry, or None when there is none (or it is not one this program wrote)."""
        try:
            fd = os.open(self.path, os.O_RDONLY | _NOFOLLOW | BINARY)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as handle:
            try:
                if not _regular(handle.fileno()):
                    return None
                data = handle.read(MAX_BYTES + 1)
            except OSError:
                return None
        if len(data) > MAX_BYTES:
            return None
        entry = JournalEntry.from_bytes(data)
        return entry if entry is not None and entry.meeting_id == self.meeting_id else None

    def remove(self) -> None:
        for path in (self.path, self.path.with_name(self.path.name + ".tmp")):
            with suppress(FileNotFoundError):
                path.unlink()


def _regular(fd: int) -> bool:
    import stat

    return stat.S_ISREG(os.fstat(fd).st_mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where a folder can be opened (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def journals(data_dir: Path) -> Iterator[Journal]:
    """The journals in the data directory, by meeting."""
    try:
        names = sorted(os.listdir(data_dir))
    except OSError:
        return
    for name in names:
        if name.startswith(PREFIX) and name.endswith(SUFFIX):
            meeting_id = name[len(PREFIX) : -len(SUFFIX)]
            if meeting_id:
                yield Journal(data_dir, meeting_id)


def store_entry(store: Store, entry: JournalEntry) -> None:
    """Write into the database what in ``entry`` is newer than what it holds; raises
    ``StorageFailure`` when it cannot be written."""
    saved_ns, draft_ns = store.saved_wall_ns(entry.meeting_id)
    if entry.meeting is not None and (saved_ns is None or entry.meeting.saved_wall_ns > saved_ns):
        if entry.case is not None and (entry.case_changed or not store.has_case(entry.case.id)):
            store.write_case(entry.case)
        store.write_meeting(entry.meeting)
        saved_ns = entry.meeting.saved_wall_ns
        if entry.booked is not None and store.saved_wall_ns(entry.booked.id)[0] is None:
            store.write_meeting(entry.booked)
    if entry.draft is not None and saved_ns is not None:
        newest = max(saved_ns, draft_ns or 0)
        if entry.draft.saved_wall_ns > newest:
            store.write_draft(entry.meeting_id, entry.draft.fields, entry.draft.saved_wall_ns)


def replay(store: Store, journal: Journal, patience: float = REPLAY_PATIENCE_SECONDS) -> bool:
    """Store the journal's entry and remove it; False (the journal kept) when the
    database cannot be written now."""
    entry = journal.read()
    if entry is None:
        return False
    try:
        with store.patience(patience):
            store_entry(store, entry)
    except StorageFailure:
        return False
    journal.remove()
    return True


def replay_all(store: Store) -> list[str]:
    """Replay every journal beside the database whose meeting no window writes in now;
    the ids of the meetings whose text came back."""
    from facilitator.store.lock import MeetingLock

    done = []
    for journal in journals(store.path.parent):
        lock = MeetingLock(store.path.parent, journal.meeting_id)
        try:
            if not lock.acquire():
                continue  # open in another window: its own writer stores it
        except OSError:
            continue
        try:
            if replay(store, journal):
                done.append(journal.meeting_id)
        finally:
            lock.release()
    return done
