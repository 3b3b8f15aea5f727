"""The timebox clock: time-boxed agenda steps driven by an injected clock.

The timebox works on a meeting's ``StepRun`` list and ``TimerState`` in place, so the
meeting record is always the whole truth and saving it saves the timer. Inside the
process, durations come from the clock's monotonic reading; the wall time at which the
running segment began is kept in the state, so a restarted process (even after a crash)
rebuilds the same elapsed time. Nothing is ever counted in ticks: reading the remaining
time any number of times, at any rate, gives the same answer for the same clock.

All durations are integer nanoseconds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from facilitator.agenda.apportion import apportion
from facilitator.agenda.clock import NS_PER_MIN, NS_PER_S, Clock
from facilitator.agenda.models import StepRun, StepStatus, TimerState


class TimerPhase(Enum):
    """Where the timer stands, as a screen says it."""

    NOT_STARTED = "not_started"
    RUNNING = "running"
    LAST_MINUTE = "last_minute"
    OVERRUN = "overrun"
    PAUSED = "paused"
    FINISHED = "finished"


class TimeboxError(Exception):
    """An operation that does not apply in the timer's current state."""


def distribute(total_ns: int, weights: list[int], grain_ns: int = NS_PER_S) -> list[int]:
    """Split ``total_ns`` in proportion to ``weights``, exactly.

    Shares are whole ``grain_ns``; what is left below one grain goes to the last item,
    so the sum is always ``total_ns``. Nothing to split (or less) gives zeros.
    """
    if not weights:
        return []
    if total_ns <= 0:
        return [0] * len(weights)
    grains, residue = divmod(total_ns, grain_ns)
    shares = [share * grain_ns for share in apportion(grains, weights)]
    shares[-1] += residue
    return shares


