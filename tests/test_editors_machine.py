"""Every list editor of a step as a state machine: the goals and insatser of the first
meeting's Dialog, the goals followed up and the insatser at a follow-up, and those
called to the next meeting. Driven through the meeting screen with the secretary's keys
(Ctrl+N from the table or from the step's text field, Enter, Esc, Delete and its
question, typing, Ctrl+S) against a plain model of each list; after every step the
meeting in memory and the table agree with the model, and after Ctrl+S the store."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule, run_state_machine_as_test

from facilitator.agenda import ManualClock
from facilitator.agenda.kinds import ActionStatus, Capture, MeetingKind
from facilitator.agenda.meetings import plan_follow_up
from facilitator.app import FacilitatorApp
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.dialogs.dialog import FormDialog
from facilitator.dialogs.which import WhichDialog
from facilitator.store import Store
from tests.pilot_machine import PilotMachine
from tests.rich_case import first_meeting, rich_case
from tests.screens_helpers import demo_app, open_meeting, type_text

TEXTS = ["Sova bättre", "Läxhjälp två dagar", "Gå i skolan", "Fotboll på onsdagar"]
NAMES = ["Vera Holm", "Sami Öz", "Noor Said"]


@dataclass(frozen=True)
class Editor:
    """One list editor of the meeting, as the machine drives and reads it."""

    capture: Capture
    widget: str
    """The table (or the choice list) that holds its rows."""
    items: Callable[[object], list]
    """Its rows, from the SIP."""
    row: Callable[[object], tuple]
    """A row as the model holds it."""
    new: Callable[[str], tuple]
    """A row added with ``text`` in the dialog's first field, as the model holds it."""
    field: str
    """The dialog's text field."""
    text_field: str
    """A text field of the same step, where Ctrl+N is pressed too."""
    which: int | None = None
    """Where the step's question "which list?" has it; None: the step has no other list."""
    called: bool = False


GOALS = Editor(
    Capture.GOALS, "#goals", lambda sip: sip.goals, lambda g: (g.text, g.status, g.evaluation),
    lambda text: (text, None, ""), "#goal-edit-text", "#f-reflection", which=0,
)
GOALS_FOLLOWED_UP = Editor(
    Capture.GOAL_STATUS, "#goals", lambda sip: sip.goals, lambda g: (g.text, g.status, g.evaluation),
    lambda text: (text, None, ""), "#goal-edit-text", "#f-reflection", which=0,
)
ACTIONS = Editor(
    Capture.ACTIONS, "#actions", lambda sip: sip.actions, lambda a: (a.what, a.status, a.due),
    lambda text: (text, ActionStatus.PLANNED, None), "#action-what", "#f-reflection", which=1,
)
CALLED = Editor(
    Capture.NEXT_ATTENDEES, "#next-attendees", lambda sip: sip.next_meeting.called,
    lambda p: (p.name, p.organisation), lambda text: (text, ""), "#person-name", "#f-summary", called=True,
)


