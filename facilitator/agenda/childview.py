"""A step of the agenda in a child's words, for the child's room view."""

from __future__ import annotations

from facilitator.agenda.kinds import MeetingKind
from facilitator.agenda.models import StepRun


def child_line(step: StepRun, kind: MeetingKind) -> str:
    """The step in a child's words: its own line, or else its title."""
    return step.child or step.title
