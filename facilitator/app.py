"""The App: wires the store, the clock and the screens. Screens do the rest."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from facilitator import strings as sv
from facilitator.agenda.clock import Clock, SystemClock
from facilitator.screens.start import StartScreen
from facilitator.store import Store


class FacilitatorApp(App[int]):
    TITLE = sv.APP_TITLE
    BINDINGS = [
        Binding("ctrl+q", "quit", sv.KEY_QUIT, priority=True, id="quit"),
        Binding(
            "ctrl+p", "command_palette", sv.KEY_PALETTE, show=False, priority=True, id="palette"
        ),
    ]

    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        config_dir: Path | None = None,
        focus_meeting: str | None = None,
    ):
        super().__init__()
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.config_dir = config_dir
        self._focus_meeting = focus_meeting

    def on_mount(self) -> None:
        self.push_screen(StartScreen(focus_meeting=self._focus_meeting))