class Timebox:
    """Start, pause, close and re-plan the steps of one meeting.

    ``steps`` and ``state`` are changed in place by every operation.
    """

    def __init__(self, steps: list[StepRun], state: TimerState, clock: Clock):
        if not steps:
            raise TimeboxError("an agenda needs at least one step")
        if state.current >= len(steps):
            raise TimeboxError("the current step is not on the agenda")
        self.steps = steps
        self.state = state
        self.clock = clock
        self._segment_start_mono: int | None = None
        if state.running:
            # Rebuild the monotonic anchor from wall time: the segment has been running
            # for as long as the wall clock says, across any restart in between.
            assert state.segment_start_wall_ns is not None
            since = max(0, clock.wall_ns() - state.segment_start_wall_ns)
            self._segment_start_mono = clock.monotonic_ns() - since

    # --- reading ---------------------------------------------------------------------

    @property
    def current_index(self) -> int:
        return self.state.current

    @property
    def current(self) -> StepRun:
        return self.steps[self.state.current]

    @property
    def started(self) -> bool:
        return self.state.started_wall_ns is not None

    @property
    def running(self) -> bool:
        return self.state.running

    @property
    def finished(self) -> bool:
        return self.state.finished_wall_ns is not None

    def _live_ns(self) -> int:
        if self._segment_start_mono is None:
            return 0
        return max(0, self.clock.monotonic_ns() - self._segment_start_mono)

    def elapsed_ns(self, index: int | None = None) -> int:
        """Time spent on a step so far (default: the current one)."""
        i = self.state.current if index is None else index
        elapsed = self.steps[i].elapsed_ns
        if i == self.state.current and self.state.running:
            elapsed += self._live_ns()
        return elapsed

    def remaining_ns(self, index: int | None = None) -> int:
        """Allotted minus elapsed: negative once the step runs over."""
        i = self.state.current if index is None else index
        return self.steps[i].allotted_ns - self.elapsed_ns(i)

    def phase(self) -> TimerPhase:
        if self.finished:
            return TimerPhase.FINISHED
        if not self.started:
            return TimerPhase.NOT_STARTED
        if not self.running:
            return TimerPhase.PAUSED
        remaining = self.remaining_ns()
        if remaining < 0:
            return TimerPhase.OVERRUN
        if remaining <= NS_PER_MIN:
            return TimerPhase.LAST_MINUTE
        return TimerPhase.RUNNING

    def overrun_ns(self, index: int | None = None) -> int:
        return max(0, -self.remaining_ns(index))

    def pending_after_current(self) -> list[int]:
        return [
            i
            for i in range(self.state.current + 1, len(self.steps))
            if self.steps[i].status is StepStatus.PENDING
        ]

    def projected_end_wall_ns(self) -> int:
        """When the meeting ends if every step from now on keeps to its allotted time."""
        if self.finished:
            assert self.state.finished_wall_ns is not None
            return self.state.finished_wall_ns
        now = self.clock.wall_ns()
        ahead = max(0, self.remaining_ns())
        ahead += sum(self.steps[i].allotted_ns for i in self.pending_after_current())
        return now + ahead

    def planned_end_wall_ns(self) -> int:
        """The end the meeting was planned to keep (before starting: from now)."""
        if self.state.target_end_wall_ns is not None:
            return self.state.target_end_wall_ns
        return self.clock.wall_ns() + sum(
            s.allotted_ns for s in self.steps if s.status is not StepStatus.SKIPPED
        )

    # --- changing --------------------------------------------------------------------

    def _begin_segment(self) -> None:
        self._segment_start_mono = self.clock.monotonic_ns()
        self.state.segment_start_wall_ns = self.clock.wall_ns()
        self.state.running = True

    def _end_segment(self) -> None:
        if self.state.running:
            step = self.current
            step.elapsed_ns = step.elapsed_ns + self._live_ns()
        self._segment_start_mono = None
        self.state.running = False
        self.state.segment_start_wall_ns = None

    def _enter(self, index: int) -> None:
        step = self.steps[index]
        step.status = StepStatus.RUNNING
        step.ended_wall_ns = None
        if step.started_wall_ns is None:
            step.started_wall_ns = self.clock.wall_ns()
        self.state.current = index

    def start(self, deadline_wall_ns: int | None = None) -> None:
        """Start the meeting on its current step, or resume it when paused.

        ``deadline_wall_ns`` is the end the meeting should keep; by default the start
        plus the agenda's length.
        """
        if self.finished:
            raise TimeboxError("the meeting has ended")
        if self.state.running:
            return
        if not self.started:
            now = self.clock.wall_ns()
            self.state.started_wall_ns = now
            self.state.target_end_wall_ns = (
                deadline_wall_ns
                if deadline_wall_ns is not None
                else now
                + sum(s.allotted_ns for s in self.steps if s.status is not StepStatus.SKIPPED)
            )
            self._enter(self.state.current)
        self._begin_segment()

    def pause(self) -> None:
        if self.state.running:
            self._end_segment()

    def resume(self) -> None:
        self.start()

    def toggle(self) -> bool:
        """Start or pause; returns whether the timer now runs."""
        if self.state.running:
            self.pause()
        else:
            self.start()
        return self.state.running

    def close_step(self) -> bool:
        """Close the current step and open the next one. Returns True when that was the last.

        The next step starts at once if the timer was running (and starts the timer if
        the meeting had not started).
        """
        if self.finished:
            raise TimeboxError("the meeting has ended")
        was_running = self.state.running or not self.started
        if not self.started:
            self.start()
        self._end_segment()
        now = self.clock.wall_ns()
        step = self.current
        step.status = StepStatus.DONE
        step.ended_wall_ns = now
        following = self.pending_after_current()
        if not following:
            self.state.finished_wall_ns = now
            return True
        self._enter(following[0])
        if was_running:
            self._begin_segment()
        return False

    def reopen_previous(self) -> None:
        """Go back to the previous step and go on timing it from where it stopped.

        After the last step was closed, this reopens the last step.
        """
        if self.finished:
            self.state.finished_wall_ns = None
            self._enter(self.state.current)
            self._begin_segment()
            return
        earlier = [
            i
            for i in range(self.state.current - 1, -1, -1)
            if self.steps[i].status is StepStatus.DONE
        ]
        if not earlier:
            raise TimeboxError("there is no earlier step")
        was_running = self.state.running
        self._end_segment()
        self.current.status = StepStatus.PENDING
        self._enter(earlier[0])
        if was_running:
            self._begin_segment()

    def add_time(self, ns: int = NS_PER_MIN) -> None:
        """Give the current step more time (+1 minute by default)."""
        if self.finished:
            raise TimeboxError("the meeting has ended")
        step = self.current
        step.allotted_ns = max(0, step.allotted_ns + ns)

    def rebalance(self) -> None:
        """Re-plan the rest of the meeting so that it ends on time.

        The time from now to the planned end is spread over what is left: the unspent
        part of the current step's planned time and the planned time of every step after
        it, in proportion. A step already over its plan gets no more. When no time is
        left at all nothing gets any: the current step keeps what it had (over it, it
        stays over) and the projected end then shows how late it will be.

        A closed step that took less than it was given keeps only what it took: the rest
        is part of the time to the planned end, which goes to the steps still to come
        (kept by both, it was counted twice). So right after a re-plan the steps'
        allotted times add up to no more than the time from the start to the planned
        end; only ``add_time`` (F8) adds to them afterwards.
        """
        if self.finished:
            raise TimeboxError("the meeting has ended")
        pending = self.pending_after_current()
        if not pending:
            raise TimeboxError("there are no steps left to re-plan")
        for step in self.steps:
            if step.status is StepStatus.DONE:
                step.allotted_ns = min(step.allotted_ns, step.elapsed_ns)
        current = self.current
        elapsed = self.elapsed_ns()
        weights = [max(0, current.planned_ns - elapsed)]
        weights += [self.steps[i].planned_ns for i in pending]
        budget = self.planned_end_wall_ns() - self.clock.wall_ns()
        shares = distribute(budget, weights)
        if budget > 0:
            current.allotted_ns = elapsed + shares[0]
        else:
            current.allotted_ns = min(current.allotted_ns, elapsed)
        for i, share in zip(pending, shares[1:], strict=True):
            self.steps[i].allotted_ns = share

    def skip(self, index: int) -> None:
        """Leave out a step that has not begun; its time goes to the steps after it."""
        step = self.steps[index]
        if step.status is not StepStatus.PENDING or (index == self.state.current and self.started):
            raise TimeboxError("only a step that has not begun can be skipped")
        later = [
            i
            for i in range(index + 1, len(self.steps))
            if self.steps[i].status is StepStatus.PENDING
        ]
        if not later:
            raise TimeboxError("the last step cannot be skipped")
        shares = distribute(step.allotted_ns, [self.steps[i].planned_ns for i in later])
        for i, share in zip(later, shares, strict=True):
            self.steps[i].allotted_ns += share
        step.status = StepStatus.SKIPPED
        step.allotted_ns = 0
        if index == self.state.current:
            self.state.current = later[0]

    def checkpoint(self) -> None:
        """Note the wall time of a save, so a resumed meeting can say how long it was away."""
        self.state.saved_wall_ns = self.clock.wall_ns()


