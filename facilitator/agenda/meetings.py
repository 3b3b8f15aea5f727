"""Planning a meeting from an agenda template and driving its timer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitator.agenda.clock import Clock
from facilitator.agenda.models import Case, Meeting, MeetingKind, MeetingStatus, Person
from facilitator.agenda.templates import AgendaTemplate, load_template, step_runs
from facilitator.agenda.timebox import Timebox


def plan_meeting(
    case: Case,
    kind: MeetingKind,
    planned_start: datetime,
    minutes: int | None = None,
    *,
    place: str = "",
    attendance: list[Person] | None = None,
    template: AgendaTemplate | None = None,
    config_dir: Path | None = None,
) -> Meeting:
    """A new, unstarted meeting for ``case`` with the agenda scaled to ``minutes``."""
    template = template or load_template(kind, config_dir)
    length = minutes if minutes is not None else template.minutes
    return Meeting(
        case_id=case.id,
        kind=kind,
        planned_start=planned_start,
        planned_minutes=length,
        place=place,
        attendance=list(attendance or []),
        steps=step_runs(template, length),
    )


def timebox_for(meeting: Meeting, clock: Clock) -> Timebox:
    """The timer of ``meeting``; it changes the meeting's steps and timer state in place."""
    return Timebox(meeting.steps, meeting.timer, clock)


def sync_status(meeting: Meeting, timebox: Timebox) -> None:
    """Bring the meeting's status in line with its timer."""
    if timebox.finished:
        meeting.status = MeetingStatus.FINISHED
    elif timebox.started:
        meeting.status = MeetingStatus.RUNNING
    else:
        meeting.status = MeetingStatus.PLANNED
