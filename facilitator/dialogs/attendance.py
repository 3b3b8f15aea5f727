"""F2: the attendance list over the meeting screen, at any step."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.meeting.session import MeetingSession
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.forms import CaptureForm
from facilitator.widgets.lists import AttendanceEditor


class AttendanceScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"
    DEFAULT_CSS = """
    AttendanceScreen > #dialog-box { width: 110; }
    """
    BINDINGS = [Binding("escape,f2", "close", sv.KEY_CLOSE, priority=True)]

    def __init__(self, session: MeetingSession, on_edit: Callable[[], object]):
        super().__init__(classes="dialog")
        self.session = session
        self._on_edit = on_edit

    @on(CaptureForm.DialogWanted)
    def _dialog_wanted(self, request: CaptureForm.DialogWanted) -> None:
        from facilitator.dialogs import dialog_for

        request.stop()
        self.app.push_screen(dialog_for(request), request.done)

    @on(CaptureForm.Edited)
    def _edited(self) -> None:
        # Every change to the list is saved at once, not when the dialog closes.
        self._on_edit()

    def compose(self) -> ComposeResult:
        # It scrolls, not the table: a long attendance list keeps its cursor in view.
        with VerticalScroll(id="dialog-box"):
            yield AttendanceEditor(self.session, with_notes=False)
            yield Static(sv.ATTENDANCE_CLOSE, classes="hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(AttendanceEditor).first_field().focus()

    def action_close(self) -> None:
        self.dismiss(None)
