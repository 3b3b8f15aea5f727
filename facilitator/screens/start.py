"""The start screen: every meeting, a running one first, and what the selected one holds."""

from __future__ import annotations

import asyncio
from concurrent.futures import wait
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN, from_ns
from facilitator.agenda.kinds import MeetingStatus
from facilitator.agenda.workdays import case_warnings
from facilitator.screens.startforms import StartForms
from facilitator.store import MeetingSummary, RecordDamaged, StoreError
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.problems import store_problem

# The screens this one opens, and the models, load when first needed: the start screen
# is the first frame the user waits for.
if TYPE_CHECKING:
    from concurrent.futures import Future

    from facilitator.agenda.models import Case, Meeting
    from facilitator.screens.host import Host
    from facilitator.store.firstlist import FirstList


FIRST_LIST_PATIENCE_SECONDS = 0.2
"""How long the start screen, opening, waits for the list being read on its own thread."""


class StartScreen(StartForms, Screen[None]):
    CSS_PATH = "start.tcss"
    AUTO_FOCUS = ""  # nothing: the list is focused once it is on the screen
    BINDINGS = [
        Binding("enter", "open", sv.KEY_OPEN, id="open"),
        Binding("n", "new_case", sv.KEY_NEW_CASE, id="new-case"),
        Binding("m", "new_meeting", sv.KEY_NEW_MEETING, id="new-meeting"),
        Binding("e", "edit_case", sv.KEY_EDIT_CASE, id="edit-case"),
        Binding("o", "overview", sv.KEY_OVERVIEW, id="overview"),
        Binding("delete,d", "delete_case", sv.KEY_DELETE_CASE, id="delete-case"),
    ]
    app: Host  # the app, as far as this screen needs it

    def __init__(self, focus_meeting: str | None = None):
        super().__init__()
        self._focus_meeting = focus_meeting
        self._meetings: list[MeetingSummary] = []
        self._drafts_looked_for = False

    def compose(self) -> ComposeResult:
        # One line like the meeting screen's top bar: the same title as Textual's Header,
        # without its three widgets to build before the first frame.
        yield Static(Content.styled(sv.APP_TITLE, "bold"), id="app-bar")
        yield Static(sv.START_TITLE, id="start-title", markup=False)
        yield Static("", id="running", markup=False)
        yield Static("", id="damaged", markup=False)
        with Horizontal(id="start-body"):
            yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="details"):
                yield Static("", id="details-head")
                yield Static("", id="details-agenda")
                yield Static("", id="details-warnings")
        yield KeyFooter()

    def on_resize(self) -> None:
        # Side by side when there is room, the details under the list when there is not.
        self.set_class(self.size.width < 110, "narrow")

    _list_shown = False
    _details_wanted: str | None = None

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        for label in sv.START_COLUMNS:
            table.add_column(label)
        first = self.app.take_first_list()
        if first is None:
            self.refresh_meetings()
            table.focus()
        # Usually read by now; a moment more is worth having the list in the first frame,
        # with keys typed ahead going to it. A database another program holds costs no
        # more than this: the list follows when it comes.
        elif wait([first], timeout=FIRST_LIST_PATIENCE_SECONDS).done:
            self._first_listed(first.result())
        else:
            # Until the list comes, nothing has focus: Enter goes to the screen (which
            # opens the meeting once it is listed), not to an empty table.
            self._refreshing = True
            self._wait_for_first(first)
        if not self._drafts_looked_for:
            # A form left open when the program ended (a crash, a kill) comes back; looked
            # for once the list is on the screen.
            self._drafts_looked_for = True
            self.call_after_refresh(self.call_after_refresh, self._look_for_drafts)

    def _show_damaged(self) -> None:
        """One line naming the records the store left out as damaged (by id)."""
        damaged = self.query_one("#damaged", Static)
        found = dict(self.app.store.damaged)
        damaged.display = bool(found)
        if found:
            damaged.update(sv.records_damaged(found))

    def _report(self, error: StoreError) -> None:
        if isinstance(error, RecordDamaged) and self.is_attached:
            self._show_damaged()
        self.notify(sv.STORE_PROBLEM.format(problem=store_problem(error)), severity="error", timeout=10, markup=False)

    def refresh_meetings(self) -> None:
        """Read the meetings from the store on a worker thread and show them, keeping the
        selection (the store's connection may be held by a form's writer thread, waiting
        for a database another program holds)."""
        self._refreshing = True
        self._read_meetings()

    _refreshing = False

    @property
    def refreshing(self) -> bool:
        """The list is being read again."""
        return self._refreshing

    @work(thread=True, exclusive=True, group="meetings", exit_on_error=False)
    def _read_meetings(self) -> None:
        worker = get_current_worker()
        try:
            meetings = self.app.store.list_meetings()
        except StoreError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._list_failed, error)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_meetings, meetings)

    def _list_failed(self, error: StoreError) -> None:
        self._refreshing = False
        self._report(error)

    @work(exclusive=True, group="first-list", exit_on_error=False)
    async def _wait_for_first(self, first: Future[FirstList]) -> None:
        self._first_listed(await asyncio.wrap_future(first))

    def _first_listed(self, first: FirstList) -> None:
        """The list read while the app started (usually ready when this screen mounts)."""
        if first.replayed:
            self.notify(sv.JOURNAL_REPLAYED, timeout=15, markup=False)
        self.query_one("#meetings", DataTable).focus()
        if first.error is not None:
            self._list_failed(first.error)
            return
        self._show_meetings(first.meetings)
        if self._open_when_listed:
            self._open_when_listed = False
            self.action_open()

    _open_when_listed = False

    def _show_meetings(self, meetings: list[MeetingSummary]) -> None:
        self._refreshing = False
        if not self.is_attached:
            return
        table = self.query_one("#meetings", DataTable)
        self._meetings = meetings
        self._show_damaged()
        table.clear()
        for meeting in self._meetings:
            table.add_row(
                f"{meeting.start:%Y-%m-%d %H.%M}",
                sv.MEETING_KIND[meeting.kind],
                sv.MEETING_STATUS[meeting.status],
                Text(meeting.child),  # user text: never markup
                key=meeting.id,
            )
        running = self.query_one("#running", Static)
        active = next((m for m in self._meetings if m.status is MeetingStatus.RUNNING), None)
        running.display = active is not None
        if active:
            running.update(
                Content(
                    sv.START_RUNNING.format(
                        kind=sv.MEETING_KIND[active.kind].lower(),
                        child=active.child,
                        when=sv.when(active.start),
                    )
                )
            )
        if not self._meetings:
            self.query_one("#details-head", Static).update(Content(sv.START_EMPTY))
            self.query_one("#details-agenda", Static).update("")
            self.query_one("#details-warnings", Static).update("")
            return
        wanted = self._focus_meeting or self._meetings[0].id
        row = next((i for i, m in enumerate(self._meetings) if m.id == wanted), 0)
        table.move_cursor(row=row)
        self._focus_meeting = self._meetings[row].id  # as the highlight will say
        self._show_soon(self._meetings[row].id)

    @on(DataTable.RowSelected, "#meetings")
    def _selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.open_meeting(event.row_key.value)

    def action_open(self) -> None:
        if self._refreshing and not self._meetings:
            self._open_when_listed = True  # Enter before the list came: opened once it has
        elif self._focus_meeting:
            self.app.open_meeting(self._focus_meeting)

    def _now(self) -> datetime:
        return from_ns(self.app.clock.wall_ns())

    def _selected_meeting(self) -> MeetingSummary | None:
        return next((m for m in self._meetings if m.id == self._focus_meeting), None)

    def _selected_case_id(self) -> str | None:
        meeting = self._selected_meeting()
        return meeting.case_id if meeting is not None else None

    # --- the forms: read on a worker, stored by a writer thread, kept as drafts ------------

    def action_overview(self) -> None:
        """The case overview, which reads the case on a worker thread."""
        from facilitator.screens.overview import CaseOverviewScreen

        case_id = self._selected_case_id()
        if case_id is None:
            return
        overview = CaseOverviewScreen(self.app.store, case_id, self._now().date())
        self.app.push_screen(overview, lambda _: self.refresh_meetings())

    def action_delete_case(self) -> None:
        """Delete the selected case after a question that names the child; whether one of
        its meetings is open, and the deletion itself, are on a worker thread."""
        selected = self._selected_meeting()
        if selected is None:
            return
        count = sum(1 for m in self._meetings if m.case_id == selected.case_id)
        self._ask_delete(selected.case_id, selected.child, count)

    @work(thread=True, exclusive=True, group="delete", exit_on_error=False)
    def _ask_delete(self, case_id: str, child: str, count: int) -> None:
        from facilitator.documents import case_is_open

        try:
            is_open = case_is_open(self.app.store, case_id)
        except StoreError as error:
            self.app.call_from_thread(self._report, error)
            return
        except OSError:
            is_open = True  # the lock files cannot be read: not deleted on a guess
        self.app.call_from_thread(self._delete_question, case_id, child, count, is_open)

    def _delete_question(self, case_id: str, child: str, count: int, is_open: bool) -> None:
        from facilitator.dialogs.confirm import ConfirmDialog

        if is_open:
            self.notify(sv.CASE_OPEN.format(child=child), severity="error", timeout=10, markup=False)
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._erase(case_id, child)

        question = sv.DELETE_CASE_QUESTION.format(child=child, meetings=sv.count(count, "möte", "möten"))
        self.app.push_screen(ConfirmDialog(question, sv.DELETE_CASE_YES), answer)

    @work(thread=True, exclusive=True, group="delete", exit_on_error=False)
    def _erase(self, case_id: str, child: str) -> None:
        from facilitator.documents import erase_case
        from facilitator.store import CaseOpen

        try:
            erased = erase_case(self.app.store, case_id)
        except CaseOpen:
            self.app.call_from_thread(self._erase_refused, child)
            return
        except StoreError as error:
            self.app.call_from_thread(self._report, error)
            return
        self.app.call_from_thread(self._erased, child, erased.removed, erased.wiped)

    def _erase_refused(self, child: str) -> None:
        self.notify(sv.CASE_OPEN.format(child=child), severity="error", markup=False)

    def _erased(self, child: str, removed: int, wiped: bool) -> None:
        self._focus_meeting = None
        self.refresh_meetings()
        said = sv.CASE_DELETED.format(child=child, files=removed)
        if not wiped:
            self.notify(f"{said} {sv.CASE_NOT_WIPED}", severity="warning", timeout=15, markup=False)
        else:
            self.notify(said, markup=False)

    @on(DataTable.RowHighlighted, "#meetings")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self._focus_meeting = event.row_key.value
            self._show_soon(event.row_key.value)

    def _show_soon(self, meeting_id: str) -> None:
        """Show a meeting's details without holding up the list: the case is read on a
        worker thread (the first time, that loads the models and the holiday calendar,
        a third of a second), so the list is on the screen at once and moving through it
        with the arrow keys never waits for a case."""
        self._details_wanted = meeting_id
        if self._list_shown:
            self._load_details(meeting_id)
        else:
            # The first time, the list goes to the screen before the worker starts: loading
            # the models would otherwise compete with drawing it. What is read then is the
            # meeting selected by then, should the arrow keys have moved meanwhile.
            self._list_shown = True
            self.call_after_refresh(self.call_after_refresh, self._load_wanted)

    def _load_wanted(self) -> None:
        if self._details_wanted is not None:
            self._load_details(self._details_wanted)

    @work(thread=True, exclusive=True, group="details", exit_on_error=False)
    def _load_details(self, meeting_id: str) -> None:
        worker = get_current_worker()
        try:
            meeting = self.app.store.load_meeting(meeting_id)
            case = self.app.store.load_case(meeting.case_id)
            details = (self._head(case, meeting), self._agenda(meeting), self._warnings(case))
        except StoreError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._report, error)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_details, *details)

    def _show_details(self, head: Content, agenda: Content, warnings: Content) -> None:
        if not self.is_attached:
            return
        self.query_one("#details-head", Static).update(head)
        self.query_one("#details-agenda", Static).update(agenda)
        self.query_one("#details-warnings", Static).update(warnings)

    @staticmethod
    def _head(case: Case, meeting: Meeting) -> Content:
        lines = [
            Content.from_markup("[b]$child[/b]", child=case.child.name),
            Content(f"{sv.MEETING_KIND[meeting.kind]}, {sv.when(meeting.start)}"),
        ]
        if meeting.place:
            lines.append(Content(f"{sv.LABEL_PLACE}: ") + Content(meeting.place))
        if case.question:
            lines.append(Content(""))
            lines.append(Content.from_markup("[b]$label[/b]", label=sv.SECTION_QUESTION))
            lines.append(Content(case.question))
        return Content("\n").join(lines)

    @staticmethod
    def _agenda(meeting: Meeting) -> Content:
        lines = [Content(""), Content.from_markup("[b]$label[/b]", label=sv.AGENDA_HEADING)]
        phase = None
        for number, step in enumerate(meeting.steps, start=1):
            if step.phase != phase:
                phase = step.phase
                lines.append(Content.from_markup("[i]$phase[/i]", phase=phase))
            minutes = step.planned_ns // NS_PER_MIN
            # Padded after the number, not before it: wrapping drops a line's leading spaces.
            lines.append(Content(f"{f'{number}.':<4}{minutes:>3} {sv.MINUTES_SHORT}  ") + Content(step.title))
        start = meeting.planned_start
        end = start + timedelta(minutes=meeting.planned_minutes)
        lines.append(
            Content(f"{meeting.planned_minutes} {sv.MINUTES_SHORT}  {start:%H.%M}–{end:%H.%M}")
        )
        return Content("\n").join(lines)

    def _warnings(self, case: Case) -> Content:
        """The case's process warnings, each in one line that names its source."""
        try:
            meetings = self.app.store.meetings_of(case.id)
        except StoreError:
            return Content("")
        warnings = case_warnings(case, meetings)
        if not warnings:
            return Content("")
        lines = [Content("")]
        lines += [
            Content.assemble(("! ", "bold $warning"), sv.process_warning(w)) for w in warnings
        ]
        return Content("\n").join(lines)
