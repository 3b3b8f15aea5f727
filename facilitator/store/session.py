"""A meeting in progress: the case, the meeting, its timer, and how it is saved.

The UI calls the timer operations and edits the models; ``snapshot`` serialises the
meeting at one instant (cheap, on the UI thread) and ``write`` stores a snapshot (the
slow part, for a worker thread), so typing never waits for the disk.
"""

from __future__ import annotations

from facilitator.agenda.clock import Clock
from facilitator.agenda.meetings import new_participants, sync_status, timebox_for
from facilitator.agenda.models import Case, CaseStatus, Meeting, MeetingKind, SkipRule
from facilitator.agenda.timebox import Timebox
from facilitator.store.database import PreparedMeeting, Store
from facilitator.store.errors import StorageFailure


class MeetingSession:
    def __init__(
        self,
        store: Store,
        case: Case,
        meeting: Meeting,
        clock: Clock,
        previous: Meeting | None = None,
    ):
        self.store = store
        self.case = case
        self.meeting = meeting
        self.clock = clock
        self.previous = previous
        """The case's meeting before this one: who attended, what the SIP said."""
        self.timebox: Timebox = timebox_for(meeting, clock)
        self.case_dirty = False

    @classmethod
    def load(cls, store: Store, meeting_id: str, clock: Clock) -> MeetingSession:
        meeting = store.load_meeting(meeting_id)
        earlier = [
            m
            for m in store.meetings_of(meeting.case_id)
            if (m.planned_start, m.id) < (meeting.planned_start, meeting.id)
        ]
        previous = earlier[-1] if earlier else None
        return cls(store, store.load_case(meeting.case_id), meeting, clock, previous)

    # --- the timer, keeping the meeting's status in step ----------------------------------

    def toggle_timer(self) -> bool:
        running = self.timebox.toggle()
        sync_status(self.meeting, self.timebox)
        return running

    def close_step(self) -> bool:
        """Close the step; a step that only runs for new participants is skipped (its
        minutes go to the steps after it) when nobody new attends. At the end of the
        meeting the lots goes into the case's history, and a closing meeting closes the case."""
        following = self.timebox.pending_after_current()
        if following:
            upcoming = self.meeting.steps[following[0]]
            if (
                upcoming.skip_unless is SkipRule.NEW_PARTICIPANTS
                and len(following) > 1
                and not new_participants(self.meeting, self.previous)
            ):
                self.timebox.skip(following[0])
        finished = self.timebox.close_step()
        sync_status(self.meeting, self.timebox)
        if finished:
            self._finish()
        return finished

    def _finish(self) -> None:
        changed = self.case.record_lots(self.meeting.sip.navigator, self.meeting.planned_start.date())
        if self.meeting.kind is MeetingKind.CLOSING and self.case.status is not CaseStatus.CLOSED:
            self.case.status = CaseStatus.CLOSED
            changed = True
        if changed:
            self.case_dirty = True  # written with the next snapshot, by the writer thread

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
            if self.case_dirty:
                self.store.save_case(self.case)
                self.case_dirty = False
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
