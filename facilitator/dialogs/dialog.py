"""The shape every small form dialog shares: Enter moves on, Ctrl+S saves, Esc cancels."""

from __future__ import annotations

from typing import TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from facilitator import strings as sv
from facilitator.widgets.beside import show_beside
from facilitator.widgets.inorder import IN_ORDER_BINDINGS, InOrderFocus

T = TypeVar("T")


class FormDialog(InOrderFocus, ModalScreen[T | None]):
    """A modal form. Subclasses compose their fields, end with ``footer()``, and
    implement ``action_save``; Enter in ``LAST_FIELD`` saves, elsewhere it moves on."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", sv.KEY_CANCEL),
        # In keys that arrive together (a paste, a fast typist, a remote terminal) what
        # follows Enter belongs to the next field, so Enter moves on as the key comes (no
        # field keeps it); Ctrl+S, which no field takes either, waits its turn behind the
        # keys before it, so the form it saves holds them.
        Binding("ctrl+s", "save", sv.KEY_SAVE_DIALOG),
        Binding("enter", "next_field", show=False, priority=True),
        *IN_ORDER_BINDINGS,
    ]
    LAST_FIELD = ""
    AUTO_FOCUS = None
    FIRST_FIELD = "Input, Select, TextArea, ChoiceList, Checkbox, Button"
    """A form opens with the cursor in its first field (Textual's "*" took the form's
    scrolling box, which has no cursor), the box at its top so the title is in view."""

    def __init__(self) -> None:
        super().__init__(classes="dialog")

    def footer(self, save_label: str = sv.BUTTON_SAVE) -> ComposeResult:
        yield Static("", classes="problem", id="problem", markup=False)
        with Horizontal(classes="buttons"):
            yield Button(sv.BUTTON_CANCEL, id="cancel")
            yield Button(save_label, variant="primary", id="save")

    def _show_title(self) -> None:
        box = next(iter(self.query("#dialog-box")), None)
        focused = self.focused
        if box is None:
            return
        box.scroll_home(animate=False, immediate=True)
        if focused is not None and not box.can_view_entire(focused):
            box.scroll_to_widget(focused, animate=False, immediate=True)

    def refuse(self, message: str, field: str | None = None) -> None:
        """Say in one line what is wrong, and put the cursor where it is; nothing is saved."""
        problem = self.query_one("#problem", Static)
        problem.update(message)
        widget = self.query_one(field) if field else None
        show_beside(problem, widget)
        if widget is not None:
            widget.focus()

    def action_next_field(self) -> None:
        """Enter in a text field moves the cursor on at once (in the last one, saves);
        elsewhere (a choice, a button) Enter is the focused widget's own."""
        if not self.enter_moves_on(self.LAST_FIELD):
            self.action_save_settled()

    def action_save_settled(self) -> None:
        """Save once the focused field has taken the keys already given to it (Enter in
        the last field, handled as the key comes)."""
        focused = self.focused
        if focused is None or not focused.call_later(self.action_save):
            self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    def _typed(self) -> tuple:
        """What the fields hold now: to tell whether anything was typed or chosen."""
        from textual.widgets import Select, TextArea

        from facilitator.widgets.choices import ChoiceList

        values: list[object] = []
        for widget in self.query("*"):
            if isinstance(widget, Input | Select):
                values.append(widget.value)
            elif isinstance(widget, TextArea):
                values.append(widget.text)
            elif isinstance(widget, ChoiceList):
                values.append(tuple(widget.selected))
        return tuple(values)

    def on_mount(self) -> None:
        self._as_opened = self._typed()
        fields = list(self.query(self.FIRST_FIELD))
        if self.focused not in fields:  # a dialog that chose its own field keeps it
            first = next((w for w in fields if w.focusable), None)
            if first is not None:
                self.set_focus(first, scroll_visible=False)
        self.call_after_refresh(self._show_title)

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        """Close without saving; what was typed is only thrown away after a question."""
        if self._typed() == getattr(self, "_as_opened", None):
            self.dismiss(None)
            return
        from facilitator.dialogs.confirm import ConfirmDialog

        def answer(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog(sv.DISCARD_QUESTION, sv.DISCARD_YES, sv.DISCARD_NO), answer)

    def action_save(self) -> None:
        raise NotImplementedError
