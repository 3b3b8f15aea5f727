"""A form filled in outside a meeting (the case form, the new-meeting form), kept as the
meeting is: what is typed goes to a draft file a moment after each pause in typing, and
what is saved is stored by a writer thread that retries while the database fails.

The draft and the record have a thread each, so a database that is locked or full never
holds up the draft: a ``kill -9`` costs at most about a second of typing, fault or not.
The draft file lives in ``forms/`` in the data directory, owner-only, and goes once
the record that holds it is stored (or the typing is thrown away on purpose); on the
next start a draft left behind is offered back. While a form is open its draft is
locked, so a second window started meanwhile leaves it alone.

No user interface here: the form lends its fields' values (``values``) and is told,
from the writer threads, when its record was stored or why not.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar
from uuid import uuid4

from facilitator.agenda.clock import Clock
from facilitator.meeting.timing import Due, SaveTiming
from facilitator.meeting.writer import RETRY_SECONDS, Writer
from facilitator.paths import BINARY, ensure_private_dir
from facilitator.store.errors import StorageFailure, classify
from facilitator.store.lock import MeetingLock, is_held

FORMS_DIR = "forms"
PREFIX = "form-"
SUFFIX = ".json"
DRAFT_LIMIT = 4 * 1024 * 1024
"""A draft file larger than this is not one of ours (the forms hold a few fields)."""

CASE = "case"
MEETING = "meeting"
FORMS = (CASE, MEETING)

R = TypeVar("R")
Values = dict[str, object]


class FormDraft(NamedTuple):
    """What a form held when it was last drafted: its fields' values by the field's id."""

    key: str
    """The form's own name (its file's); a form offered back keeps it."""
    form: str
    """``CASE`` or ``MEETING``."""
    case_id: str | None
    """The case changed, or the one the meeting is planned for; None for a new case."""
    new_id: str | None
    """The id a new case is stored under, so that storing it twice stores it once."""
    values: Values
    saved_wall_ns: int

    def to_json(self) -> str:
        return json.dumps(self._asdict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> FormDraft | None:
        """The draft a file holds; None when it holds something else."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        key, form, values = data.get("key"), data.get("form"), data.get("values")
        case_id, new_id, wall = data.get("case_id"), data.get("new_id"), data.get("saved_wall_ns")
        if not (isinstance(key, str) and key.isalnum() and form in FORMS and isinstance(values, dict)):
            return None
        if not all(v is None or isinstance(v, str) for v in (case_id, new_id)) or not isinstance(wall, int):
            return None
        kept = {k: v for k, v in values.items() if isinstance(k, str) and _plain(v)}
        return cls(key, form, case_id, new_id, kept, wall)


def _plain(value: object) -> bool:
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return isinstance(value, str | bool)


def new_key() -> str:
    return uuid4().hex


