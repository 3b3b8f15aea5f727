"""No wait on the UI thread: while the database hangs for three seconds, the meeting
screen's countdown goes on redrawing as the clock moves, through typing, Ctrl+S, an
export and the end of the meeting."""

from __future__ import annotations

import asyncio
import time

from facilitator.screens.meeting import MeetingScreen
from facilitator.screens.summary import SummaryScreen
from tests.screens_helpers import demo_app, digits, notices, open_meeting, type_text, until

HANG_SECONDS = 3.0
GIVE_UP_SECONDS = 12.0
HUNG = (
    "write_case", "write_meeting", "write_draft", "list_meetings", "meetings_of",
    "revisions", "load_meeting", "load_case",
)


class Hang:
    """Every call of the store waits while the database hangs, holding the store's
    connection meanwhile, as a database that another program holds does."""

    def __init__(self, monkeypatch, store):
        self.store = store
        self.hanging = False
        self.calls = 0
        self.deadline = 0.0
        for name in HUNG:
            monkeypatch.setattr(store, name, self._hanging(getattr(store, name)))

    def hold(self) -> None:
        """Hang from now until ``release`` (at most ``GIVE_UP_SECONDS``, so a screen
        that waits for the database fails the test instead of hanging it)."""
        self.deadline = time.monotonic() + GIVE_UP_SECONDS
        self.hanging = True

    def release(self) -> None:
        self.hanging = False

    def _hanging(self, real):
        def call(*args, **kwargs):
            with self.store._lock:
                if self.hanging:
                    self.calls += 1
                while self.hanging and time.monotonic() < self.deadline:
                    time.sleep(0.01)
            return real(*args, **kwargs)

        return call


class Watch:
    """What a person watching the countdown sees: the clock moves a second every 50 ms
    and the countdown is read each time, with the moment it changed; the longest the
    event loop was away is noted."""

    def __init__(self, app, clock):
        self.app = app
        self.clock = clock
        self.changes: list[tuple[float, str]] = []
        self.longest_gap = 0.0
        self._stop = False

    async def run(self) -> None:
        last = time.monotonic()
        while not self._stop:
            await asyncio.sleep(0.05)
            now = time.monotonic()
            self.longest_gap = max(self.longest_gap, now - last)
            last = now
            self.clock.advance(1)
            screen = self.app.screen
            if isinstance(screen, MeetingScreen):
                value = digits(screen)
                if not self.changes or self.changes[-1][1] != value:
                    self.changes.append((now, value))

    def stop(self) -> None:
        self._stop = True


async def test_the_countdown_redraws_while_the_database_hangs(store, monkeypatch):
    app, clock, _ = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", *["f4"] * 8)  # the next-to-last step, the timer running
        await pilot.pause()
        assert screen.live.wait_saved(5.0)
        hang = Hang(monkeypatch, store)
        watch = Watch(app, clock)
        watching = asyncio.create_task(watch.run())
        hang.hold()
        started = time.monotonic()
        await type_text(pilot, "Skrivet medan databasen hänger")
        await pilot.press("ctrl+s")
        await app.screen.action_export("pdf")
        await pilot.pause(HANG_SECONDS - (time.monotonic() - started))
        hung_until = time.monotonic()
        await until(pilot, lambda: any(n.startswith("SIP:en") for n in shown))
        await pilot.press("f4")  # to the last step
        await pilot.pause()
        await pilot.press("f4")  # the review
        await pilot.pause()
        await pilot.press("f4")  # end the meeting
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        ended_while_hung = not screen.live.writer.idle()
        watch.stop()
        await watching
        hang.release()
        await until(pilot, lambda: screen.live.wait_saved(0), timeout=15)
    assert hang.calls > 0  # the writer met the hang
    assert ended_while_hung  # the meeting ended and its summary showed without the disk
    said = next(n for n in shown if n.startswith("SIP:en"))
    assert "sparad som" not in said and "inte sparat i databasen" in said
    # The countdown moved on with the clock all through the hang: a change in every second
    # of it, and the event loop never away for long (a wait for the database shows as a
    # gap of two seconds or more; a busy machine makes some tenths of its own).
    during = [at for at, _ in watch.changes if started <= at <= hung_until]
    for slice_start in range(3):
        low = started + slice_start * 1.0
        assert any(low <= at < low + 1.0 for at in during), (slice_start, during)
    assert watch.longest_gap < 1.5, watch.longest_gap


async def _longest_gap_for(seconds: float) -> float:
    """The longest the event loop was away while this waited ``seconds`` in 20 ms steps."""
    longest = 0.0
    last = time.monotonic()
    end = last + seconds
    while time.monotonic() < end:
        await asyncio.sleep(0.02)
        now = time.monotonic()
        longest = max(longest, now - last)
        last = now
    return longest


async def test_the_start_screen_stays_alive_while_the_database_hangs(store, monkeypatch):
    from facilitator.dialogs.confirm import ConfirmDialog
    from facilitator.screens.overview import CaseOverviewScreen
    from facilitator.screens.start import StartScreen

    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        hang = Hang(monkeypatch, store)
        hang.hold()
        await pilot.press("o")  # the overview opens at once; the case follows the hang
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, CaseOverviewScreen) and not overview.shown
        overview_gap = await _longest_gap_for(1.0)
        hang.release()
        await until(pilot, lambda: overview.shown)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StartScreen) and not app.screen.refreshing)

        hang.hold()
        await pilot.press("d")  # whether the case is open is asked off the screen's thread
        delete_gap = await _longest_gap_for(1.0)
        assert not isinstance(app.screen, ConfirmDialog)
        hang.release()
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # not deleted
        await until(pilot, lambda: isinstance(app.screen, StartScreen))

        hang.hold()
        await pilot.press("enter")  # the meeting's lock and record, on a worker
        open_gap = await _longest_gap_for(1.0)
        assert app.opening and isinstance(app.screen, StartScreen)
        hang.release()
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.pause()
    assert max(overview_gap, delete_gap, open_gap) < 1.5, (overview_gap, delete_gap, open_gap)


async def test_the_start_screen_comes_while_the_database_hangs_and_enter_waits_for_the_list(store, monkeypatch):
    """The first list (and any journal) is read off the UI thread: with the database held
    from the start, the start screen is on the screen at once and alive, and Enter pressed
    before the list came opens the meeting once it is listed."""
    from facilitator import strings as sv
    from facilitator.screens.start import StartScreen
    from tests.screens_helpers import screen_text

    app, _, meeting_id = demo_app(store)
    hang = Hang(monkeypatch, store)
    hang.hold()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, StartScreen) and sv.START_TITLE in screen_text(app))
        assert app.screen.refreshing and "Elsa" not in screen_text(app)
        await pilot.press("enter")
        gap = await _longest_gap_for(1.0)
        assert isinstance(app.screen, StartScreen)
        hang.release()
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.pause()
        assert app.screen.live.session.meeting.id == meeting_id
    assert gap < 1.5, gap
