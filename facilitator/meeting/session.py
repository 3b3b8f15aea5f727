"""A meeting in progress: the case, the meeting, its timer, and how it is written.

The timer operations keep the meeting's status in step with its timer. ``snapshot``
serialises the meeting *and* the case at one instant, on the caller's thread (cheap);
``write`` stores a snapshot (the slow part, for the writer thread), so typing never
waits for the disk and the writer never reads a model the UI is changing.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from facilitator.agenda.clock import Clock, from_ns
from facilitator.agenda.meetings import hold, new_participants, plan_booked_next, sync_status, timebox_for
from facilitator.agenda.models import (
    Case,
    CaseStatus,
    Meeting,
    MeetingKind,
    SkipRule,
    apply_draft,
)
from facilitator.agenda.templates import Agendas
from facilitator.agenda.timebox import Timebox
from facilitator.store.database import PreparedCase, PreparedMeeting, Store
from facilitator.store.errors import StorageFailure, StoreError
from facilitator.store.journal import Journal, JournalEntry, replay

if TYPE_CHECKING:
    from facilitator.agenda.revisions import SipRevision


class Snapshot(NamedTuple):
    """The meeting and its case, serialised at one instant."""

    meeting: PreparedMeeting
    case: PreparedCase
    case_changed: bool
    """The case differs from what was last handed to the writer (a new lots, closed)."""
    booked: PreparedMeeting | None = None
    """The next meeting, planned when this one ended (as its SIP booked it)."""

    def after(self, older: Snapshot) -> Snapshot:
        """This snapshot, replacing ``older`` that was never written: a case change or a
        booked meeting in ``older`` must still reach the disk."""
        merged = self
        if older.case_changed and not merged.case_changed:
            merged = merged._replace(case_changed=True)
        if older.booked is not None and merged.booked is None:
            merged = merged._replace(booked=older.booked)
        return merged


class Draft(NamedTuple):
    """The free text of the SIP as typed, not yet saved with the meeting."""

    meeting_id: str
    fields: str
    """JSON: field name to text."""
    saved_wall_ns: int


class MeetingSession:
    def __init__(
        self,
        store: Store,
        case: Case,
        meeting: Meeting,
        clock: Clock,
        previous: Meeting | None = None,
        agendas: Agendas | None = None,
    ):
        self.store = store
        self.agendas = agendas
        """The agendas as checked when the app started, for the meeting the SIP books:
        nothing read from a file at the end of the meeting."""
        self.case = case
        self.meeting = meeting
        self.clock = clock
        self.previous = previous
        """The case's meeting before this one: who attended, what the SIP said."""
        self.timebox: Timebox = timebox_for(meeting, clock)
        self._case_changed = False
        # Everyone and everything of the meeting belongs to one of the case's verksamheter.
        if case.adopt(meeting):
            self._case_changed = True
        self.booked: Meeting | None = None
        """The meeting this one's SIP booked, planned when it ended."""
        self._booked_unsaved = False
        self.revisions: list[SipRevision] | None = None
        """The case's SIP revisions as stored when the meeting was opened (``load``), for
        an export that never waits for the database; None: read them when needed."""
        self.others: list[tuple[str, datetime]] | None = None
        """The case's other meetings (id, planned start) as stored when the meeting was
        opened (``load``): what the booked next meeting is planned against, so ending the
        meeting reads nothing on the thread that ends it; None: read them then."""

    @classmethod
    def load(
        cls, store: Store, meeting_id: str, clock: Clock, agendas: Agendas | None = None, *, own: bool = True
    ) -> MeetingSession:
        """The meeting as last saved, with any text typed after that save (its draft).
        ``own``: this window writes the meeting, so a journal left by a run that ended
        while the database failed is stored first, or, when it still cannot be, the
        meeting carries the journal's text (the live meeting then saves it)."""
        entry = None
        if own:
            journal = Journal(store.path.parent, meeting_id)
            if journal.exists() and not replay(store, journal):
                entry = journal.read()
        meeting = store.load_meeting(meeting_id)
        apply_draft(meeting.sip, store.load_draft(meeting_id))
        case = store.load_case(meeting.case_id)
        case_changed = False
        if entry is not None:
            meeting, case, case_changed = _from_journal(store, entry, meeting, case)
        stored = store.meetings_of(meeting.case_id)
        earlier = [m for m in stored if (m.planned_start, m.id) < (meeting.planned_start, meeting.id)]
        previous = earlier[-1] if earlier else None
        session = cls(store, case, meeting, clock, previous, agendas)
        session.revisions = store.revisions(case.id)
        session.others = [(m.id, m.planned_start) for m in stored if m.id != meeting.id]
        if case_changed:
            session.case_changed()
        return session

    # --- the timer, keeping the meeting's status in step ----------------------------------

    def hold(self) -> None:
        """The meeting is being held now: called before the timer is first started (F5,
        or F4 on the first step), so the paper carries the day it was held."""
        hold(self.meeting, from_ns(self.clock.wall_ns()))

    def toggle_timer(self) -> bool:
        self.hold()
        running = self.timebox.toggle()
        sync_status(self.meeting, self.timebox)
        return running

    def close_step(self) -> bool:
        """Close the step; a step that only runs for new participants is skipped (its
        minutes go to the steps after it) when nobody new attends. At the end of the
        meeting the lots goes into the case's history, and a closing meeting closes the case."""
        self.hold()  # closing the first step starts the timer too
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
        self._plan_booked()
        changed = self.case.record_lots(self.meeting.sip.navigator, self.meeting.day)
        if self.meeting.kind is MeetingKind.CLOSING and self.case.status is not CaseStatus.CLOSED:
            self.case.status = CaseStatus.CLOSED
            changed = True
        if changed:
            self.case_changed()

    def _plan_booked(self) -> None:
        """Plan the next meeting as the SIP books it, unless the case has one already."""
        others = self.others
        if others is None:
            try:
                others = [(m.id, m.planned_start) for m in self.store.list_meetings() if m.case_id == self.case.id]
            except StoreError:
                others = []
        booked = plan_booked_next(self.case, self.meeting, others, self.agendas)
        if booked is not None:
            self.booked = booked
            self._booked_unsaved = True

    def case_changed(self) -> None:
        """The case was changed in memory: the next snapshot carries it to the disk."""
        self._case_changed = True

    def adopt(self) -> None:
        """Tie everyone and everything of the meeting to the case's verksamheter (a
        verksamhet typed that the case lacks is added)."""
        if self.case.adopt(self.meeting):
            self.case_changed()

    def assign_organisation(self, holder, name: str) -> None:
        """``holder`` (a person, an insats, the lots or the huvudansvarig) belongs to the
        case's verksamhet called ``name``, as picked or typed; a new one is added to the
        case on the spot."""
        before = len(self.case.organisations)
        self.case.assign(holder, name)
        if len(self.case.organisations) != before:
            self.case_changed()

    def widen_consent(self, organisation_id: str, agreed_by: str) -> None:
        """The family agrees, in the meeting, that the consent covers ``organisation_id``
        too: recorded with who agreed and the day, and in the case's history."""
        from facilitator.agenda.models import CaseEvent, CaseEventKind

        today = from_ns(self.clock.wall_ns()).date()
        self.case.widen(organisation_id, today, agreed_by)
        self.case.history = [
            *self.case.history,
            CaseEvent(
                on=today,
                kind=CaseEventKind.CONSENT_WIDENED,
                meeting_id=self.meeting.id,
                note=self.case.organisation_name(organisation_id),
            ),
        ]
        self.case_changed()

    def reopen_finished(self) -> int:
        """Open a finished meeting again for changes, deliberately: its signatures no longer
        hold (they are cleared), the last step is open again with the timer paused, and the
        case's history notes it with the date. Returns how many signatures were cleared."""
        from facilitator.agenda.models import CaseEvent, CaseEventKind

        cleared = len(self.meeting.sip.signatures)
        self.meeting.sip.signatures = []
        self.timebox.reopen_previous()
        self.timebox.pause()
        sync_status(self.meeting, self.timebox)
        today = from_ns(self.clock.wall_ns()).date()
        self.case.history = [
            *self.case.history,
            CaseEvent(on=today, kind=CaseEventKind.REOPENED, meeting_id=self.meeting.id),
        ]
        self.case_changed()
        return cleared

    def reopen_previous(self) -> None:
        self.timebox.reopen_previous()
        sync_status(self.meeting, self.timebox)

    def add_minute(self) -> None:
        self.timebox.add_time()

    def toggle_child_room(self) -> bool:
        """Switch every room view of the meeting to the child's view or back; returns
        whether the child's view is now on."""
        self.meeting.child_room = not self.meeting.child_room
        return self.meeting.child_room

    def rebalance(self) -> None:
        self.timebox.rebalance()

    # --- saving --------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Serialise the meeting and the case now, on this thread."""
        self.timebox.checkpoint()
        self.adopt()
        changed, self._case_changed = self._case_changed, False
        booked = None
        if self._booked_unsaved and self.booked is not None:
            booked, self._booked_unsaved = PreparedMeeting.of(self.booked), False
        return Snapshot(
            PreparedMeeting.of(self.meeting, self.clock.wall_ns()), PreparedCase.of(self.case), changed, booked
        )

    def draft(self, fields: dict[str, str]) -> Draft:
        return Draft(self.meeting.id, json.dumps(fields, ensure_ascii=False), self.clock.wall_ns())

    def write(self, snapshot: Snapshot) -> bool:
        """Write a snapshot. If the database file has vanished (its directory removed),
        start a new one in the same place with this case and meeting, which the snapshot
        holds whole, and return True; if that cannot be done either, the failure goes to
        the caller to retry."""
        try:
            if snapshot.case_changed:
                self.store.write_case(snapshot.case)
            self.store.write_meeting(snapshot.meeting)
        except StorageFailure as failure:
            if failure.reason != "missing":
                raise
            self.store.reopen()
            self.store.write_case(snapshot.case)
            self.store.write_meeting(snapshot.meeting)
            recreated = True
        else:
            recreated = False
        if snapshot.booked is not None and not self._planned_elsewhere(snapshot.booked):
            self.store.write_meeting(snapshot.booked)  # after this one: it is the next revision
        return recreated

    def _planned_elsewhere(self, booked: PreparedMeeting) -> bool:
        """Whether another window planned the case's next meeting while this one was held
        (the booked meeting was planned against the meetings stored when it opened): then
        that one stands and the booked one is not stored. On the writer's thread."""
        if self.others is None:
            return False
        known = {mid for mid, _ in self.others} | {self.meeting.id, booked.id}
        return any(
            m.id not in known and m.planned_start > self.meeting.planned_start
            for m in self.store.list_meetings()
            if m.case_id == self.case.id
        )

    def write_draft(self, draft: Draft) -> None:
        self.store.write_draft(draft.meeting_id, draft.fields, draft.saved_wall_ns)

    def save_now(self) -> None:
        """Write everything at once, on this thread (the command line and tests)."""
        self.write(self.snapshot())

    def save_case(self) -> None:
        self.store.save_case(self.case)


