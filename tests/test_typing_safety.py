"""Typing never changes what it does not show: text typed in any step, whatever field
has the cursor, leaves the attendance, the goals and the actions as they were; and every
column that matters is on the screen at the sizes people use."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda import Action, ActionStatus, Authority, Goal, MeetingKind
from facilitator.app import FacilitatorApp
from tests.screens_helpers import demo_app, open_meeting, screen_text, type_text

PRINTABLE = st.text(
    st.characters(codec="utf-8", categories=["L", "M", "N", "P", "S", "Zs"]), min_size=1, max_size=12
)


def _lists(meeting):
    people = [(p.name, p.organisation, tuple(p.roles), p.present, p.contact) for p in meeting.attendance]
    goals = [(g.text, g.horizon) for g in meeting.sip.goals]
    actions = [(a.what, a.responsible, a.authority, a.due, a.status) for a in meeting.sip.actions]
    return people, goals, actions


@pytest.mark.slow
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(PRINTABLE, min_size=10, max_size=10))
def test_typing_in_every_step_changes_no_list(store, texts):
    async def run() -> None:
        app, clock, meeting_id = demo_app(store)
        meeting = store.load_meeting(meeting_id)
        meeting.sip.goals = [Goal(text="Skolan tre dagar")]
        meeting.sip.actions = [Action(what="Anpassat schema", responsible="Karin Öberg")]
        store.save_meeting(meeting)
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_meeting(app, pilot)
            before = _lists(screen.session.meeting)
            await pilot.press("f5")
            for text in texts:
                await type_text(pilot, text)
                if screen.timebox.pending_after_current():
                    await pilot.press("f4")
                    await pilot.pause()
            assert _lists(screen.session.meeting) == before
            screen.save()
            assert screen.live.wait_saved(5)
        assert _lists(store.load_meeting(meeting_id)) == before

    asyncio.run(run())


LONG = [
    ("Anpassat schema med kortare dagar och extra stöd i klassrummet hela vårterminen",
     "Karin Öberg", "Solbackens skola, elevhälsan", Authority.KOMMUN, date(2026, 3, 1)),
    ("Samtalskontakt varannan vecka med fokus på oro och sömn under kvällarna",
     "Ahmed Şahin", "BUP Öst", Authority.REGION, date(2026, 2, 15)),
    ("Föräldrastöd i grupp på familjecentralen, åtta träffar under våren",
     "Ana Đorđević", "Socialtjänsten, familjeenheten", Authority.KOMMUN, date(2026, 4, 30)),
    ("Fritidsaktivitet två kvällar i veckan tillsammans med en kompis från klassen",
     "Łukasz Nowak", "Fritidsgården Kometen", Authority.OTHER, date(2026, 5, 31)),
]


SIZES = [(80, 24), (120, 36), (200, 50)]


@pytest.mark.parametrize("kind", [MeetingKind.FIRST, MeetingKind.FOLLOW_UP])
async def test_every_column_that_matters_is_on_the_screen(store, kind):
    """At each of three sizes, the terminal resized under the open meeting (as when the
    window is moved to the projector): the attendance and the actions keep every column."""
    app, clock, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    meeting.sip.actions = [
        Action(what=what, responsible=who, organisation=org, authority=authority, due=due,
               status=ActionStatus.ONGOING)
        for what, who, org, authority, due in LONG
    ]
    if kind is MeetingKind.FOLLOW_UP:
        from facilitator.agenda import plan_meeting

        follow_up = plan_meeting(store.load_case(meeting.case_id), kind, meeting.planned_start, attendance=meeting.attendance)
        follow_up.sip = meeting.sip.model_copy(deep=True)
        store.save_meeting(follow_up)
        app = FacilitatorApp(store=store, clock=clock, focus_meeting=follow_up.id)
    else:
        store.save_meeting(meeting)
    async with app.run_test(size=SIZES[0]) as pilot:
        screen = await open_meeting(app, pilot)
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            seen = screen_text(app)
            for header in ("Namn", "Verksamhet", "Roll", "Deltar"):
                assert header in seen, (size, header)
            assert "på plats" in seen  # how each person takes part
        await pilot.press("f5")
        while not {"actions", "action_status"} & set(screen.timebox.current.captures):
            await pilot.press("f4")  # (a follow-up skips "Nya aktörer" when nobody is new)
        await pilot.pause()
        table = screen.query_one("#actions")
        table.focus()
        headers = ["Vad", "Vem", "Huvudman", "Klart senast"]
        if kind is MeetingKind.FOLLOW_UP:
            headers.append("Status")
        for size in SIZES:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            table.scroll_visible(animate=False, top=True)
            await pilot.pause()
            seen = screen_text(app)
            assert app.size == size
            for header in headers:
                assert header in seen, (size, kind, header)
            for value in ("Anpassat schema", "Karin Öberg", "kommun", "2026-03-01"):
                assert value in seen, (size, kind, value)
            if kind is MeetingKind.FOLLOW_UP:
                assert "pågår" in seen
