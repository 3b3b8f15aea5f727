"""F1: every key, and what the current step is for."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.agenda.models import StepRun


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "dismiss", sv.KEY_CLOSE, priority=True),
    ]

    def __init__(self, step: StepRun, keys: list[tuple[str, str]]):
        super().__init__(classes="dialog")
        self.step = step
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog-box"):
            yield Static(Content.styled(sv.HELP_STEP_HEADING, "bold $text-secondary"))
            yield Static(Content.styled(self.step.title, "bold") + Content("\n") + Content(self.step.guidance))
            yield Static(Content.styled("\n" + sv.HELP_KEYS_HEADING, "bold $text-secondary"))
            lines = [Content.styled(f"{key:>8}  ", "bold $accent") + Content(text) for key, text in self.keys]
            lines.append(Content.styled(f"{'^p':>8}  ", "bold $accent") + Content(sv.KEY_PALETTE_LONG))
            lines.append(Content.styled(f"{'^q':>8}  ", "bold $accent") + Content(sv.KEY_QUIT_LONG))
            yield Static(Content("\n").join(lines), id="help-keys")
            yield Static(Content.styled("\n" + sv.HELP_CLOSE, "$text-muted"))

    async def action_dismiss(self, result=None) -> None:
        self.dismiss(None)
