"""The timebox clock: exact remaining times from an injected clock, never from ticks."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.agenda import (
    NS_PER_MIN,
    NS_PER_MS,
    NS_PER_S,
    ManualClock,
    StepRun,
    StepStatus,
    Timebox,
    TimeboxError,
    TimerState,
    default_template,
    distribute,
    step_runs,
)
from facilitator.agenda.models import MeetingKind


def make(minutes=(5, 10, 15), clock=None):
    clock = clock or ManualClock()
    steps = [
        StepRun(key=f"s{i}", title=f"Steg {i}", planned_ns=m * NS_PER_MIN, allotted_ns=m * NS_PER_MIN)
        for i, m in enumerate(minutes)
    ]
    return Timebox(steps, TimerState(), clock), clock


def test_not_started_shows_full_time_and_does_not_move():
    box, clock = make()
    clock.advance(100)
    assert not box.started
    assert box.remaining_ns() == 5 * NS_PER_MIN
    assert box.planned_end_wall_ns() == clock.wall_ns() + 30 * NS_PER_MIN


def test_start_counts_down_from_the_clock():
    box, clock = make()
    box.start()
    clock.advance(61.5)
    assert box.elapsed_ns() == 61_500 * NS_PER_MS
    assert box.remaining_ns() == (300 - 61.5) * NS_PER_S
    assert box.current.status is StepStatus.RUNNING


def test_reading_many_times_changes_nothing():
    box, clock = make()
    box.start()
    clock.advance(10)
    readings = {box.remaining_ns() for _ in range(1000)}
    assert readings == {290 * NS_PER_S}


def test_pause_freezes_and_resume_continues():
    box, clock = make()
    box.start()
    clock.advance(30)
    box.pause()
    clock.advance(600)
    assert box.elapsed_ns() == 30 * NS_PER_S
    assert not box.running
    box.resume()
    clock.advance(5)
    assert box.elapsed_ns() == 35 * NS_PER_S


def test_pause_moves_projected_end_but_not_planned_end():
    box, clock = make()
    box.start()
    planned = box.planned_end_wall_ns()
    box.pause()
    clock.advance(120)
    assert box.planned_end_wall_ns() == planned
    assert box.projected_end_wall_ns() == planned + 120 * NS_PER_S


def test_overrun_is_negative_remaining():
    box, clock = make()
    box.start()
    clock.advance(5 * 60 + 42)
    assert box.remaining_ns() == -42 * NS_PER_S
    assert box.overrun_ns() == 42 * NS_PER_S
    # The overrun pushes the projected end.
    assert box.projected_end_wall_ns() == box.planned_end_wall_ns() + 42 * NS_PER_S


def test_close_step_records_actual_time_and_starts_next():
    box, clock = make()
    box.start()
    clock.advance(200)
    assert box.close_step() is False
    assert box.steps[0].status is StepStatus.DONE
    assert box.steps[0].elapsed_ns == 200 * NS_PER_S
    assert box.steps[0].ended_wall_ns == clock.wall_ns()
    assert box.current_index == 1
    assert box.running
    clock.advance(3)
    assert box.elapsed_ns() == 3 * NS_PER_S


def test_closing_while_paused_opens_next_paused():
    box, clock = make()
    box.start()
    clock.advance(10)
    box.pause()
    box.close_step()
    clock.advance(50)
    assert box.current_index == 1
    assert not box.running
    assert box.elapsed_ns() == 0


def test_closing_the_last_step_finishes_the_meeting():
    box, clock = make((1, 1))
    box.start()
    clock.advance(60)
    box.close_step()
    clock.advance(70)
    assert box.close_step() is True
    assert box.finished
    assert not box.running
    assert box.projected_end_wall_ns() == clock.wall_ns()
    with pytest.raises(TimeboxError):
        box.close_step()
    with pytest.raises(TimeboxError):
        box.add_time()


def test_reopen_previous_continues_its_time_and_keeps_the_other():
    box, clock = make()
    box.start()
    clock.advance(100)
    box.close_step()
    clock.advance(20)
    box.reopen_previous()
    assert box.current_index == 0
    assert box.steps[1].status is StepStatus.PENDING
    assert box.steps[1].elapsed_ns == 20 * NS_PER_S
    assert box.steps[0].status is StepStatus.RUNNING
    assert box.steps[0].ended_wall_ns is None
    clock.advance(5)
    assert box.elapsed_ns() == 105 * NS_PER_S
    box.close_step()
    clock.advance(1)
    assert box.elapsed_ns() == 21 * NS_PER_S


def test_reopen_after_the_end_reopens_the_last_step():
    box, clock = make((1, 1))
    box.start()
    box.close_step()
    clock.advance(30)
    box.close_step()
    box.reopen_previous()
    assert not box.finished
    assert box.current_index == 1
    clock.advance(2)
    assert box.elapsed_ns() == 32 * NS_PER_S


def test_reopen_on_first_step_is_refused():
    box, _ = make()
    box.start()
    with pytest.raises(TimeboxError):
        box.reopen_previous()


def test_add_minute():
    box, clock = make()
    box.start()
    clock.advance(290)
    box.add_time()
    assert box.remaining_ns() == 70 * NS_PER_S
    assert box.current.planned_ns == 5 * NS_PER_MIN


def test_rebalance_spreads_the_overrun_so_the_meeting_ends_on_time():
    box, clock = make((10, 10, 20))
    box.start()
    planned_end = box.planned_end_wall_ns()
    clock.advance(13 * 60)  # three minutes over on the first step
    box.close_step()
    box.rebalance()
    assert box.projected_end_wall_ns() == planned_end
    # 27 minutes left for steps planned as 10 and 20: one third and two thirds.
    assert box.steps[1].allotted_ns == 9 * NS_PER_MIN
    assert box.steps[2].allotted_ns == 18 * NS_PER_MIN


def test_rebalance_counts_what_is_left_of_the_current_step():
    box, clock = make((10, 10, 10))
    box.start()
    planned_end = box.planned_end_wall_ns()
    clock.advance(11 * 60)
    box.close_step()
    clock.advance(4 * 60)
    box.rebalance()
    # 15 minutes left, shared 6:10 by the current step's unspent plan and the last step,
    # in whole seconds (337.5 rounds up for the earlier step).
    assert box.remaining_ns() == 338 * NS_PER_S
    assert box.steps[2].allotted_ns == 562 * NS_PER_S
    assert box.projected_end_wall_ns() == planned_end


def test_rebalance_gives_an_overrunning_step_nothing_more():
    box, clock = make((10, 10, 10))
    box.start()
    planned_end = box.planned_end_wall_ns()
    clock.advance(12 * 60)
    box.rebalance()
    assert box.remaining_ns() == 0
    assert box.steps[1].allotted_ns == box.steps[2].allotted_ns == 9 * NS_PER_MIN
    assert box.projected_end_wall_ns() == planned_end


def test_rebalance_with_no_time_left_gives_nothing_and_shows_lateness():
    box, clock = make((5, 5))
    box.start()
    planned_end = box.planned_end_wall_ns()
    clock.advance(12 * 60)
    box.rebalance()
    assert box.steps[1].allotted_ns == 0
    assert box.remaining_ns() == -7 * NS_PER_MIN  # over its time, it stays over
    assert box.projected_end_wall_ns() == planned_end + 2 * NS_PER_MIN


def test_rebalance_with_no_time_left_ends_the_current_steps_time():
    box, clock = make((5, 5, 5))
    box.start()
    clock.advance(14 * 60)
    box.close_step()
    clock.advance(2 * 60)  # at 16 minutes of 15, two minutes into a five-minute step
    box.rebalance()
    assert box.remaining_ns() == 0
    assert box.current.allotted_ns == 2 * NS_PER_MIN
    assert box.steps[2].allotted_ns == 0


def test_rebalance_takes_back_the_minutes_a_closed_step_left_unused():
    """Steps closed early leave minutes that the re-plan gives to the steps to come: the
    closed steps keep only what they took, so the minutes are not counted twice."""
    box, clock = make((5, 3, 5, 15, 10, 10, 20, 5, 10, 7))
    box.start()
    planned_end = box.planned_end_wall_ns()
    for seconds in (60, 40, 60, 300):
        clock.advance(seconds)
        box.close_step()
    clock.advance(30)
    box.rebalance()
    assert [s.allotted_ns // NS_PER_S for s in box.steps[:4]] == [60, 40, 60, 300]
    assert sum(s.allotted_ns for s in box.steps) == 90 * NS_PER_MIN
    assert box.projected_end_wall_ns() == planned_end


def test_rebalance_keeps_the_minutes_a_closed_step_went_over():
    box, clock = make((10, 10, 20))
    box.start()
    clock.advance(13 * 60)
    box.close_step()
    box.rebalance()
    assert box.steps[0].allotted_ns == 10 * NS_PER_MIN  # given 10, took 13: still over
    assert sum(s.allotted_ns for s in box.steps) == 37 * NS_PER_MIN


OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("wait"), st.integers(min_value=0, max_value=20 * 60)),
        st.tuples(st.sampled_from(["close", "pause", "f8", "f9", "skip", "back"]), st.just(0)),
    ),
    max_size=60,
)


def _total(box: Timebox) -> int:
    """What the meeting report sums as re-planned: every step's allotted time but a
    skipped step's."""
    return sum(s.allotted_ns for s in box.steps if s.status is not StepStatus.SKIPPED)


