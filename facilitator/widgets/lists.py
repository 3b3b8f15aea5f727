"""Table editors for the lists of a meeting: attendance, goals and actions.

Each is a DataTable driven by the keyboard alone: N adds, Enter edits, Delete removes
(and Space toggles presence in attendance). Adding and editing open a dialog; every
change goes into the models at once.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Input, Select

from facilitator import strings as sv
from facilitator.agenda.checks import uncovered
from facilitator.agenda.models import Action, Capture, Goal, GoalHorizon, Person
from facilitator.widgets.forms import CaptureForm, label


class EditTable(DataTable):
    """A DataTable whose rows are edited with N, Enter and Delete."""

    BINDINGS = [
        Binding("n,plus", "add", sv.KEY_ADD, id="row-add"),
        Binding("enter", "edit", sv.KEY_EDIT, id="row-edit"),
        Binding("delete,minus", "remove", sv.KEY_REMOVE, id="row-remove"),
    ]

    class Requested(Message):
        def __init__(self, table: EditTable, what: str, row: int | None):
            super().__init__()
            self.table = table
            self.what = what
            self.row = row

        @property
        def control(self) -> EditTable:
            return self.table

    def __init__(self, **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def _request(self, what: str, needs_row: bool) -> None:
        row = self.cursor_row if self.row_count else None
        if needs_row and row is None:
            return
        self.post_message(self.Requested(self, what, row))

    def action_add(self) -> None:
        self._request("add", needs_row=False)

    def action_edit(self) -> None:
        self._request("edit", needs_row=True)

    def action_remove(self) -> None:
        self._request("remove", needs_row=True)


def cells(*values: str) -> list[Text]:
    """Table cells from user text: plain Text, so nothing is read as markup."""
    return [Text(value) for value in values]


class AttendanceEditor(CaptureForm):
    """Närvarolista: name, organisation, roles, present, contact."""

    capture = Capture.ATTENDANCE

    BINDINGS = [Binding("space", "toggle_present", sv.KEY_TOGGLE_PRESENT, id="toggle-present")]

    DEFAULT_CSS = """
    AttendanceEditor EditTable { height: auto; max-height: 24; }
    """

    def compose(self) -> ComposeResult:
        yield label(sv.ATTENDANCE_TITLE)
        yield EditTable(id="attendance")

    def on_mount(self) -> None:
        table = self.query_one(EditTable)
        for title in sv.ATTENDANCE_COLUMNS:
            table.add_column(title)
        self.show_models()

    @property
    def people(self) -> list[Person]:
        return self.session.meeting.attendance

    def show_models(self) -> None:
        table = self.query_one(EditTable)
        row = table.cursor_row
        table.clear()
        outside = {p.id for p in self._uncovered()}
        for person in self.people:
            name = Text(person.name)
            if person.id in outside:
                name.append(" ⚠", style="bold")
            table.add_row(
                name,
                *cells(
                    person.organisation,
                    ", ".join(sv.ROLE[r] for r in person.roles),
                    sv.YES if person.present else sv.NO,
                    person.contact,
                ),
                key=person.id,
            )
        if self.people:
            table.move_cursor(row=min(row, len(self.people) - 1))

    def _uncovered(self) -> list[Person]:
        return uncovered(
            self.session.case.consent, self.people, self.session.meeting.planned_start.date()
        )

    def first_field(self):
        tables = self.query(EditTable)
        return tables.first() if tables else None

    def action_toggle_present(self) -> None:
        table = self.query_one(EditTable)
        if not self.people:
            return
        person = self.people[table.cursor_row]
        person.present = not person.present
        self.show_models()
        self.edited(urgent=True)

    @on(EditTable.Requested, "#attendance")
    def _requested(self, event: EditTable.Requested) -> None:
        from facilitator.screens.person import PersonDialog

        event.stop()
        if event.what == "remove":
            del self.people[event.row]
            self.show_models()
            self.edited(urgent=True)
            return
        current = self.people[event.row] if event.what == "edit" else None

        def done(person: Person | None) -> None:
            if person is None:
                return
            if current is None:
                self.people.append(person)
            else:
                self.people[event.row] = person
            self.show_models()
            self.query_one(EditTable).focus()
            self.edited(urgent=True)

        self.app.push_screen(PersonDialog(current), done)


class GoalsEditor(CaptureForm):
    """The child's and family's goals: type a goal and press Enter."""

    capture = Capture.GOALS

    DEFAULT_CSS = """
    GoalsEditor Select { width: 18; }
    GoalsEditor EditTable { height: auto; max-height: 12; }
    """

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_GOALS)
        with Horizontal(classes="row"):
            yield Input(placeholder=sv.PLACEHOLDER_GOAL, id="goal-text")
            yield Select(
                [(sv.GOAL_HORIZON[h], h) for h in GoalHorizon],
                value=GoalHorizon.SHORT,
                allow_blank=False,
                id="goal-horizon",
            )
        yield EditTable(id="goals")

    def on_mount(self) -> None:
        table = self.query_one(EditTable)
        table.add_column(sv.SECTION_GOALS)
        table.add_column(sv.GOAL_HORIZON_COLUMN)
        self.show_models()

    def show_models(self) -> None:
        table = self.query_one(EditTable)
        table.clear()
        for goal in self.sip.goals:
            table.add_row(*cells(goal.text, sv.GOAL_HORIZON[goal.horizon]), key=goal.id)

    @on(Input.Submitted, "#goal-text")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        horizon = self.query_one("#goal-horizon", Select).value
        self.sip.goals = [*self.sip.goals, Goal(text=text, horizon=horizon)]
        event.input.clear()
        self.show_models()
        self.edited(urgent=True)

    @on(EditTable.Requested, "#goals")
    def _requested(self, event: EditTable.Requested) -> None:
        event.stop()
        goals = list(self.sip.goals)
        if event.what == "add":
            self.query_one("#goal-text", Input).focus()
            return
        goal = goals.pop(event.row)
        if event.what == "edit":
            # Back into the field to be changed and added again.
            self.query_one("#goal-text", Input).value = goal.text
            self.query_one("#goal-horizon", Select).value = goal.horizon
            self.query_one("#goal-text", Input).focus()
        self.sip.goals = goals
        self.show_models()
        self.edited(urgent=True)


class ActionsEditor(CaptureForm):
    """Insatser: what, who (from attendance, organisation filled in), huvudman, by when."""

    capture = Capture.ACTIONS

    DEFAULT_CSS = """
    ActionsEditor EditTable { height: auto; max-height: 16; }
    """

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_ACTIONS)
        yield label(sv.ACTIONS_HINT).set_classes("hint")
        yield EditTable(id="actions")

    def on_mount(self) -> None:
        table = self.query_one(EditTable)
        for title in sv.ACTION_COLUMNS:
            table.add_column(title)
        self.show_models()

    def first_field(self):
        tables = self.query(EditTable)
        return tables.first() if tables else None

    def show_models(self) -> None:
        table = self.query_one(EditTable)
        row = table.cursor_row
        table.clear()
        for action in self.sip.actions:
            table.add_row(*cells(*sv.action_row(action)), key=action.id)
        if self.sip.actions:
            table.move_cursor(row=min(row, len(self.sip.actions) - 1))

    @on(EditTable.Requested, "#actions")
    def _requested(self, event: EditTable.Requested) -> None:
        from facilitator.screens.action import ActionDialog

        event.stop()
        actions = list(self.sip.actions)
        if event.what == "remove":
            del actions[event.row]
            self.sip.actions = actions
            self.show_models()
            self.edited(urgent=True)
            return
        current = actions[event.row] if event.what == "edit" else None

        def done(action: Action | None) -> None:
            if action is None:
                return
            if current is None:
                actions.append(action)
            else:
                actions[event.row] = action
            self.sip.actions = actions
            self.show_models()
            self.query_one(EditTable).focus()
            self.edited(urgent=True)

        self.app.push_screen(ActionDialog(current, self.session.meeting.attendance), done)


class ActionStatusEditor(ActionsEditor):
    """At a follow-up: the same table, each earlier action given a status and a comment."""

    capture = Capture.ACTION_STATUS

    def compose(self) -> ComposeResult:
        yield label(sv.ACTION_STATUS_TITLE)
        yield label(sv.ACTION_STATUS_HINT).set_classes("hint")
        yield EditTable(id="actions")