def _from_journal(store: Store, entry: JournalEntry, meeting: Meeting, case: Case) -> tuple[Meeting, Case, bool]:
    """The meeting and case as the journal holds them where it is newer than the database;
    the models as stored where the journal cannot be read."""
    from facilitator.agenda.models import Sip
    from facilitator.store.migrations import upgrade_record

    saved_ns, draft_ns = store.saved_wall_ns(entry.meeting_id)
    changed = False
    try:
        if entry.meeting is not None and (saved_ns is None or entry.meeting.saved_wall_ns > saved_ns):
            kept = Meeting.model_validate_json(upgrade_record(entry.meeting.body))
            kept.sip = Sip.model_validate_json(entry.meeting.sip)
            if entry.case is not None and entry.case_changed:
                case = Case.model_validate_json(upgrade_record(entry.case.body))
                changed = True
            meeting, saved_ns = kept, entry.meeting.saved_wall_ns
        if entry.draft is not None and entry.draft.saved_wall_ns > max(saved_ns or 0, draft_ns or 0):
            fields = json.loads(entry.draft.fields)
            if isinstance(fields, dict):
                apply_draft(meeting.sip, {k: v for k, v in fields.items() if isinstance(v, str)})
    except ValueError:  # pydantic's ValidationError is one: the stored meeting stands
        pass
    return meeting, case, changed