def _run(box: Timebox, clock: ManualClock, operation: str, seconds: int) -> bool:
    """One thing the secretary does; False when it does not apply now. Returns whether a
    re-plan spread some time (F9 before the planned end)."""
    spread = False
    try:
        if operation == "wait":
            clock.advance(seconds)
        elif operation == "close":
            box.close_step()
        elif operation == "pause":
            box.toggle()
        elif operation == "f8":
            box.add_time()
        elif operation == "f9":
            spread = box.planned_end_wall_ns() > clock.wall_ns()
            box.rebalance()
        elif operation == "skip":
            later = box.pending_after_current()
            box.skip(later[0] if later else box.current_index)
        elif operation == "back":
            box.reopen_previous()
    except TimeboxError:
        return False
    return spread


@settings(max_examples=300, deadline=None)
@given(
    minutes=st.lists(st.integers(min_value=1, max_value=30), min_size=2, max_size=12),
    operations=OPERATIONS,
)
def test_re_planned_minutes_never_exceed_what_the_meeting_has(minutes, operations):
    """Whatever is done in whatever order (steps closed early or late, pauses, F8, F9,
    skips, F3), the steps' allotted times add up to no more than the time from the start
    to the planned end, plus a minute for each F8 since the last re-plan; without F8,
    never more than the planned length."""
    box, clock = make(minutes)
    length = sum(minutes) * NS_PER_MIN
    f8_before_start = f8_since_replan = 0
    for operation, seconds in operations:
        started = box.started
        applied = _run(box, clock, operation, seconds)
        if operation == "f8" and not box.finished:
            if started:
                f8_since_replan += 1
            else:
                f8_before_start += 1
        if operation == "f9" and applied:
            f8_since_replan = 0
        if not box.started:
            assert _total(box) == length + f8_before_start * NS_PER_MIN
            continue
        had = box.state.target_end_wall_ns - box.state.started_wall_ns
        assert had == length + f8_before_start * NS_PER_MIN
        assert _total(box) <= had + f8_since_replan * NS_PER_MIN
        assert all(s.allotted_ns >= 0 for s in box.steps)


