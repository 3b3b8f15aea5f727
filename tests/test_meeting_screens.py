"""Attendance, the review, the palette, the theme and the start screen's set-up flows."""

import json
from datetime import date

from textual.widgets import Input, OptionList

from facilitator.agenda import MeetingKind, Role
from facilitator.dialogs.attendance import AttendanceScreen
from facilitator.dialogs.new_meeting import NewMeetingDialog
from facilitator.dialogs.person import PersonDialog
from facilitator.screens.case import CaseScreen
from facilitator.screens.meeting import MeetingScreen
from facilitator.screens.review import ReviewScreen
from facilitator.themes import CONTRAST_THEME, DEFAULT_THEME
from facilitator.widgets.lists import EditTable
from tests.screens_helpers import (
    demo_app,
    notices,
    open_meeting,
    opened,
    saved,
    screen_lines,
    screen_text,
    text_of,
    type_text,
    until,
)


async def test_attendance_by_keyboard_alone_and_the_consent_flag(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4")  # step 2, Sekretess
        await pilot.pause()
        assert "Łukasz Nowak (Fritidsgården Kometen)" in text_of(screen, "#consent-flags")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        table = app.screen.query_one(EditTable)
        assert app.focused is table
        # Łukasz is the last row: mark him absent with Ctrl+T, then remove Ahmed (row 6).
        await pilot.press(*["down"] * 6, "ctrl+t")
        assert not screen.session.meeting.attendance[-1].present
        await pilot.press("up", "delete")  # asks first
        await pilot.pause()
        assert "Ta bort Ahmed Şahin från närvarolistan?" in screen_text(app)
        assert "Ahmed Şahin" in [p.name for p in screen.session.meeting.attendance]
        await pilot.click("#yes")
        await pilot.pause()
        assert "Ahmed Şahin" not in [p.name for p in screen.session.meeting.attendance]
        # Edit Karin: change her organisation.
        await pilot.press("up", "up", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        assert dialog.query_one("#person-name", Input).value == "Karin Öberg"
        dialog.query_one("#person-organisation", Input).focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Elevhälsan")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        # Łukasz is absent now; Karin's new organisation is not covered.
        flags = text_of(screen, "#consent-flags")
        assert "Łukasz" not in flags
        assert "Karin Öberg (Elevhälsan)" in flags
        await saved(screen)
    stored = store.load_meeting(meeting_id)
    names = {p.name: p for p in stored.attendance}
    assert names["Karin Öberg"].organisation == "Elevhälsan"
    assert names["Karin Öberg"].roles == [Role.INITIATOR, Role.FACILITATOR]
    assert "Ahmed Şahin" not in names
    assert names["Łukasz Nowak"].present is False


async def test_review_lists_what_is_missing_and_jumps_to_the_step(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        for _ in range(9):
            await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f4")  # the last step: review first
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        missing = review.query_one("#missing", OptionList)
        labels = [str(missing.get_option_at_index(i).prompt) for i in range(missing.option_count)]
        assert "§ Huvudansvarig huvudman" in labels
        assert "• Lots" in labels
        assert "• Hur barnet deltog i mötet" in labels
        # Jump to where the lead authority is filled in (step 8); the timer stays on 10.
        index = labels.index("§ Huvudansvarig huvudman")
        await pilot.press(*["down"] * index, "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.viewed == 7
        assert screen.timebox.current_index == 9
        assert screen.query_one("#viewing").display
        await pilot.press("escape")
        await pilot.pause()
        assert screen.viewed == 9


async def test_the_palette_names_the_actions_in_swedish(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "en minut")
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.timebox.current.allotted_ns == 6 * 60 * 1_000_000_000


async def test_high_contrast_is_remembered(store, tmp_path):
    config = tmp_path / "config"
    app, _, _ = demo_app(store, config_dir=config)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.theme == DEFAULT_THEME
        await pilot.press("ctrl+p")
        await type_text(pilot, "kontrast")
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == CONTRAST_THEME
    assert json.loads((config / "settings.json").read_text())["theme"] == CONTRAST_THEME
    assert (config / "settings.json").stat().st_mode & 0o077 == 0
    again, _, _ = demo_app(store, config_dir=config)
    async with again.run_test(size=(120, 36)):
        assert again.theme == CONTRAST_THEME


async def test_new_case_then_its_first_meeting(store):
    app, clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseScreen)
        await type_text(pilot, "Noah Lindqvist")
        await pilot.press("enter")
        await type_text(pilot, "2015")
        await pilot.press("enter")
        await type_text(pilot, "Sara Lindqvist")
        await pilot.press("enter", "enter")
        await type_text(pilot, "Per Lindqvist")
        await pilot.press("enter", "enter")  # past the contact, into the question
        await type_text(pilot, "Oro för skolgång och sömn.")
        await pilot.press("tab")
        await type_text(pilot, "2025-12-15")
        await pilot.pause()
        assert "tidigast 2026-01-13" in text_of(form, "#kallelse-check")
        await pilot.press("enter")  # the consent's choices, one per person, by name
        await pilot.press("enter")  # Sara has consented
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "☑ Sara Lindqvist (vårdnadshavare) har samtyckt" in screen
        assert "☐ Per Lindqvist (vårdnadshavare) har samtyckt" in screen
        assert "Per Lindqvist har inte lämnat samtycke" in screen
        await pilot.press("down", "enter", "tab")  # Per too; then the day
        await pilot.pause()
        assert "har inte lämnat samtycke" not in "\n".join(screen_lines(app))
        await type_text(pilot, "2025-12-15")
        await pilot.press("enter", "tab")  # past the (empty) list of verksamheter
        await type_text(pilot, "BUP")
        await pilot.press("enter")
        await type_text(pilot, "Skolan")
        await pilot.press("enter")
        await pilot.pause()
        screen = "\n".join(screen_lines(app))
        assert "☑ BUP" in screen and "☑ Skolan" in screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, NewMeetingDialog)
        # From the kind to the day, the time and, past the length, the place: each field
        # entered by tab has its suggestion selected, and what is typed replaces it.
        await pilot.press("tab")
        await type_text(pilot, "2026-01-12")
        await pilot.press("tab")
        await type_text(pilot, "13.00")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Skolan")
        assert app.focused is dialog.query_one("#place", Input)
        await pilot.press("ctrl+s")
        await pilot.pause()
    case = next(c for c in store.list_cases() if c.child.name == "Noah Lindqvist")
    assert case.child.birth_year == 2015
    assert [g.name for g in case.guardians] == ["Sara Lindqvist", "Per Lindqvist"]
    assert [(g.name, g.guardian_id, g.on) for g in case.consent.givers] == [
        (g.name, g.id, date(2025, 12, 15)) for g in case.guardians
    ]
    assert [case.organisation_name(i) for i in case.consent.covered] == ["BUP", "Skolan"]
    assert case.question == "Oro för skolgång och sömn."
    (meeting,) = store.meetings_of(case.id)
    assert meeting.kind is MeetingKind.FIRST
    assert meeting.planned_minutes == 90
    assert f"{meeting.planned_start:%Y-%m-%d %H.%M}" == "2026-01-12 13.00"
    assert meeting.place == "Skolan"


async def test_bad_dates_get_one_swedish_line_and_change_nothing(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, NewMeetingDialog))  # read off the UI thread
        dialog = app.screen
        dialog.query_one("#day", Input).value = "13/1 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert text_of(dialog, "#problem").startswith("Datumet går inte att läsa")
        await pilot.press("escape")
    assert len(store.list_meetings()) == 1


async def test_quit_from_the_meeting_saves_and_exits(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        await type_text(pilot, "Sista orden")
        await pilot.press("ctrl+s")
        await saved(screen)
        await until(pilot, lambda: "Sparat." in shown)
        await type_text(pilot, "!")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert store.load_meeting(meeting_id).sip.purpose == "Sista orden!"


async def test_export_from_the_last_step_says_where(store):
    import stat

    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        await type_text(pilot, "Åsa vill börja på teatern")  # the purpose, typed in its step
        await pilot.press(*["f4"] * 7)
        await pilot.pause()
        screen.query_one("#export-pdf").press()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await until(pilot, lambda: any(m.startswith("SIP:en är sparad som ") for m in shown))
        written = next(m for m in shown if m.startswith("SIP:en är sparad som "))
    path = written.removeprefix("SIP:en är sparad som ").split(" (")[0]
    import io
    import re
    from pathlib import Path

    from pypdf import PdfReader

    assert Path(path).read_bytes().startswith(b"%PDF")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(Path(path).read_bytes())).pages)
    assert "Åsa vill börja på teatern" in re.sub(r"\s+", " ", text)  # what was typed is on the paper
    assert stat.S_IMODE(Path(path).stat().st_mode) == 0o600
    assert Path(path).parent == store.path.parent / "export"