class EditorsMachine(PilotMachine):
    EDITORS: tuple[Editor, ...] = ()

    def __init__(self, base: Path):
        self.folder = Path(tempfile.mkdtemp(dir=base))
        self.store = Store.open(self.folder)
        app, self.meeting_id = self.planned(self.store)
        super().__init__(app)
        self.screen = self.run(open_meeting(self.app, self.pilot))
        self.model = {e.capture: [e.row(item) for item in e.items(self.sip)] for e in self.EDITORS}

    def planned(self, store: Store):
        raise NotImplementedError

    def teardown(self):
        try:
            self.close_app()
        finally:
            self.store.close()

    @property
    def sip(self):
        return self.screen.session.meeting.sip

    # --- moving about -----------------------------------------------------------------------

    def _show(self, editor: Editor) -> None:
        step = self.screen.timebox.steps[self.screen.viewed]
        if editor.capture not in step.captures:
            self.run(self.screen.jump_to(editor.capture))
            self.run(self.pilot.pause())

    def _to_row(self, editor: Editor, row: int) -> int:
        """The cursor on row ``row`` (modulo the rows) of ``editor``'s list, the list focused."""
        self._show(editor)
        row %= len(self.model[editor.capture])
        widget = self.screen.query_one(editor.widget)
        if editor.called:
            widget.highlighted = len(self.screen.session.meeting.attendance) + row
        else:
            widget.move_cursor(row=row)
        widget.focus()
        self.run(self.pilot.pause())
        return row

    def _in_dialog(self, editor: Editor, text: str, new: bool = False) -> None:
        """In the open dialog: ``text`` in its first text field, and what else a new row needs."""
        dialog = self.app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one(editor.field).focus()
        self.press("ctrl+u")
        self.run(type_text(self.pilot, text))
        if editor.called and new:
            dialog.query_one("#person-roles").focus()
            self.press("down", "down", "down", "down", "enter")  # verksamhetsaktör

    def _back(self) -> None:
        assert self.app.screen is self.screen, self.app.screen

    # --- the keys ---------------------------------------------------------------------------

    @rule(data=st.data(), text=st.sampled_from(TEXTS + NAMES), from_text=st.booleans())
    def add(self, data, text, from_text):
        editor = data.draw(st.sampled_from(self.EDITORS))
        self._show(editor)
        self.screen.query_one(editor.text_field if from_text else editor.widget).focus()
        self.run(self.pilot.pause())
        self.press("ctrl+n")
        if from_text and editor.which is not None:
            assert isinstance(self.app.screen, WhichDialog)  # the step has two lists: which?
            self.press(*["down"] * editor.which, "enter")
        self._in_dialog(editor, text, new=True)
        self.press("ctrl+s")
        self._back()
        self.model[editor.capture].append(editor.new(text))

    @rule(data=st.data(), text=st.sampled_from(TEXTS))
    def type_a_goal(self, data, text):
        """Typed into "Skriv ett mål" and Enter: a goal, and nothing else."""
        goals = [e for e in self.EDITORS if e in (GOALS, GOALS_FOLLOWED_UP)]
        if not goals:
            return
        editor = goals[0]
        self._show(editor)
        self.screen.query_one("#goal-text").focus()
        self.run(type_text(self.pilot, text + "\n"))
        self.run(self.pilot.pause())
        self.model[editor.capture].append(editor.new(text))

    def _editor_with_rows(self, data) -> Editor | None:
        filled = [e for e in self.EDITORS if self.model[e.capture]]
        return data.draw(st.sampled_from(filled)) if filled else None

    @rule(data=st.data(), row=st.integers(0, 20), text=st.sampled_from(TEXTS + NAMES))
    def change(self, data, row, text):
        editor = self._editor_with_rows(data)
        if editor is None:
            return
        row = self._to_row(editor, row)
        self.press("enter")
        self._in_dialog(editor, text)
        self.press("ctrl+s")
        self._back()
        old = self.model[editor.capture][row]
        self.model[editor.capture][row] = (text, *old[1:])

    @rule(data=st.data(), row=st.integers(0, 20), typed=st.booleans())
    def open_and_escape(self, data, row, typed):
        """Enter opens the row; Esc changes nothing (after a question if something was typed)."""
        editor = self._editor_with_rows(data)
        if editor is None:
            return
        self._to_row(editor, row)
        self.press("enter")
        assert isinstance(self.app.screen, FormDialog)
        if typed:
            self._in_dialog(editor, "Något annat")
            self.press("escape")
            assert isinstance(self.app.screen, ConfirmDialog)  # throw away what was typed?
            self.run(self.pilot.click("#yes"))
            self.run(self.pilot.pause())
        else:
            self.press("escape")
        self._back()

    @rule(data=st.data(), row=st.integers(0, 20), sure=st.booleans())
    def remove(self, data, row, sure):
        editor = self._editor_with_rows(data)
        if editor is None:
            return
        row = self._to_row(editor, row)
        self.press("delete")
        assert isinstance(self.app.screen, ConfirmDialog)  # asks first
        if sure:
            self.run(self.pilot.click("#yes"))
            self.run(self.pilot.pause())
            del self.model[editor.capture][row]
        else:
            self.press("escape")
        self._back()

    @precondition(lambda self: self.app.screen is self.screen)
    @rule()
    def save(self):
        self.press("ctrl+s")
        assert self.screen.live.wait_saved(5)
        stored = self.store.load_meeting(self.meeting_id).sip
        for editor in self.EDITORS:
            assert [editor.row(item) for item in editor.items(stored)] == self.model[editor.capture]

    @invariant()
    def the_meeting_and_the_tables_hold_the_model(self):
        for editor in self.EDITORS:
            assert [editor.row(item) for item in editor.items(self.sip)] == self.model[editor.capture]
        step = self.screen.timebox.steps[self.screen.viewed]
        for editor in self.EDITORS:
            if editor.capture in step.captures and not editor.called:
                table = self.screen.query_one(editor.widget)
                shown = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
                assert shown == [row[0] for row in self.model[editor.capture]]


class FirstMeetingMachine(EditorsMachine):
    EDITORS = (GOALS, ACTIONS, CALLED)

    def planned(self, store):
        app, _, meeting_id = demo_app(store)
        return app, meeting_id


class FollowUpMachine(EditorsMachine):
    EDITORS = (GOALS_FOLLOWED_UP, ACTIONS, CALLED)

    def planned(self, store):
        case = rich_case()
        first = first_meeting(case)
        meeting = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, first.sip.next_meeting.start, place="Skolan")
        store.save_case(case)
        store.save_meeting(first)
        store.save_meeting(meeting)
        return FacilitatorApp(store=store, clock=ManualClock(meeting.planned_start), focus_meeting=meeting.id), meeting.id


BOUNDED = settings(
    max_examples=2,
    stateful_step_count=5,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    # A failure is reported as found: shrinking a machine that drives a screen takes minutes.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)


def test_the_first_meetings_lists_keep_the_model(tmp_path):
    run_state_machine_as_test(lambda: FirstMeetingMachine(tmp_path), settings=BOUNDED)


def test_the_follow_ups_lists_keep_the_model(tmp_path):
    run_state_machine_as_test(lambda: FollowUpMachine(tmp_path), settings=BOUNDED)
