"""The start screen, driven as a user would: what is listed, what is shown, keys."""

from datetime import datetime

from textual.widgets import DataTable, Static

from facilitator.agenda import Child, ManualClock, MeetingKind, MeetingStatus, plan_meeting
from facilitator.app import FacilitatorApp
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.screens.start import StartScreen
from tests.conftest import STOCKHOLM, full_case, full_meeting
from tests.screens_helpers import until


def _text(app, selector) -> str:
    return str(app.screen.query_one(selector, Static).visual)


def _seed(store):
    case = full_case()
    case.child = Child(name="[b]x[/b] [@click=app.quit]Kim")
    store.save_case(case)
    first = full_meeting(case)
    store.save_meeting(first)
    running = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    running.status = MeetingStatus.RUNNING
    store.save_meeting(running)
    return case, first, running


async def test_lists_meetings_running_first_and_shows_names_as_typed(store):
    _, first, running = _seed(store)
    app = FacilitatorApp(store=store, clock=ManualClock())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert [row.value for row in table.rows] == [running.id, first.id]
        assert str(table.get_row_at(0)[3]) == "[b]x[/b] [@click=app.quit]Kim"
        assert "Pågående möte: uppföljande möte för [b]x[/b] [@click=app.quit]Kim" in _text(app, "#running")
        await until(pilot, lambda: "[b]x[/b] [@click=app.quit]Kim" in _text(app, "#details-head"))
        # Moving down shows the first meeting's agenda.
        await pilot.press("down")
        agenda = _text(app, "#details-agenda")
        assert "Familjens berättelse (ostört)" in agenda
        assert "Inledning, sekretess och berättelse" in agenda
        assert "90 min  09.00–10.30" in agenda
        # The click markup in the name did not quit the app.
        await pilot.click("#details-head")
        assert app.is_running


async def test_demo_meeting_is_selected_and_ctrl_q_quits(store):
    clock = ManualClock(datetime(2025, 12, 15, 8, 0, tzinfo=STOCKHOLM))
    ensure_demo(store, clock)
    _seed(store)
    app = FacilitatorApp(store=store, clock=clock, focus_meeting=DEMO_MEETING_ID)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == DEMO_MEETING_ID
        assert "Elsa Åkesson" in _text(app, "#details-head")
        assert app.screen.has_class("narrow")
        await pilot.press("ctrl+q")
    assert not app.is_running


async def test_process_warning_is_shown_in_swedish(store):
    case, first, _ = _seed(store)
    case.kallelse_date = datetime(2025, 12, 16).date()  # the first meeting 2026-01-13 is a day early
    store.save_case(case)
    app = FacilitatorApp(store=store, clock=ManualClock())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        warnings = _text(app, "#details-warnings")
        assert "Första mötet 2026-01-13 är 1 arbetsdag för tidigt" in warnings
        assert "enligt Lotsmodellens webbsida" in warnings


async def test_empty_store_says_how_to_begin(store):
    app = FacilitatorApp(store=store, clock=ManualClock())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "facilitator demo" in _text(app, "#details-head")


async def test_moving_before_the_details_are_read_shows_the_meeting_moved_to(store):
    _, first, running = _seed(store)
    app = FacilitatorApp(store=store, clock=ManualClock())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("down")  # at once, before the first details are read
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value == first.id
        assert "Inledande möte, 2026-01-13" in _text(app, "#details-head")


def test_scrolling_jumps_unless_the_user_asks_for_animations(store, monkeypatch):
    from facilitator.room import RoomApp

    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    assert FacilitatorApp(store=store, clock=ManualClock()).animation_level == "none"
    assert RoomApp(store).animation_level == "none"
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "full")
    assert FacilitatorApp(store=store, clock=ManualClock()).animation_level == "full"
