"""Forms that keep what is typed until it is stored: the case form and the new-meeting form.

``KeepsTyping`` is the screen's half of ``facilitator.meeting.forms.KeptForm``: it reads
the fields' values for the draft a moment after each pause in typing, hands the record
to the writer thread on Ctrl+S, shows whether that succeeded (the banner while the
database fails, the form open and its typing kept), and closes the form only once the
record is stored. Esc asks before throwing typing away; Ctrl+Q asks through the app
(``FormQuitDialog``). With nothing unstored, both just close.
"""

from __future__ import annotations

import asyncio
from enum import Enum
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from facilitator import strings as sv
from facilitator.agenda.clock import from_ns
from facilitator.meeting.forms import KeptForm, Values
from facilitator.meeting.live import SaveStatus
from facilitator.store.errors import StorageFailure
from facilitator.widgets.choices import ChoiceList
from facilitator.widgets.label import relabel
from facilitator.widgets.savestate import SaveBanner, SaveLabel

if TYPE_CHECKING:
    from textual.screen import Screen

TICK_SECONDS = 0.1
"""How often the form looks whether a draft is due (the timing itself is the meeting's)."""


def form_values(screen: Screen) -> Values:
    """What the screen's fields hold, by field id."""
    values: Values = {}
    for widget in screen.query("*"):
        if widget.id is None:
            continue
        if isinstance(widget, Input):
            values[widget.id] = widget.value
        elif isinstance(widget, TextArea):
            values[widget.id] = widget.text
        elif isinstance(widget, Checkbox):
            values[widget.id] = widget.value
        elif isinstance(widget, Select):
            values[widget.id] = "" if widget.value is Select.NULL else str(widget.value)
        elif isinstance(widget, ChoiceList):
            values[widget.id] = list(widget.selected)
    extra = getattr(screen, "extra_values", None)
    if extra is not None:
        values.update(extra())
    return values


def restore_values(screen: Screen, values: Values) -> None:
    """Put a draft's text back into the screen's text fields and check boxes (choices are
    given to the form when it is made, where they set the fields that follow them)."""
    for widget in screen.query("*"):
        value = values.get(widget.id) if widget.id else None
        if value is None:
            continue
        if isinstance(widget, Input) and isinstance(value, str):
            widget.value = value
        elif isinstance(widget, TextArea) and isinstance(value, str):
            widget.load_text(value)
        elif isinstance(widget, Checkbox) and isinstance(value, bool):
            widget.value = value
        elif isinstance(widget, ChoiceList) and isinstance(value, list) and widget.id in screen.RESTORED_CHOICES:
            widget.show_chosen([v for v in value if isinstance(v, str)])


