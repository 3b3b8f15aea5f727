"""Timer drift over a simulated three-hour meeting.

The meeting's timer runs on an injected clock. Ticks come at random intervals (50–450 ms,
now and then a stall of several seconds, as on a busy or sleeping laptop); the timer is
paused and resumed, steps are closed early and late, and the app is restarted once
mid-meeting from its saved timer state. At every tick the time the countdown shows is
compared with time kept independently here, in integer nanoseconds, from the same clock
advances. Drift is the largest difference seen; the target is exactly 0 ms.

    python -m bench.drift
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from bench.figures import Figure, median, table
from facilitator.agenda.clock import NS_PER_S, ManualClock
from facilitator.agenda.meetings import plan_meeting, timebox_for
from facilitator.agenda.models import MeetingKind, TimerState
from facilitator.demo import demo_case
from facilitator.widgets.agenda import clock_text

HOURS = 3


def simulate(seconds: int, seed: int) -> tuple[int, int]:
    """Run one meeting of ``seconds``; returns (ticks, worst drift in ns)."""
    rng = random.Random(seed)
    start = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    clock = ManualClock(start)
    case, _ = demo_case(start)
    meeting = plan_meeting(case, MeetingKind.FIRST, start, minutes=90)
    timebox = timebox_for(meeting, clock)
    steps = len(meeting.steps)
    # Each step gets its share of the whole three hours, some closed early, some late.
    planned = [s.allotted_ns for s in meeting.steps]
    shares = [p * seconds * NS_PER_S // sum(planned) for p in planned]
    close_at = [max(NS_PER_S, share + rng.randint(-share // 3, share // 3)) for share in shares]

    expected = [0] * steps  # running time per step, kept here
    worst = 0
    ticks = 0
    total = 0
    restarted = False
    timebox.start()
    while not timebox.finished:
        if rng.random() < 0.01:
            step_ns = rng.randint(2 * NS_PER_S, 8 * NS_PER_S)  # a stall
        else:
            step_ns = rng.randint(50_000_000, 450_000_000)
        clock.advance(ns=step_ns)
        total += step_ns
        index = timebox.current_index
        if timebox.running:
            expected[index] += step_ns
        ticks += 1

        # What the countdown shows against what it should show.
        remaining = timebox.remaining_ns()
        should = meeting.steps[index].allotted_ns - expected[index]
        worst = max(worst, abs(remaining - should), abs(timebox.elapsed_ns(index) - expected[index]))
        shown = clock_text(remaining) if remaining >= 0 else "+" + clock_text(-remaining)
        wanted = clock_text(should) if should >= 0 else "+" + clock_text(-should)
        if shown != wanted:
            worst = max(worst, NS_PER_S)

        # A pause now and then, as when the room takes a break.
        if timebox.running and rng.random() < 0.002:
            timebox.pause()
        elif not timebox.running and rng.random() < 0.05:
            timebox.resume()

        # Restart once, halfway: the timer comes back from its saved state.
        if not restarted and total >= seconds * NS_PER_S // 2:
            restarted = True
            timebox.checkpoint()
            saved = TimerState.model_validate_json(meeting.timer.model_dump_json())
            clock = clock.restarted(rng.uniform(1, 30))
            if timebox.running:
                # The app was away; that time belongs to the step that was running.
                expected[index] += (clock.wall_ns() - saved.saved_wall_ns) if saved.saved_wall_ns else 0
            meeting.timer = saved
            timebox = timebox_for(meeting, clock)

        if timebox.running and expected[index] >= close_at[index]:
            timebox.close_step()

    # At the end, every step's recorded time is exactly the time kept here.
    for index, step in enumerate(meeting.steps):
        worst = max(worst, abs(step.elapsed_ns - expected[index]))
    return ticks, worst


def figures(quick: bool = False) -> list[Figure]:
    runs, seconds = (1, 600) if quick else (5, HOURS * 3600)
    drifts, ticks = [], 0
    for seed in range(runs):
        count, worst = simulate(seconds, seed)
        drifts.append(worst / 1_000_000)
        ticks += count
    value = median(drifts)
    return [
        Figure(
            key="timer_drift",
            title="timer drift, 3-hour meeting",
            value=value,
            unit="ms",
            target="0 ms",
            met=max(drifts) == 0,
            runs=runs,
            detail=(
                f"{ticks // runs:,} ticks per meeting at random 50–450 ms with stalls, "
                f"pauses and a restart; worst {max(drifts):g} ms"
            ),
            samples=drifts,
        )
    ]


if __name__ == "__main__":
    print(table(figures()))
