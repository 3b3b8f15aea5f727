"""Follow up one goal: its text, its status and how it went."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.models import Goal, GoalStatus
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.select import Select


class GoalDialog(FormDialog[Goal]):
    LAST_FIELD = "goal-evaluation"

    def __init__(self, goal: Goal):
        super().__init__()
        self.goal = goal

    def compose(self) -> ComposeResult:
        g = self.goal
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.GOAL_STATUS_EDIT, classes="field-label")
            yield Label(sv.GOAL_COLUMNS[0], classes="field-label")
            yield Input(g.text, id="goal-edit-text")
            yield Label(sv.LABEL_CHILD_LINE, classes="field-label")
            yield Input(g.child, placeholder=sv.PLACEHOLDER_CHILD_LINE, id="goal-edit-child")
            yield Label(sv.LABEL_GOAL_STATUS, classes="field-label")
            yield Select(
                [(sv.GOAL_STATUS[s], s) for s in GoalStatus],
                value=g.status if g.status is not None else Select.NULL,
                prompt=sv.CHOOSE_GOAL_STATUS,
                id="goal-status",
            )
            yield Label(sv.LABEL_GOAL_EVALUATION, classes="field-label")
            yield Input(g.evaluation, id="goal-evaluation")
            yield from self.footer()

    def on_mount(self) -> None:
        self.query_one("#goal-status", Select).focus()

    def action_save(self) -> None:
        text = self.query_one("#goal-edit-text", Input).value
        if not text.strip():
            return self.refuse(sv.PROBLEM_GOAL, "#goal-edit-text")
        status = self.query_one("#goal-status", Select).value
        try:
            goal = Goal(
                id=self.goal.id,
                text=text,
                horizon=self.goal.horizon,
                child=self.query_one("#goal-edit-child", Input).value,
                understood=self.goal.understood,
                status=None if status == Select.NULL else status,
                evaluation=self.query_one("#goal-evaluation", Input).value,
            )
        except ValidationError:
            return self.refuse(sv.PROBLEM_TOO_LONG)
        self.dismiss(goal)
