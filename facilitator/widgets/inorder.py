"""Moving between a form's fields as the key comes.

Keys that arrive together (a paste, a fast typist, a remote terminal) are handed to the
widget that has the focus when each key is read. Tab and Enter normally move the focus
only once the field has handled them, after the keys behind them were handed to the same
field: "Anna<Tab>2015" would end up as "Anna2015". Bound with priority, they move the
focus when they are read, so each key lands in the field it was typed for; keys already
handed to a field are still handled by it, in order.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Input

IN_ORDER_BINDINGS = [
    Binding("tab", "focus_next_now", show=False, priority=True),
    Binding("shift+tab", "focus_previous_now", show=False, priority=True),
]


class InOrderFocus:
    """For a screen whose fields are filled in from the keyboard: Tab and Shift+Tab move
    the focus as they are read (include ``IN_ORDER_BINDINGS`` in its bindings)."""

    def action_focus_next_now(self: Screen) -> None:
        self.focus_next()

    def action_focus_previous_now(self: Screen) -> None:
        self.focus_previous()

    def enter_moves_on(self: Screen, last_field: str = "") -> bool:
        """Enter in a text field: move on at once and say so (False for the last field,
        which the caller handles). Anything else keeps Enter for itself."""
        focused = self.focused
        if not isinstance(focused, Input):
            raise SkipAction()
        if focused.suggester is not None and focused.cursor_at_end:
            focused.action_cursor_right()  # Enter takes the name the field suggests
        if focused.id == last_field:
            return False
        self.focus_next()
        return True


def organisation_suggester(names: list[str]) -> SuggestFromList | None:
    """While a verksamhet is typed, the case's verksamhet it begins (any case) is shown
    after the cursor, and Enter takes it: the person or insats then belongs to that one."""
    return SuggestFromList(names, case_sensitive=False) if names else None
