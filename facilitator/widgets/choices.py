"""Choices whose state reads without colour: ☑ / ☐ where any number may be chosen,
◉ / ○ where one is. On a projector in a lit room, or for a colour-blind secretary, a
shade of teal is no difference; a sign is.

Only Enter (or a click) changes a choice: no letter, digit or space does, so text typed
while a choice list has the focus changes nothing.
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator import strings as sv

CHECKED, UNCHECKED = "☑", "☐"
CHOSEN, NOT_CHOSEN = "◉", "○"


class ChoiceList(OptionList):
    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 14; }
    """
    BINDINGS = [Binding("enter", "toggle", sv.KEY_CHOOSE, show=False)]

    class Changed(Message):
        """The choices changed; ``selected`` holds the chosen values in list order."""

        def __init__(self, choice_list: ChoiceList):
            super().__init__()
            self.choice_list = choice_list

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

        @property
        def selected(self) -> list[str]:
            return self.choice_list.selected

    def __init__(
        self,
        choices: list[tuple[str | Content, str]],
        chosen: set[str] | list[str] = (),
        *,
        single: bool = False,
        **kwargs,
    ):
        """``choices``: (label, value); labels are user text, never markup."""
        self.single = single
        self._take_choices(choices, chosen)
        super().__init__(*self._made_options(), **kwargs)

    def _take_choices(self, choices, chosen) -> None:
        self._choice_labels = [label if isinstance(label, Content) else Content(label) for label, _ in choices]
        self._choice_values = [value for _, value in choices]
        self._choice_chosen = {v for v in chosen if v in self._choice_values}

    def on_mount(self) -> None:
        if self._choice_values and self.highlighted is None:
            self.highlighted = 0

    def _made_options(self) -> list[Option]:
        return [Option(self._choice_prompt(i), id=str(i)) for i in range(len(self._choice_values))]

    def set_choices(self, choices: list[tuple[str | Content, str]], chosen: set[str] | list[str]) -> None:
        """Show other choices (the attendance changed), keeping the highlighted row."""
        highlighted = self.highlighted
        self._take_choices(choices, chosen)
        self.clear_options()
        self.add_options(self._made_options())
        if self._choice_values:
            self.highlighted = min(highlighted or 0, len(self._choice_values) - 1)

    @property
    def selected(self) -> list[str]:
        return [v for v in self._choice_values if v in self._choice_chosen]

    def show_chosen(self, chosen: list[str] | set[str]) -> None:
        """Have exactly ``chosen`` (those of them on the list) chosen, as a draft had them;
        says nothing (no ``Changed``)."""
        self._choice_chosen = {v for v in chosen if v in self._choice_values}
        self._show_choice_marks()

    def _choice_mark(self, index: int) -> str:
        on = self._choice_values[index] in self._choice_chosen
        if self.single:
            return CHOSEN if on else NOT_CHOSEN
        return CHECKED if on else UNCHECKED

    def _choice_prompt(self, index: int) -> Content:
        return Content(self._choice_mark(index) + " ") + self._choice_labels[index]

    def action_toggle(self) -> None:
        index = self.highlighted
        if index is None:
            return
        self.choose(index)

    def choose(self, index: int) -> None:
        """Change the choice at ``index``: one of several is chosen alone; any number are
        switched on or off."""
        value = self._choice_values[index]
        if self.single:
            self._choice_chosen = {value}
        else:
            self._choice_chosen ^= {value}
        self._show_choice_marks()
        self.post_message(self.Changed(self))

    def _show_choice_marks(self) -> None:
        for index in range(len(self._choice_values)):
            self.replace_option_prompt_at_index(index, self._choice_prompt(index))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        # A click selects an option: that is a choice too.
        event.stop()
        self.choose(event.option_index)
