"""Each step of a meeting in a child's words, for the child's view of the room.

The line lives with the agenda template (``child`` on a step) and is copied into the
meeting's step run when the meeting is planned. A meeting stored before the lines
existed, or planned from a user's own agenda file without them, has an empty line: the
default agenda's line for the same step is used then, and for a step the default agenda
does not have, a plain line that fits any step. A line says that the child said yes to
the consent (as the Sekretess step's does) only when the case records the child's own. A
pure function of the step, the kind of meeting and the consent.
"""

from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from facilitator import strings as sv
from facilitator.agenda.kinds import Capture, MeetingKind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from facilitator.agenda.models import Consent, Sip, StepRun

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


def child_line(step: StepRun, kind: MeetingKind, consent: Consent | None = None) -> str:
    """What happens in ``step``, said to the child: the step's own line, else the default
    agenda's line for the same step, else a line that fits any step. With the case's
    ``consent``, a line that says "du och dina föräldrar har sagt ja" (the Sekretess
    step's) says "dina föräldrar har sagt ja" unless the child's own consent is recorded."""
    line = step.child.strip() or default_child_lines(kind).get(step.key) or sv.CHILD_STEP_GENERIC
    if consent is not None and consent.child is None:
        line = line.replace(sv.CHILD_CONSENT_BOTH, sv.CHILD_CONSENT_PARENTS)
    return line


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
