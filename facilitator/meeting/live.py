"""The live meeting: one meeting being written, outside any user interface.

It owns the session (case, meeting, timer), decides when to write (on the injected
clock), takes snapshots on the caller's thread and hands them to the writer thread, and
keeps a small state that the screens show: where the timer stands and whether
everything is saved. The meeting screen is bound to it; it knows nothing of screens.

What is typed lives in the screen's text fields until it is read into the models. The
screen lends itself as the ``Editor``: ``flush`` reads the fields into the models,
``typed`` gives the free text typed since then, without reading it in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from facilitator.agenda.clock import NS_PER_S, from_ns
from facilitator.agenda.timebox import TimerView
from facilitator.meeting.session import Draft, MeetingSession, Snapshot
from facilitator.meeting.timing import Due, SaveTiming
from facilitator.meeting.writer import RETRY_SECONDS, Writer
from facilitator.paths import BINARY, ensure_private_dir
from facilitator.store.errors import StorageFailure, classify
from facilitator.store.journal import Journal, JournalDraft, JournalEntry

if TYPE_CHECKING:
    from facilitator.agenda.models import Case, Meeting
    from facilitator.store.database import PreparedCase, PreparedMeeting
    from facilitator.store.lock import MeetingLock


STORED_WAIT_SECONDS = 1.0
"""How long an export waits (on its worker) to tell whether the database holds what the
file holds; the file is written first, whatever the answer."""
ALIVE_EVERY_NS = 5 * NS_PER_S
"""How often the window notes that it is alive (for the resume notice after a crash)."""


class Editor(Protocol):
    def flush(self) -> None:
        """Read whatever is typed but not yet in the models into the models."""

    def typed(self) -> dict[str, str]:
        """The SIP's free-text fields typed since the last flush, by name."""


class SaveStatus(NamedTuple):
    """Whether everything handed to the writer reached the disk."""

    saved_wall_ns: int | None
    """When the last save was written (wall clock), if one was."""
    failure: StorageFailure | None
    """Why the last write failed; None once a write succeeds again."""

    @property
    def failed(self) -> bool:
        return self.failure is not None


class _NoEditor:
    def flush(self) -> None:
        pass

    def typed(self) -> dict[str, str]:
        return {}


def _at_once(callback: Callable[[], None]) -> None:
    callback()


