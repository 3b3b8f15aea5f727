"""The follow-up goals as a secretary met them in "Målen följs upp": Enter on a goal
opened "Följ upp målet" and copied the goal into "Skriv ett mål", Esc in the dialog
removed the goal with its status and evaluation, one Enter in the field then added a
duplicate, and one Delete removed two goals. Each key now does its one thing."""

from __future__ import annotations

from facilitator.agenda import ManualClock
from facilitator.agenda.kinds import Capture, GoalStatus, MeetingKind
from facilitator.agenda.meetings import plan_follow_up
from facilitator.app import FacilitatorApp
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.dialogs.goal import GoalDialog
from facilitator.widgets.lists import EditTable
from tests.rich_case import first_meeting, rich_case
from tests.screens_helpers import open_meeting, saved, screen_text, until


def _follow_up(store):
    case = rich_case()
    first = first_meeting(case)
    meeting = plan_follow_up(case, first, MeetingKind.FOLLOW_UP, first.sip.next_meeting.start, place="Kometskolan")
    goal = meeting.sip.goals[0]
    meeting.sip.goals[0] = goal.model_copy(update={"status": GoalStatus.IN_PROGRESS, "evaluation": "Tre dagar av fem"})
    store.save_case(case)
    store.save_meeting(first)
    store.save_meeting(meeting)
    app = FacilitatorApp(store=store, clock=ManualClock(meeting.planned_start), focus_meeting=meeting.id)
    return app, meeting


async def test_enter_esc_enter_and_delete_on_the_goals_followed_up(store):
    app, meeting = _follow_up(store)
    before = [g.model_dump() for g in meeting.sip.goals]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.GOAL_STATUS)
        await pilot.pause()
        sip = screen.session.meeting.sip
        field = screen.query_one("#goal-text")
        screen.query_one("#goals", EditTable).focus()

        # Enter opens the goal to follow it up, and does nothing else.
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, GoalDialog) and "Följ upp målet" in screen_text(app))
        assert field.value == ""
        assert [g.model_dump() for g in sip.goals] == before

        # Esc in the dialog changes nothing: the goal stays, with its status and evaluation.
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert [g.model_dump() for g in sip.goals] == before
        assert "Tre dagar av fem" in screen_text(app)

        # Enter in the empty "Skriv ett mål" field adds nothing.
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert [g.model_dump() for g in sip.goals] == before
        assert screen_text(app).count(before[0]["text"][:30]) == 1

        # Delete asks, and removes the goal under the cursor and no other.
        table = screen.query_one("#goals", EditTable)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert [g.model_dump() for g in sip.goals] == before
        await pilot.click("#yes")
        await until(pilot, lambda: app.screen is screen)
        assert [g.model_dump() for g in sip.goals] == [before[0], *before[2:]]
        await saved(screen)
    stored = store.load_meeting(meeting.id).sip.goals
    assert [g.model_dump() for g in stored] == [before[0], *before[2:]]
    assert (stored[0].status, stored[0].evaluation) == (GoalStatus.IN_PROGRESS, "Tre dagar av fem")
