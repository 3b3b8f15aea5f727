"""Text longer than the SIP takes: the limit is said before a paste is taken, "Sparat."
only when it is true, Ctrl+Q asks while typed text is not stored, and no field raises."""

from __future__ import annotations

from facilitator import strings as sv
from facilitator.agenda.models import ChildParticipation
from facilitator.dialogs.confirm import ConfirmDialog
from tests.screens_helpers import (
    demo_app,
    notices,
    open_meeting,
    paste,
    saved,
    screen_text,
    text_of,
    type_text,
)

TOO_LONG = "x" * 1_000_001


async def test_a_paste_past_the_limit_is_refused_before_it_is_taken(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")  # the purpose
        await type_text(pilot, "Syftet")
        await paste(pilot, TOO_LONG)
        await pilot.pause()
        assert sv.PASTE_TOO_LONG in shown
        assert "xxxxxxxxxx" not in screen_text(app)
        await pilot.press("ctrl+s")
        await saved(screen)
        await pilot.pause()
        assert sv.SAVED_NOW in shown and sv.NOT_SAVED_TOO_LONG not in shown
    assert store.load_meeting(meeting_id).sip.purpose == "Syftet"


async def test_text_that_grew_too_long_is_never_called_saved_and_quitting_asks(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        area = screen.query_one("#f-purpose")
        area.insert(TOO_LONG)  # typed past the limit, key by key as far as the field knows
        await pilot.pause()
        await pilot.press("ctrl+s")
        await saved(screen)
        await pilot.pause()
        assert sv.TEXT_TOO_LONG in shown and sv.NOT_SAVED_TOO_LONG in shown
        assert sv.SAVED_NOW not in shown
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert sv.QUIT_TOO_LONG in text_of(app.screen, "#question")
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.screen is screen and app.is_running
        area.load_text("Kortare nu")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert store.load_meeting(meeting_id).sip.purpose == "Kortare nu"


async def test_the_absence_reason_refuses_the_paste_and_never_raises(store):
    app, clock, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    meeting.sip.child_participation = ChildParticipation.NONE
    store.save_meeting(meeting)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", *["f4"] * 8)  # Sammanfattning
        await pilot.pause()
        area = screen.query_one("#f-child_absence_reason")
        area.focus()
        await pilot.pause()
        await paste(pilot, TOO_LONG)
        assert sv.PASTE_TOO_LONG in shown
        assert area.text == ""
        area.insert(TOO_LONG)
        await pilot.press("ctrl+s")
        await saved(screen)
        await pilot.pause()
        assert sv.NOT_SAVED_TOO_LONG in shown and sv.SAVED_NOW not in shown
        area.load_text("Elsa var sjuk.")
        await pilot.press("ctrl+s")
        await saved(screen)
        await pilot.pause()
        assert sv.SAVED_NOW in shown
        assert app.is_running
    assert store.load_meeting(meeting_id).sip.child_absence_reason == "Elsa var sjuk."