class LiveMeeting:
    def __init__(
        self,
        session: MeetingSession,
        lock: MeetingLock | None = None,
        *,
        read_only: bool = False,
        on_status: Callable[[SaveStatus], None] = lambda _: None,
        defer: Callable[[Callable[[], None]], None] = _at_once,
        retry_seconds: float = RETRY_SECONDS,
    ):
        """``on_status`` is called from the writer thread whenever a write succeeds or
        fails; ``defer`` runs a callback on a later turn of the caller's event loop, so a
        save can be split into turns that each hold the thread only briefly."""
        self.session = session
        self.lock = lock
        self.read_only = read_only
        self.timing = SaveTiming()
        self.status = SaveStatus(None, None)
        self._on_status = on_status
        self._defer = defer
        self._editor: Editor = _NoEditor()
        self._flushes = 0
        self._closed = False
        self._alive_at: int | None = None
        self.journal: Journal | None = None
        """Where the meeting's text also goes while the database cannot be written."""
        self.writer: Writer[_Epoch[Snapshot], _Epoch[Draft]] | None = None
        if not read_only:
            self.journal = Journal(session.store.path.parent, session.meeting.id)
            holding = self.journal.exists()
            self.writer = Writer(
                self._write,
                lambda item: session.write_draft(item.value),
                merge=_Epoch.merge,
                supersedes=_Epoch.supersedes,
                on_saved=self._saved,
                on_failed=self._failed,
                retry_seconds=retry_seconds,
                sink=_JournalSink(self.journal),
                holding=holding,
            )
            if holding:
                # The journal of a run that ended while the database failed, not yet
                # stored: the meeting was opened with its text, which goes to the disk now.
                self.save()

    def _write(self, item: _Epoch[Snapshot]) -> None:
        """The writer thread's write; after a new database was started in place of a
        vanished one, the meeting's lock is taken again in the new directory."""
        if self.session.write(item.value) and self.lock is not None:
            self.lock.renew()

    # --- reading ------------------------------------------------------------------------------

    @property
    def timebox(self):
        return self.session.timebox

    @property
    def clock(self):
        return self.session.clock

    def timer(self) -> TimerView:
        """Where the timer stands now, as the screens show it."""
        return TimerView.of(self.session.timebox)

    def away_seconds(self) -> float | None:
        """How long the program was away from a running meeting (a restart or a crash);
        None if the meeting was not running when it was last saved."""
        box = self.session.timebox
        saved = self.session.meeting.timer.saved_wall_ns
        if not box.running or box.finished or saved is None:
            return None
        alive = self.lock.alive_before if self.lock is not None else None
        last_seen = max(saved, alive or 0)
        return max(0, self.clock.wall_ns() - last_seen) / NS_PER_S

    # --- the editor and the timing of writes ------------------------------------------------

    def attach(
        self,
        editor: Editor,
        *,
        on_status: Callable[[SaveStatus], None] | None = None,
        defer: Callable[[Callable[[], None]], None] | None = None,
    ) -> None:
        """Bind a view: its fields are what ``flush`` and ``typed`` read; ``on_status`` is
        called from the writer thread; ``defer`` runs a callback on a later turn of the
        view's event loop."""
        self._editor = editor
        if on_status is not None:
            self._on_status = on_status
        if defer is not None:
            self._defer = defer

    def detach(self, editor: Editor) -> None:
        if self._editor is editor:
            self._editor = _NoEditor()
            self._on_status = lambda _: None
            self._defer = _at_once

    def edited(self, urgent: bool = False) -> None:
        """Something was typed or chosen. ``urgent``: it is already in the models (a
        choice, a list edit), so it is saved at once."""
        if self.writer is None:
            return
        self.timing.edited(self.clock.monotonic_ns())
        if urgent:
            self.save()

    def tick(self) -> Due:
        """Write what is due now: called often (a few times a second or more)."""
        if self.writer is None or self._closed:
            return Due.NOTHING
        now = self.clock.monotonic_ns()
        if self.lock is not None and (self._alive_at is None or now - self._alive_at >= ALIVE_EVERY_NS):
            self._alive_at = now
            self.lock.mark_alive(self.clock.wall_ns())
        due = self.timing.due(now)
        if due is Due.SAVE:
            self.autosave()
        elif due is Due.DRAFT:
            self.draft()
        return due

    def _flush(self) -> None:
        self._editor.flush()
        self._flushes += 1

    # --- writing --------------------------------------------------------------------------------

    def save(self) -> Snapshot | None:
        """Read the fields into the models and hand a snapshot to the writer, now."""
        if self.writer is None or self._closed:
            return None
        self._flush()
        self.timing.saved()
        snapshot = self.session.snapshot()
        self.writer.submit(_Epoch(self._flushes, snapshot))
        return snapshot

    def autosave(self) -> None:
        """The save after a pause in typing, in three turns of the event loop: the fields
        are read into the models, then the snapshot is taken, then it is handed to the
        writer thread (which from then on competes for the interpreter). A key pressed
        meanwhile waits for one of these, never for all."""
        if self.writer is None or self._closed:
            return
        self._flush()
        self.timing.saved()
        epoch = self._flushes

        def snapshot() -> None:
            if self._closed:
                return  # closing saved everything already
            taken = self.session.snapshot()
            self._defer(lambda: self._hand_over(_Epoch(epoch, taken)))

        self._defer(snapshot)

    def _hand_over(self, item: _Epoch[Snapshot]) -> None:
        if not self._closed and self.writer is not None:
            self.writer.submit(item)

    def draft(self) -> None:
        """Hand the free text typed since the last save to the writer, for the room view
        (and for a restart after a crash)."""
        if self.writer is None or self._closed:
            return
        self.timing.drafted()
        fields = self._editor.typed()
        if fields:
            self.writer.submit_draft(_Epoch(self._flushes, self.session.draft(fields)))

    def wait_saved(self, timeout: float | None = None) -> bool:
        """Block until the writer has written everything handed to it."""
        return True if self.writer is None else self.writer.wait_idle(timeout)

    def _saved(self, item: _Epoch[Snapshot]) -> None:
        self.status = SaveStatus(item.value.meeting.saved_wall_ns, None)
        self._on_status(self.status)

    def _failed(self, error: Exception) -> None:
        failure = error if isinstance(error, StorageFailure) else classify(error)
        self.status = SaveStatus(self.status.saved_wall_ns, failure)
        self._on_status(self.status)

    # --- the timer ------------------------------------------------------------------------------

    def toggle_timer(self) -> bool:
        running = self.session.toggle_timer()
        self.save()
        return running

    def close_step(self) -> bool:
        """Close the step (what was typed in it first goes into the models) and start the next."""
        self._flush()
        finished = self.session.close_step()
        self.save()
        return finished

    def reopen_previous(self) -> None:
        """Go back a step; raises ``TimeboxError`` at the first."""
        self._flush()
        self.session.reopen_previous()
        self.save()

    def add_minute(self) -> None:
        self.session.add_minute()
        self.save()

    def rebalance(self) -> None:
        self.session.rebalance()
        self.save()

    def toggle_child_room(self) -> bool:
        """The room views to the child's view or back: saved with the meeting (by the
        writer thread), which is how the room views in other processes learn of it."""
        on = self.session.toggle_child_room()
        self.save()
        return on

    # --- exporting and closing -----------------------------------------------------------------

    def held(self, flush: bool = True) -> Held:
        """The meeting and its case as this program holds them now, the fields read in
        first (the words typed last included; ``flush=False`` when a save just read
        them): serialised on the caller's thread (the one that owns the fields and the
        models), for ``export`` on another."""
        from facilitator.store.database import PreparedCase, PreparedMeeting

        if flush and self.writer is not None and not self._closed:
            self._flush()
        return Held(PreparedMeeting.of(self.session.meeting), PreparedCase.of(self.session.case))

    def export(self, fmt: str, held: Held | None = None, now: datetime | None = None) -> Exported:
        """Write the SIP, as ``held`` holds it (taken by ``held`` on the thread that owns
        the fields), to a file in the export folder, owner-only; blocking, for a worker
        thread. The file never waits for the database: it holds what was typed whether or
        not that is stored yet, and ``Exported.stored`` says whether it is. Raises the
        store's error when the store cannot be read for the SIP's revisions, and
        ``OSError`` when the file cannot be written."""
        from facilitator.documents import export_folder, sip_export, write_private

        if held is None:
            held = self.held()
        case, meeting = held.models()
        folder = export_folder(self.session.store)
        ensure_private_dir(folder)
        when = now or from_ns(self.clock.wall_ns())
        exported = sip_export(
            self.session.store, case, meeting, fmt, when, held=True, revisions=self.session.revisions
        )
        path = folder / exported.filename
        write_private(path, exported.data)
        # Whether the database holds it too: a healthy disk stores it in a moment, and
        # this waits on the worker's thread, never on the screen's.
        if self.wait_saved(STORED_WAIT_SECONDS):
            return Exported(path, True, None)
        return Exported(path, False, self.status.failure)

    def write_copy(self, path: Path) -> None:
        """Write the case and this meeting, as they stand in memory, to a new file of the
        user's choosing (JSON, owner-only, never over an existing file): the way out when
        the database cannot be written. Raises ``OSError`` when the file cannot be made
        or written whole; then no file is left there."""
        from facilitator.export.jsondoc import to_json

        self._flush()
        data = to_json(self.session.case, [self.session.meeting]).encode("utf-8")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | BINARY, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            # The file is ours (made just now): a copy that is not whole is no copy, and
            # the name stays free for the next try.
            try:
                os.unlink(path)
            except OSError:
                pass
            raise

    def abandon(self) -> None:
        """Stop writing and let the meeting go, written or not (after a copy was saved)."""
        if self.writer is not None:
            self.writer.abandon()
        self._release()

    def close(self, timeout: float = 5.0, save: bool = True) -> bool:
        """Save everything and stop the writer; True when all of it reached the disk.
        When it did not, the writer goes on trying and the meeting stays open: call again.
        ``save=False``: the caller saved just before (on the thread that owns the fields)
        and waits here on another thread."""
        if self.writer is None or self.writer.stopped:
            self._release()
            return True
        if save:
            self.save()
        if not self.writer.stop(timeout):
            return False  # still open: typing and saving go on
        self._release()
        return True

    @property
    def closed(self) -> bool:
        return self._closed

    def _release(self) -> None:
        self._closed = True
        if self.lock is not None:
            self.lock.release()


