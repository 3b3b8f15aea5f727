"""Add or change one goal; at a follow-up, follow it up: its status and how it went."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.models import Goal, GoalHorizon, GoalStatus
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.select import Select


class GoalDialog(FormDialog[Goal]):
    """``goal`` None: a new goal. ``follow_up``: the goal's status and evaluation too, and
    the cursor starts on the status (what a follow-up sets); otherwise on the text."""

    def __init__(self, goal: Goal | None, follow_up: bool = False):
        super().__init__()
        self.goal = goal
        self.follow_up = follow_up
        self.LAST_FIELD = "goal-evaluation" if follow_up else "goal-edit-child"

    def _title(self) -> str:
        if self.goal is None:
            return sv.GOAL_NEW
        return sv.GOAL_STATUS_EDIT if self.follow_up else sv.GOAL_EDIT

    def compose(self) -> ComposeResult:
        g = self.goal
        with VerticalScroll(id="dialog-box"):
            yield Label(self._title(), classes="field-label")
            yield Label(sv.GOAL_COLUMNS[0], classes="field-label")
            yield Input(g.text if g else "", id="goal-edit-text")
            yield Label(sv.LABEL_CHILD_LINE, classes="field-label")
            yield Input(g.child if g else "", placeholder=sv.PLACEHOLDER_CHILD_LINE, id="goal-edit-child")
            yield Label(sv.LABEL_GOAL_HORIZON, classes="field-label")
            yield Select(
                [(sv.GOAL_HORIZON[h], h) for h in GoalHorizon],
                value=g.horizon if g else GoalHorizon.SHORT,
                allow_blank=False,
                id="goal-edit-horizon",
            )
            if self.follow_up:
                yield Label(sv.LABEL_GOAL_STATUS, classes="field-label")
                yield Select(
                    [(sv.GOAL_STATUS[s], s) for s in GoalStatus],
                    value=g.status if g and g.status is not None else Select.NULL,
                    prompt=sv.CHOOSE_GOAL_STATUS,
                    id="goal-status",
                )
                yield Label(sv.LABEL_GOAL_EVALUATION, classes="field-label")
                yield Input(g.evaluation if g else "", id="goal-evaluation")
            yield from self.footer()

    def on_mount(self) -> None:
        first = "#goal-status" if self.follow_up and self.goal is not None else "#goal-edit-text"
        self.query_one(first).focus()

    def action_save(self) -> None:
        text = self.query_one("#goal-edit-text", Input).value
        if not text.strip():
            return self.refuse(sv.PROBLEM_GOAL, "#goal-edit-text")
        g = self.goal
        status = self.query_one("#goal-status", Select).value if self.follow_up else (g.status if g else None)
        evaluation = self.query_one("#goal-evaluation", Input).value if self.follow_up else (g.evaluation if g else "")
        try:
            goal = Goal(
                **({"id": g.id} if g else {}),
                text=text,
                horizon=self.query_one("#goal-edit-horizon", Select).value,
                child=self.query_one("#goal-edit-child", Input).value,
                understood=g.understood if g else None,
                status=None if status == Select.NULL else status,
                evaluation=evaluation,
            )
        except ValidationError:
            return self.refuse(sv.PROBLEM_TOO_LONG)
        if g is not None and goal.model_dump(exclude={"id"}) == g.model_dump(exclude={"id"}):
            goal = g  # nothing changed: the same goal, so nothing is written
        self.dismiss(goal)
