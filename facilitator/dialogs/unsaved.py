"""Quitting while not everything is saved: say so, and let the secretary choose — stay,
wait until it is saved, or save a copy in a file of their choosing. Never a silent exit."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from facilitator import strings as sv


class Choice(Enum):
    STAY = "stay"
    WAIT = "wait"
    COPY = "copy"


class Answer(NamedTuple):
    choice: Choice
    path: Path | None = None


class UnsavedDialog(ModalScreen[Answer]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "stay", sv.KEY_CANCEL)]

    def __init__(self, reason: str, last_saved: str, suggested: Path):
        """``last_saved``: when the last save reached the disk, as the clock shows it ("" if none)."""
        super().__init__(classes="dialog")
        self.reason = reason
        self.last_saved = last_saved
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(Content.styled(sv.UNSAVED_TITLE, "bold $error"))
            yield Static(sv.UNSAVED_TEXT.format(reason=self.reason), markup=False, id="question")
            since = sv.UNSAVED_SINCE.format(time=self.last_saved) if self.last_saved else sv.UNSAVED_NEVER
            yield Static(since, markup=False, id="since")
            yield Label(sv.UNSAVED_COPY_LABEL, classes="field-label", markup=False)
            yield Input(str(self.suggested), id="copy-path")
            yield Static("", classes="problem", id="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.UNSAVED_STAY, id="stay")
                yield Button(sv.UNSAVED_WAIT, id="wait")
                yield Button(sv.UNSAVED_COPY, variant="warning", id="copy")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    def refuse(self, message: str) -> None:
        """The copy could not be written there: say why, keep the dialog."""
        self.query_one("#problem", Static).update(message)
        self.query_one("#copy-path", Input).focus()

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(Answer(Choice.STAY))

    @on(Button.Pressed, "#wait")
    def _wait(self) -> None:
        self.dismiss(Answer(Choice.WAIT))

    @on(Button.Pressed, "#copy")
    @on(Input.Submitted, "#copy-path")
    def _copy(self) -> None:
        text = self.query_one("#copy-path", Input).value.strip()
        if not text:
            self.refuse(sv.UNSAVED_NO_PATH)
            return
        self.dismiss(Answer(Choice.COPY, Path(text).expanduser()))
