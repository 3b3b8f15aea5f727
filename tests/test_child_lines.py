"""Each step of the three agendas in a child's words, and the fallback for a step run that
has no line of its own (a meeting stored before the lines existed, a user's own agenda)."""

from __future__ import annotations

import pytest

from facilitator import strings as sv
from facilitator.agenda.childview import child_line
from facilitator.agenda.models import MeetingKind, StepRun


def _run(key: str, child: str = "") -> StepRun:
    return StepRun(key=key, title="Ett steg", child=child, planned_ns=0, allotted_ns=0)


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_the_steps_own_line_comes_first(kind):
    line = "Nu leker vi en stund. Sedan fortsätter mötet."
    assert child_line(_run("introductions", line), kind) == line


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_a_step_no_agenda_knows_gets_the_plain_line(kind):
    assert child_line(_run("fika"), kind) == sv.CHILD_STEP_GENERIC
    assert child_line(_run("fika", "   "), kind) == sv.CHILD_STEP_GENERIC
