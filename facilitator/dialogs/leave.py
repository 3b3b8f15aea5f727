"""Leaving a meeting for the start screen without quitting: pause the timer or let it run."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator import strings as sv


class LeaveDialog(ModalScreen[str | None]):
    """Dismisses with ``"pause"``, ``"run"`` or None (stay)."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "stay", sv.KEY_CANCEL)]

    def __init__(self, running: bool):
        super().__init__(classes="dialog")
        self.running = running

    def compose(self) -> ComposeResult:
        question = sv.LEAVE_QUESTION + (" " + sv.LEAVE_QUESTION_RUNNING if self.running else "")
        with Vertical(id="dialog-box"):
            yield Static(question, markup=False, id="question")
            with Horizontal(classes="buttons"):
                yield Button(sv.LEAVE_STAY, id="stay")
                if self.running:
                    yield Button(sv.LEAVE_RUNNING, id="run")
                    yield Button(sv.LEAVE_PAUSE, variant="primary", id="pause")
                else:
                    yield Button(sv.LEAVE_PAUSED, variant="primary", id="run")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#run")
    def _run(self) -> None:
        self.dismiss("run")

    @on(Button.Pressed, "#pause")
    def _pause(self) -> None:
        self.dismiss("pause")
