"""Planning a meeting from an agenda template and driving its timer."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from facilitator.agenda.clock import Clock
from facilitator.agenda.dates import parse_clock, parse_day
from facilitator.agenda.models import (
    Case,
    CaseStatus,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Navigator,
    Person,
    Presence,
    Role,
    Sip,
)
from facilitator.agenda.templates import Agendas, AgendaTemplate, default_template, load_template, step_runs
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
    """A new, unstarted meeting for ``case`` with the agenda scaled to ``minutes``; those
    called belong to the case's verksamheter (a verksamhet new to the case is added)."""
    template = template or load_template(kind, config_dir)
    length = minutes if minutes is not None else template.minutes
    meeting = Meeting(
        case_id=case.id,
        kind=kind,
        planned_start=planned_start,
        planned_minutes=length,
        place=place,
        attendance=list(attendance or []),
        steps=step_runs(template, length),
    )
    case.adopt(meeting)
    return meeting


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
    template: AgendaTemplate | None = None,
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
        template=template,
        config_dir=config_dir,
    )
    before = previous.sip
    meeting.sip = Sip(
        # Whether the child understood is asked again at each meeting.
        goals=[g.model_copy(update={"understood": None}) for g in before.goals],
        actions=[a.model_copy(update={"understood": None}) for a in before.actions],
        navigator=before.navigator,
        lead_authority=before.lead_authority,
    )
    return meeting


def called_to_next(previous: Meeting) -> list[Person]:
    """Who is called to the meeting after ``previous``, none of them marked: the
    presentation round marks how each takes part."""
    nxt = previous.sip.next_meeting
    if nxt.attendees or nxt.called:
        wanted = set(nxt.attendees)
        people = [p for p in previous.attendance if p.name in wanted] + list(nxt.called)
    else:
        people = list(previous.attendance)
    return [p.model_copy(update={"presence": None, "presence_at": None}) for p in people]


def secretary_of(attendance: list[Person]) -> str:
    """The name of the meeting's secretary (the first present with that role), or ""."""
    return next((p.name for p in attendance if Role.SECRETARY in p.roles and p.present), "")


def hold(meeting: Meeting, now: datetime) -> None:
    """Record that the meeting is held from ``now``, when its timer first starts (the
    moment the paper carries); a meeting that has started keeps the day it was held."""
    if meeting.timer.started_wall_ns is None:
        meeting.held_start = now


def plan_booked_next(
    case: Case,
    meeting: Meeting,
    others: list[tuple[str, datetime]],
    agendas: Agendas | None = None,
) -> Meeting | None:
    """The meeting the SIP books (its next meeting's date, place, kind and those called),
    or None when it books none or the case already has a later meeting planned.
    ``others``: (id, planned start) of the case's meetings. The agenda is the one
    ``agendas`` holds as checked (no file is read at the end of a meeting), else the
    shipped one."""
    nxt = meeting.sip.next_meeting
    if nxt.start is None or case.status is CaseStatus.CLOSED or meeting.kind is MeetingKind.CLOSING:
        return None
    if any(start > meeting.planned_start and mid != meeting.id for mid, start in others):
        return None
    kind = nxt.kind if nxt.kind in (MeetingKind.FOLLOW_UP, MeetingKind.CLOSING) else MeetingKind.FOLLOW_UP
    template = agendas.held(kind) if agendas is not None else default_template(kind)
    return plan_follow_up(case, meeting, kind, nxt.start, nxt.minutes, place=nxt.place, template=template)


def new_participants(meeting: Meeting, previous: Meeting | None) -> list[Person]:
    """New actors: professionals here now (or not yet marked absent) who did not attend
    the previous meeting."""
    if previous is None:
        return []
    known = {" ".join(p.name.casefold().split()) for p in previous.attendance if p.present}
    return [
        p
        for p in meeting.attendance
        if p.presence is not Presence.ABSENT
        and p.is_professional
        and " ".join(p.name.casefold().split()) not in known
    ]