def _seconds_shown(ns: int) -> int:
    """``ns`` at the resolution the countdown shows: away from zero to the whole second,
    as "00:01" is shown while any time is left and "+00:01" once any is overrun."""
    magnitude = -(-abs(ns) // NS_PER_S) * NS_PER_S
    return magnitude if ns >= 0 else -magnitude


@dataclass(frozen=True)
class StepView:
    """One step as the agenda shows it."""

    title: str
    phase: str
    status: StepStatus
    allotted_ns: int
    elapsed_ns: int
    """Rounded to the whole second, as a done step's actual time is shown."""


@dataclass(frozen=True)
class TimerView:
    """Where the timer stands, read from the clock once, at the resolution a person sees
    it (whole seconds): two views that are equal draw the same, so what shows it redraws
    only when what it shows has changed. Immutable: the screens hand it down to their
    widgets; only the timebox changes the timer."""

    current_index: int
    phase: TimerPhase
    remaining_ns: int
    """The current step's time left, to the second shown; negative once it ran over."""
    started: bool
    running: bool
    finished: bool
    planned_end_wall_ns: int
    projected_end_wall_ns: int
    steps: tuple[StepView, ...]

    @classmethod
    def of(cls, timebox: Timebox) -> TimerView:
        return cls(
            current_index=timebox.current_index,
            phase=timebox.phase(),
            remaining_ns=_seconds_shown(timebox.remaining_ns()),
            started=timebox.started,
            running=timebox.running,
            finished=timebox.finished,
            planned_end_wall_ns=timebox.planned_end_wall_ns() // NS_PER_S * NS_PER_S,
            projected_end_wall_ns=timebox.projected_end_wall_ns() // NS_PER_S * NS_PER_S,
            steps=tuple(
                StepView(
                    s.title, s.phase, s.status, s.allotted_ns, round(s.elapsed_ns / NS_PER_S) * NS_PER_S
                )
                for s in timebox.steps
            ),
        )
