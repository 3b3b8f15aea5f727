"""Plan a new meeting of a chosen kind for a case."""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from facilitator import strings as sv
from facilitator.agenda.dates import parse_clock, parse_day
from facilitator.agenda.models import MeetingKind


class MeetingPlan:
    """What the dialog returns: the choices, validated."""

    def __init__(self, kind: MeetingKind, start: datetime, minutes: int, place: str):
        self.kind = kind
        self.start = start
        self.minutes = minutes
        self.place = place


DEFAULT_MINUTES = {MeetingKind.FIRST: 90, MeetingKind.FOLLOW_UP: 60, MeetingKind.CLOSING: 60}


class NewMeetingDialog(ModalScreen[MeetingPlan | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", sv.KEY_CANCEL),
        Binding("ctrl+s", "save", sv.KEY_SAVE_DIALOG, priority=True),
    ]

    def __init__(self, child: str, kind: MeetingKind, suggested: datetime, place: str = ""):
        super().__init__(classes="dialog")
        self.child = child
        self.kind = kind
        self.suggested = suggested
        self.place = place

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.NEW_MEETING_FOR.format(child=self.child), classes="field-label", markup=False)
            yield Label(sv.LABEL_KIND, classes="field-label")
            yield Select(
                [(sv.MEETING_KIND[k], k) for k in MeetingKind], value=self.kind, allow_blank=False, id="kind"
            )
            yield Label(sv.LABEL_WHEN, classes="field-label")
            with Horizontal(classes="row"):
                yield Input(f"{self.suggested:%Y-%m-%d}", placeholder=sv.PLACEHOLDER_DATE, id="day")
                yield Input(f"{self.suggested:%H.%M}", placeholder=sv.PLACEHOLDER_TIME, id="clock")
                yield Input(str(DEFAULT_MINUTES[self.kind]), placeholder=sv.PLACEHOLDER_MINUTES, id="minutes")
            yield Label(sv.LABEL_PLACE, classes="field-label")
            yield Input(self.place, placeholder=sv.PLACEHOLDER_PLACE, id="place")
            yield Static("", classes="problem", id="meeting-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.BUTTON_CANCEL, id="cancel")
                yield Button(sv.BUTTON_PLAN, variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        self.query_one("#minutes", Input).value = str(DEFAULT_MINUTES[event.value])

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "place":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        problem = self.query_one("#meeting-problem", Static)
        try:
            day = parse_day(self.query_one("#day", Input).value)
            if day is None:
                raise ValueError("no date")
        except ValueError:
            problem.update(sv.BAD_DATE)
            return
        try:
            at = parse_clock(self.query_one("#clock", Input).value)
        except ValueError:
            problem.update(sv.BAD_TIME)
            return
        try:
            length = int(self.query_one("#minutes", Input).value)
        except ValueError:
            length = 0
        if not 15 <= length <= 240:
            problem.update(sv.BAD_MINUTES)
            return
        self.dismiss(
            MeetingPlan(
                self.query_one("#kind", Select).value,
                datetime.combine(day, at).astimezone(),
                length,
                self.query_one("#place", Input).value,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
