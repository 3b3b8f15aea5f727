"""The child's room view: the step in the child's words, large; where we are as a row of
marks; while goals and insatser are decided, the one being decided in the words written
for the child; the time left as a bar that shrinks; what comes next. When the secretary
pauses the timer, "Paus" large over it.

Nothing of the professionals' notes reaches it: no step guidance, no SIP text but the
lines written for the child, no names (not even in a title). The time is read from the timebox, as the countdown reads it; a
tick only redraws.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from facilitator import strings as sv
from facilitator.agenda.kinds import MeetingKind, StepStatus
from facilitator.agenda.timebox import Timebox, TimerPhase, TimerView
from facilitator.views.childview import child_line
from facilitator.widgets.bigdigits import big_lines
from facilitator.widgets.bigtext import BigText
from facilitator.widgets.countdown import show_phase

if TYPE_CHECKING:
    from facilitator.agenda.models import Consent

DONE = "●"
CURRENT = "◉"
TO_COME = "○"
HERE = "▲"
"""Under the current step's mark."""

RESERVED_ROWS = 12
"""Rows the child's view needs besides the step's line: the marks, the line's frame, the
bar and what comes next, with their margins."""
PAUSE_ROWS = 11
"""Rows of the pause sign with its word and margin."""

BAR_ON = "█"
BAR_OFF = "░"


def step_marks(timebox: Timebox) -> tuple[str, int | None]:
    """One mark per step that is run (skipped steps are left out), and which of them is
    the current one (None before the start and after the end)."""
    marks: list[str] = []
    current: int | None = None
    for index, step in enumerate(timebox.steps):
        if step.status is StepStatus.SKIPPED:
            continue
        if timebox.finished or step.status is StepStatus.DONE:
            marks.append(DONE)
        elif index == timebox.current_index and timebox.started:
            current = len(marks)
            marks.append(CURRENT)
        else:
            marks.append(TO_COME)
    return "".join(marks), current


def time_left(timebox: Timebox) -> float:
    """The part of the step's time that is left, from 1 (all of it) to 0 (none, or over)."""
    allotted = timebox.current.allotted_ns
    if allotted <= 0:
        return 0.0
    return min(1.0, max(0.0, timebox.remaining_ns() / allotted))


def bar_cells(fraction: float, width: int) -> int:
    """How many of ``width`` cells are full: a bar with any time left shows at least one."""
    if fraction <= 0 or width <= 0:
        return 0
    return max(1, min(width, round(fraction * width)))


class StepMarks(Widget):
    """The steps as a row of marks, centred, with ▲ under the current one."""

    DEFAULT_CSS = """
    StepMarks { width: 1fr; height: 2; }
    """

    marks: reactive[tuple[str, int | None]] = reactive(("", None))

    def render(self) -> Content:
        row, current = self.marks
        if not row:
            return Content("")
        width = self.content_size.width
        # As wide apart as fits: two spaces between marks, one, or none.
        gap = next((g for g in (3, 2, 1) if len(row) * (g + 1) - g <= width), 0)
        length = len(row) * (gap + 1) - gap
        left = " " * max(0, (width - length) // 2)
        line = Content(left)
        pointer = Content("")
        for i, mark in enumerate(row):
            if i:
                line += Content(" " * gap)
            line += Content.styled(mark, "bold $accent") if i == current else Content(mark)
        if current is not None:
            pointer = Content(left + " " * (current * (gap + 1))) + Content.styled(HERE, "bold $accent")
        return Content("\n").join([line, pointer])


class TimeBar(Widget):
    """The time left of the step as a bar that shrinks: no digits."""

    DEFAULT_CSS = """
    TimeBar { width: 1fr; height: 2; }
    """

    fraction: reactive[float] = reactive(1.0, repaint=False)

    def watch_fraction(self, old: float, new: float) -> None:
        width = self.content_size.width
        if bar_cells(old, width) != bar_cells(new, width):
            self.refresh()

    def render(self) -> Content:
        width = self.content_size.width
        full = bar_cells(self.fraction, width)
        row = Content(BAR_ON * full) + Content.styled(BAR_OFF * (width - full), "$text-disabled")
        return Content("\n").join([row] * max(1, self.content_size.height))


class ChildRoom(Vertical):
    """The child's view of the meeting, from its timebox and kind."""

    def compose(self) -> ComposeResult:
        yield StepMarks(id="child-marks")
        with Center(id="child-pause-row"):
            # The sign in letters five rows tall, the word under it as the room reads it.
            big = "\n".join(big_lines(sv.ROOM_PAUSED.upper()))
            yield Static(Content(f"{big}\n\n{sv.ROOM_PAUSED}"), id="child-pause")
        yield BigText(id="child-line")
        yield Static(id="child-decided", markup=False)
        yield TimeBar(id="child-bar")
        yield Static(id="child-next", markup=False)

    def refresh_from(
        self,
        timebox: Timebox,
        timer: TimerView,
        kind: MeetingKind,
        decided: str = "",
        consent: Consent | None = None,
    ) -> None:
        """Everything that changes with the step and the timer; cheap when nothing did.
        ``timer``: the timebox as read from the clock this tick; ``decided``: the line for
        the child of the goal or insats being decided; ``consent``: the case's, which the
        Sekretess step's line speaks of."""
        phase = show_phase(self, timer)
        self.query_one(StepMarks).marks = step_marks(timebox)
        pending = timebox.pending_after_current()
        if phase is TimerPhase.FINISHED:
            line, after = sv.CHILD_FINISHED, ""
        elif phase is TimerPhase.NOT_STARTED:
            line, after = sv.CHILD_NOT_STARTED, sv.CHILD_FIRST.format(line=child_line(timebox.current, kind, consent))
        else:
            line = child_line(timebox.current, kind, consent)
            after = (
                sv.CHILD_NEXT.format(line=child_line(timebox.steps[pending[0]], kind, consent))
                if pending
                else sv.CHILD_LAST
            )
        running = phase not in (TimerPhase.NOT_STARTED, TimerPhase.FINISHED)
        shown_decided = sv.CHILD_DECIDED.format(line=decided) if decided and running else ""
        big = self.query_one("#child-line", BigText)
        # Big letters where they leave room for the rest of the view; else bold text.
        big.max_rows = max(0, self.screen.size.height - RESERVED_ROWS - (6 if shown_decided else 0)
                           - (PAUSE_ROWS if phase is TimerPhase.PAUSED else 0))
        big.text = line
        self._label("#child-decided", shown_decided)
        self._label("#child-next", after)
        self.query_one("#child-pause-row").display = phase is TimerPhase.PAUSED
        bar = self.query_one(TimeBar)
        bar.display = phase not in (TimerPhase.NOT_STARTED, TimerPhase.FINISHED)
        bar.fraction = time_left(timebox)

    def _label(self, selector: str, text: str) -> None:
        label = self.query_one(selector, Static)
        label.display = bool(text)
        if str(label.visual) != text:
            label.update(Content(text))