def navigator_from(person: Person) -> Navigator:
    """The lots, chosen among the professionals present: their contact goes where it
    belongs (an e-mail address or a phone number)."""
    email = person.contact if "@" in person.contact else ""
    phone = "" if email else person.contact
    return Navigator(
        person_id=person.id, name=person.name, organisation=person.organisation, phone=phone, email=email
    )


def mark_navigator(attendance: list[Person], person_id: str) -> None:
    """The chosen lots carries the lots role; whoever carried it before loses it (unless
    it was their only role)."""
    for person in attendance:
        has = Role.NAVIGATOR in person.roles
        if person.id == person_id and not has:
            person.roles = [*person.roles, Role.NAVIGATOR]
        elif person.id != person_id and has and len(person.roles) > 1:
            person.roles = [r for r in person.roles if r is not Role.NAVIGATOR]


INTERPRETED_LENGTH = 1.5
"""How much longer a meeting with an interpreter is planned: what is said is said twice."""


def interpreted_minutes(minutes: int) -> int:
    """The length of a meeting with an interpreter, from its length without: half as long
    again, to whole five minutes, at most the longest meeting (240 minutes)."""
    return min(240, -(-round(minutes * INTERPRETED_LENGTH) // 5) * 5)


NEXT_MEETING_TIME = time(9, 0)
"""When the next meeting starts if only its day is given."""
NEXT_MEETING_MINUTES = 60
"""How long the next meeting is if nothing else is said."""
FOLLOW_UP_AFTER = timedelta(weeks=6)
"""The suggested gap to a follow-up when none is booked: within 4–16 weeks."""
CLOSING_AFTER = timedelta(weeks=10)
"""The suggested gap to the closing meeting when none is booked: within 8–16 weeks."""


class NextMeetingEntry(NamedTuple):
    start: datetime | None
    minutes: int
    problem: NextMeetingProblem | None


class NextMeetingProblem(StrEnum):
    BAD_DATE = "bad_date"
    BAD_TIME = "bad_time"
    BAD_MINUTES = "bad_minutes"


def read_next_meeting(day_text: str, time_text: str, minutes_text: str) -> NextMeetingEntry:
    """The next meeting as typed: a day (none yet is fine), a time (9.00 if none) and a
    length (60 minutes if none, 15–240)."""
    start = None
    if day_text.strip():
        try:
            day = parse_day(day_text)
        except ValueError:
            return NextMeetingEntry(None, NEXT_MEETING_MINUTES, NextMeetingProblem.BAD_DATE)
        try:
            clock = parse_clock(time_text) if time_text.strip() else NEXT_MEETING_TIME
        except ValueError:
            return NextMeetingEntry(None, NEXT_MEETING_MINUTES, NextMeetingProblem.BAD_TIME)
        start = datetime.combine(day, clock).astimezone()
    try:
        minutes = int(minutes_text) if minutes_text.strip() else NEXT_MEETING_MINUTES
    except ValueError:
        minutes = NEXT_MEETING_MINUTES
    if not 15 <= minutes <= 240:
        return NextMeetingEntry(start, NEXT_MEETING_MINUTES, NextMeetingProblem.BAD_MINUTES)
    return NextMeetingEntry(start, minutes, None)


def suggest_next_start(last: Meeting | None, now: datetime, kallelse_received: date | None = None) -> datetime:
    """When to plan a case's next meeting: as its last SIP booked it; else, after a
    meeting, inside the window for the kind it booked (six weeks to a follow-up, ten to
    the closing meeting: 4–16 and 8–16 weeks); else (a first meeting) the next whole hour,
    but not before the first day the kallelse allows (15 working days after it was
    received), at the usual time."""
    if last is not None and last.sip.next_meeting.start:
        return last.sip.next_meeting.start
    if last is not None:
        closing = last.sip.next_meeting.kind is MeetingKind.CLOSING
        return last.start + (CLOSING_AFTER if closing else FOLLOW_UP_AFTER)
    suggested = (now + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
    if kallelse_received is not None:
        from facilitator.agenda.workdays import first_meeting_earliest

        earliest = first_meeting_earliest(kallelse_received)
        if suggested.date() < earliest:
            return datetime.combine(earliest, NEXT_MEETING_TIME).astimezone(now.tzinfo)
    return suggested
