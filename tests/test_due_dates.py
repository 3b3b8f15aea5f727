"""Dates a person can trust: a due date that has passed or lies more than two years ahead
is asked about once before it is taken, and every date on the child's plan and the SIP
carries its year."""

from __future__ import annotations

import re
from datetime import date

import pytest
from textual.widgets import Input

from facilitator import strings as sv
from facilitator.agenda.dates import DueDoubt, due_doubt
from facilitator.dialogs.action import ActionDialog
from facilitator.export.markdown import render
from facilitator.views.childplan import child_plan_document
from facilitator.views.sipview import sip_document

from .conftest import full_case, full_meeting
from .rich_case import process
from .screens_helpers import START, demo_app, screen_text, type_text

TODAY = START.date()  # 2026-01-13


@pytest.mark.parametrize(
    ("due", "doubt"),
    [
        (None, None),
        (TODAY, None),
        (date(2026, 1, 12), DueDoubt.PAST),
        (date(2028, 1, 13), None),
        (date(2028, 1, 14), DueDoubt.FAR),
    ],
)
def test_a_due_date_is_doubtful_before_today_and_past_two_years(due, doubt):
    assert due_doubt(due, TODAY) is doubt


def test_two_years_from_a_leap_day():
    assert due_doubt(date(2026, 2, 28), date(2024, 2, 29)) is None
    assert due_doubt(date(2026, 3, 1), date(2024, 2, 29)) is DueDoubt.FAR


async def _dialog(app, action=None):
    saved: list = []
    app.push_screen(ActionDialog(action, []), saved.append)
    return saved


@pytest.mark.parametrize(
    ("typed", "question"),
    [("2026-01-31", None), ("2025-01-31", sv.DUE_PAST), ("2029-01-31", sv.DUE_FAR)],
    ids=["ahead", "past", "far"],
)
async def test_a_doubtful_due_date_asks_once_and_the_second_ctrl_s_takes_it(store, typed, question):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        saved = await _dialog(app)
        await pilot.pause()
        await type_text(pilot, "Läxhjälp")
        app.screen.query_one("#action-due", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        if question is None:
            assert [a.due for a in saved] == [date.fromisoformat(typed)]
            return
        assert saved == [] and isinstance(app.screen, ActionDialog)
        line = question.format(day=typed)
        assert line.split(".")[0] in " ".join(screen_text(app).split())
        assert app.focused.id == "action-due"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.due for a in saved] == [date.fromisoformat(typed)]


async def test_a_changed_doubtful_date_is_asked_about_again_and_a_kept_one_is_not(store):
    app, _clock, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        saved = await _dialog(app)
        await pilot.pause()
        await type_text(pilot, "Läxhjälp")
        due = app.screen.query_one("#action-due", Input)
        due.value = "2025-01-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        due.value = "2024-01-31"  # changed after the question: asked again
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved == [] and "2024-01-31" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.due for a in saved] == [date(2024, 1, 31)]
        # An insats whose due date has passed since it was set is changed without a question.
        saved = await _dialog(app, saved[0])
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [a.due for a in saved] == [date(2024, 1, 31)]


MONTHS = "|".join(sv.MONTHS)


def _documents():
    case = full_case()
    yield child_plan_document(case, full_meeting(case))
    yield sip_document(case, full_meeting(case), 1)
    case, *meetings = process()
    for meeting in meetings:
        yield child_plan_document(case, meeting)
        yield sip_document(case, meeting)


def test_every_date_on_the_child_plan_and_the_sip_carries_its_year():
    texts = [render(document) for document in _documents()]
    for text in texts:
        for match in re.finditer(rf"\b(\d{{1,2}}) ({MONTHS})\b(?: (\d{{4}}))?", text):
            assert match.group(3), text[max(0, match.start() - 60) : match.end() + 20]
        # A date written with digits is written whole.
        assert not re.search(r"(?<![\d-])\d{1,2}/\d{1,2}(?![\d/])", text)
    assert any(re.search(rf"\d ({MONTHS}) 20\d\d", text) for text in texts)
