"""SIP revisions: the SIP as it stood after each meeting of a case."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field

from facilitator.agenda.models import Action, ActionStatus, Goal, GoalStatus, MeetingKind, Record, Sip


class SipRevision(Record):
    """The SIP of one meeting. Revision 1 is the first meeting's plan."""

    case_id: str
    meeting_id: str
    number: Annotated[int, Field(ge=1)]
    kind: MeetingKind
    saved_wall_ns: int
    sip: Sip


@dataclass(frozen=True)
class StatusChange:
    action: Action
    before: ActionStatus
    after: ActionStatus


@dataclass(frozen=True)
class GoalStatusChange:
    goal: Goal
    before: GoalStatus | None
    after: GoalStatus | None


@dataclass(frozen=True)
class RevisionDiff:
    """What changed in the SIP from one revision to the next (matched by id)."""

    goals_added: list[Goal] = field(default_factory=list)
    goals_removed: list[Goal] = field(default_factory=list)
    actions_added: list[Action] = field(default_factory=list)
    actions_removed: list[Action] = field(default_factory=list)
    status_changed: list[StatusChange] = field(default_factory=list)
    goal_status_changed: list[GoalStatusChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.goals_added
            or self.goals_removed
            or self.actions_added
            or self.actions_removed
            or self.status_changed
            or self.goal_status_changed
        )


def diff_sips(before: Sip, after: Sip) -> RevisionDiff:
    old_goals = {g.id: g for g in before.goals}
    new_goals = {g.id: g for g in after.goals}
    old_actions = {a.id: a for a in before.actions}
    new_actions = {a.id: a for a in after.actions}
    return RevisionDiff(
        goals_added=[g for g in after.goals if g.id not in old_goals],
        goals_removed=[g for g in before.goals if g.id not in new_goals],
        actions_added=[a for a in after.actions if a.id not in old_actions],
        actions_removed=[a for a in before.actions if a.id not in new_actions],
        status_changed=[
            StatusChange(a, old_actions[a.id].status, a.status)
            for a in after.actions
            if a.id in old_actions and old_actions[a.id].status != a.status
        ],
        goal_status_changed=[
            GoalStatusChange(g, old_goals[g.id].status, g.status)
            for g in after.goals
            if g.id in old_goals and old_goals[g.id].status != g.status
        ],
    )