@settings(max_examples=150, deadline=None)
@given(
    minutes=st.lists(st.integers(min_value=1, max_value=30), min_size=2, max_size=12),
    operations=OPERATIONS,
)
def test_without_a_re_plan_the_minutes_are_the_plan_and_each_f8(minutes, operations):
    """F8 lengthens the meeting by a minute each; nothing else changes the total."""
    box, clock = make(minutes)
    added = 0
    for operation, seconds in operations:
        if operation == "f9":
            continue
        finished = box.finished
        _run(box, clock, operation, seconds)
        added += operation == "f8" and not finished
        assert _total(box) == (sum(minutes) + added) * NS_PER_MIN


def test_rebalance_on_the_last_step_is_refused():
    box, _ = make((5,))
    box.start()
    with pytest.raises(TimeboxError):
        box.rebalance()


def test_deadline_from_a_planned_end():
    box, clock = make((10, 10))
    box.start(deadline_wall_ns=clock.wall_ns() + 15 * NS_PER_MIN)
    box.rebalance()
    assert box.current.allotted_ns == box.steps[1].allotted_ns == 450 * NS_PER_S


def test_skip_gives_the_minutes_to_the_steps_after():
    box, _ = make((5, 5, 10, 20))
    box.start()
    box.skip(1)
    assert box.steps[1].status is StepStatus.SKIPPED
    assert box.steps[1].allotted_ns == 0
    assert box.steps[2].allotted_ns + box.steps[3].allotted_ns == 35 * NS_PER_MIN
    box.close_step()
    assert box.current_index == 2


def test_skip_refuses_begun_and_last_steps():
    box, _ = make((5, 5))
    box.start()
    with pytest.raises(TimeboxError):
        box.skip(0)
    with pytest.raises(TimeboxError):
        box.skip(1)


@pytest.mark.parametrize("total", [0, 1, 999, 7 * NS_PER_MIN + 123_456_789])
def test_distribute_is_exact(total):
    shares = distribute(total, [3, 5, 7])
    assert sum(shares) == total
    assert all(s >= 0 for s in shares)


