"""The process rules where a meeting's day is chosen and in the start screen's details:
warnings that name their source, never refusals."""

from datetime import date, datetime, timedelta

from textual.widgets import Input, Select

from facilitator.agenda import MeetingKind, plan_meeting
from facilitator.agenda.models import NextMeeting
from facilitator.dialogs.new_meeting import NewMeetingDialog
from facilitator.screens.case import CaseScreen
from facilitator.screens.overview import CaseOverviewScreen
from tests.conftest import STOCKHOLM
from tests.screens_helpers import START, demo_app, open_meeting, saved, screen_text, text_of, type_text, until

PROCESS_MAP = "enligt processkartan i Lotsmodellens manual (2014)"
WEB_PAGE = "enligt Lotsmodellens webbsida"


async def _new_meeting_dialog(app, pilot) -> NewMeetingDialog:
    await pilot.pause()
    await pilot.press("m")
    await until(pilot, lambda: isinstance(app.screen, NewMeetingDialog))  # read off the UI thread
    dialog = app.screen
    return dialog


async def test_new_meeting_dialog_warns_by_the_kind_chosen_and_still_plans(store):
    app, _, demo_id = demo_app(store)  # the demo's first meeting: 2026-01-13
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _new_meeting_dialog(app, pilot)
        assert dialog.query_one("#kind", Select).value is MeetingKind.FOLLOW_UP
        # Six weeks later, as suggested: a follow-up keeps its window.
        assert dialog.query_one("#day", Input).value == "2026-02-24"
        rule = text_of(dialog, "#rule")
        assert rule == (
            "Enligt processkartan i Lotsmodellens manual (2014) hålls ett uppföljande möte 4–16 veckor "
            "efter förra mötet (2026-01-13): mellan 2026-02-10 och 2026-05-05."
        )
        assert not dialog.query_one("#rule").has_class("warning")
        # The same day for the closing meeting is two weeks early.
        dialog.query_one("#kind", Select).value = MeetingKind.CLOSING
        await pilot.pause()
        rule = text_of(dialog, "#rule")
        assert rule.startswith("Det avslutande mötet 2026-02-24 är 2 veckor för tidigt: " + PROCESS_MAP)
        assert "alltså tidigast 2026-03-10" in rule
        assert dialog.query_one("#rule").has_class("warning")
        # A warning, not a refusal: the meeting is planned.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NewMeetingDialog)
    (closing,) = [m for m in store.list_meetings() if m.id != demo_id]
    assert closing.kind is MeetingKind.CLOSING


