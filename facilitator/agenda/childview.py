"""Each step of a meeting in a child's words, for the child's view of the room.

The line lives with the agenda template (``child`` on a step) and is copied into the
meeting's step run when the meeting is planned. A meeting stored before the lines
existed, or planned from a user's own agenda file without them, has an empty line: the
default agenda's line for the same step is used then, and for a step the default agenda
does not have, a plain line that fits any step. A pure function of the step and the kind
of meeting.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from facilitator import strings as sv
from facilitator.agenda.kinds import Capture, MeetingKind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from facilitator.agenda.models import Sip, StepRun

DECIDING = frozenset({Capture.GOALS, Capture.GOAL_STATUS, Capture.ACTIONS, Capture.SUMMARY})
"""The captures of the steps where goals and insatser are decided and summed up: Dialog
(and the closing meeting's reflection, where the goals are followed up) and
Sammanfattning."""


@lru_cache(maxsize=len(MeetingKind))
def default_child_lines(kind: MeetingKind) -> Mapping[str, str]:
    """The child's line of each step of the default agenda of ``kind``, by step key."""
    from facilitator.agenda.templates import default_template

    return MappingProxyType(
        {step.key: step.child.strip() for step in default_template(kind).steps if step.child.strip()}
    )


def child_line(step: StepRun, kind: MeetingKind) -> str:
    """What happens in ``step``, said to the child: the step's own line, else the default
    agenda's line for the same step, else a line that fits any step."""
    own = step.child.strip()
    if own:
        return own
    return default_child_lines(kind).get(step.key) or sv.CHILD_STEP_GENERIC


def deciding_line(step: StepRun, sip: Sip) -> str:
    """In a step where goals and insatser are decided, the line for the child of the goal
    or insats last added or changed (``child_focus``); empty when it has none, and in
    every other step."""
    if sip.child_focus is None or not DECIDING.intersection(step.captures):
        return ""
    for item in (*sip.goals, *sip.actions):
        if item.id == sip.child_focus:
            return item.child.strip()
    return ""
