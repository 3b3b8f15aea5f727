"""What the routine asks at a follow-up and the closing meeting, typed as the secretary
does: each goal's status and evaluation, the summary, the evaluation of the process, and
a lead authority that can only be the kommun or the region."""

from __future__ import annotations

from textual.widgets import Select

from facilitator.agenda import ManualClock
from facilitator.agenda.kinds import Capture, GoalStatus, MeetingKind
from facilitator.agenda.meetings import plan_follow_up
from facilitator.app import FacilitatorApp
from facilitator.dialogs.goal import GoalDialog
from facilitator.widgets.lists import EditTable
from tests.rich_case import first_meeting, rich_case
from tests.screens_helpers import open_meeting, saved, screen_lines, type_text, until


def _planned(store, kind: MeetingKind):
    case = rich_case()
    first = first_meeting(case)
    meeting = plan_follow_up(case, first, kind, first.sip.next_meeting.start, place="Kometskolan")
    store.save_case(case)
    store.save_meeting(first)
    store.save_meeting(meeting)
    clock = ManualClock(meeting.planned_start)
    return FacilitatorApp(store=store, clock=clock, focus_meeting=meeting.id), meeting


def _screen_text(app) -> str:
    return "\n".join(screen_lines(app))


async def test_a_goal_is_followed_up_with_status_and_evaluation(store):
    app, meeting = _planned(store, MeetingKind.FOLLOW_UP)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.GOAL_STATUS)
        await pilot.pause()
        table = screen.query_one("#goals", EditTable)
        table.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, GoalDialog))
        await pilot.press("enter")  # open the status choice
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # pågår, uppnått
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "Går fyra dagar av fem")
        await pilot.press("enter")  # the last field saves
        await until(pilot, lambda: app.screen is screen)
        goal = screen.session.meeting.sip.goals[0]
        assert (goal.status, goal.evaluation) == (GoalStatus.REACHED, "Går fyra dagar av fem")
        seen = _screen_text(app)
        assert "uppnått" in seen and "Går fyra dagar av fem" in seen
        assert "ej bedömt" in seen  # the others are still to be followed up
        await saved(screen)
    stored = store.load_meeting(meeting.id).sip.goals[0]
    assert stored.status is GoalStatus.REACHED


async def test_the_lead_authority_is_chosen_between_kommun_and_region_only(store):
    app, meeting = _planned(store, MeetingKind.FOLLOW_UP)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.LEAD_AUTHORITY)
        await pilot.pause()
        screen.query_one("#lead-authority", Select).focus()
        await pilot.press("enter")  # the choices drop down
        await pilot.pause()
        seen = _screen_text(app)
        assert "kommun" in seen and "region" in seen
        assert "annan" not in seen


async def test_summary_and_the_closing_evaluation_are_typed_and_stored(store):
    app, meeting = _planned(store, MeetingKind.CLOSING)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.EVALUATION)
        await pilot.pause()
        screen.query_one("#f-evaluation_family").focus()
        await type_text(pilot, "Skönt att alla satt i samma rum.")
        screen.query_one("#f-evaluation_network").focus()
        await type_text(pilot, "Kortare väntan på BUP.")
        await screen.jump_to(Capture.SUMMARY)
        await pilot.pause()
        screen.query_one("#f-summary").focus()
        await type_text(pilot, "Målen är nådda.")
        screen.query_one("#f-missing_actors").focus()
        await type_text(pilot, "Ingen saknas.")
        seen = _screen_text(app)
        assert "Saknas någon aktör som bör kallas?" in seen and "Ingen saknas." in seen
        screen.flush()
        await saved(screen)
    sip = store.load_meeting(meeting.id).sip
    assert sip.evaluation_family == "Skönt att alla satt i samma rum."
    assert sip.evaluation_network == "Kortare väntan på BUP."
    assert (sip.summary, sip.missing_actors) == ("Målen är nådda.", "Ingen saknas.")


async def test_a_goals_line_for_the_child_is_changed_when_it_is_followed_up(store):
    app, meeting = _planned(store, MeetingKind.FOLLOW_UP)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.GOAL_STATUS)
        await pilot.pause()
        screen.query_one("#goals", EditTable).focus()
        await pilot.press("down", "enter")  # the second goal
        await until(pilot, lambda: isinstance(app.screen, GoalDialog))
        field = app.screen.query_one("#goal-edit-child")
        assert field.value == "Du sover bättre och somnar före klockan tio på kvällen"
        field.focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Du somnar lättare på kvällen")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        await saved(screen)
    sip = store.load_meeting(meeting.id).sip
    assert sip.goals[1].child == "Du somnar lättare på kvällen"
    assert sip.goals[1].text == "Åsa sover bättre och somnar före klockan 22"
    assert sip.child_focus == sip.goals[1].id