def _finished_meeting(store, clock, meeting_id):
    from facilitator.agenda import Signature
    from facilitator.meeting.session import MeetingSession

    session = MeetingSession.load(store, meeting_id, clock)
    session.meeting.sip.signatures = [Signature(name="Maria Åkesson", role=Role.GUARDIAN)]
    while not session.close_step():
        clock.advance(60)
    session.save_now()


async def test_a_finished_meeting_opens_to_be_read_and_reopens_only_after_a_question(store):
    from facilitator.agenda import CaseEventKind, MeetingStatus
    from facilitator.dialogs.confirm import ConfirmDialog

    app, clock, meeting_id = demo_app(store)
    _finished_meeting(store, clock, meeting_id)
    before = store.load_meeting(meeting_id)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        assert screen.read_only and screen.finished
        assert "Mötet är avslutat" in text_of(screen, "#save-banner")
        await type_text(pilot, "skrivet i ett avslutat möte")
        await pilot.press("f4", "f5", "f8", "ctrl+s")
        await pilot.pause()
        assert store.load_meeting(meeting_id) == before  # nothing changed
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Underskrifterna" in text_of(app.screen, "#question")
        await pilot.press("escape")  # no
        await pilot.pause()
        assert store.load_meeting(meeting_id) == before
        await pilot.press("f3")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        reopened = app.screen
        assert isinstance(reopened, MeetingScreen) and not reopened.read_only
        assert reopened.live.wait_saved(5)
        assert reopened.timebox.current_index == 9 and not reopened.timebox.running
    stored = store.load_meeting(meeting_id)
    assert stored.sip.signatures == [] and stored.status is MeetingStatus.RUNNING
    history = store.load_case(stored.case_id).history
    assert [(e.kind, e.meeting_id) for e in history] == [(CaseEventKind.REOPENED, meeting_id)]


