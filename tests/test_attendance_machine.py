"""The attendance editor as a state machine, driven through the meeting screen with the
keys a secretary uses (Ctrl+N, Enter, Ctrl+T, Delete and its question, Esc), against a
plain model of who is on the list and how each takes part. After every step the screen's
table, the meeting in memory and, after Ctrl+S, the store agree with the model."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule, run_state_machine_as_test

from facilitator.agenda.kinds import Presence
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.store import Store
from facilitator.views.sipview import presence_text
from tests.pilot_machine import PilotMachine
from tests.screens_helpers import demo_app, open_meeting, screen_text, type_text

PRESENCES = list(Presence)
NAMES = ["Vera Holm", "Sami Öz", "Ida Ek", "Noor Said"]


class AttendanceMachine(PilotMachine):
    def __init__(self, base: Path):
        self.folder = Path(tempfile.mkdtemp(dir=base))
        self.store = Store.open(self.folder)
        app, _, self.meeting_id = demo_app(self.store)
        super().__init__(app)
        self.screen = self.run(open_meeting(self.app, self.pilot))
        self.table = self.screen.query_one("#attendance")
        self.table.focus()
        self.run(self.pilot.pause())
        self.model = [(p.name, p.presence) for p in self.screen.session.meeting.attendance]

    def teardown(self):
        try:
            self.close_app()
        finally:
            self.store.close()

    def _to_row(self, row: int) -> int:
        row %= len(self.model)
        self.table.move_cursor(row=row)
        self.run(self.pilot.pause())
        return row

    def _press(self, *keys: str) -> None:
        self.press(*keys)

    def _choose_presence(self, presence: Presence) -> None:
        """In the open dialog, on the presence choice: choose ``presence``."""
        self.app.screen.query_one("#person-presence").focus()
        self._press(*["up"] * len(PRESENCES), *["down"] * PRESENCES.index(presence), "enter")
        if presence in (Presence.LATE, Presence.LEFT_EARLY):
            self.app.screen.query_one("#person-at").focus()
            self.run(type_text(self.pilot, "10.15"))

    @rule(name=st.sampled_from(NAMES), presence=st.sampled_from(PRESENCES))
    def add(self, name, presence):
        self.table.focus()
        self._press("ctrl+n")
        self.run(type_text(self.pilot, name))
        self.app.screen.query_one("#person-roles").focus()
        self._press("down", "down", "down", "down", "enter")  # verksamhetsaktör
        self._choose_presence(presence)
        self._press("ctrl+s")
        self.model.append((name, presence))

    @precondition(lambda self: self.model)
    @rule(row=st.integers(0, 30), presence=st.sampled_from(PRESENCES))
    def change_how_they_take_part(self, row, presence):
        row = self._to_row(row)
        self.table.focus()
        self._press("enter")
        self._choose_presence(presence)
        self._press("ctrl+s")
        self.model[row] = (self.model[row][0], presence)

    @precondition(lambda self: self.model)
    @rule(row=st.integers(0, 30))
    def toggle(self, row):
        row = self._to_row(row)
        self.table.focus()
        self._press("ctrl+t")
        name, presence = self.model[row]
        took_part = presence not in (None, Presence.ABSENT)
        self.model[row] = (name, Presence.ABSENT if took_part else Presence.ON_SITE)

    @precondition(lambda self: self.model)
    @rule(row=st.integers(0, 30))
    def open_and_leave_unchanged(self, row):
        self._to_row(row)
        self.table.focus()
        self._press("enter")
        self._press("escape")  # nothing typed: closes without asking, changes nothing

    @precondition(lambda self: len(self.model) > 1)
    @rule(row=st.integers(0, 30), sure=st.booleans())
    def remove(self, row, sure):
        row = self._to_row(row)
        self.table.focus()
        self._press("delete")  # asks first
        assert isinstance(self.app.screen, ConfirmDialog)
        if sure:
            self.run(self.pilot.click("#yes"))
            self.run(self.pilot.pause())
            del self.model[row]
        else:
            self._press("escape")

    @rule()
    def save(self):
        self._press("ctrl+s")
        assert self.screen.live.wait_saved(5)
        stored = self.store.load_meeting(self.meeting_id).attendance
        assert [(p.name, p.presence) for p in stored] == self.model

    @invariant()
    def the_meeting_and_the_screen_hold_the_model(self):
        attendance = self.screen.session.meeting.attendance
        assert [(p.name, p.presence) for p in attendance] == self.model
        shown = screen_text(self.app)
        for person in attendance[:4]:  # the rows in view at 120×36
            assert presence_text(person) in shown


def test_the_attendance_editor_keeps_the_model(tmp_path):
    run_state_machine_as_test(
        lambda: AttendanceMachine(tmp_path),
        settings=settings(
            max_examples=3, stateful_step_count=5, deadline=None, suppress_health_check=[HealthCheck.too_slow]
        ),
    )