class KeepsTyping:
    """For a form screen given a ``KeptForm`` (``self.kept``; None: a plain form whose
    caller stores what it returns). Compose ``kept_banner()`` and ``kept_label()``, call
    ``keep_typing()`` when mounted, ``store_record()`` on Ctrl+S, ``close_form()`` on Esc,
    and implement ``stored_result`` (what the form is dismissed with)."""

    RESTORED_CHOICES: tuple[str, ...] = ()
    """Choice lists (by id) a draft puts back as it had them: those whose choice sets no
    field that follows."""

    def extra_values(self) -> Values:
        """What the form holds besides its fields (kept in the draft, plain values only:
        text, yes/no and lists of text), under keys no field has."""
        return {}

    kept: KeptForm | None = None
    restored: Values | None = None
    """A draft's values the form was opened with (a restart after a crash)."""
    _as_stored: Values | None = None

    class FormStored(Message):
        """The writer thread stored the record made from ``values`` (posted from it)."""

        def __init__(self, values: Values, record: object):
            super().__init__()
            self.values = values
            self.record = record

    class FormFailed(Message):
        def __init__(self, failure: StorageFailure):
            super().__init__()
            self.failure = failure

    def kept_banner(self) -> SaveBanner:
        return SaveBanner(sv.FORM_SAVE_FAILED_BANNER, id="save-banner")

    def kept_label(self) -> SaveLabel:
        return SaveLabel(id="save-state")

    def keep_typing(self: Screen) -> None:
        """Start keeping: what the form holds now is what is stored; a draft it was opened
        with goes back into its fields (and counts as not stored)."""
        kept = self.kept
        if kept is None:
            return
        self._as_stored = form_values(self)
        if self.restored:
            restore_values(self, self.restored)
        kept.attach(
            lambda: form_values(self),
            on_stored=lambda values, record: self.post_message(KeepsTyping.FormStored(values, record)),
            on_failed=lambda failure: self.post_message(KeepsTyping.FormFailed(failure)),
            handed=form_values(self) if self.restored else self._as_stored,
        )
        self.set_interval(TICK_SECONDS, kept.tick)

    # --- typing ------------------------------------------------------------------------------

    def _edited(self) -> None:
        if self.kept is not None:
            self.kept.edited()

    def on_input_changed(self) -> None:
        self._edited()

    def on_text_area_changed(self) -> None:
        self._edited()

    def on_checkbox_changed(self) -> None:
        self._edited()

    def on_select_changed(self) -> None:
        self._edited()

    def on_choice_list_changed(self) -> None:
        self._edited()

    def unstored(self: Screen) -> bool:
        """Something typed is not stored yet (or is being stored)."""
        if self.kept is None:
            return False
        return self.kept.storing or form_values(self) != self._as_stored

    # --- storing ------------------------------------------------------------------------------

    def store_record(self: Screen, record: object) -> None:
        """Hand ``record`` (made from the fields as they are) to the writer thread; the form
        closes once it is stored, and stays with everything in it while it fails."""
        self.kept.store(record, form_values(self))
        label = self.query_one("#save-state", SaveLabel)
        label.set_class(False, "failed")
        relabel(label, sv.FORM_STORING)

    def stored_result(self, record: object) -> object:
        return record

    async def on_keeps_typing_form_stored(self: Screen, message: KeepsTyping.FormStored) -> None:
        if not self.is_attached or self.kept is None:
            return
        self._as_stored = message.values
        status = SaveStatus(self.app.clock.wall_ns(), None)
        self.query_one("#save-state", SaveLabel).show(status)
        self.query_one("#save-banner", SaveBanner).show(status)
        if self.kept.storing or form_values(self) != message.values:
            return  # typed on meanwhile: that is not stored yet, so the form stays
        kept, self.kept = self.kept, None
        await asyncio.to_thread(kept.close)
        self.dismiss(self.stored_result(message.record))

    def on_keeps_typing_form_failed(self: Screen, message: KeepsTyping.FormFailed) -> None:
        if not self.is_attached:
            return
        status = SaveStatus(None, message.failure)
        self.query_one("#save-state", SaveLabel).show(status)
        self.query_one("#save-banner", SaveBanner).show(status)

    # --- closing ------------------------------------------------------------------------------

    def close_form(self: Screen) -> None:
        """Esc: close; while anything typed is not stored, only after a question."""
        if not self.unstored():
            self.call_later(self._close_kept, False)
            return
        from facilitator.dialogs.confirm import ConfirmDialog

        def answer(discard: bool | None) -> None:
            if discard:
                self.call_later(self._close_kept, True)

        self.app.push_screen(ConfirmDialog(sv.DISCARD_QUESTION, sv.DISCARD_YES, sv.DISCARD_NO), answer)

    async def _close_kept(self: Screen, discard: bool) -> None:
        kept, self.kept = self.kept, None
        if kept is not None:
            await asyncio.to_thread(kept.discard if discard else kept.close)
        self.dismiss(None)

    async def keep_for_later(self: Screen) -> bool:
        """Quitting: the typing to the draft file, to be offered back at the next start;
        False when the draft file could not be written."""
        kept = self.kept
        if kept is None:
            return True
        kept.draft()  # the fields are read here, on the thread that owns them
        if not await asyncio.to_thread(kept.keep):
            return False  # the form stays as it is, and drafting goes on
        self.kept = None
        return True

    async def throw_away(self: Screen) -> None:
        kept, self.kept = self.kept, None
        if kept is not None:
            await asyncio.to_thread(kept.discard)

    def form_status_reason(self) -> str:
        failure = self.kept.failure if self.kept is not None else None
        return sv.SAVE_FAILED_REASON[failure.reason] if failure is not None else ""

    def on_unmount(self) -> None:
        # The app ends under the open form (an error, or a test): the draft stays on disk.
        if self.kept is not None:
            self.kept.abandon()
            self.kept = None


class QuitChoice(Enum):
    STAY = "stay"
    KEEP = "keep"
    DISCARD = "discard"


class FormQuitDialog(ModalScreen[QuitChoice]):
    """Ctrl+Q with a form whose typing is not stored: stay, quit keeping the draft for the
    next start, or quit throwing it away."""

    CSS_PATH = "dialog.tcss"
    BINDINGS = [Binding("escape", "stay", sv.KEY_CANCEL)]

    def __init__(self, form: str, reason: str = "", problem: str = ""):
        """``form``: which form (``FORM_NAMES``); ``reason``: why storing fails, if it does."""
        super().__init__(classes="dialog")
        self.form = form
        self.reason = reason
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box"):
            yield Static(Content.styled(sv.FORM_QUIT_TITLE, "bold $error"))
            reason = sv.FORM_QUIT_REASON.format(reason=self.reason) if self.reason else ""
            text = sv.FORM_QUIT_TEXT.format(form=sv.FORM_NAMES[self.form], reason=reason)
            yield Static(text, markup=False, id="question")
            yield Static(self.problem, classes="problem", id="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.UNSAVED_STAY, id="stay")
                yield Button(sv.FORM_QUIT_DISCARD, variant="error", id="discard")
                yield Button(sv.FORM_QUIT_KEEP, variant="warning", id="keep")

    def on_mount(self) -> None:
        self.query_one("#stay", Button).focus()

    @on(Button.Pressed, "#stay")
    def action_stay(self) -> None:
        self.dismiss(QuitChoice.STAY)

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(QuitChoice.KEEP)

    @on(Button.Pressed, "#discard")
    def _discard(self) -> None:
        self.dismiss(QuitChoice.DISCARD)


def when_drafted(wall_ns: int) -> str:
    return f"{from_ns(wall_ns):%H.%M}"
