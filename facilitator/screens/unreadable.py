"""Shown instead of the app when the database cannot be read: what, where, and a choice."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from facilitator import strings as sv
from facilitator.store import DatabaseUnreadable, Unreadable
from facilitator.themes import THEMES
from facilitator.widgets.problems import store_problem


class UnreadableApp(App[bool]):
    """Exits with True when the user chose to move the file aside and start afresh."""

    CSS = """
    Screen { align: center middle; }
    #box { width: 90; max-width: 95%; height: auto; padding: 1 2; border: thick $error; }
    #box Static { margin-bottom: 1; }
    .buttons { height: auto; align-horizontal: right; }
    .buttons Button { margin-left: 2; }
    """
    BINDINGS = [Binding("escape,ctrl+q", "keep", sv.KEY_QUIT, priority=True)]

    def __init__(self, error: DatabaseUnreadable):
        super().__init__()
        self.error = error
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = THEMES[0].name

    def compose(self) -> ComposeResult:
        newer = self.error.reason is Unreadable.NEWER
        with Vertical(id="box"):
            yield Static(Content.styled(sv.UNREADABLE_TITLE, "bold $error"))
            yield Static(Content(sv.UNREADABLE_WHERE) + Content(str(self.error.path)))
            yield Static(Content(sv.UNREADABLE_PROBLEM) + Content(store_problem(self.error)))
            yield Static(sv.UNREADABLE_NEWER if newer else sv.UNREADABLE_WHAT, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.UNREADABLE_KEEP, id="keep")
                yield Button(sv.UNREADABLE_MOVE, variant="warning", id="move")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed, "#move")
    def _move(self) -> None:
        self.exit(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.exit(False)
