"""Planning a meeting from an agenda template and driving its timer."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from facilitator.agenda.clock import Clock
from facilitator.agenda.models import (
    Case,
    CaseStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Person,
    Sip,
)
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


def plan_follow_up(
    case: Case,
    previous: Meeting,
    kind: MeetingKind,
    planned_start: datetime,
    minutes: int | None = None,
    *,
    place: str = "",
    config_dir: Path | None = None,
) -> Meeting:
    """The next meeting of a process, starting from the last SIP.

    Attendance starts from those the previous SIP calls to this meeting ("Deltar nästa
    gång", and actors who were not in the room), or from everyone last time if it names
    nobody; goals, actions (with their ids, so each gets a new status here), the lots and
    the lead authority are carried as the new revision; what is said starts empty.
    """
    meeting = plan_meeting(
        case,
        kind,
        planned_start,
        minutes,
        place=place,
        attendance=called_to_next(previous),
        config_dir=config_dir,
    )
    before = previous.sip
    meeting.sip = Sip(
        goals=[g.model_copy() for g in before.goals],
        actions=[a.model_copy() for a in before.actions],
        navigator=before.navigator,
        lead_authority=before.lead_authority,
    )
    return meeting


def called_to_next(previous: Meeting) -> list[Person]:
    """Who is called to the meeting after ``previous``, each as present until the
    presentation round says otherwise."""
    nxt = previous.sip.next_meeting
    if nxt.attendees or nxt.called:
        wanted = set(nxt.attendees)
        people = [p for p in previous.attendance if p.name in wanted] + list(nxt.called)
    else:
        people = list(previous.attendance)
    return [p.model_copy(update={"present": True}) for p in people]


def plan_booked_next(
    case: Case, meeting: Meeting, others: list[tuple[str, datetime]], config_dir: Path | None = None
) -> Meeting | None:
    """The meeting the SIP books (its next meeting's date, place, kind and those called),
    or None when it books none or the case already has a later meeting planned.
    ``others``: (id, planned start) of the case's meetings."""
    nxt = meeting.sip.next_meeting
    if nxt.start is None or case.status is CaseStatus.CLOSED or meeting.kind is MeetingKind.CLOSING:
        return None
    if any(start > meeting.planned_start and mid != meeting.id for mid, start in others):
        return None
    kind = nxt.kind if nxt.kind in (MeetingKind.FOLLOW_UP, MeetingKind.CLOSING) else MeetingKind.FOLLOW_UP
    return plan_follow_up(
        case, meeting, kind, nxt.start, nxt.minutes, place=nxt.place, config_dir=config_dir
    )


def new_participants(meeting: Meeting, previous: Meeting | None) -> list[Person]:
    """New actors: professionals present now who did not attend the previous meeting."""
    if previous is None:
        return []
    known = {" ".join(p.name.casefold().split()) for p in previous.attendance if p.present}
    return [
        p
        for p in meeting.attendance
        if p.present and p.is_professional and " ".join(p.name.casefold().split()) not in known
    ]