class FormDrafts:
    """The draft files of a data directory."""

    def __init__(self, data_dir: Path):
        self.folder = data_dir / FORMS_DIR

    def path(self, key: str) -> Path:
        return self.folder / f"{PREFIX}{key}{SUFFIX}"

    def lock_path(self, key: str) -> Path:
        return self.folder / f"{PREFIX}{key}.lock"

    def write(self, draft: FormDraft) -> None:
        """Replace the form's draft file whole (a new file, synced, then renamed over the
        old one): a kill at any instant leaves the old draft or the new one."""
        ensure_private_dir(self.folder)
        path = self.path(draft.key)
        temporary = path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | BINARY, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(draft.to_json().encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)

    def remove(self, key: str) -> None:
        try:
            self.path(key).unlink()
        except FileNotFoundError:
            pass

    def read(self, key: str) -> FormDraft | None:
        path = self.path(key)
        try:
            if not path.is_file() or path.stat().st_size > DRAFT_LIMIT:
                return None
            return FormDraft.from_json(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError):
            return None

    def left_behind(self) -> list[FormDraft]:
        """The drafts no open window is filling in, the newest first."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return []
        drafts = []
        for name in names:
            if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
                continue
            key = name[len(PREFIX) : -len(SUFFIX)]
            if is_held(self.lock_path(key)):
                continue
            draft = self.read(key)
            if draft is not None and draft.key == key:
                drafts.append(draft)
        return sorted(drafts, key=lambda d: d.saved_wall_ns, reverse=True)

    def lock(self, key: str) -> MeetingLock | None:
        """Hold the draft's lock while its form is open; None when that cannot be done
        (the folder cannot be written: the draft's own writes will say so)."""
        try:
            ensure_private_dir(self.folder)
            lock = MeetingLock.at(self.lock_path(key))
            return lock if lock.acquire(patience=0) else None
        except OSError:
            return None


class _Item(NamedTuple):
    """A draft to write (``draft``) or to remove (None), numbered in the order handed over."""

    seq: int
    draft: FormDraft | None

    @staticmethod
    def newest(newer: _Item, older: _Item) -> _Item:
        return newer if newer.seq >= older.seq else older


class _Record(NamedTuple):
    seq: int
    record: object
    values: Values


class KeptForm(Generic[R]):
    """One open form: when to draft it, its two writer threads, and what is stored."""

    def __init__(
        self,
        drafts: FormDrafts,
        form: str,
        write: Callable[[R], None],
        clock: Clock,
        *,
        case_id: str | None = None,
        new_id: str | None = None,
        key: str | None = None,
        retry_seconds: float = RETRY_SECONDS,
    ):
        """``write`` stores the form's record (on the writer thread); ``key``: the draft
        this form takes over (one offered back after a restart), else a new one."""
        self.drafts = drafts
        self.form = form
        self.case_id = case_id
        self.new_id = new_id
        self.key = key or new_key()
        self.clock = clock
        self.timing = SaveTiming()
        self._write_record = write
        self._values: Callable[[], Values] = dict
        self._on_stored: Callable[[Values, object], None] = lambda values, record: None
        self._on_failed: Callable[[StorageFailure], None] = lambda failure: None
        self._seq = 0
        self._handed: Values | None = None
        """The values last handed to either writer: nothing new to draft while they hold."""
        self._latest_draft = 0
        self._lock = drafts.lock(self.key)
        self._guard = threading.Lock()
        self._drafts: Writer[_Item, None] = Writer(
            self._write_draft, lambda _: None, merge=_Item.newest, retry_seconds=retry_seconds
        )
        self._records: Writer[_Record, None] = Writer(
            self._store,
            lambda _: None,
            on_saved=self._stored,
            on_failed=self._failed,
            retry_seconds=retry_seconds,
        )
        self.failure: StorageFailure | None = None
        self.storing = False
        """A record was handed over and is not stored yet."""

    def attach(
        self,
        values: Callable[[], Values],
        *,
        on_stored: Callable[[Values, object], None],
        on_failed: Callable[[StorageFailure], None],
        handed: Values | None = None,
    ) -> None:
        """Bind the form: ``values`` reads its fields (on the UI thread); ``on_stored`` and
        ``on_failed`` are called from the writer thread. ``handed``: the values the draft
        file holds already (a form offered back), or that are stored already."""
        self._values = values
        self._on_stored = on_stored
        self._on_failed = on_failed
        self._handed = handed

    # --- typing and drafting ----------------------------------------------------------------

    def edited(self) -> None:
        self.timing.edited(self.clock.monotonic_ns())

    def tick(self) -> None:
        """Draft what is due: called a few times a second."""
        if self.timing.due(self.clock.monotonic_ns()) is not Due.NOTHING:
            self.draft()

    def draft(self) -> None:
        """Hand the fields' values to the draft writer, now, if they changed."""
        self.timing.saved()
        values = self._values()
        if values == self._handed or self._drafts.stopped:
            return
        self._hand_draft(values)

    def _hand_draft(self, values: Values) -> None:
        self._handed = values
        draft = FormDraft(self.key, self.form, self.case_id, self.new_id, values, self.clock.wall_ns())
        with self._guard:
            self._seq += 1
            self._latest_draft = self._seq
            self._drafts.submit(_Item(self._seq, draft))

    def _write_draft(self, item: _Item) -> None:
        if item.draft is None:
            self.drafts.remove(self.key)
        else:
            self.drafts.write(item.draft)

    # --- storing ----------------------------------------------------------------------------

    def store(self, record: R, values: Values) -> None:
        """Store ``record`` (made from ``values``) on the writer thread, retried until it is
        stored; the draft goes once it is, unless more was typed meanwhile."""
        if self._records.stopped:
            return
        # The draft holds what is stored until the store succeeds: a kill while the
        # database fails loses nothing.
        self.timing.saved()
        if values != self._handed:
            self._hand_draft(values)
        with self._guard:
            self._seq += 1
            seq = self._seq
        self.storing = True
        self._records.submit(_Record(seq, record, values))

    def _store(self, item: _Record) -> None:
        self._write_record(item.record)

    def _stored(self, item: _Record) -> None:
        with self._guard:
            if self._latest_draft < item.seq and not self._drafts.stopped:
                self._drafts.submit(_Item(item.seq, None))
        if self._records.idle():
            self.storing = False
        self.failure = None
        self._on_stored(item.values, item.record)

    def _failed(self, error: Exception) -> None:
        self.failure = error if isinstance(error, StorageFailure) else classify(error)
        self._on_failed(self.failure)

    # --- closing ----------------------------------------------------------------------------

    def keep(self, timeout: float = 2.0) -> bool:
        """Quitting with the form open: its last values to the draft file, the store given
        up (the draft holds it, to be offered back). Blocking: for a thread. True when the
        draft file holds everything."""
        if not self._drafts.wait_idle(timeout):
            return False  # still open: drafting and storing go on
        self._records.abandon(timeout)
        self._drafts.abandon(timeout)
        self._release()
        return True

    def discard(self, timeout: float = 2.0) -> None:
        """The typing is thrown away on purpose: no store, no draft. Blocking: for a thread."""
        self._records.abandon(timeout)
        with self._guard:
            self._seq += 1
            if not self._drafts.stopped:
                self._drafts.submit(_Item(self._seq, None))
        self._drafts.stop(timeout)
        self._release()

    def close(self, timeout: float = 2.0) -> None:
        """The form closes with everything stored: the draft's removal finished, the
        threads stopped. Blocking: for a thread."""
        self._records.stop(timeout)
        self._drafts.stop(timeout)
        self._release()

    def abandon(self) -> None:
        """Stop both threads now (the app ends under the form)."""
        self._records.abandon(0.5)
        self._drafts.abandon(0.5)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
            try:
                self.drafts.lock_path(self.key).unlink()
            except OSError:
                pass  # held open by a probe on Windows, or gone already
