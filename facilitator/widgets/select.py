"""Textual's Select with its one shown key in Swedish.

While a Select's list is open, the footer shows the list's own key: Textual's overlay
names Esc "Dismiss menu". The list here is the same overlay with that binding described
in Swedish; everything else is Textual's Select as it is.
"""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Select as TextualSelect
from textual.widgets._select import SelectCurrent, SelectOverlay

from facilitator import strings as sv

T = TypeVar("T")


class ChoicesOverlay(SelectOverlay):
    """The open list of a Select: Esc closes it."""

    BINDINGS = [Binding("escape", "dismiss", sv.KEY_CLOSE_LIST)]


class Select(TextualSelect[T]):
    """A Select whose open list says its key in Swedish."""

    def compose(self) -> ComposeResult:
        # As Textual's Select.compose, with the overlay above in place of its own.
        yield SelectCurrent(self.prompt)
        yield ChoicesOverlay(type_to_search=self._type_to_search).data_bind(compact=TextualSelect.compact)
