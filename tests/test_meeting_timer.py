"""The timer keys on the meeting screen: what is shown (the countdown as drawn on the
screen) and what is stored."""

from textual.widgets import TextArea

from facilitator.agenda import NS_PER_MIN, NS_PER_S, StepStatus
from facilitator.dialogs.attendance import AttendanceScreen
from facilitator.dialogs.help import HelpScreen
from facilitator.screens.meeting import MeetingScreen
from facilitator.screens.room import RoomScreen
from tests.screens_helpers import countdown_shows, demo_app, open_meeting, saved, screen_text, type_text


async def _tick(pilot, screen) -> None:
    screen.refresh_time()
    await pilot.pause()


async def test_pause_and_resume(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.pause()
        assert countdown_shows(app, "05:00") and not countdown_shows(app, "05:01")
        assert "F5 startar" in screen_text(app)
        await pilot.press("f5")
        clock.advance(61)
        await _tick(pilot, screen)
        assert countdown_shows(app, "03:59")
        await pilot.press("f5")  # pause
        clock.advance(600)
        await _tick(pilot, screen)
        assert countdown_shows(app, "03:59")
        assert screen.query_one("#countdown").has_class("paused")
        await saved(screen)
        stored = store.load_meeting(meeting_id)
        assert not stored.timer.running
        assert stored.steps[0].elapsed_ns == 61 * NS_PER_S
        await pilot.press("f5")  # resume
        clock.advance(2)
        await _tick(pilot, screen)
        assert countdown_shows(app, "03:57")


async def test_last_minute_and_overrun_are_shown(store):
    app, clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        clock.advance(4 * 60 + 30)
        await _tick(pilot, screen)
        countdown = screen.query_one("#countdown")
        assert countdown_shows(app, "00:30")
        assert countdown.has_class("last-minute") and not countdown.has_class("overrun")
        assert not screen.query_one("#time-up").display
        assert "Tiden för steget" not in screen_text(app) and "Över tiden" not in screen_text(app)
        clock.advance(75)
        await _tick(pilot, screen)
        assert countdown_shows(app, "+00:45")
        assert countdown.has_class("overrun")
        assert screen.query_one("#time-up").display
        shown = screen_text(app)
        assert "Tiden för steget är slut. Tryck F4 för att stänga" in shown and "Över tiden" in shown


async def test_add_minute(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        clock.advance(5 * 60 + 10)
        await _tick(pilot, screen)
        assert countdown_shows(app, "+00:10")
        await pilot.press("f8")
        await _tick(pilot, screen)
        assert countdown_shows(app, "00:50")
        await saved(screen)
        assert store.load_meeting(meeting_id).steps[0].allotted_ns == 6 * NS_PER_MIN


async def test_rebalance_keeps_the_planned_end(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        planned_end = screen.timebox.planned_end_wall_ns()
        clock.advance(14 * 60)  # nine minutes over on a five-minute step
        await pilot.press("f4")
        await _tick(pilot, screen)
        assert screen.timebox.projected_end_wall_ns() == planned_end + 9 * NS_PER_MIN
        assert "Slut 10.20 · beräknat 10.29" in screen_text(app)
        await pilot.press("f9")
        await _tick(pilot, screen)
        assert screen.timebox.projected_end_wall_ns() == planned_end
        assert "Slut 10.20 · beräknat 10.20" in screen_text(app)
        # 76 minutes left for 85 planned: the 3-minute step gets 3 * 76/85 minutes.
        assert countdown_shows(app, "02:41")
        await saved(screen)
        stored = store.load_meeting(meeting_id)
        assert sum(s.allotted_ns for s in stored.steps[1:]) == 76 * NS_PER_MIN


async def test_previous_step_reopens_it(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        clock.advance(100)
        await pilot.press("f4")
        clock.advance(20)
        await pilot.press("f3")
        await _tick(pilot, screen)
        assert screen.timebox.current_index == 0
        assert countdown_shows(app, "03:20")
        assert "1/10  Presentationsrunda" in screen_text(app)
        await saved(screen)
        stored = store.load_meeting(meeting_id)
        assert stored.timer.current == 0
        assert stored.steps[0].status is StepStatus.RUNNING
        assert stored.steps[1].status is StepStatus.PENDING
        assert stored.steps[1].elapsed_ns == 20 * NS_PER_S
        await pilot.press("f3")
        await pilot.pause()
        assert screen.timebox.current_index == 0  # nothing before the first step


async def test_every_key_works_while_typing_in_a_text_area(store):
    """A secretary in the middle of a sentence presses each of the meeting's keys in turn;
    each does its work and the sentence goes on where it was."""
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        await pilot.pause()
        typed = ""

        async def then(key: str, check, back: str | None = None) -> None:
            nonlocal typed
            assert isinstance(app.focused, TextArea), key  # step 3, purpose
            word = f"{key} "
            await type_text(pilot, word)
            typed += word
            clock.advance(10)
            await pilot.press(key)
            await pilot.pause()
            assert check(), key
            if back:
                await pilot.press(back)
                await pilot.pause()
            assert isinstance(app.screen, MeetingScreen), key

        await then("f1", lambda: isinstance(app.screen, HelpScreen), back="escape")
        await then("f2", lambda: isinstance(app.screen, AttendanceScreen), back="escape")
        await then("ctrl+r", lambda: isinstance(app.screen, RoomScreen), back="ctrl+r")
        await then("ctrl+s", lambda: screen.live.wait_saved(5.0)
                   and store.load_meeting(meeting_id).sip.purpose == typed)
        await then("f8", lambda: screen.timebox.current.allotted_ns == 6 * NS_PER_MIN)
        await then("f9", lambda: screen.timebox.steps[3].allotted_ns != 15 * NS_PER_MIN)
        await then("f5", lambda: not screen.timebox.running, back="f5")
        await then("f4", lambda: screen.timebox.current_index == 3)
        await pilot.press("f3")
        await pilot.pause()
        assert screen.timebox.current_index == 2
        await then("f3", lambda: screen.timebox.current_index == 1)
        assert screen.live.wait_saved(5.0)
    assert store.load_meeting(meeting_id).sip.purpose == typed


async def test_the_time_is_handed_down_and_redrawn_only_when_what_it_shows_changes(store):
    """The screen's ``timer`` is bound into the countdown, the end times, the agenda and
    the time-up line: twenty readings of the clock within one second shown change none
    of them; the next second reaches all of them at once."""
    from facilitator.widgets.agenda import AgendaView
    from facilitator.widgets.countdown import Countdown, EndTimes, TimeUp
    from tests.screens_helpers import demo_app, digits, open_meeting

    app, clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        await pilot.pause()
        clock.advance(0.3)
        screen.refresh_time()
        before = screen.timer
        shown = digits(screen)
        for _ in range(20):
            clock.advance(0.01)
            screen.refresh_time()
        assert screen.timer is before  # an equal view is not handed down again
        clock.advance(1)
        screen.refresh_time()
        await pilot.pause()
        assert screen.timer is not before
        for widget in (Countdown, EndTimes, AgendaView, TimeUp):
            assert screen.query_one(widget).timer is screen.timer
        assert digits(screen) != shown
