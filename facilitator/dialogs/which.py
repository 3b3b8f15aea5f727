"""Which of a step's lists a new row goes into, when the step has more than one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator import strings as sv


class WhichDialog(ModalScreen[str | None]):
    """``choices``: (name, key); Enter answers the highlighted key, Esc answers None."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", sv.KEY_CANCEL)]

    def __init__(self, question: str, choices: list[tuple[str, str]]):
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(self.question, markup=False, id="question")
            yield OptionList(*[Option(Content(name), id=key) for name, key in self.choices], id="which")

    def on_mount(self) -> None:
        self.query_one("#which", OptionList).focus()

    @on(OptionList.OptionSelected, "#which")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
