"""The room view: what the projector shows, following the secretary's window.

It is the meeting screen in its room layout, read-only, with nothing to edit; the app
around it (``facilitator.room``) hands it a fresh copy of the meeting whenever the
writer saves.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.screens.meeting import MeetingScreen
from facilitator.store.session import MeetingSession


class RoomScreen(MeetingScreen):
    SHOW_READ_ONLY_BANNER = False
    BINDINGS = []  # nothing here changes the meeting; Ctrl+Q (the app) leaves

    def __init__(self, session: MeetingSession):
        super().__init__(session, read_only=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action in ("help",)

    def on_mount(self) -> None:
        self.room_layout = True

    def follow(self, session: MeetingSession) -> None:
        """Show the meeting as the writer last saved it."""
        self.session = session
        self.timebox = session.timebox
        self._view(self.timebox.current_index)
        self._tick()


class WaitingScreen(Screen[None]):
    """Shown while no meeting is running."""

    DEFAULT_CSS = """
    WaitingScreen { align: center middle; }
    WaitingScreen #waiting { width: auto; height: auto; padding: 2 6; border: tall $primary; }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="waiting"):
            yield Static(Content.styled(sv.ROOM_WAITING, "bold"))
            yield Static(sv.ROOM_WAITING_HINT, markup=False)
