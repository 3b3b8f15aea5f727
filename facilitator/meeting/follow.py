"""What the room view shows: the meeting that is open for writing, read from the store.

The room view runs in its own process (a second terminal on the projector, or a
browser). It follows the meeting whose writer holds its lock, never another one: two
meetings marked running (one left running last week) never confuse it. It notices a
save by ``PRAGMA data_version``, so nothing is read unless the writer wrote; the
meeting comes with the text typed since its last save (its draft).

- Nothing open for writing: wait, and say which meetings are marked running, if any.
- Showing a meeting whose window closes (a restart): keep showing it.
- Asked for one meeting (``facilitator room MEETING``): show it, and move on to a later
  meeting of the same case when that is opened for writing.
- The database file replaced (the data directory removed and made anew, where the writer
  starts a new database with the open meeting): the file is known by its identity on
  disk, and a new one is opened once it is there; until then the wall keeps what it had.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from facilitator.agenda.models import Case, Meeting, MeetingStatus, apply_draft
from facilitator.store.database import MeetingSummary, Store
from facilitator.store.errors import NotFound, StoreError
from facilitator.store.lock import writing_meetings

WRITERS_EVERY_POLLS = 10
"""How often to look again for a writer when nothing was saved meanwhile: every tenth
poll (half a second at the room view's pace)."""


class Waiting(NamedTuple):
    """No meeting to show. ``running``: meetings marked running that no window writes in."""

    running: list[MeetingSummary]


class Showing(NamedTuple):
    case: Case
    meeting: Meeting


RoomUpdate = Waiting | Showing


class RoomFeed:
    def __init__(self, store: Store, wanted: str | None = None):
        self.store = store
        self.wanted = wanted
        self.showing: str | None = None
        self._version: int | None = None
        self._polls = 0
        self._last: RoomUpdate | None = None
        self._identity = _identity(store.path) or (0, 0, 0)

    def _reopen_if_replaced(self) -> bool:
        """Connect to the database at the store's path when it is another file than the
        one read so far (and not an empty one the writer is still making); True if so."""
        identity = _identity(self.store.path)
        if identity is None or identity[:2] == self._identity[:2] or identity[2] == 0:
            return False
        self.store.reopen()  # a StoreError: the old file stays forgotten, tried again next poll
        self._identity = identity
        self._version = None
        return True

    @property
    def data_dir(self) -> Path:
        return self.store.path.parent

    def poll(self) -> RoomUpdate | None:
        """What to show now, or None when nothing changed since the last answer."""
        self._polls += 1
        try:
            self._reopen_if_replaced()
            version = self.store.data_version()
        except StoreError:
            return None  # try again at the next poll
        if version == self._version and self._polls % WRITERS_EVERY_POLLS:
            return None
        try:
            target = self._target()
            update = self._load(target) if target is not None else Waiting(self._running())
        except StoreError:
            return None
        self._version = version
        if update == self._last:
            return None
        self._last = update
        self.showing = target if isinstance(update, Showing) else None
        return update

    def _target(self) -> str | None:
        writing = writing_meetings(self.data_dir)
        if self.wanted is not None:
            later = self._later_of_same_case(self.wanted, writing)
            if later is not None:
                self.wanted = later
            return self.wanted
        if self.showing in writing:
            return self.showing
        if len(writing) == 1:
            return writing[0]
        if self.showing is not None:
            # Several windows write, or none: stay with the meeting on the wall, unless a
            # later meeting of its case is being written.
            return self._later_of_same_case(self.showing, writing) or self.showing
        return None

    def _later_of_same_case(self, meeting_id: str, writing: list[str]) -> str | None:
        if not writing:
            return None
        summaries = {m.id: m for m in self.store.list_meetings()}
        shown = summaries.get(meeting_id)
        if shown is None:
            return None
        later = [
            summaries[w]
            for w in writing
            if w in summaries
            and summaries[w].case_id == shown.case_id
            and (summaries[w].planned_start, w) > (shown.planned_start, shown.id)
        ]
        return max(later, key=lambda m: (m.planned_start, m.id)).id if later else None

    def _running(self) -> list[MeetingSummary]:
        return [m for m in self.store.list_meetings() if m.status is MeetingStatus.RUNNING]

    def _load(self, meeting_id: str) -> RoomUpdate:
        try:
            meeting = self.store.load_meeting(meeting_id)
        except NotFound:
            # Deleted meanwhile (the case was deleted): nothing to show.
            if self.wanted == meeting_id:
                self.wanted = None
            return Waiting(self._running())
        apply_draft(meeting.sip, self.store.load_draft(meeting_id))
        return Showing(self.store.load_case(meeting.case_id), meeting)


def _identity(path: Path) -> tuple[int, int, int] | None:
    """Which file is at ``path`` (device and inode; on Windows its file index), with its
    size; None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_dev, stat.st_ino, stat.st_size


class ChildMode:
    """Whether a room view shows the child's view or the professionals' one.

    The latest choice wins. The writer's switch (stored with the meeting) is followed
    whenever it changes; the room's own choice (``facilitator room --barn``, or its key)
    holds until then. A room without a choice of its own shows what the meeting's switch
    says when it first sees the meeting, so a room view started or restarted later
    shows what the others show.
    """

    def __init__(self, chosen: bool | None = None):
        """``chosen``: the room's own choice when it starts (None: none, follow the meeting)."""
        self.on = bool(chosen)
        self._own = chosen is not None
        self._seen: tuple[str, bool] | None = None

    def choose(self, on: bool) -> None:
        """The room's own key: holds until the writer's switch changes."""
        self.on = on
        self._own = True

    def follow(self, meeting: Meeting) -> bool:
        """The meeting as last read: returns whether the child's view is shown."""
        seen = (meeting.id, meeting.child_room)
        if seen != self._seen:
            same_meeting = self._seen is not None and self._seen[0] == meeting.id
            self._seen = seen
            if same_meeting or not self._own:
                self.on = meeting.child_room
        return self.on