async def test_new_meeting_dialog_follow_up_too_late_is_counted_in_days(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _new_meeting_dialog(app, pilot)
        dialog.query_one("#day", Input).value = "2026-05-07"
        await pilot.pause()
        assert text_of(dialog, "#rule").startswith(
            "Det uppföljande mötet 2026-05-07 är 2 dagar för sent: " + PROCESS_MAP
        )
        dialog.query_one("#day", Input).value = "2026-05-05"
        await pilot.pause()
        assert not dialog.query_one("#rule").has_class("warning")


async def test_new_meeting_dialog_first_meeting_counts_working_days_from_the_kallelse(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        dialog = await _new_meeting_dialog(app, pilot)
        received = dialog.kallelse_received
        assert received == (START - timedelta(weeks=5)).date()  # 2025-12-09
        dialog.query_one("#kind", Select).value = MeetingKind.FIRST
        dialog.query_one("#day", Input).value = "2025-12-30"
        await pilot.pause()
        # 10–30 December hold 12 working days (24–26 December off): 3 short of 15.
        rule = text_of(dialog, "#rule")
        assert rule.startswith("Första mötet 2025-12-30 är 3 arbetsdagar för tidigt: " + WEB_PAGE)
        assert "mottagits (2025-12-09), alltså 2026-01-07" in rule
        dialog.query_one("#day", Input).value = "2026-01-07"
        await pilot.pause()
        assert text_of(dialog, "#rule") == (
            "Enligt Lotsmodellens webbsida kan första mötet ske tidigast 2026-01-07, 15 arbetsdagar "
            "efter att kallelsen mottagits."
        )


async def test_next_meeting_step_checks_the_kind_chosen(store):
    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", *["f4"] * 9)  # step 10: Uppföljning
        await pilot.pause()
        assert text_of(screen, "#next-status") == (
            "Skriv datum (ÅÅÅÅ-MM-DD) och tid för nästa möte, 4–16 veckor fram."
        )
        assert app.focused.id == "next-date"
        await type_text(pilot, "2026-03-03")  # seven weeks after 2026-01-13
        assert text_of(screen, "#next-status").startswith("Nästa möte: 2026-03-03")
        # The closing meeting instead: its window starts at eight weeks.
        screen.query_one("#next-kind").focus()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.session.meeting.sip.next_meeting.kind is MeetingKind.CLOSING
        status = text_of(screen, "#next-status")
        assert status == (
            "Det avslutande mötet 2026-03-03 är 1 vecka för tidigt: enligt processkartan i "
            "Lotsmodellens manual (2014) hålls det 8–16 veckor efter förra mötet (2026-01-13), "
            "alltså tidigast 2026-03-10."
        )
        assert "Det avslutande mötet 2026-03-03 är 1 vecka för tidigt" in screen_text(app)
        await saved(screen)
    # Kept as typed: the rule warns, the people in the room decide.
    stored = store.load_meeting(meeting_id).sip.next_meeting
    assert stored.start.date() == date(2026, 3, 3)
    assert stored.kind is MeetingKind.CLOSING


async def test_start_screen_details_show_each_warning_with_its_source(store):
    app, _, demo_id = demo_app(store)
    case = store.load_case(store.load_meeting(demo_id).case_id)
    closing = plan_meeting(case, MeetingKind.CLOSING, datetime(2026, 2, 10, 9, tzinfo=STOCKHOLM))
    store.save_meeting(closing)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        warnings = text_of(app.screen, "#details-warnings")
        assert "Det avslutande mötet 2026-02-10 är 4 veckor för tidigt: " + PROCESS_MAP in warnings
        shown = screen_text(app)  # wrapped in the details pane
        assert "! Det avslutande mötet 2026-02-10 är 4 veckor för" in shown
        assert "(2014) hålls det 8–16 veckor efter förra mötet" in shown


async def test_case_screen_shows_the_day_the_kallelse_was_received(store):
    app, _, demo_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))  # the case is read off the UI thread
        form = app.screen
        assert isinstance(form, CaseScreen)
        assert "Kallelsen mottagen (datum)" in screen_text(app)
        assert form.query_one("#kallelse", Input).value == "2025-12-09"
        assert "första mötet ske tidigast 2026-01-07" in text_of(form, "#kallelse-check")
        # Received later: the first meeting (2026-01-13) comes too soon.
        form.query_one("#kallelse", Input).value = "2025-12-22"
        await pilot.pause()
        check = text_of(form, "#kallelse-check")
        assert check.startswith("Första mötet 2026-01-13 är ")
        assert WEB_PAGE in check
        form.query_one("#kallelse", Input).value = ""
        await pilot.pause()
        assert text_of(form, "#kallelse-check").startswith("Dagen då kallelsen togs emot.")


async def test_overview_shows_the_kallelse_received_and_the_booked_closing_meeting(store):
    app, _, demo_id = demo_app(store)
    meeting = store.load_meeting(demo_id)
    booked = datetime(2026, 5, 6, 9, tzinfo=STOCKHOLM)  # 16 weeks and a day after the first meeting
    meeting.sip.next_meeting = NextMeeting(start=booked, kind=MeetingKind.CLOSING)
    store.save_meeting(meeting)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        overview = CaseOverviewScreen(store, meeting.case_id, START.date())
        app.push_screen(overview)
        await until(pilot, lambda: overview.shown)
        text = screen_text(app)
        assert "Kallelsen mottagen: 2025-12-09" in text
        assert "Det avslutande mötet 2026-05-06 är 1 dag för sent" in text