class Held(NamedTuple):
    """The meeting and its case as the program held them at one instant, serialised."""

    meeting: PreparedMeeting
    case: PreparedCase

    def models(self) -> tuple[Case, Meeting]:
        """New models of what was held (for another thread: nobody else changes them)."""
        from facilitator.agenda.models import Case, Meeting, Sip

        meeting = Meeting.model_validate_json(self.meeting.body)
        meeting.sip = Sip.model_validate_json(self.meeting.sip)
        return Case.model_validate_json(self.case.body), meeting


class Exported(NamedTuple):
    """A file the live meeting exported."""

    path: Path
    stored: bool
    """The database holds what the file holds, too."""
    failure: StorageFailure | None
    """Why the database does not hold it yet, when a write has failed (it is retried);
    None while the first write is still under way."""


class _JournalSink:
    """The writer's second place: the meeting's journal file (on the writer's journal thread)."""

    def __init__(self, journal: Journal):
        self.journal = journal

    def keep(self, snapshot: _Epoch | None, draft: _Epoch | None) -> None:
        taken: Snapshot | None = snapshot.value if snapshot is not None else None
        typed: Draft | None = draft.value if draft is not None else None
        entry = JournalEntry(
            meeting_id=self.journal.meeting_id,
            meeting=taken.meeting if taken is not None else None,
            case=taken.case if taken is not None else None,
            case_changed=taken.case_changed if taken is not None else False,
            booked=taken.booked if taken is not None else None,
            draft=JournalDraft(typed.fields, typed.saved_wall_ns) if typed is not None else None,
        )
        self.journal.write(entry)

    def clear(self) -> None:
        self.journal.remove()


class _Epoch(NamedTuple):
    """A snapshot or a draft with the number of the flush it follows: a snapshot holds the
    text of every draft taken before its flush, not of one taken after."""

    flushes: int
    value: object

    @staticmethod
    def merge(newer: _Epoch, older: _Epoch) -> _Epoch:
        return _Epoch(newer.flushes, newer.value.after(older.value))

    @staticmethod
    def supersedes(snapshot: _Epoch, draft: _Epoch) -> bool:
        return snapshot.flushes > draft.flushes
