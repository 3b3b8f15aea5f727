"""The step's countdown in large digits: amber in the last minute, red with +mm:ss over."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.timebox import Timebox
from facilitator.widgets.agenda import clock_text
from facilitator.widgets.bigdigits import BigDigits
from facilitator.widgets.label import relabel


class Countdown(Vertical):
    DEFAULT_CSS = """
    Countdown { width: 28; height: auto; align-horizontal: right; }
    Countdown Digits, Countdown BigDigits { width: auto; text-style: bold; color: $text; }
    Countdown.last-minute Digits, Countdown.last-minute BigDigits { color: $warning; }
    Countdown.overrun Digits, Countdown.overrun BigDigits { color: $error; }
    Countdown.paused Digits, Countdown.paused BigDigits { color: $text-muted; }
    Countdown BigDigits { display: none; }
    Countdown.big { width: auto; }
    Countdown.big BigDigits { display: block; }
    Countdown.big Digits { display: none; }
    Countdown #countdown-state { width: 100%; text-align: right; color: $text-muted; }
    Countdown.overrun #countdown-state { color: $error; text-style: bold; }
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # Made here, not looked up on mount: the screen may show the time before this
        # widget's own mount handler has run.
        self._digits = Digits("00:00", id="countdown-digits")
        self._big = BigDigits("00:00", id="countdown-big")
        self._state_label = Static("", id="countdown-state", markup=False)
        self._state_text: str | None = None

    def compose(self) -> ComposeResult:
        yield self._digits
        yield self._big
        yield self._state_label

    def refresh_from(self, timebox: Timebox) -> None:
        remaining = timebox.remaining_ns()
        if remaining >= 0:
            text = clock_text(remaining)
        else:
            text = "+" + clock_text(-remaining)
        if self._digits.value != text:
            self._digits.update(text)
            self._big.value = text
        over = remaining < 0
        paused = timebox.started and not timebox.running and not timebox.finished
        wanted = {
            "overrun": over,
            "last-minute": 0 <= remaining <= NS_PER_MIN and timebox.started,
            "paused": paused or not timebox.started,
        }
        for name, on in wanted.items():
            if self.has_class(name) != on:
                self.set_class(on, name)
        if timebox.finished:
            state = sv.TIMER_FINISHED
        elif not timebox.started:
            state = sv.TIMER_NOT_STARTED
        elif paused:
            state = sv.TIMER_PAUSED
        elif over:
            state = sv.TIMER_OVERRUN
        else:
            state = sv.TIMER_RUNNING
        if state != self._state_text:
            self._state_text = state
            relabel(self._state_label, state)
