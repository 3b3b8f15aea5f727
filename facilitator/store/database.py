"""SQLite persistence for cases, meetings and SIP revisions.

One database file (WAL) in an owner-only directory; the files are 0600. Every record is
stored as the JSON of its pydantic model, with a few columns beside it for listing.
A meeting's SIP lives in ``sip_revisions``, one row per meeting, so every meeting's SIP
is kept as a revision of the case's plan.

The store is safe to use from one worker thread and the UI thread at once: one
connection, one lock.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from facilitator.agenda.cleaning import clean_line
from facilitator.agenda.kinds import SCHEMA_VERSION, MeetingKind, MeetingStatus
from facilitator.paths import ensure_private_dir
from facilitator.store.errors import (
    AlreadyStored,
    DatabaseUnreadable,
    MeetingRef,
    NoSuchMeeting,
    NotFound,
    Record,
    RecordDamaged,
    StorageFailure,
    Unreadable,
    classify,
)
from facilitator.store.migrations import check_version, migrate, upgrade_record

if TYPE_CHECKING:
    # The models (and pydantic) load when the first record is read, not when the store
    # opens: the start screen lists meetings from plain columns.
    from facilitator.agenda.models import Case, Meeting
    from facilitator.agenda.revisions import SipRevision

DB_NAME = "facilitator.sqlite3"

_CONNECTION_STATEMENTS = (
    # A write of one meeting as a single statement (see Store.write_meeting). TEMP: it
    # belongs to this connection and is not part of the stored schema.
    "CREATE TEMP VIEW IF NOT EXISTS meeting_write "
    "(id, case_id, kind, planned_start, status, data, sip, saved_wall_ns) "
    "AS SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE 0",
    "CREATE TEMP TRIGGER IF NOT EXISTS meeting_write_insert INSTEAD OF INSERT ON meeting_write "
    "BEGIN "
    "INSERT INTO meetings (id, case_id, kind, planned_start, status, data) "
    "VALUES (NEW.id, NEW.case_id, NEW.kind, NEW.planned_start, NEW.status, NEW.data) "
    "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, planned_start = excluded.planned_start, "
    "status = excluded.status, data = excluded.data; "
    # The SIP: a new revision numbered after the case's latest, or this meeting's own
    # revision updated.
    "INSERT INTO sip_revisions (meeting_id, case_id, number, saved_wall_ns, data) "
    "VALUES (NEW.id, NEW.case_id, (SELECT COALESCE(MAX(number), 0) + 1 FROM sip_revisions "
    "WHERE case_id = NEW.case_id), NEW.saved_wall_ns, NEW.sip) "
    "ON CONFLICT(meeting_id) DO UPDATE SET data = excluded.data, saved_wall_ns = excluded.saved_wall_ns; "
    # The meeting as saved holds everything its draft held.
    "DELETE FROM drafts WHERE meeting_id = NEW.id; "
    "END",
)


_CANNOT_WRITE = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}


class PreparedMeeting(NamedTuple):
    """A meeting serialised at one instant, ready to be written from another thread.
    (Named tuples rather than dataclasses here: they cost a tenth to define, and this
    module loads before the first frame.)"""

    id: str
    case_id: str
    kind: str
    planned_start: str
    status: str
    body: str
    sip: str
    saved_wall_ns: int

    @classmethod
    def of(cls, meeting: Meeting, saved_wall_ns: int = 0) -> PreparedMeeting:
        return cls(
            id=meeting.id,
            case_id=meeting.case_id,
            kind=meeting.kind.value,
            planned_start=meeting.planned_start.isoformat(),
            status=meeting.status.value,
            body=meeting.model_dump_json(exclude={"sip"}),
            sip=meeting.sip.model_dump_json(),
            saved_wall_ns=saved_wall_ns,
        )


class PreparedCase(NamedTuple):
    """A case serialised at one instant, ready to be written from another thread."""

    id: str
    status: str
    created_at: str
    body: str

    @classmethod
    def of(cls, case: Case) -> PreparedCase:
        return cls(case.id, case.status.value, case.created_at.isoformat(), case.model_dump_json())


class MeetingSummary(NamedTuple):
    """One line of ``facilitator list`` and of the start screen."""

    id: str
    case_id: str
    kind: MeetingKind
    planned_start: datetime
    status: MeetingStatus
    child: str
    held_start: datetime | None = None
    """When it was held, once it has been (schema version 4)."""

    @property
    def start(self) -> datetime:
        """The day and time a list shows: when it was held, else when it is planned."""
        if self.held_start is not None and self.status is not MeetingStatus.PLANNED:
            return self.held_start
        return self.planned_start


def _private_file(path: Path) -> None:
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def _moment(text: object) -> datetime | None:
    """A moment stored by the models (ISO 8601), read past them; None when there is none
    or another program wrote something else."""
    if not isinstance(text, str):
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _row_problem(kind: object, start: object, status: object, version: object) -> str | None:
    """What is wrong with a meeting's listed columns (None: nothing), checked without the
    models: a kind or status the program does not know, a start that is not an ISO
    moment with its zone, a record version it cannot read."""
    if kind not in _KINDS:
        return "unknown kind"
    if status not in _STATUSES:
        return "unknown status"
    moment = _moment(start)
    if moment is None or moment.tzinfo is None:
        return "planned_start is not a moment with a zone"
    return _version_problem(version)


def _version_problem(version: object) -> str | None:
    if version is None:
        return None  # records from before versions were written are version 1
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        return "unknown record version"
    return None


_KINDS = frozenset(k.value for k in MeetingKind)
_STATUSES = frozenset(s.value for s in MeetingStatus)


class Store:
    def __init__(self, path: Path, timeout: float = 5.0):
        self.path = path
        self.timeout = timeout
        self._lock = threading.RLock()
        self.damaged: dict[str, Record] = {}
        """The records found damaged so far, by id: left out of what the store gives, kept
        in the file as they are."""
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        path = self.path
        ensure_private_dir(path.parent)
        if _empty(path):
            # Something truncated it: a new database made here would hide that.
            raise DatabaseUnreadable(path, "is empty (0 bytes)", Unreadable.EMPTY)
        _private_file(path)
        try:
            db = sqlite3.connect(
                path, check_same_thread=False, isolation_level=None, timeout=self.timeout
            )
        except sqlite3.Error as exc:
            raise DatabaseUnreadable(path, f"cannot be opened ({exc})", Unreadable.NOT_OURS) from None
        try:
            db.execute("PRAGMA foreign_keys = ON")
            # Deleted records are overwritten with zeros, so a deleted case leaves no text.
            db.execute("PRAGMA secure_delete = ON")
            # Read before anything is written: another program's file, or one from a newer
            # facilitator, is refused without a byte of it changed (not even its journal mode).
            check_version(db, path)
            mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            db.execute("PRAGMA synchronous = FULL")
            if mode.lower() != "wal":
                raise DatabaseUnreadable(path, f"cannot use write-ahead logging (mode {mode})", Unreadable.NO_WAL)
            migrate(db, path)
            (verdict,) = db.execute("PRAGMA quick_check(1)").fetchone()
            if verdict != "ok":
                raise DatabaseUnreadable(path, f"is damaged ({' '.join(verdict.split())})")
            for statement in _CONNECTION_STATEMENTS:
                db.execute(statement)
        except sqlite3.OperationalError as exc:
            db.close()
            if exc.sqlite_errorcode & 0xFF in _CANNOT_WRITE:
                # A healthy file in a folder (or on a disk) that cannot be written.
                raise StorageFailure("readonly", f"{path.parent} cannot be written ({exc})") from None
            raise DatabaseUnreadable(
                path, f"is not a facilitator database or is damaged ({exc})", _unreadable(exc)
            ) from None
        except sqlite3.DatabaseError as exc:
            db.close()
            raise DatabaseUnreadable(
                path, f"is not a facilitator database or is damaged ({exc})", _unreadable(exc)
            ) from None
        except DatabaseUnreadable:
            db.close()
            raise
        for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            if companion.exists() and companion.stat().st_mode & 0o077:
                companion.chmod(0o600)
        return db

    def data_version(self) -> int:
        """A number that changes whenever another connection commits: a cheap way to
        notice that the writer has saved, without reading any data."""
        with self._lock:
            try:
                return self._db.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error as exc:
                raise classify(exc) from None

    def reopen(self) -> None:
        """Connect again, creating the directory and a new database if they are gone."""
        with self._lock:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            try:
                self._db = self._connect()
            except OSError as exc:
                raise classify(exc) from None

    @classmethod
    def open(cls, data_dir: Path) -> Store:
        return cls(data_dir / DB_NAME)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_present(self) -> None:
        if not self.path.exists():
            # The directory or the file was removed under us: SQLite would go on writing
            # into an unlinked file that nobody can ever read again.
            raise StorageFailure("missing", f"{self.path} no longer exists")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; any failure of the disk or directory is a StorageFailure."""
        with self._lock:
            self._check_present()
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except (sqlite3.Error, OSError) as exc:
                raise classify(exc) from None
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                try:
                    self._db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                if isinstance(exc, sqlite3.Error | OSError):
                    raise classify(exc) from None
                raise

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError):
                    raise classify(exc) from None
                raise DatabaseUnreadable(self.path, f"is damaged ({exc})") from None

    # --- cases ------------------------------------------------------------------------

    def save_case(self, case: Case) -> None:
        self.write_case(PreparedCase.of(case))

    def write_case(self, prepared: PreparedCase) -> None:
        """Write a case serialised earlier (on another thread, as a meeting's snapshot is)."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO cases (id, status, created_at, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET status = excluded.status, data = excluded.data",
                tuple(prepared),
            )

    def load_case(self, case_id: str) -> Case:
        from facilitator.agenda.models import Case

        rows = self._query("SELECT data FROM cases WHERE id = ?", (case_id,))
        if not rows:
            raise NotFound(f"no case {case_id}")
        return self._parse(Case, rows[0][0], Record.CASE, case_id)

    def list_cases(self) -> list[Case]:
        """Every case that can be read (a damaged one is left out and noted)."""
        from facilitator.agenda.models import Case

        rows = self._query("SELECT id, data FROM cases ORDER BY created_at DESC, id")
        cases = []
        for cid, data in rows:
            try:
                cases.append(self._parse(Case, data, Record.CASE, cid))
            except RecordDamaged:
                pass
        return cases

    def add_case(self, case: Case, meetings: list[Meeting]) -> None:
        """Store a new case with its meetings in one transaction: all of it or nothing."""
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM cases WHERE id = ?", (case.id,)).fetchone():
                raise AlreadyStored(f"a case with id {case.id} is already stored")
            clash = db.execute(
                f"SELECT id FROM meetings WHERE id IN ({','.join('?' * len(meetings))})",
                [m.id for m in meetings],
            ).fetchone() if meetings else None
            if clash:
                raise AlreadyStored(f"a meeting with id {clash[0]} is already stored")
            db.execute(
                "INSERT INTO cases (id, status, created_at, data) VALUES (?, ?, ?, ?)",
                (case.id, case.status.value, case.created_at.isoformat(), case.model_dump_json()),
            )
            for number, meeting in enumerate(meetings, start=1):
                prepared = PreparedMeeting.of(meeting)
                db.execute(
                    "INSERT INTO meetings (id, case_id, kind, planned_start, status, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (prepared.id, prepared.case_id, prepared.kind, prepared.planned_start,
                     prepared.status, prepared.body),
                )
                db.execute(
                    "INSERT INTO sip_revisions (meeting_id, case_id, number, saved_wall_ns, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (prepared.id, prepared.case_id, number, 0, prepared.sip),
                )

    def has_case(self, case_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM cases WHERE id = ?", (case_id,)))

    def replace_case(self, case: Case, meetings: list[Meeting]) -> None:
        """Put ``case`` and ``meetings`` (a copy of a stored case, say one saved when the
        database could not be written) in place of what is stored, in one transaction:
        the case and each of these meetings with its SIP are replaced or added; the case's
        other meetings stay as they are. Refused (``AlreadyStored``) when one of the
        meetings belongs to another case, and (``NotFound``) when the case is not stored."""
        with self._transaction() as db:
            if not db.execute("SELECT 1 FROM cases WHERE id = ?", (case.id,)).fetchone():
                raise NotFound(f"no case {case.id}")
            for meeting in meetings:
                row = db.execute("SELECT case_id FROM meetings WHERE id = ?", (meeting.id,)).fetchone()
                if row and row[0] != case.id:
                    raise AlreadyStored(f"meeting {meeting.id} belongs to another case")
            prepared = PreparedCase.of(case)
            db.execute(
                "UPDATE cases SET status = ?, created_at = ?, data = ? WHERE id = ?",
                (prepared.status, prepared.created_at, prepared.body, case.id),
            )
            for meeting in meetings:
                item = PreparedMeeting.of(meeting)
                db.execute(
                    "INSERT INTO meeting_write (id, case_id, kind, planned_start, status, data, "
                    "sip, saved_wall_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (item.id, item.case_id, item.kind, item.planned_start, item.status, item.body, item.sip,
                     meeting.timer.saved_wall_ns or 0),
                )

    def delete_case(self, case_id: str, wipe_seconds: float = 2.0) -> bool:
        """Remove the case, its meetings and SIP revisions, and compact the file so that
        none of its text stays on disk (not in the database, not in the write-ahead log).

        True when it is wiped; False when another connection (another program, another
        window) holds a read open for longer than ``wipe_seconds``: then the case is gone
        from every list, but its text stays in the file until the last connection
        closes it (SQLite checkpoints the log then)."""
        with self._transaction() as db:
            meeting_ids = db.execute("SELECT id FROM meetings WHERE case_id = ?", (case_id,)).fetchall()
            db.execute(
                "DELETE FROM drafts WHERE meeting_id IN (SELECT id FROM meetings WHERE case_id = ?)",
                (case_id,),
            )
            db.execute("DELETE FROM sip_revisions WHERE case_id = ?", (case_id,))
            db.execute("DELETE FROM meetings WHERE case_id = ?", (case_id,))
            deleted = db.execute("DELETE FROM cases WHERE id = ?", (case_id,)).rowcount
        if not deleted:
            raise NotFound(f"no case {case_id}")
        from facilitator.store.journal import journal_path

        for (meeting_id,) in meeting_ids:  # text kept while saving failed goes too
            try:
                journal_path(self.path.parent, meeting_id).unlink(missing_ok=True)
            except OSError:
                pass
        deadline = time.monotonic() + wipe_seconds
        with self._lock:
            try:
                if not self._checkpoint(deadline):
                    return False
                self._db.execute("VACUUM")
                return self._checkpoint(deadline)
            except sqlite3.Error as exc:
                if exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    return False
                raise classify(exc) from None

    def _checkpoint(self, deadline: float) -> bool:
        """Copy the whole log into the file and empty it; retried while another
        connection's read stands in the way, until ``deadline``. True when done."""
        # A checkpoint that waits for readers waits as long as the busy timeout: short
        # waits here, so that the deadline is the one kept.
        self._db.execute("PRAGMA busy_timeout = 100")
        try:
            while True:
                busy, _, _ = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if not busy:
                    return True
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")

    # --- meetings and SIP revisions ---------------------------------------------------------

    def save_meeting(self, meeting: Meeting, saved_wall_ns: int = 0) -> None:
        """Store the meeting and its SIP (as the revision belonging to this meeting)."""
        self.write_meeting(PreparedMeeting.of(meeting, saved_wall_ns))

    def write_meeting(self, prepared: PreparedMeeting) -> None:
        """Write a meeting serialised earlier: the slow half of a save, for a worker thread.

        One statement: a trigger stores the meeting row and its SIP revision together, in
        one transaction of their own. The writer thread then takes the interpreter lock
        from the UI twice, not eight times (BEGIN, two inserts, COMMIT, each in and out),
        and each time costs the UI a wake-up."""
        with self._lock:
            self._check_present()
            try:
                self._db.execute(
                    "INSERT INTO meeting_write (id, case_id, kind, planned_start, status, data, "
                    "sip, saved_wall_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        prepared.id,
                        prepared.case_id,
                        prepared.kind,
                        prepared.planned_start,
                        prepared.status,
                        prepared.body,
                        prepared.sip,
                        prepared.saved_wall_ns,
                    ),
                )
            except (sqlite3.Error, OSError) as exc:
                raise classify(exc) from None

    def write_draft(self, meeting_id: str, fields: str, saved_wall_ns: int) -> None:
        """Store the text being typed (JSON of field name to text) until the meeting's
        next save replaces it: one statement, one transaction."""
        with self._lock:
            self._check_present()
            try:
                self._db.execute(
                    "INSERT INTO drafts (meeting_id, saved_wall_ns, data) VALUES (?, ?, ?) "
                    "ON CONFLICT(meeting_id) DO UPDATE SET saved_wall_ns = excluded.saved_wall_ns, "
                    "data = excluded.data",
                    (meeting_id, saved_wall_ns, fields),
                )
            except (sqlite3.Error, OSError) as exc:
                raise classify(exc) from None

    def saved_wall_ns(self, meeting_id: str) -> tuple[int | None, int | None]:
        """When the meeting's SIP and its draft were last written (wall clock); None for
        one that is not stored."""
        rows = self._query(
            "SELECT r.saved_wall_ns, d.saved_wall_ns FROM meetings m "
            "LEFT JOIN sip_revisions r ON r.meeting_id = m.id "
            "LEFT JOIN drafts d ON d.meeting_id = m.id WHERE m.id = ?",
            (meeting_id,),
        )
        if not rows:
            return None, None
        saved, draft = rows[0]
        return (saved if isinstance(saved, int) else 0), (draft if isinstance(draft, int) else None)

    @contextmanager
    def patience(self, seconds: float) -> Iterator[None]:
        """Wait at most ``seconds`` for a database another program holds locked (instead
        of the store's own timeout) while inside."""
        with self._lock:
            try:
                self._db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
            except sqlite3.Error as exc:
                raise classify(exc) from None
            try:
                yield
            finally:
                try:
                    self._db.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
                except sqlite3.Error:
                    pass

    def load_draft(self, meeting_id: str) -> dict[str, str]:
        """The text typed since the meeting was last saved, by field; empty when none."""
        rows = self._query("SELECT data FROM drafts WHERE meeting_id = ?", (meeting_id,))
        if not rows:
            return {}
        try:
            fields = json.loads(rows[0][0])
        except ValueError:
            return {}  # a draft is a convenience; the meeting's own row is the record
        if not isinstance(fields, dict):
            return {}
        return {k: v for k, v in fields.items() if isinstance(k, str) and isinstance(v, str)}

    def load_meeting(self, meeting_id: str) -> Meeting:
        from facilitator.agenda.models import Meeting, Sip

        rows = self._query(
            "SELECT m.data, r.data, m.kind, m.planned_start, m.status, "
            "json_extract(CASE WHEN json_valid(m.data) THEN m.data END, '$.schema_version') "
            "FROM meetings m LEFT JOIN sip_revisions r ON r.meeting_id = m.id WHERE m.id = ?",
            (meeting_id,),
        )
        if not rows:
            raise NotFound(f"no meeting {meeting_id}")
        body, sip, kind, start, status, version = rows[0]
        problem = _row_problem(kind, start, status, version)
        if problem is not None:
            raise self._damaged(Record.MEETING, meeting_id, problem)
        meeting = self._parse(Meeting, body, Record.MEETING, meeting_id)
        if sip is not None:
            meeting.sip = self._parse(Sip, sip, Record.MEETING, meeting_id)
        if meeting.kind.value != kind or meeting.planned_start.tzinfo is None:
            raise self._damaged(Record.MEETING, meeting_id, "its columns and its record differ")
        return meeting

    def meetings_of(self, case_id: str) -> list[Meeting]:
        """The case's meetings that can be read, earliest first (a damaged one is left out
        and noted in ``damaged``)."""
        ids = self._query(
            "SELECT id FROM meetings WHERE case_id = ? ORDER BY planned_start, id", (case_id,)
        )
        meetings = []
        for (mid,) in ids:
            try:
                meetings.append(self.load_meeting(mid))
            except RecordDamaged:
                pass
        return meetings

    def revisions(self, case_id: str) -> list[SipRevision]:
        """Every SIP revision of the case, oldest first."""
        from facilitator.agenda.models import Sip
        from facilitator.agenda.revisions import SipRevision

        rows = self._query(
            "SELECT r.meeting_id, r.number, r.saved_wall_ns, r.data, m.kind "
            "FROM sip_revisions r JOIN meetings m ON m.id = r.meeting_id "
            "WHERE r.case_id = ? ORDER BY r.number",
            (case_id,),
        )
        revisions = []
        for mid, number, saved, data, kind in rows:
            if kind not in _KINDS or mid in self.damaged:
                continue
            try:
                sip = self._parse(Sip, data, Record.MEETING, mid)
            except RecordDamaged:
                continue
            revisions.append(
                SipRevision(
                    case_id=case_id, meeting_id=mid, number=number, kind=MeetingKind(kind),
                    saved_wall_ns=saved, sip=sip,
                )
            )
        return revisions

    def list_meetings(self) -> list[MeetingSummary]:
        """Every meeting, running ones first, then newest first. A meeting whose columns
        or record the program cannot read, or whose case it cannot, is left out and
        noted in ``damaged`` (by id); the rest are listed."""
        rows = self._query(
            "SELECT m.id, m.case_id, m.kind, m.planned_start, m.status, "
            "json_extract(c.data, '$.child.name'), json_extract(m.data, '$.held_start'), "
            "json_type(m.data), json_extract(m.data, '$.schema_version'), "
            "json_type(c.data), json_extract(c.data, '$.schema_version') "
            "FROM meetings m JOIN cases c ON c.id = m.case_id "
            # Whether each text is JSON is asked first: json_extract stops on one that is not.
            "WHERE json_valid(m.data) AND json_valid(c.data) "
            "ORDER BY m.status = 'running' DESC, m.planned_start DESC, m.id"
        )
        self._note_invalid_json()
        summaries = []
        for mid, cid, kind, start, status, child, held, body, version, case, case_version in rows:
            if case != "object" or _version_problem(case_version) is not None or cid in self.damaged:
                self.damaged.setdefault(cid, Record.CASE)
                continue
            if body != "object" or _row_problem(kind, start, status, version) is not None or mid in self.damaged:
                self.damaged.setdefault(mid, Record.MEETING)
                continue
            summaries.append(
                MeetingSummary(
                    id=mid,
                    case_id=cid,
                    kind=MeetingKind(kind),
                    planned_start=datetime.fromisoformat(start),
                    status=MeetingStatus(status),
                    # Read past the models: cleaned here, in case another program wrote it.
                    child=clean_line(child) if isinstance(child, str) else "",
                    held_start=_moment(held),
                )
            )
        return summaries

    def _note_invalid_json(self) -> None:
        """Cases and meetings whose record is not JSON at all, noted as damaged."""
        for table, record in (("cases", Record.CASE), ("meetings", Record.MEETING)):
            for (rid,) in self._query(f"SELECT id FROM {table} WHERE NOT json_valid(data)"):
                self.damaged.setdefault(rid, record)

    def running_meeting(self) -> MeetingSummary | None:
        running = [m for m in self.list_meetings() if m.status is MeetingStatus.RUNNING]
        return running[0] if running else None

    def resolve_meeting(self, ref: str) -> str:
        """A meeting id from ``latest``, a whole id, or the unique start of one."""
        ref = ref.strip().lower()
        if ref == "latest":
            rows = self._query("SELECT id FROM meetings ORDER BY planned_start DESC, id LIMIT 1")
            if not rows:
                raise NoSuchMeeting(ref, MeetingRef.NONE_YET, "there are no meetings yet")
            return rows[0][0]
        if len(ref) < 4 or not all(c in "0123456789abcdef" for c in ref):
            raise NoSuchMeeting(
                ref, MeetingRef.BAD_REF, f"no meeting {ref!r} (give 'latest' or at least 4 characters of an id)"
            )
        rows = self._query(
            "SELECT id FROM meetings WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (ref, ref + "g"),
        )
        if not rows:
            raise NoSuchMeeting(ref, MeetingRef.UNKNOWN, f"no meeting {ref!r}")
        if len(rows) > 1:
            raise NoSuchMeeting(ref, MeetingRef.AMBIGUOUS, f"{ref!r} matches more than one meeting; give more of the id")
        return rows[0][0]

    # --- helpers -----------------------------------------------------------------------

    def _parse(self, model, data: object, record: Record, record_id: str):
        """The record as its model; ``RecordDamaged`` (noted) when it cannot be read."""
        if not isinstance(data, str | bytes):
            raise self._damaged(record, record_id, "its record is not text")
        try:
            return model.model_validate_json(upgrade_record(data))
        except (ValueError, TypeError, KeyError, RecursionError) as exc:
            # pydantic's ValidationError and json's errors are ValueErrors; an upgrade of a
            # record of the wrong shape can fail in other ways.
            raise self._damaged(record, record_id, _first_problem(exc)) from None

    def _damaged(self, record: Record, record_id: str, detail: str) -> RecordDamaged:
        self.damaged.setdefault(record_id, record)
        return RecordDamaged(record, record_id, detail)


def _empty(path: Path) -> bool:
    """The database file is there and holds nothing, nor does a write-ahead log beside it."""
    try:
        if path.stat().st_size != 0:
            return False
    except OSError:
        return False
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size == 0
    except OSError:
        return True


def _unreadable(exc: sqlite3.Error) -> Unreadable:
    """SQLITE_NOTADB: not a database at all; anything else: damaged."""
    code = getattr(exc, "sqlite_errorcode", None)
    return Unreadable.NOT_OURS if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_NOTADB else Unreadable.DAMAGED


def _first_problem(exc: Exception) -> str:
    from pydantic import ValidationError

    if isinstance(exc, ValidationError):
        error = exc.errors()[0]
        where = ".".join(str(p) for p in error["loc"]) or "record"
        return f"{where}: {error['msg']}"
    return type(exc).__name__  # a message could quote the record
