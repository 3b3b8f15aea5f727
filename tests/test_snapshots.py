"""How the screens look, at a projector's size and at the smallest supported one."""

import pytest

from facilitator.agenda.models import Goal
from facilitator.app import FacilitatorApp
from facilitator.demo import DEMO_MEETING_ID
from facilitator.themes import CONTRAST_THEME
from tests.screens_helpers import demo_app, paste, until

SIZES = [(120, 36), (80, 24)]


@pytest.mark.parametrize("size", SIZES)
def test_start_screen(snap_compare, store, size):
    app, _, _ = demo_app(store, focus_meeting=DEMO_MEETING_ID)
    assert snap_compare(app, terminal_size=size)


def _meeting(seconds: float, *, room: bool = False, contrast: bool = False, step: int = 1):
    async def run_before(pilot) -> None:
        app: FacilitatorApp = pilot.app
        if contrast:
            app.theme = CONTRAST_THEME
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        await pilot.press("f5")
        for _ in range(step - 1):
            await pilot.press("f4")
        if step == 4:
            await paste(pilot, "Elsa berättar att morgnarna är svåra.\nPappa: ”Vi vet inte hur vi ska få henne till skolan.”")
        app.clock.advance(seconds)
        if room:
            await pilot.press("ctrl+r")
        app.clear_notifications()
        screen.refresh_time()
        assert screen.live.wait_saved(5)  # "Sparat" is shown once the writer says so
        await pilot.pause()
        await pilot.pause()

    return run_before


CASES = {
    "normal": _meeting(75),
    "dialog": _meeting(60, step=7),
    "last_minute": _meeting(4 * 60 + 20),
    "overrun": _meeting(6 * 60 + 5),
    "room": _meeting(8 * 60, room=True, step=4),
    "contrast": _meeting(75, contrast=True),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("case", list(CASES))
def test_meeting_screen(snap_compare, store, case, size):
    from facilitator.agenda import Action, ActionStatus, Goal
    from tests.test_typing_safety import LONG

    app, _, meeting_id = demo_app(store)
    meeting = store.load_meeting(meeting_id)
    meeting.sip.goals = [Goal(text="Elsa går till skolan tre dagar i veckan före sportlovet")]
    meeting.sip.actions = [
        Action(what=what, responsible=who, organisation=org, authority=authority, due=due, status=ActionStatus.PLANNED)
        for what, who, org, authority, due in LONG
    ]
    store.save_meeting(meeting)
    assert snap_compare(app, terminal_size=size, run_before=CASES[case])


ROOM_SIZES = [(160, 45), (100, 30)]
CHILD_GOAL = "Du går till skolan fyra dagar i veckan"
STORY = "Elsa berättar att morgnarna är svåra.\nPappa: ”Vi vet inte hur vi ska få henne till skolan.”"


def _room_at(store, moment: str):
    """The room view of the demo meeting: before the start, in the family's story, or
    in overrun of the third step."""
    from facilitator.meeting.session import MeetingSession
    from facilitator.room import RoomApp

    _, clock, meeting_id = demo_app(store)
    session = MeetingSession.load(store, meeting_id, clock)
    if moment != "before":
        session.toggle_timer()
        clock.advance(5 * 60 + 20)
        session.close_step()
        clock.advance(3 * 60)
        session.close_step()
    if moment == "step":
        session.close_step()
        session.meeting.sip.family_story = STORY
        clock.advance(4 * 60 + 10)
    elif moment == "overrun":
        clock.advance(5 * 60 + 8)
    session.save_now()
    return RoomApp(store, clock, meeting_id)


@pytest.mark.parametrize("size", ROOM_SIZES)
@pytest.mark.parametrize("moment", ["before", "step", "overrun"])
def test_room_view(snap_compare, store, moment, size):
    room = _room_at(store, moment)

    async def run_before(pilot) -> None:
        # The room view reads the meeting on its own (the store's change counter, then a
        # worker): on a busy machine that can take longer than a fixed pause.
        await until(pilot, lambda: room.room.timebox is not None)
        await pilot.pause(0.3)
        await pilot.pause()

    assert snap_compare(room, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", [(100, 30)])
def test_room_view_waiting(snap_compare, store, size):
    from facilitator.room import RoomApp

    assert snap_compare(RoomApp(store), terminal_size=size, run_before=lambda pilot: pilot.pause(0.2))


@pytest.mark.parametrize("size", ROOM_SIZES)
@pytest.mark.parametrize("moment", ["step", "paused", "dialog"])
def test_child_room_view(snap_compare, store, moment, size):
    """The child's view in the family's story (the steps given their child's lines),
    paused in the high-contrast theme, and in Dialog as a goal is decided in the words
    written for the child."""
    from facilitator.meeting.session import MeetingSession
    from facilitator.room import RoomApp
    from tests.test_child_room import LINES

    _, clock, meeting_id = demo_app(store)
    session = MeetingSession.load(store, meeting_id, clock)
    for step, line in zip(session.meeting.steps, LINES, strict=True):
        step.child = line
    session.toggle_timer()
    for seconds in (5 * 60 + 20, 3 * 60, 4 * 60):
        clock.advance(seconds)
        session.close_step()
    session.meeting.sip.family_story = STORY
    clock.advance(4 * 60 + 10)
    if moment == "dialog":
        for seconds in (15 * 60, 10 * 60, 10 * 60):
            clock.advance(seconds)
            session.close_step()
        goal = Goal(text="Elsa går till skolan fyra dagar i veckan", child=CHILD_GOAL)
        session.meeting.sip.goals = [goal]
        session.meeting.sip.child_focus = goal.id
        clock.advance(6 * 60)
    if moment == "paused":
        session.toggle_timer()
    session.save_now()
    room = RoomApp(store, clock, meeting_id, child=True)

    async def run_before(pilot) -> None:
        if moment == "paused":
            pilot.app.theme = CONTRAST_THEME
        await pilot.pause(0.3)
        await pilot.pause()

    assert snap_compare(room, terminal_size=size, run_before=run_before)
