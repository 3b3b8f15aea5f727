"""The meeting screen moves garbage collection to pauses in typing, and gives it back."""

import gc

from facilitator.meeting.typing import SWITCH_SECONDS, Collector, TypingMode
from tests.screens_helpers import demo_app


async def test_collection_is_the_screens_while_the_meeting_is_open(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not gc.isenabled()  # collected at pauses instead
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_quiet_moments_collect_and_busy_ones_wait():
    now = [1000.0]
    collector = Collector(monotonic=lambda: now[0])
    full_at_start = gc.get_stats()[2]["collections"]
    collector.start()
    try:
        # Opening collects nothing (the first frame is not held back) and freezes nothing yet.
        assert gc.get_stats()[2]["collections"] == full_at_start and gc.get_freeze_count() == 0
        now[0] += 1  # a second since the last collection
        before = gc.get_stats()[1]["collections"]
        collector.tick(quiet_for=0.01)  # typing: not now
        assert gc.get_stats()[1]["collections"] == before
        collector.tick(quiet_for=0.5)  # a pause: now
        assert gc.get_stats()[1]["collections"] == before + 1
        now[0] += Collector.YOUNG_SECONDS
        collector.tick(quiet_for=0.0)  # two seconds of typing: anyway
        assert gc.get_stats()[1]["collections"] == before + 2
        collector.typed()
        now[0] += Collector.STILL_SECONDS
        full_before = gc.get_stats()[2]["collections"]
        collector.tick()  # the first still moment: the whole heap, and what survives frozen
        assert gc.get_stats()[2]["collections"] == full_before + 1
        assert gc.get_freeze_count() > 0
        collector.typed()
        now[0] += Collector.STILL_SECONDS
        collector.tick()  # quiet since the last key, but not long since the last full one
        assert gc.get_stats()[1]["collections"] == before + 3
        assert gc.get_stats()[2]["collections"] == full_before + 1
        now[0] += Collector.FULL_SECONDS
        full_before = gc.get_stats()[2]["collections"]
        collector.tick(quiet_for=0.0)  # a minute without a full collection: one now
        assert gc.get_stats()[2]["collections"] == full_before + 1
    finally:
        collector.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_typing_mode_takes_the_interpreter_and_gives_it_back_whatever_comes():
    import sys

    before = sys.getswitchinterval()
    mode = TypingMode()
    mode.leave()  # never entered: nothing to give back, nothing changed
    assert sys.getswitchinterval() == before and gc.isenabled()
    mode.enter()
    mode.enter()  # twice: the interval it gives back is still the one before
    try:
        assert mode.on and sys.getswitchinterval() == SWITCH_SECONDS and not gc.isenabled()
    finally:
        mode.leave()
    mode.leave()
    assert not mode.on and sys.getswitchinterval() == before
    assert gc.isenabled() and gc.get_freeze_count() == 0
