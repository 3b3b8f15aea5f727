"""Rules of planning and choosing, as pure functions: the lots, the next meeting as typed,
and when to suggest the next meeting."""

from datetime import datetime, time, timedelta

import pytest

from facilitator.agenda import MeetingKind, NextMeeting, Person, Role, plan_meeting
from facilitator.agenda.meetings import (
    NextMeetingProblem,
    mark_navigator,
    navigator_from,
    read_next_meeting,
    suggest_next_start,
)
from tests.conftest import STOCKHOLM, full_case


def test_the_lots_contact_goes_where_it_belongs():
    by_mail = navigator_from(Person(name="Ahmed Şahin", organisation="BUP", contact="ahmed@bup.se"))
    by_phone = navigator_from(Person(name="Karin Öberg", contact="070-111 22 33"))
    assert (by_mail.email, by_mail.phone, by_mail.organisation) == ("ahmed@bup.se", "", "BUP")
    assert (by_phone.email, by_phone.phone) == ("", "070-111 22 33")


def test_the_lots_role_moves_with_the_choice_but_no_one_is_left_without_a_role():
    only_lots = Person(name="A", roles=[Role.NAVIGATOR])
    lots_and_more = Person(name="B", roles=[Role.PROFESSIONAL, Role.NAVIGATOR])
    chosen = Person(name="C", roles=[Role.PROFESSIONAL])
    people = [only_lots, lots_and_more, chosen]
    mark_navigator(people, chosen.id)
    assert chosen.roles == [Role.PROFESSIONAL, Role.NAVIGATOR]
    assert lots_and_more.roles == [Role.PROFESSIONAL]
    assert only_lots.roles == [Role.NAVIGATOR]  # their only role stays
    mark_navigator(people, chosen.id)
    assert chosen.roles.count(Role.NAVIGATOR) == 1


@pytest.mark.parametrize(
    ("day", "clock", "minutes", "expected"),
    [
        ("", "", "", (None, 60, None)),
        ("2026-03-03", "", "", (time(9, 0), 60, None)),
        ("2026-03-03", "13.15", "90", (time(13, 15), 90, None)),
        ("3 mars", "", "", (None, 60, NextMeetingProblem.BAD_DATE)),
        ("2026-03-03", "kvart över", "", (None, 60, NextMeetingProblem.BAD_TIME)),
        ("2026-03-03", "10.00", "300", (time(10, 0), 60, NextMeetingProblem.BAD_MINUTES)),
        ("2026-03-03", "10.00", "många", (time(10, 0), 60, None)),
    ],
)
def test_the_next_meeting_as_typed(day, clock, minutes, expected):
    entry = read_next_meeting(day, clock, minutes)
    start = entry.start.timetz().replace(tzinfo=None) if entry.start else None
    assert (start, entry.minutes, entry.problem) == expected


def test_the_next_meeting_is_suggested_as_booked_else_six_weeks_on_else_next_hour():
    case = full_case()
    last = plan_meeting(case, MeetingKind.FIRST, datetime(2026, 1, 13, 9, tzinfo=STOCKHOLM))
    now = datetime(2026, 1, 2, 10, 25, tzinfo=STOCKHOLM)
    assert suggest_next_start(None, now) == datetime(2026, 1, 2, 11, 0, tzinfo=STOCKHOLM)
    assert suggest_next_start(last, now) == last.planned_start + timedelta(weeks=6)
    booked = datetime(2026, 3, 3, 13, 15, tzinfo=STOCKHOLM)
    last.sip.next_meeting = NextMeeting(start=booked)
    assert suggest_next_start(last, now) == booked


def test_a_closing_meeting_without_a_day_is_suggested_inside_its_window():
    case = full_case()
    last = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    last.sip.next_meeting = NextMeeting(kind=MeetingKind.CLOSING)
    now = datetime(2026, 3, 3, 12, 0, tzinfo=STOCKHOLM)
    suggested = suggest_next_start(last, now)
    assert suggested == last.planned_start + timedelta(weeks=10)
    from facilitator.agenda.workdays import check_interval

    assert check_interval(MeetingKind.CLOSING, last.planned_start.date(), suggested.date()) is None


def test_a_first_meeting_is_suggested_no_earlier_than_the_kallelse_allows():
    from datetime import date

    now = datetime(2026, 1, 2, 10, 25, tzinfo=STOCKHOLM)
    # Received Friday 2 January 2026: 6 January is a holiday, so the 15th working day
    # after it is Monday 26 January.
    suggested = suggest_next_start(None, now, kallelse_received=date(2026, 1, 2))
    assert suggested == datetime(2026, 1, 26, 9, 0, tzinfo=STOCKHOLM)
    # Received long ago: the next whole hour.
    assert suggest_next_start(None, now, kallelse_received=date(2025, 11, 3)) == datetime(
        2026, 1, 2, 11, 0, tzinfo=STOCKHOLM
    )
