"""``facilitator room``: a read-only app for a second terminal on the projector.

It polls the database's ``data_version`` a few times a second (no data is read unless
it changed) and shows the running meeting, or the one asked for, as the room sees it.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from facilitator import strings as sv
from facilitator.agenda.clock import Clock, SystemClock
from facilitator.agenda.models import MeetingStatus
from facilitator.screens.room import RoomScreen, WaitingScreen
from facilitator.settings import load_settings
from facilitator.store import Store, StoreError
from facilitator.store.session import MeetingSession
from facilitator.themes import CONTRAST_THEME, DEFAULT_THEME, THEMES

POLL_SECONDS = 0.1


class RoomApp(App[int]):
    TITLE = sv.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", sv.KEY_QUIT, priority=True)]

    def __init__(self, store: Store, clock: Clock | None = None, meeting: str | None = None, config_dir=None):
        super().__init__()
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.wanted = meeting
        self._version: int | None = None
        self._showing: str | None = None
        for theme in THEMES:
            self.register_theme(theme)
        theme = load_settings(config_dir).theme
        self.theme = theme if theme in (DEFAULT_THEME, CONTRAST_THEME) else DEFAULT_THEME

    def on_mount(self) -> None:
        self.push_screen(WaitingScreen())
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def _target(self) -> str | None:
        """The meeting to show: the one asked for (or a newer running one of its case),
        else the running meeting."""
        running = self.store.running_meeting()
        if self.wanted is None:
            return running.id if running else None
        if running is not None and running.id != self.wanted:
            asked = self.store.load_meeting(self.wanted)
            if running.case_id == asked.case_id and asked.status is MeetingStatus.FINISHED:
                return running.id
        return self.wanted

    def poll(self) -> None:
        """Follow the writer: reload only when the database changed."""
        try:
            version = self.store.data_version()
            if version == self._version:
                return
            self._version = version
            target = self._target()
            if target is None:
                if self._showing is not None:
                    self._showing = None
                    self.switch_screen(WaitingScreen())
                return
            session = MeetingSession.load(self.store, target, self.clock)
        except StoreError:
            self._version = None  # try again at the next poll
            return
        if target == self._showing and isinstance(self.screen, RoomScreen):
            self.screen.follow(session)
        else:
            self._showing = target
            self.switch_screen(RoomScreen(session))
