"""``facilitator room``: a read-only app for a second terminal on the projector.

It asks the feed (``meeting.follow``) twenty times a second whether anything changed —
no data is read unless the writer wrote — and shows the meeting open for writing, or the
one asked for. It changes nothing: not the data, and not the interpreter's settings.
Its one key, B, switches between the professionals' view and the child's.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from facilitator import strings as sv
from facilitator.agenda.clock import Clock, SystemClock
from facilitator.meeting.follow import RoomFeed
from facilitator.screens.guard import CrashGuard
from facilitator.screens.room import RoomScreen
from facilitator.settings import load_settings
from facilitator.store import Store
from facilitator.themes import use_themes

POLL_SECONDS = 0.05


class RoomApp(CrashGuard, App[int]):
    TITLE = sv.APP_TITLE
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", sv.KEY_QUIT, show=False, priority=True)]

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        meeting: str | None = None,
        config_dir: Path | None = None,
        *,
        child: bool = False,
    ):
        """``child``: start in the child's view (``facilitator room --barn``); otherwise
        the view follows the meeting's switch in the writer's window."""
        super().__init__()
        self.clock: Clock = clock or SystemClock()
        self.store = store
        self.feed = RoomFeed(store, meeting)
        self.room = RoomScreen(self.clock, child=True if child else None)
        use_themes(self, load_settings(config_dir).theme)

    def crash_folder(self) -> Path | None:
        return self.store.path.parent

    def on_mount(self) -> None:
        self.push_screen(self.room)
        self.poll()
        self.set_interval(POLL_SECONDS, self.poll)

    def poll(self) -> None:
        update = self.feed.poll()
        if update is not None:
            self.room.show(update)
