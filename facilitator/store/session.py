"""A meeting in progress: the case, the meeting, its timer, and how it is saved.

The UI calls the timer operations and edits the models; ``snapshot`` serialises the
meeting at one instant (cheap, on the UI thread) and ``write`` stores a snapshot (the
slow part, for a worker thread), so typing never waits for the disk.
"""

from __future__ import annotations

from facilitator.agenda.clock import Clock
from facilitator.agenda.meetings import sync_status, timebox_for
from facilitator.agenda.models import Case, Meeting
from facilitator.agenda.timebox import Timebox
from facilitator.store.database import PreparedMeeting, Store
from facilitator.store.errors import StorageFailure


class MeetingSession:
    def __init__(self, store: Store, case: Case, meeting: Meeting, clock: Clock):
        self.store = store
        self.case = case
        self.meeting = meeting
        self.clock = clock
        self.timebox: Timebox = timebox_for(meeting, clock)

    @classmethod
    def load(cls, store: Store, meeting_id: str, clock: Clock) -> MeetingSession:
        meeting = store.load_meeting(meeting_id)
        return cls(store, store.load_case(meeting.case_id), meeting, clock)

    # --- the timer, keeping the meeting's status in step ----------------------------------

    def toggle_timer(self) -> bool:
        running = self.timebox.toggle()
        sync_status(self.meeting, self.timebox)
        return running

    def close_step(self) -> bool:
        finished = self.timebox.close_step()
        sync_status(self.meeting, self.timebox)
        return finished

    def reopen_previous(self) -> None:
        self.timebox.reopen_previous()
        sync_status(self.meeting, self.timebox)

    def add_minute(self) -> None:
        self.timebox.add_time()

    def rebalance(self) -> None:
        self.timebox.rebalance()

    # --- saving --------------------------------------------------------------------------

    def snapshot(self) -> PreparedMeeting:
        self.timebox.checkpoint()
        return PreparedMeeting.of(self.meeting, self.clock.wall_ns())

    def write(self, prepared: PreparedMeeting) -> None:
        """Write a snapshot. If the database file has vanished (its directory removed),
        start a new one in the same place with this case and meeting, which are whole in
        memory; if that cannot be done either, the failure goes to the caller to retry."""
        try:
            self.store.write_meeting(prepared)
        except StorageFailure as failure:
            if failure.reason != "missing":
                raise
            self.store.reopen()
            self.store.save_case(self.case)
            self.store.write_meeting(prepared)

    def save_now(self) -> None:
        self.write(self.snapshot())

    def save_case(self) -> None:
        self.store.save_case(self.case)
