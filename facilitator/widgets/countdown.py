"""The step's countdown: amber in the last minute, red with +mm:ss over.

``Countdown`` is the secretary's (three-row digits and what to press); the room view
has its own, larger and without keys (``screens/room.py``). Both read the same
``TimerPhase`` and the same ``clock_text``.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Digits, Static

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN, from_ns
from facilitator.agenda.timebox import TimerPhase, TimerView
from facilitator.widgets.agenda import clock_text
from facilitator.widgets.label import relabel

PHASE_CLASSES = {
    TimerPhase.NOT_STARTED: "paused",
    TimerPhase.PAUSED: "paused",
    TimerPhase.LAST_MINUTE: "last-minute",
    TimerPhase.OVERRUN: "overrun",
}


def remaining_text(timer: TimerView) -> str:
    remaining = timer.remaining_ns
    return clock_text(remaining) if remaining >= 0 else "+" + clock_text(-remaining)


def show_phase(widget: Widget, timer: TimerView) -> TimerPhase:
    """Set the widget's colour classes for the timer's phase (a paused step that ran over
    stays red); returns the phase."""
    phase = timer.phase
    over = timer.remaining_ns < 0
    wanted = {
        "paused": PHASE_CLASSES.get(phase) == "paused",
        "last-minute": phase is TimerPhase.LAST_MINUTE,
        "overrun": over and phase is not TimerPhase.FINISHED,
    }
    for name, on in wanted.items():
        if widget.has_class(name) != on:
            widget.set_class(on, name)
    return phase


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { width: 28; height: auto; align-horizontal: right; }
    Countdown Digits { width: auto; text-style: bold; color: $text; }
    Countdown.last-minute Digits { color: $warning; }
    Countdown.overrun Digits { color: $error; }
    Countdown.paused Digits { color: $text-muted; }
    Countdown #countdown-state { width: 100%; text-align: right; color: $text-muted; }
    Countdown.overrun #countdown-state { color: $error; text-style: bold; }
    """

    STATES = {
        TimerPhase.NOT_STARTED: sv.TIMER_NOT_STARTED,
        TimerPhase.RUNNING: sv.TIMER_RUNNING,
        TimerPhase.LAST_MINUTE: sv.TIMER_RUNNING,
        TimerPhase.OVERRUN: sv.TIMER_OVERRUN,
        TimerPhase.PAUSED: sv.TIMER_PAUSED,
        TimerPhase.FINISHED: sv.TIMER_FINISHED,
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Made here, not looked up on mount: the screen may show the time before this
        # widget's own mount handler has run.
        self._digits = Digits("00:00", id="countdown-digits")
        self._state_label = Static("", id="countdown-state", markup=False)
        self._state_text: str | None = None

    def compose(self) -> ComposeResult:
        yield self._digits
        yield self._state_label

    timer: reactive[TimerView | None] = reactive(None, init=False)
    """Where the timer stands (bound to the screen's)."""

    def watch_timer(self, timer: TimerView | None) -> None:
        if timer is None:
            return
        text = remaining_text(timer)
        if self._digits.value != text:
            self._digits.update(text)
        state = self.STATES[show_phase(self, timer)]
        if state != self._state_text:
            self._state_text = state
            relabel(self._state_label, state)


def end_times(timer: TimerView) -> Content:
    """The meeting's planned end and, in red when a minute or more later, its projected end."""
    planned = timer.planned_end_wall_ns
    projected = timer.projected_end_wall_ns
    style = "bold $error" if projected - planned >= NS_PER_MIN else "bold"
    return Content(f"{sv.PLANNED_END} {from_ns(planned):%H.%M} · {sv.PROJECTED_END} ") + Content.styled(
        f"{from_ns(projected):%H.%M}", style
    )


class EndTimes(Static):
    """The meeting's planned and projected end, redrawn only when the minute changes."""

    DEFAULT_CSS = """
    EndTimes { width: auto; }
    """

    timer: reactive[TimerView | None] = reactive(None, init=False)

    def watch_timer(self, timer: TimerView | None) -> None:
        if timer is None:
            return
        text = end_times(timer)
        if str(self.visual) != text.plain:
            relabel(self, text)


class TimeUp(Static):
    """On the secretary's screen when the step's time is up: which key closes it."""

    DEFAULT_CSS = """
    TimeUp { display: none; }
    """

    timer: reactive[TimerView | None] = reactive(None, init=False)

    def watch_timer(self, timer: TimerView | None) -> None:
        if timer is None:
            return
        show = timer.running and timer.remaining_ns <= 0
        if self.display != show:
            self.display = show
            self.update(Content.styled(sv.TIME_UP, "bold $error") if show else "")