def test_save_and_restore_across_a_restart_keeps_the_remaining_time():
    box, clock = make()
    box.start()
    clock.advance(95.123456789)
    before = box.remaining_ns()
    saved_steps = [s.model_copy(deep=True) for s in box.steps]
    saved_state = box.state.model_copy(deep=True)
    # A new process: new monotonic origin, same instant in wall time.
    later = clock.restarted(gap_seconds=0)
    restored = Timebox(
        [StepRun.model_validate(s.model_dump()) for s in saved_steps],
        TimerState.model_validate(saved_state.model_dump()),
        later,
    )
    assert restored.remaining_ns() == before
    # Time that passed while the app was down counts: the meeting went on.
    gap = clock.restarted(gap_seconds=42)
    again = Timebox(
        [s.model_copy(deep=True) for s in saved_steps], saved_state.model_copy(deep=True), gap
    )
    assert again.remaining_ns() == before - 42 * NS_PER_S


def test_restore_paused_is_unchanged_by_the_gap():
    box, clock = make()
    box.start()
    clock.advance(30)
    box.pause()
    state = TimerState.model_validate_json(box.state.model_dump_json())
    steps = [StepRun.model_validate_json(s.model_dump_json()) for s in box.steps]
    restored = Timebox(steps, state, clock.restarted(gap_seconds=3600))
    assert restored.remaining_ns() == 270 * NS_PER_S
    assert not restored.running


def test_three_hour_meeting_through_ten_thousand_irregular_ticks_is_exact():
    """Drive a 180-minute meeting with ~10,000 random clock ticks, pauses, +1 minute,
    a re-balance and a restart, and check every step against an independent ledger."""
    rng = random.Random(20251215)
    template = default_template(MeetingKind.FIRST)
    clock = ManualClock()
    steps = step_runs(template, 180)
    box = Timebox(steps, TimerState(), clock)
    box.start()
    ledger = [0] * len(steps)  # expected elapsed per step, in ns
    allotted = [s.allotted_ns for s in steps]
    running = True
    ticks = 0
    index = 0
    while True:
        target = allotted[index] + rng.randint(-60, 90) * NS_PER_S
        while ledger[index] < target:
            dt = rng.randint(1, 2_000) * NS_PER_MS + rng.randint(0, 999_999)
            clock.advance(ns=dt)
            ticks += 1
            if running:
                ledger[index] += dt
            # Read the timer as a redraw would; reading must change nothing.
            assert box.remaining_ns() == allotted[index] - ledger[index]
            roll = rng.random()
            if roll < 0.01:
                box.toggle()
                running = not running
            elif roll < 0.012:
                box.add_time()
                allotted[index] += NS_PER_MIN
            elif roll < 0.0125:
                # The app is restarted: state through JSON, a new monotonic origin.
                clock = clock.restarted(gap_seconds=0)
                steps = [StepRun.model_validate_json(s.model_dump_json()) for s in box.steps]
                state = TimerState.model_validate_json(box.state.model_dump_json())
                box = Timebox(steps, state, clock)
        if index == 5:
            box.rebalance()
            allotted = [s.allotted_ns for s in box.steps]
            if box.planned_end_wall_ns() >= clock.wall_ns():
                assert box.projected_end_wall_ns() == box.planned_end_wall_ns()
        if box.close_step():
            break
        index += 1
    assert ticks >= 10_000
    assert box.finished
    for i, step in enumerate(box.steps):
        assert step.status is StepStatus.DONE
        assert step.elapsed_ns == ledger[i]
        assert box.remaining_ns(i) == allotted[i] - ledger[i]


# --- the view handed to the screens ------------------------------------------------------------


def test_the_view_changes_only_when_the_second_shown_does():
    from facilitator.agenda.timebox import TimerView

    box, clock = make()
    box.start()
    clock.advance(0.2)
    first = TimerView.of(box)
    clock.advance(0.5)  # 4:59.3 left: still 05:00 on the screen
    assert TimerView.of(box) == first
    clock.advance(0.4)  # 4:58.9 left: 04:59
    later = TimerView.of(box)
    assert later != first and later.remaining_ns == (4 * 60 + 59) * NS_PER_S
    with pytest.raises(AttributeError):
        later.remaining_ns = 0  # immutable: only the timebox changes the timer


@given(st.integers(min_value=-3 * 3600 * NS_PER_S, max_value=3 * 3600 * NS_PER_S))
def test_the_view_shows_the_time_left_as_the_clock_gives_it(remaining):
    """Rounded to the second shown, the countdown reads the same as from the exact time:
    "00:01" while any time is left, "+00:01" once any is overrun."""
    from facilitator.agenda.timebox import _seconds_shown
    from facilitator.widgets.agenda import clock_text

    def shown(ns):
        return clock_text(ns) if ns >= 0 else "+" + clock_text(-ns)

    assert shown(_seconds_shown(remaining)) == shown(remaining)
    assert (_seconds_shown(remaining) < 0) == (remaining < 0)