async def test_a_reopened_step_puts_the_cursor_at_the_end_and_ctrl_home_end_move_in_it(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        await type_text(pilot, "Första raden.\nAndra raden.")
        await pilot.press("f4", "f3")  # and back: the purpose again
        await pilot.pause()
        area = app.focused
        assert area.id == "f-purpose" and area.cursor_location == area.document.end
        await type_text(pilot, " Sist.")
        await pilot.press("ctrl+home")
        await type_text(pilot, "Först: ")
        await pilot.press("ctrl+end")
        await type_text(pilot, "!")
        screen.save()
        await saved(screen)
    assert store.load_meeting(meeting_id).sip.purpose == "Först: Första raden.\nAndra raden. Sist.!"


async def test_escape_in_a_dialog_asks_before_it_throws_typing_away(store):
    from facilitator.dialogs.confirm import ConfirmDialog

    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        screen.query_one("#attendance", EditTable).focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await pilot.press("escape")  # nothing typed: closes at once
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Märta")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")  # the safe answer: go on writing
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        assert app.screen.query_one("#person-name", Input).value == "Märta"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
        assert app.screen is screen
        assert "Märta" not in [p.name for p in screen.session.meeting.attendance]


def test_the_bars_show_the_plan_as_replanned_in_the_meeting():
    from facilitator.agenda import NS_PER_MIN, StepRun, StepStatus
    from facilitator.screens.summary import time_bars

    step = StepRun(key="dialog", title="Dialog", planned_ns=20 * NS_PER_MIN, allotted_ns=41 * NS_PER_MIN,
                   elapsed_ns=39 * NS_PER_MIN, status=StepStatus.DONE)
    text = time_bars([step]).plain
    assert "41:00" in text and "20:00" not in text


async def test_a_meeting_planned_for_another_day_asks_before_it_opens(store):
    from facilitator.dialogs.confirm import ConfirmDialog
    from facilitator.screens.start import StartScreen

    app, clock, meeting_id = demo_app(store)
    clock.advance(86400)  # the day after the planned day
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await opened(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert "2026-01-13" in text_of(app.screen, "#question")
        await pilot.press("enter")  # the safe answer: not now
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        await pilot.press("enter")
        await opened(app, pilot)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_someone_not_in_the_room_can_be_called_to_the_next_meeting(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", *["f4"] * 8)  # Sammanfattning: who attends next time
        await pilot.pause()
        screen.query_one("#next-attendees").focus()
        await pilot.press("enter")  # Maria Åkesson, who is here
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await type_text(pilot, "Greta Hab")
        await pilot.press("enter")
        await type_text(pilot, "Habiliteringen")
        app.screen.query_one("#person-roles").focus()
        await pilot.press(*["down"] * 4, "enter", "ctrl+s")
        await pilot.pause()
        nxt = screen.session.meeting.sip.next_meeting
        assert nxt.attendees == ["Maria Åkesson"]
        assert [p.name for p in nxt.called] == ["Greta Hab"]
        assert "☑ Greta Hab" in str(screen.query_one("#next-attendees").get_option_at_index(7).prompt)
        await saved(screen)
    stored = store.load_meeting(meeting_id).sip.next_meeting
    assert [p.organisation for p in stored.called] == ["Habiliteringen"]
