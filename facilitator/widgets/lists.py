"""Table editors for the lists of a meeting: attendance, goals and actions.

Each is a DataTable driven by the keyboard alone, and every one behaves the same way
(``ListEditor``): Ctrl+N adds, Enter opens the row under the cursor to change it and does
nothing else, Esc in that dialog changes nothing, Delete asks and removes exactly that
row (and Ctrl+T toggles presence in attendance). Every change goes into the models at
once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Region
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label

from facilitator import strings as sv
from facilitator.agenda.checks import uncovered
from facilitator.agenda.models import Action, Capture, ChildUnderstood, Goal, GoalHorizon, Person, Presence
from facilitator.views.sipview import presence_text, role_text
from facilitator.widgets.forms import CaptureForm, DialogKind, ParticipationForm, TextFieldsForm, label
from facilitator.widgets.select import Select


class Column(NamedTuple):
    """A column of an edit table: its title, its share of the width left over after every
    column has its minimum, and the minimum (wide enough for its longest word)."""

    title: str
    weight: int
    minimum: int


class EditTable(DataTable):
    """A table of the meeting's lists, changed only by explicit keys: Ctrl+N adds, Enter
    edits, Delete removes. No letter, digit or space changes anything, so text typed
    while the table has the focus changes no data.

    Its columns share the table's width (each at least its minimum) and long text wraps
    onto more rows, so every column stays in view on a narrow screen.

    It is as tall as its rows and never scrolls itself: the step it stands in scrolls,
    so that the row under the cursor, with a row either side, is in view as the cursor
    moves, and a row just added is in view with the field it was typed in."""

    DEFAULT_CSS = """
    /* As tall as its rows (DataTable's own cap is its container's height, which made it
       scroll inside itself; CSS has no "none" for max-height). */
    EditTable { height: auto; max-height: 9999; }
    """
    CONTEXT_ROWS = 1
    """Rows kept in view on either side of the cursor's row."""

    BINDINGS = [
        Binding("ctrl+n", "add", sv.KEY_ADD, show=False, id="row-add"),
        Binding("enter", "edit", sv.KEY_EDIT, show=False, id="row-edit"),
        Binding("delete", "remove", sv.KEY_REMOVE, show=False, id="row-remove"),
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

    def __init__(self, columns: list[Column], **kwargs):
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.columns_wanted = columns
        self._rows: list[tuple[str, list[Text]]] = []
        self._laid_out_for = -1
        self._added = False
        """A row was added and is still to be brought into view."""

    def show_rows(self, rows: list[tuple[str, list[Text]]]) -> None:
        """Show ``rows`` (key, cells), keeping the cursor on the same row number. A row
        added at the end is brought into view."""
        added = len(rows) > len(self._rows)
        self._rows = rows
        self._lay_out(force=True)
        if added:
            self._added = True
            self.call_after_refresh(self._reveal_added)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table is self and self.has_focus:
            self.call_after_refresh(self.reveal_cursor)

    def on_focus(self) -> None:
        if not self._added:
            self.call_after_refresh(self.reveal_cursor)

    def _row_span(self, first: int, last: int) -> tuple[int, int]:
        """The lines (top, bottom) that rows ``first`` to ``last`` take in the table; the
        header goes with the first row."""
        heights = [row.height for row in self.ordered_rows]
        header = self.header_height if self.show_header else 0
        first = max(0, first)
        last = min(len(heights) - 1, last)
        top = header + sum(heights[:first]) if first else 0
        bottom = header + sum(heights[: last + 1])
        return top, bottom

    def _scroller(self) -> Widget | None:
        """The container that scrolls the table (the step), if any."""
        for ancestor in self.ancestors:
            if isinstance(ancestor, Widget) and ancestor.styles.overflow_y in ("auto", "scroll"):
                return ancestor
        return None

    def _reveal(self, top: int, bottom: int, keep: Widget | None = None) -> None:
        """Scroll the step so the table's lines ``top`` to ``bottom`` are in view (and
        ``keep`` with them when both fit; its top wins when they do not)."""
        scroller = self._scroller()
        if scroller is None or not self.is_mounted or not self.region:
            return
        window = scroller.scrollable_content_region
        lift = int(scroller.scroll_y) - window.y  # screen line -> the scroller's own line
        y0 = self.content_region.y - int(self.scroll_y)
        wanted = Region(0, y0 + top + lift, 1, max(1, bottom - top))
        if keep is not None and keep.region:
            field = Region(0, keep.region.y + lift, 1, keep.region.height)
            joined = wanted.union(field)
            wanted = joined if joined.height <= window.height else field
        scroller.scroll_to_region(wanted, animate=False, immediate=True, force=True)

    def _room(self) -> int:
        """How many lines of the table the step shows at once."""
        scroller = self._scroller()
        return scroller.scrollable_content_region.height if scroller is not None else 0

    def reveal_cursor(self) -> None:
        """Bring the cursor's row into view, with a row either side of it when there is
        room for them."""
        if not self.row_count:
            return
        row = self.cursor_row
        top, bottom = self._row_span(row - self.CONTEXT_ROWS, row + self.CONTEXT_ROWS)
        if bottom - top > self._room():
            top, bottom = self._row_span(row, row)
        self._reveal(top, bottom)

    def _reveal_added(self) -> None:
        """Bring the row just added into view with the two before it, and with what has
        the focus: the cursor's row when the table has it (when both fit), the field it
        was typed in when that is in the same form."""
        self._added = False
        if not self.row_count or not self.is_mounted:
            return
        last = self.row_count - 1
        top, bottom = self._row_span(last - self.CONTEXT_ROWS - 1, last)
        if self.has_focus:
            cursor_top, _ = self._row_span(self.cursor_row, self.cursor_row)
            if bottom - cursor_top <= self._room():
                top = min(top, cursor_top)
            self._reveal(top, bottom)
            return
        focused = self.screen.focused
        keep = focused if focused is not None and self.parent in focused.ancestors else None
        self._reveal(top, bottom, keep)

    def on_resize(self) -> None:
        self._lay_out()

    def widths(self, width: int) -> list[int]:
        """Each column's width in ``width`` cells (cell padding and scrollbar left out)."""
        columns = self.columns_wanted
        room = max(0, width - 2 * self.cell_padding * len(columns) - 2)
        widths = [max(c.minimum, len(c.title)) for c in columns]
        spare = room - sum(widths)
        if spare > 0:
            total = sum(c.weight for c in columns) or 1
            shares = [spare * c.weight // total for c in columns]
            widths = [w + share for w, share in zip(widths, shares, strict=True)]
        return widths

    def _lay_out(self, force: bool = False) -> None:
        width = self.size.width
        if not width:
            return  # not placed yet: laid out when it gets its size (on_resize)
        if width == self._laid_out_for and not force:
            return
        self._laid_out_for = width
        row = self.cursor_row
        self.clear(columns=True)
        for column, column_width in zip(self.columns_wanted, self.widths(width), strict=True):
            self.add_column(column.title, width=column_width)
        for key, values in self._rows:
            self.add_row(*values, key=key, height=None)
        if self._rows:
            self.move_cursor(row=min(max(row, 0), len(self._rows) - 1))

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


class ListEditor(CaptureForm):
    """A form around one table of one of the meeting's lists, and the one way every such
    list is edited: ``add_row`` (Ctrl+N) opens an empty dialog, Enter opens the row under
    the cursor in its dialog, Delete asks and removes that row. An answer that comes back
    from a dialog finds its row again by id, so it changes the row it was opened for and
    no other; Esc (no answer) or an answer equal to the row changes nothing.

    Subclasses say where the list is (``items``, ``put_items``), which dialog opens a row
    (``open_row``) and how a row is named in the question before it goes (``name_of``).
    They never handle ``EditTable.Requested`` themselves: Textual calls the handlers of
    every class in the hierarchy, so a second handler would act on the same key twice."""

    TABLE = ""
    """The id of the form's table."""
    REMOVE_QUESTION = ""
    """What Delete asks, with ``{name}``."""

    def items(self) -> list:
        raise NotImplementedError

    def put_items(self, items: list) -> None:
        raise NotImplementedError

    def open_row(self, current: object | None, done: Callable[[object], None]) -> None:
        raise NotImplementedError

    def name_of(self, item) -> str:
        raise NotImplementedError

    def taken(self, item) -> None:
        """A row was added or changed (for the child's view to follow it)."""

    def table(self) -> EditTable:
        return self.query_one(f"#{self.TABLE}", EditTable)

    @on(EditTable.Requested)
    def _requested(self, event: EditTable.Requested) -> None:
        if event.table.id != self.TABLE:
            return
        event.stop()
        event.prevent_default()  # no handler of a base class acts on the key again
        if event.what == "add":
            self.add_row()
        elif event.what == "edit":
            self.edit_row(event.row)
        elif event.what == "remove":
            self.remove_row(event.row)

    def _at(self, item_id: str) -> int | None:
        return next((i for i, item in enumerate(self.items()) if item.id == item_id), None)

    def add_row(self) -> None:
        def done(item) -> None:
            if item is None:
                return
            self.put_items([*self.items(), item])
            self._changed(item)

        self.open_row(None, done)

    def edit_row(self, row: int | None) -> None:
        items = self.items()
        if row is None or not 0 <= row < len(items):
            return
        current = items[row]

        def done(item) -> None:
            if item is None or item == current:
                return
            at = self._at(current.id)
            if at is None:
                return  # the row went meanwhile: nothing to change
            rows = list(self.items())
            rows[at] = item
            self.put_items(rows)
            self._changed(item)

        self.open_row(current, done)

    def remove_row(self, row: int | None) -> None:
        items = self.items()
        if row is None or not 0 <= row < len(items):
            return
        current = items[row]

        def done(yes: bool | None) -> None:
            if not yes or self._at(current.id) is None:
                return
            self.put_items([item for item in self.items() if item.id != current.id])
            self.show_models()
            self.table().focus()
            self.edited(urgent=True)

        question = self.REMOVE_QUESTION.format(name=self.name_of(current))
        self.ask(DialogKind.REMOVE, current, done, question=question)

    def _changed(self, item) -> None:
        self.taken(item)
        self.show_models()
        table = self.table()
        at = self._at(item.id)
        if at is not None:
            table.move_cursor(row=at)
        table.focus()
        self.edited(urgent=True)


def cells(*values: str) -> list[Text]:
    """Table cells from user text: plain Text, so nothing is read as markup."""
    return [Text(value) for value in values]


ATTENDANCE_COLUMNS = [
    Column(sv.ATTENDANCE_COLUMNS[0], 3, 12),  # Namn
    Column(sv.ATTENDANCE_COLUMNS[1], 3, 11),  # Verksamhet
    Column(sv.ATTENDANCE_COLUMNS[2], 3, 16),  # Roll ("verksamhetsaktör")
    Column(sv.ATTENDANCE_COLUMNS[3], 0, 14),  # Deltar ("gick kl. 10.40")
]
ATTENDANCE_WIDE = [*ATTENDANCE_COLUMNS, Column(sv.ATTENDANCE_COLUMNS[4], 2, 10)]  # Kontakt
WIDE = 110
"""From this many columns the attendance table also shows the contact details."""


class AttendanceEditor(ListEditor, TextFieldsForm):
    """Närvarolista: name, organisation, roles, present, contact. In the presentation
    round it comes with a field for what is said there, which takes the cursor first."""

    capture = Capture.ATTENDANCE
    TABLE = "attendance"
    ADD_NAME = sv.ADD_PERSON
    REMOVE_QUESTION = sv.REMOVE_PERSON

    BINDINGS = [Binding("ctrl+t", "toggle_present", sv.KEY_TOGGLE_PRESENT, show=False, id="toggle-present")]

    DEFAULT_CSS = """
    AttendanceEditor #f-introductions { min-height: 3; max-height: 8; }
    """

    def __init__(self, session, *, with_notes: bool = True, **kwargs):
        super().__init__(session, **kwargs)
        self.fields = (("introductions", sv.LABEL_INTRODUCTIONS),) if with_notes else ()

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield label(sv.ATTENDANCE_TITLE)
        yield EditTable(ATTENDANCE_COLUMNS, id="attendance")
        yield Label(sv.CONSENT_MARK_HINT, classes="flag", id="consent-mark", markup=False)
        yield label(sv.ATTENDANCE_KEYS).set_classes("hint")

    def on_mount(self) -> None:
        self.show_models()

    def on_resize(self) -> None:
        table = self.query_one(EditTable)
        wanted = ATTENDANCE_WIDE if self.size.width >= WIDE else ATTENDANCE_COLUMNS
        if table.columns_wanted != wanted:
            table.columns_wanted = wanted
            self.show_models()

    @property
    def people(self) -> list[Person]:
        return self.session.meeting.attendance

    def show_models(self) -> None:
        table = self.query_one(EditTable)
        outside = {p.id for p in self._uncovered()}
        wide = len(table.columns_wanted) > len(ATTENDANCE_COLUMNS)
        rows = []
        for person in self.people:
            name = Text(person.name)
            if person.id in outside:
                name.append(" ⚠", style="bold")
            values = [
                person.organisation,
                role_text(person, self.people),
                presence_text(person),
            ]
            if wide:
                values.append(person.contact)
            rows.append((person.id, [name, *cells(*values)]))
        table.show_rows(rows)
        self.query_one("#consent-mark").display = bool(outside)

    def _uncovered(self) -> list[Person]:
        return uncovered(
            self.session.case.consent, self.people, self.session.meeting.day
        )

    def action_toggle_present(self) -> None:
        table = self.query_one(EditTable)
        if not self.people:
            return
        person = self.people[table.cursor_row]
        person.presence = Presence.ABSENT if person.present else Presence.ON_SITE
        self.show_models()
        self.edited(urgent=True)

    def items(self) -> list[Person]:
        return self.people

    def put_items(self, items: list[Person]) -> None:
        self.people[:] = items  # the same list: the meeting and F2's screen share it

    def open_row(self, current: Person | None, done) -> None:
        self.ask(DialogKind.PERSON, current, done, attendance=self.people)

    def name_of(self, item: Person) -> str:
        return item.name


class GoalsEditor(ListEditor):
    """The child's and family's goals: type a goal and press Enter (or Ctrl+N for the
    whole dialog); Enter on a goal opens it to change it."""

    capture = Capture.GOALS
    TABLE = "goals"
    ADD_NAME = sv.ADD_GOAL
    REMOVE_QUESTION = sv.REMOVE_GOAL
    FOLLOW_UP = False
    """Whether a goal opens to be followed up (its status and evaluation)."""

    DEFAULT_CSS = """
    GoalsEditor Select { width: 18; }
    """

    TITLE = sv.SECTION_GOALS
    HINT = sv.GOALS_HINT

    def compose(self) -> ComposeResult:
        yield label(self.TITLE)
        with Horizontal(classes="row"):
            yield Input(placeholder=sv.PLACEHOLDER_GOAL, id="goal-text")
            yield Select(
                [(sv.GOAL_HORIZON[h], h) for h in GoalHorizon],
                value=GoalHorizon.SHORT,
                allow_blank=False,
                id="goal-horizon",
            )
        yield Input(placeholder=sv.PLACEHOLDER_CHILD_LINE, id="goal-child")
        yield self._table()
        yield label(self.HINT).set_classes("hint")

    def _table(self) -> EditTable:
        return EditTable([Column(sv.SECTION_GOALS, 1, 20), Column(sv.GOAL_HORIZON_COLUMN, 0, 10)], id="goals")

    def on_mount(self) -> None:
        self.show_models()

    def show_models(self) -> None:
        self.query_one(EditTable).show_rows(
            [(goal.id, cells(goal.text, sv.GOAL_HORIZON[goal.horizon])) for goal in self.sip.goals]
        )

    @on(Input.Submitted, "#goal-text, #goal-child")
    def _add(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one("#goal-text", Input)
        text = field.value.strip()
        if not text:
            field.focus()
            return
        horizon = self.query_one("#goal-horizon", Select).value
        child = self.query_one("#goal-child", Input)
        goal = Goal(text=text, horizon=horizon, child=child.value)
        self.sip.goals = [*self.sip.goals, goal]
        self.sip.child_focus = goal.id
        field.clear()
        child.clear()
        field.focus()
        self.show_models()
        self.edited(urgent=True)

    def items(self) -> list[Goal]:
        return self.sip.goals

    def put_items(self, items: list[Goal]) -> None:
        self.sip.goals = items

    def open_row(self, current: Goal | None, done) -> None:
        self.ask(DialogKind.GOAL, current, done, follow_up=self.FOLLOW_UP)

    def name_of(self, item: Goal) -> str:
        return item.text

    def taken(self, item: Goal) -> None:
        self.sip.child_focus = item.id


class ActionsEditor(ListEditor):
    """Insatser: what, who (from attendance, organisation filled in), huvudman, by when."""

    capture = Capture.ACTIONS
    TABLE = "actions"
    ADD_NAME = sv.ADD_ACTION
    REMOVE_QUESTION = sv.REMOVE_ACTION

    COLUMNS = [
        Column(sv.ACTION_SCREEN_COLUMNS[0], 4, 16),  # Vad
        Column(sv.ACTION_SCREEN_COLUMNS[1], 2, 12),  # Vem (and verksamhet)
        Column(sv.ACTION_SCREEN_COLUMNS[2], 0, 9),  # Huvudman
        Column(sv.ACTION_SCREEN_COLUMNS[3], 0, 10),  # Klart senast
    ]
    WITH_STATUS = False

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_ACTIONS)
        yield label(sv.ACTIONS_HINT).set_classes("hint")
        yield self._table()

    def _table(self) -> EditTable:
        columns = list(self.COLUMNS)
        if self.WITH_STATUS:
            columns.append(Column(sv.ACTION_SCREEN_COLUMNS[4], 0, 11))  # Status ("ej aktuell")
        return EditTable(columns, id="actions")

    def on_mount(self) -> None:
        self.show_models()

    def show_models(self) -> None:
        rows = []
        consent, day = self.session.case.consent, self.session.meeting.day
        for action in self.sip.actions:
            values = sv.action_screen_row(action)
            if action.organisation_id and consent.revoked(action.organisation_id, day):
                values[1] = f"{values[1]} ⚠ {sv.ACTION_CONSENT_REVOKED}"
            rows.append((action.id, cells(*(values if self.WITH_STATUS else values[:4]))))
        self.query_one(EditTable).show_rows(rows)

    def items(self) -> list[Action]:
        return self.sip.actions

    def put_items(self, items: list[Action]) -> None:
        self.sip.actions = items

    def open_row(self, current: Action | None, done) -> None:
        self.ask(DialogKind.ACTION, current, done, attendance=self.session.meeting.attendance)

    def name_of(self, item: Action) -> str:
        return item.what

    def taken(self, item: Action) -> None:
        self.sip.child_focus = item.id


class ActionStatusEditor(ActionsEditor):
    """At a follow-up: the same table, each earlier action given a status and a comment."""

    capture = Capture.ACTION_STATUS
    WITH_STATUS = True

    def compose(self) -> ComposeResult:
        yield label(sv.ACTION_STATUS_TITLE)
        yield label(sv.ACTION_STATUS_HINT).set_classes("hint")
        yield self._table()


class GoalStatusEditor(GoalsEditor):
    """At a follow-up and the closing meeting: the goals with their status and evaluation.
    New goals are typed as in the first meeting; Enter on a goal follows it up."""

    capture = Capture.GOAL_STATUS
    FOLLOW_UP = True

    DEFAULT_CSS = """
    GoalStatusEditor Select { width: 18; }
    """

    TITLE = sv.GOAL_STATUS_TITLE
    HINT = sv.GOAL_STATUS_HINT

    def _table(self) -> EditTable:
        return EditTable(
            [
                Column(sv.GOAL_COLUMNS[0], 3, 18),
                Column(sv.GOAL_COLUMNS[2], 0, 12),
                Column(sv.GOAL_COLUMNS[3], 2, 12),
            ],
            id="goals",
        )

    def show_models(self) -> None:
        self.query_one(EditTable).show_rows(
            [
                (
                    goal.id,
                    cells(
                        goal.text,
                        sv.GOAL_STATUS[goal.status] if goal.status else sv.GOAL_NOT_EVALUATED,
                        goal.evaluation,
                    ),
                )
                for goal in self.sip.goals
            ]
        )


_UNDERSTOOD_NEXT: dict[ChildUnderstood | None, ChildUnderstood | None] = {
    None: ChildUnderstood.UNDERSTOOD,
    ChildUnderstood.UNDERSTOOD: ChildUnderstood.WANTS_MORE,
    ChildUnderstood.WANTS_MORE: ChildUnderstood.NOT_THERE,
    ChildUnderstood.NOT_THERE: None,
}
"""Enter on a goal or insats in Sammanfattning moves its answer on, round to none."""


def _understood_text(understood: ChildUnderstood | None) -> str:
    return sv.CHILD_UNDERSTOOD[understood] if understood else sv.CHILD_UNDERSTOOD_NOT_NOTED


class ParticipationEditor(ParticipationForm):
    """How the child took part, whether the child was told and understood (the meeting as
    a whole, and each goal and insats that has a line for the child)."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Label(sv.LABEL_CHILD_LINES, classes="field-label", id="child-lines-label", markup=False)
        yield EditTable(
            [Column(sv.CHILD_LINES_COLUMNS[0], 3, 20), Column(sv.CHILD_LINES_COLUMNS[1], 0, 14)],
            id="child-lines",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self.show_models()

    def _told(self) -> list[Goal | Action]:
        return [item for item in (*self.sip.goals, *self.sip.actions) if item.child.strip()]

    def show_models(self) -> None:
        rows = [(item.id, cells(item.child, _understood_text(item.understood))) for item in self._told()]
        table = self.query_one("#child-lines", EditTable)
        table.show_rows(rows)
        table.display = bool(rows)
        self.query_one("#child-lines-label").display = bool(rows)

    @on(EditTable.Requested, "#child-lines")
    def _requested(self, event: EditTable.Requested) -> None:
        event.stop()
        if event.what != "edit":
            return
        item = self._told()[event.row]
        item.understood = _UNDERSTOOD_NEXT[item.understood]
        self.show_models()
        self.edited(urgent=True)
