"""Plan a new meeting of a chosen kind for a case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from facilitator import strings as sv
from facilitator.agenda.dates import parse_clock, parse_day
from facilitator.agenda.meetings import interpreted_minutes
from facilitator.agenda.models import MeetingKind
from facilitator.agenda.workdays import check_meeting, first_meeting_earliest, previous_meeting
from facilitator.dialogs.dialog import FormDialog
from facilitator.dialogs.kept import KeepsTyping
from facilitator.widgets.choices import ChoiceList
from facilitator.widgets.select import Select

if TYPE_CHECKING:
    from facilitator.agenda.models import Meeting
    from facilitator.meeting.forms import KeptForm, Values


class MeetingPlan:
    """What the dialog returns: the choices, validated."""

    def __init__(self, kind: MeetingKind, start: datetime, minutes: int, place: str):
        self.kind = kind
        self.start = start
        self.minutes = minutes
        self.place = place
        self.meeting: Meeting | None = None
        """The meeting planned and stored from it, when the dialog stores it itself."""


DEFAULT_MINUTES = {MeetingKind.FIRST: 90, MeetingKind.FOLLOW_UP: 60, MeetingKind.CLOSING: 60}


class NewMeetingDialog(KeepsTyping, FormDialog[MeetingPlan]):
    """The kind, day, time, length and place of a new meeting. Under the day, the rule of
    the process the chosen kind is planned by: the allowed days, or a warning that names
    its source when the day misses them. A warning never stops the plan.

    Given a ``KeptForm`` and ``make`` (the meeting a plan makes), the dialog stores the
    meeting itself, on the writer thread, and closes once it is stored; what is typed is
    kept as a draft until then."""

    DEFAULT_CSS = """
    NewMeetingDialog #rule { height: auto; color: $text-muted; }
    NewMeetingDialog #rule.warning { color: $warning; text-style: bold; }
    NewMeetingDialog #meeting-head { height: auto; }
    NewMeetingDialog #meeting-head > Label { width: 1fr; }
    NewMeetingDialog #save-state { margin-top: 1; }
    """
    LAST_FIELD = "place"

    def __init__(
        self,
        child: str,
        kind: MeetingKind,
        suggested: datetime,
        place: str = "",
        *,
        kallelse_received: date | None = None,
        meeting_days: Sequence[date] = (),
        interpreter: bool = False,
        kept: KeptForm[Meeting] | None = None,
        make: Callable[[MeetingPlan], Meeting] | None = None,
        restored: Values | None = None,
    ):
        """``kallelse_received``: the day the case's kallelse was received;
        ``meeting_days``: the days of the case's other meetings; ``interpreter``: an
        interpreter is called (the meeting is planned longer, its steps scaled);
        ``restored``: a draft's values to open with."""
        super().__init__()
        self.child = child
        self.kallelse_received = kallelse_received
        self.meeting_days = tuple(meeting_days)
        self.kept = kept if make is not None else None
        self.make = make
        self.restored = restored
        if restored:
            # The choices first, as they were: they set the length, which the draft holds too.
            kind = next((k for k in MeetingKind if k.value == restored.get("kind")), kind)
            chosen = restored.get("interpreter")
            interpreter = "interpreter" in chosen if isinstance(chosen, list) else interpreter
        self.kind = kind
        self.suggested = suggested
        self.place = place
        self.interpreter = interpreter

    def _minutes(self, kind: MeetingKind, interpreter: bool) -> int:
        return interpreted_minutes(DEFAULT_MINUTES[kind]) if interpreter else DEFAULT_MINUTES[kind]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog-box"):
            yield from self.compose_banner()
            yield Label(sv.LABEL_KIND, classes="field-label")
            yield Select(
                [(sv.MEETING_KIND[k], k) for k in MeetingKind], value=self.kind, allow_blank=False, id="kind"
            )
            yield Label(sv.LABEL_WHEN, classes="field-label")
            with Horizontal(classes="row"):
                yield Input(f"{self.suggested:%Y-%m-%d}", placeholder=sv.PLACEHOLDER_DATE, id="day")
                yield Input(f"{self.suggested:%H.%M}", placeholder=sv.PLACEHOLDER_TIME, id="clock")
                yield Input(
                    str(self._minutes(self.kind, self.interpreter)), placeholder=sv.PLACEHOLDER_MINUTES, id="minutes"
                )
            yield Static("", id="rule", markup=False)
            yield Label(sv.LABEL_PLACE, classes="field-label")
            yield Input(self.place, placeholder=sv.PLACEHOLDER_PLACE, id="place")
            yield ChoiceList(
                [(sv.WITH_INTERPRETER, "interpreter")], ["interpreter"] if self.interpreter else [], id="interpreter"
            )
            yield from self.footer(sv.BUTTON_PLAN)

    def compose_banner(self) -> ComposeResult:
        yield self.kept_banner()
        with Horizontal(id="meeting-head"):
            yield Label(sv.NEW_MEETING_FOR.format(child=self.child), classes="field-label", markup=False)
            yield self.kept_label()

    def on_mount(self) -> None:
        self.query_one("#kind", Select).focus()
        self.keep_typing()
        self._check_rule()

    def action_cancel(self) -> None:
        if self.kept is not None:
            self.close_form()
        else:
            super().action_cancel()

    def stored_result(self, record: object) -> MeetingPlan:
        plan = self._plan
        plan.meeting = record
        return plan

    def _with_interpreter(self) -> bool:
        return bool(self.query_one("#interpreter", ChoiceList).selected)

    @on(Select.Changed, "#kind")
    def _kind(self, event: Select.Changed) -> None:
        # Only a change of the choice sets the length (not the choice shown as the
        # dialog opens, which may come with a length of its own from a draft).
        if event.value != self.kind:
            self.kind = event.value
            self.query_one("#minutes", Input).value = str(self._minutes(event.value, self._with_interpreter()))
        self._check_rule()

    @on(ChoiceList.Changed, "#interpreter")
    def _interpreter(self) -> None:
        if self._with_interpreter() == self.interpreter:
            return
        self.interpreter = self._with_interpreter()
        kind = self.query_one("#kind", Select).value
        self.query_one("#minutes", Input).value = str(self._minutes(kind, self.interpreter))

    @on(Input.Changed, "#day")
    def _check_rule(self) -> None:
        """Show the chosen kind's rule for the typed day, as a warning if it misses it."""
        rule = self.query_one("#rule", Static)
        kind = self.query_one("#kind", Select).value
        try:
            day = parse_day(self.query_one("#day", Input).value)
        except ValueError:
            day = None  # the date is refused, with its own line, only when saving
        previous = warning = None
        if day is not None:
            previous = previous_meeting(self.meeting_days, day)
            warning = check_meeting(kind, day, kallelse_received=self.kallelse_received, previous=previous)
        if warning is not None:
            rule.set_classes("warning")
            rule.update(sv.process_warning(warning))
        elif kind is MeetingKind.FIRST and self.kallelse_received is not None:
            rule.set_classes("")
            rule.update(sv.KALLELSE_EARLIEST.format(earliest=first_meeting_earliest(self.kallelse_received)))
        elif kind is not MeetingKind.FIRST and previous is not None:
            rule.set_classes("")
            rule.update(sv.meeting_window(kind, previous))
        else:
            rule.set_classes("")
            rule.update("")

    def action_save(self) -> None:
        try:
            day = parse_day(self.query_one("#day", Input).value)
            if day is None:
                raise ValueError("no date")
        except ValueError:
            return self.refuse(sv.BAD_DATE, "#day")
        try:
            at = parse_clock(self.query_one("#clock", Input).value)
        except ValueError:
            return self.refuse(sv.BAD_TIME, "#clock")
        try:
            length = int(self.query_one("#minutes", Input).value)
        except ValueError:
            length = 0
        if not 15 <= length <= 240:
            return self.refuse(sv.BAD_MINUTES, "#minutes")
        plan = MeetingPlan(
            self.query_one("#kind", Select).value,
            datetime.combine(day, at).astimezone(),
            length,
            self.query_one("#place", Input).value,
        )
        if self.kept is None or self.make is None:
            self.dismiss(plan)
            return
        self._plan = plan
        self.store_record(self.make(plan))
