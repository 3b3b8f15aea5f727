"""Ctrl+N from anywhere in a step: from its text field too, into the step's list; in a
step with two lists it asks which (unless the cursor is in one); in a step with none it
says so instead of doing nothing."""

from __future__ import annotations

from facilitator import strings as sv
from facilitator.agenda.kinds import Capture
from facilitator.dialogs.action import ActionDialog
from facilitator.dialogs.goal import GoalDialog
from facilitator.dialogs.which import WhichDialog
from tests.screens_helpers import demo_app, notices, open_meeting, saved, screen_text, type_text, until


async def test_ctrl_n_in_a_steps_text_field_adds_to_its_list(store):
    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await screen.jump_to(Capture.GOALS)  # Dialog: reflection, goals and insatser
        await pilot.pause()
        sip = screen.session.meeting.sip
        goals, actions = list(sip.goals), list(sip.actions)
        assert app.focused.id == "f-reflection"

        # From the step's text field: which list?
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, WhichDialog) and sv.ADD_WHICH in screen_text(app))
        seen = screen_text(app)
        assert sv.ADD_WHICH in seen and sv.ADD_GOAL in seen and sv.ADD_ACTION in seen
        await pilot.press("escape")  # neither: nothing changes
        await until(pilot, lambda: app.screen is screen)
        assert (sip.goals, sip.actions) == (goals, actions)

        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, WhichDialog))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ActionDialog) and sv.ACTION_NEW in screen_text(app))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen)
        assert (sip.goals, sip.actions) == (goals, actions)

        # From the goals' own field: a new goal, no question.
        screen.query_one("#goal-text").focus()
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, GoalDialog))
        assert sv.GOAL_NEW in screen_text(app)
        await type_text(pilot, "Elsa cyklar till skolan")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen)
        assert [g.text for g in sip.goals] == [*(g.text for g in goals), "Elsa cyklar till skolan"]
        assert sip.actions == actions
        assert "Elsa cyklar till skolan" in screen_text(app)
        await saved(screen)
    assert store.load_meeting(meeting_id).sip.goals[-1].text == "Elsa cyklar till skolan"


async def test_ctrl_n_in_a_step_without_a_list_says_so(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await open_meeting(app, pilot)
        shown = notices(app)
        await screen.jump_to(Capture.FAMILY_STORY)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert shown == [sv.ADD_NOTHING]
        assert app.screen is screen
