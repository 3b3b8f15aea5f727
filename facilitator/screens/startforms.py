"""The start screen's forms: the new case, the changed case and the new meeting.

Each form's case and meetings are read on a worker thread (a locked database never holds
the screen up), the form stores its record on a writer thread (``KeptForm``), and a form
left behind when the program ended comes back at the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.message import Message

from facilitator import strings as sv
from facilitator.agenda.kinds import MeetingKind
from facilitator.store import StoreError

if TYPE_CHECKING:
    from facilitator.agenda.models import Case, Meeting
    from facilitator.dialogs.new_meeting import MeetingPlan
    from facilitator.meeting.forms import FormDraft, FormDrafts, KeptForm
    from facilitator.screens.host import Host

EDIT_CASE, NEW_MEETING, RESTORE = "edit_case", "new_meeting", "restore"
"""What a case is read for, before its form opens."""


class StartForms:
    """For the start screen (which gives ``_now``, ``_report``, ``_selected_case_id``,
    ``refresh_meetings`` and ``_focus_meeting``)."""

    app: Host
    _drafts_looked_for = False

    class CaseRead(Message):
        """A case and its meetings, read on a worker thread for a form (``purpose``)."""

        def __init__(
            self,
            purpose: str,
            case: Case | None,
            meetings: list[Meeting],
            draft: FormDraft | None = None,
            error: StoreError | None = None,
        ):
            super().__init__()
            self.purpose = purpose
            self.case = case
            self.meetings = meetings
            self.draft = draft
            self.error = error

    def _drafts(self) -> FormDrafts:
        from facilitator.meeting.forms import FormDrafts

        return FormDrafts(self.app.store.path.parent)

    def _case_form(self, case_id: str | None, new_id: str | None, key: str | None) -> KeptForm[Case]:
        from facilitator.meeting.forms import CASE, KeptForm

        return KeptForm(
            self._drafts(), CASE, self.app.store.save_case, self.app.clock,
            case_id=case_id, new_id=new_id, key=key,
        )

    @work(thread=True, group="forms", exit_on_error=False)
    def _read_case(self, purpose: str, case_id: str, draft: FormDraft | None = None) -> None:
        """The case and its meetings for a form, off the UI thread: a locked database
        never holds the screen up."""
        try:
            case = self.app.store.load_case(case_id)
            meetings = self.app.store.meetings_of(case_id)
        except StoreError as error:
            self.post_message(self.CaseRead(purpose, None, [], draft, error))
            return
        self.post_message(self.CaseRead(purpose, case, meetings, draft))

    def on_start_forms_case_read(self, message: StartForms.CaseRead) -> None:
        from facilitator.meeting.forms import CASE
        from facilitator.store import NotFound

        draft = message.draft
        if message.error is not None:
            if message.purpose == RESTORE and isinstance(message.error, NotFound) and draft is not None:
                # The case was deleted since (in another window): what was typed about it goes too.
                self._drop_draft(draft.key)
                return
            self._report(message.error)
            return
        case = message.case
        if message.purpose == EDIT_CASE or (message.purpose == RESTORE and draft.form == CASE):
            if draft is not None:
                self._restored(draft)
            self._edit_case(case, message.meetings, draft)
        else:
            if draft is not None:
                self._restored(draft)
            self._new_meeting_for(case, message.meetings, draft)

    def _restored(self, draft: FormDraft) -> None:
        from facilitator.dialogs.kept import when_drafted

        when = when_drafted(draft.saved_wall_ns)
        self.notify(sv.FORM_RESTORED.format(form=sv.FORM_NAMES[draft.form], when=when), timeout=15, markup=False)

    def _look_for_drafts(self) -> None:
        self._find_draft()

    @work(thread=True, group="drafts", exit_on_error=False)
    def _find_draft(self) -> None:
        from facilitator.meeting.forms import CASE

        drafts = self._drafts().left_behind()
        if not drafts:
            return
        draft = drafts[0]  # the others come back one at a time, at the starts after this one
        if draft.form == CASE and draft.case_id is None:
            self.app.call_from_thread(self._restore_new_case, draft)
            return
        if draft.case_id is None:
            return
        try:
            case = self.app.store.load_case(draft.case_id)
            meetings = self.app.store.meetings_of(draft.case_id)
        except StoreError as error:
            self.post_message(self.CaseRead(RESTORE, None, [], draft, error))
            return
        self.post_message(self.CaseRead(RESTORE, case, meetings, draft))

    def _restore_new_case(self, draft: FormDraft) -> None:
        self._restored(draft)
        self.action_new_case(draft)

    @work(thread=True, group="drafts", exit_on_error=False)
    def _drop_draft(self, key: str) -> None:
        self._drafts().remove(key)

    def action_new_case(self, draft: FormDraft | None = None) -> None:
        from facilitator.meeting.forms import new_key
        from facilitator.screens.case import CaseScreen

        def created(case: Case | None) -> None:
            if case is not None:
                self._focus_meeting = None
                self.refresh_meetings()
                self._plan_meeting(case)

        new_id = draft.new_id if draft is not None and draft.new_id else new_key()
        kept = self._case_form(None, new_id, draft.key if draft is not None else None)
        restored = draft.values if draft is not None else None
        self.app.push_screen(CaseScreen(None, self._now(), kept=kept, restored=restored), created)

    def action_edit_case(self) -> None:
        case_id = self._selected_case_id()
        if case_id is not None:
            self._read_case(EDIT_CASE, case_id)

    def _edit_case(self, case: Case, meetings: list[Meeting], draft: FormDraft | None = None) -> None:
        from facilitator.screens.case import CaseScreen

        # The kallelse is checked against the first meeting it called (the latest, if the
        # case was reopened with a new one).
        firsts = [m.day for m in meetings if m.kind is MeetingKind.FIRST]
        first = firsts[-1] if firsts else None

        def changed(updated: Case | None) -> None:
            if updated is not None:
                self.refresh_meetings()

        kept = self._case_form(case.id, None, draft.key if draft is not None else None)
        restored = draft.values if draft is not None else None
        self.app.push_screen(CaseScreen(case, self._now(), first, kept=kept, restored=restored), changed)

    def action_new_meeting(self) -> None:
        case_id = self._selected_case_id()
        if case_id is not None:
            self._read_case(NEW_MEETING, case_id)

    def _plan_meeting(self, case: Case) -> None:
        """The new-meeting form for ``case``, once its meetings are read (on a worker)."""
        self._read_case(NEW_MEETING, case.id)

    def _new_meeting_for(self, case: Case, earlier: list[Meeting], draft: FormDraft | None = None) -> None:
        from facilitator.agenda.meetings import (
            called_to_next,
            plan_follow_up,
            plan_meeting,
            suggest_next_start,
        )
        from facilitator.dialogs.new_meeting import NewMeetingDialog
        from facilitator.meeting.forms import MEETING, KeptForm

        if case.consent.revoked_whole(self._now().date()):
            if draft is not None:
                self._drop_draft(draft.key)
            self.notify(sv.NO_MEETING_WITHOUT_CONSENT, severity="warning", timeout=10, markup=False)
            return
        last = earlier[-1] if earlier else None
        # The kind the last SIP booked (a follow-up or the closing meeting) decides the
        # rule the dialog shows for the day.
        kind = (last.sip.next_meeting.kind or MeetingKind.FOLLOW_UP) if last else MeetingKind.FIRST
        suggested = suggest_next_start(last, self._now(), case.kallelse_date)
        place = (last.sip.next_meeting.place or last.place) if last else ""

        def make(plan: MeetingPlan) -> Meeting:
            if last is not None and plan.kind is not MeetingKind.FIRST:
                return plan_follow_up(
                    case, last, plan.kind, plan.start, plan.minutes,
                    place=plan.place, template=self.app.agenda(plan.kind),
                )
            return plan_meeting(
                case, plan.kind, plan.start, plan.minutes,
                place=plan.place, template=self.app.agenda(plan.kind),
            )

        def planned(plan: MeetingPlan | None) -> None:
            if plan is None or plan.meeting is None:
                return
            self._focus_meeting = plan.meeting.id
            self.refresh_meetings()

        store, clock = self.app.store, self.app.clock
        kept = KeptForm(
            self._drafts(), MEETING, lambda meeting: store.save_meeting(meeting, clock.wall_ns()), clock,
            case_id=case.id, key=draft.key if draft is not None else None,
        )
        dialog = NewMeetingDialog(
            case.child.name, kind, suggested, place,
            kallelse_received=case.kallelse_date,
            meeting_days=[m.day for m in earlier],
            interpreter=last is not None and any(p.is_interpreter for p in called_to_next(last)),
            kept=kept,
            make=make,
            restored=draft.values if draft is not None else None,
        )
        self.app.push_screen(dialog, planned)

