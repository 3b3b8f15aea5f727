"""The next meeting as an iCalendar invitation, with no personal data in it.

A calendar is not a confidential place: the event names the kind of meeting and the
place only, never the child, the family or what the meeting is about.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from facilitator import strings as sv
from facilitator.agenda.models import Meeting, MeetingKind


class NoNextMeeting(ValueError):
    """The SIP has no date for the next meeting yet."""


def to_ics(meeting: Meeting, now: datetime) -> bytes:
    nxt = meeting.sip.next_meeting
    if nxt.start is None:
        raise NoNextMeeting("the SIP has no date for the next meeting")
    calendar = Calendar()
    calendar.add("prodid", "-//facilitator//Lotsmöte//SV")
    calendar.add("version", "2.0")
    event = Event()
    kind = nxt.kind or MeetingKind.FOLLOW_UP
    name = sv.MEETING_KIND[kind]
    event.add("summary", sv.ICS_SUMMARY.format(kind=name))
    start = nxt.start.astimezone(UTC)
    event.add("dtstart", start)
    event.add("dtend", start + timedelta(minutes=nxt.minutes))
    event.add("dtstamp", now.astimezone(UTC))
    event.add("uid", f"{meeting.id}-next@facilitator")
    if nxt.place:
        event.add("location", nxt.place)
    event.add("description", sv.ICS_DESCRIPTION.format(kind=name))
    calendar.add_component(event)
    return calendar.to_ical()
