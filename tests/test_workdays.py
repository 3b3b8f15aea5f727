"""Swedish working days and the process rules, at their boundaries."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator import strings as sv
from facilitator.agenda import (
    WarningCode,
    add_working_days,
    is_working_day,
    process_warnings,
    working_days_between,
)
from facilitator.agenda.kinds import MeetingKind
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import NextMeeting
from facilitator.agenda.workdays import (
    FIRST_MEETING_WORKING_DAYS,
    HOLIDAY_CATEGORIES,
    INTERVALS,
    SOURCES,
    MeetingDate,
    Source,
    case_warnings,
    check_first_meeting,
    check_interval,
    check_meeting,
    check_meeting_count,
    first_meeting_earliest,
    holiday_name,
    meeting_window,
    previous_meeting,
)
from facilitator.demo import KALLELSE_BEFORE, demo_case
from tests.conftest import STOCKHOLM, full_case

FIRST = MeetingKind.FIRST
FOLLOW_UP = MeetingKind.FOLLOW_UP
CLOSING = MeetingKind.CLOSING

# The calendar as it has been since 2005: nationaldagen a holiday, annandag pingst not.
years = st.integers(min_value=2005, max_value=2100)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


def easter(year: int) -> date:
    """Easter Sunday by the anonymous Gregorian algorithm (Meeus), computed here
    independently of the calendar the app uses."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


# The calendar.


def test_categories_are_named_explicitly():
    assert HOLIDAY_CATEGORIES == ("public", "de_facto")


def test_easter_algorithm_agrees_with_known_dates():
    assert [easter(y) for y in (2025, 2026, 2027)] == [date(2025, 4, 20), date(2026, 4, 5), date(2027, 3, 28)]


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 6, 19),  # midsommarafton
        date(2025, 12, 24),  # julafton
        date(2025, 12, 25),  # juldagen
        date(2025, 12, 26),  # annandag jul
        date(2025, 12, 31),  # nyårsafton
        date(2026, 1, 1),  # nyårsdagen
        date(2026, 1, 6),  # trettondedag jul
        date(2025, 6, 6),  # nationaldagen on a Friday
        date(2026, 5, 1),  # första maj
        date(2026, 5, 14),  # Kristi himmelsfärdsdag
        date(2026, 4, 3),  # långfredagen
        date(2026, 4, 6),  # annandag påsk
        date(2026, 11, 21),  # a Saturday
        date(2026, 11, 22),  # a Sunday
    ],
)
def test_days_off(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 6, 18),  # the day before midsommarafton
        date(2026, 12, 23),  # the day before julafton
        date(2026, 4, 2),  # skärtorsdagen
        date(2026, 4, 30),  # valborgsmässoafton
        date(2026, 1, 5),  # trettondagsafton
        date(2026, 10, 30),  # the Friday before alla helgons dag
        date(2026, 5, 25),  # annandag pingst: no holiday since 2005
        date(2026, 11, 23),  # an ordinary Monday
    ],
)
def test_eves_that_are_not_days_off_and_ordinary_days_are_working_days(day):
    assert is_working_day(day)


def test_holiday_names_are_swedish():
    assert holiday_name(date(2026, 6, 19)) == "Midsommarafton"
    assert holiday_name(date(2026, 10, 31)) == "Alla helgons dag"
    assert holiday_name(date(2026, 6, 6)) == "Nationaldagen"
    assert holiday_name(date(2026, 11, 23)) is None


@given(years)
def test_easter_and_ascension_are_days_off_in_any_year(year):
    sunday = easter(year)
    for day in (sunday - timedelta(days=2), sunday + timedelta(days=1), sunday + timedelta(days=39)):
        assert not is_working_day(day), day
    assert is_working_day(sunday - timedelta(days=3))  # skärtorsdagen


@given(years)
def test_fixed_days_off_in_any_year(year):
    for month, day in ((1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)):
        assert not is_working_day(date(year, month, day))


@given(years)
def test_midsummer_eve_is_the_friday_between_19_and_25_june(year):
    (eve,) = [date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4]
    assert holiday_name(eve) == "Midsommarafton"
    assert not is_working_day(eve)
    assert is_working_day(eve - timedelta(days=1))


@given(years)
def test_all_saints_day_is_the_saturday_between_31_october_and_6_november(year):
    (day,) = [d for d in (date(year, 10, 31) + timedelta(days=n) for n in range(7)) if d.weekday() == 5]
    assert holiday_name(day) == "Alla helgons dag"


# Counting working days.


def test_fifteen_working_days_over_christmas():
    # Dec 24, 25, 26, 31, Jan 1 and Jan 6 are not working days.
    assert add_working_days(date(2025, 12, 15), 15) == date(2026, 1, 13)


def test_zero_working_days_is_the_same_day():
    assert add_working_days(date(2026, 6, 19), 0) == date(2026, 6, 19)


def test_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 2), -1)


@given(days, st.integers(min_value=0, max_value=80))
def test_adding_n_working_days_then_counting_back_gives_n(start, n):
    end = add_working_days(start, n)
    assert working_days_between(start, end) == n
    assert n == 0 or is_working_day(end)
    assert working_days_between(end, start) == 0


@given(days, st.integers(min_value=1, max_value=80))
def test_the_day_before_the_nth_working_day_is_short_of_n(start, n):
    assert working_days_between(start, add_working_days(start, n) - timedelta(days=1)) == n - 1


# The first meeting: no earlier than 15 working days after the kallelse was received.


@pytest.mark.parametrize(
    ("received", "earliest"),
    [
        # The day before långfredagen: 3, 4, 5 and 6 April are off.
        (date(2026, 4, 2), date(2026, 4, 27)),
        # The day before midsommarafton: 19 June is off, 20–21 a weekend.
        (date(2026, 6, 18), date(2026, 7, 10)),
        # The day before julafton: 24, 25, 31 December, 1 and 6 January are off.
        (date(2026, 12, 23), date(2027, 1, 20)),
        # The day before nationaldagen on a Friday, with midsommarafton in the span.
        (date(2025, 6, 5), date(2025, 6, 30)),
        # The day before Kristi himmelsfärdsdag.
        (date(2026, 5, 13), date(2026, 6, 4)),
    ],
)
def test_first_meeting_boundary_with_holidays(received, earliest):
    assert first_meeting_earliest(received) == earliest
    assert check_first_meeting(received, earliest) is None
    assert check_first_meeting(received, earliest + timedelta(days=30)) is None
    day_before = earliest - timedelta(days=1)
    warning = check_first_meeting(received, day_before)
    assert warning.code is WarningCode.FIRST_MEETING_TOO_SOON
    assert (warning.subject, warning.limit, warning.since) == (day_before, earliest, received)
    assert warning.miss == 1


@pytest.mark.parametrize("received", [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)])
def test_a_kallelse_received_at_the_weekend_counts_from_monday(received):
    # Friday, Saturday and Sunday: the first working day after each is Monday 9 March.
    assert first_meeting_earliest(received) == date(2026, 3, 27)


def test_a_meeting_at_the_weekend_before_the_earliest_day_misses_by_one_working_day():
    warning = check_first_meeting(date(2026, 4, 2), date(2026, 4, 25))  # a Saturday
    assert warning.miss == 1
    warning = check_first_meeting(date(2026, 4, 2), date(2026, 4, 2))  # the day received
    assert warning.miss == FIRST_MEETING_WORKING_DAYS


def test_the_first_meeting_may_be_late():
    """The 2014 manual's "bör inte överskrida 15 arbetsdagar" no longer applies."""
    assert process_warnings(date(2025, 11, 1), [MeetingDate(FIRST, date(2026, 3, 1))]) == []


def test_no_kallelse_date_no_first_meeting_warning():
    assert check_first_meeting(None, date(2026, 1, 2)) is None
    assert process_warnings(None, [MeetingDate(FIRST, date(2026, 1, 2))]) == []


@given(days, st.integers(min_value=0, max_value=60))
def test_first_meeting_warns_exactly_before_the_fifteenth_working_day(received, offset):
    day = received + timedelta(days=offset)
    warning = check_first_meeting(received, day)
    assert (warning is None) == (working_days_between(received, day) >= FIRST_MEETING_WORKING_DAYS)
    if warning is not None:
        assert add_working_days(day, warning.miss) >= warning.limit > day


# Between meetings: a follow-up 4–16 weeks, the closing meeting 8–16 weeks after the last.


PREVIOUS = date(2026, 1, 13)


def test_the_windows_are_the_process_maps():
    assert INTERVALS == {FOLLOW_UP: (4, 16), CLOSING: (8, 16)}
    assert meeting_window(FIRST, PREVIOUS) is None


def test_follow_up_at_exactly_4_and_16_weeks_is_allowed():
    assert check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(weeks=4)) is None
    assert check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(weeks=16)) is None


def test_follow_up_a_day_outside_the_window_warns_by_one_day():
    soon = check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(weeks=4, days=-1))
    assert soon.code is WarningCode.FOLLOW_UP_TOO_SOON
    assert (soon.limit, soon.since, soon.miss) == (PREVIOUS + timedelta(weeks=4), PREVIOUS, 1)
    late = check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(weeks=16, days=1))
    assert late.code is WarningCode.FOLLOW_UP_TOO_LATE
    assert (late.limit, late.miss) == (PREVIOUS + timedelta(weeks=16), 1)


def test_closing_at_exactly_8_and_16_weeks_is_allowed():
    assert check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=8)) is None
    assert check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=16)) is None


def test_closing_a_day_outside_the_window_warns():
    soon = check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=8, days=-1))
    assert (soon.code, soon.miss) == (WarningCode.CLOSING_TOO_SOON, 1)
    late = check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=16, days=1))
    assert (late.code, late.miss) == (WarningCode.CLOSING_TOO_LATE, 1)


def test_the_follow_up_window_is_not_applied_to_a_closing_meeting():
    six_weeks = PREVIOUS + timedelta(weeks=6)
    assert check_interval(FOLLOW_UP, PREVIOUS, six_weeks) is None
    warning = check_interval(CLOSING, PREVIOUS, six_weeks)
    assert (warning.code, warning.miss) == (WarningCode.CLOSING_TOO_SOON, 14)


def test_the_closing_window_is_not_applied_to_a_follow_up():
    five_weeks = PREVIOUS + timedelta(weeks=5)
    assert check_interval(FOLLOW_UP, PREVIOUS, five_weeks) is None
    assert check_interval(CLOSING, PREVIOUS, five_weeks).code is WarningCode.CLOSING_TOO_SOON
    three_weeks = PREVIOUS + timedelta(weeks=3)
    assert check_interval(FOLLOW_UP, PREVIOUS, three_weeks).code is WarningCode.FOLLOW_UP_TOO_SOON


def test_a_first_meeting_has_no_window():
    assert check_interval(FIRST, PREVIOUS, PREVIOUS + timedelta(days=1)) is None


@given(st.sampled_from([FOLLOW_UP, CLOSING]), days, st.integers(min_value=-30, max_value=200))
def test_interval_warns_exactly_outside_its_window(kind, previous, offset):
    day = previous + timedelta(days=offset)
    low, high = INTERVALS[kind]
    warning = check_interval(kind, previous, day)
    assert (warning is None) == (7 * low <= offset <= 7 * high)
    if warning is not None:
        assert abs((day - warning.limit).days) == warning.miss > 0


def test_check_meeting_uses_the_rule_of_the_kind_planned():
    received = date(2025, 12, 15)
    day = date(2026, 1, 12)
    first = check_meeting(FIRST, day, kallelse_received=received, previous=None)
    assert first.code is WarningCode.FIRST_MEETING_TOO_SOON
    # A follow-up on the same day is measured from the previous meeting, not the kallelse.
    assert check_meeting(FOLLOW_UP, day, kallelse_received=received, previous=None) is None
    late = check_meeting(FOLLOW_UP, day, kallelse_received=received, previous=date(2025, 9, 1))
    assert late.code is WarningCode.FOLLOW_UP_TOO_LATE


def test_previous_meeting_is_the_latest_on_or_before_the_day():
    held = [date(2026, 1, 13), date(2026, 3, 3), date(2026, 6, 2)]
    assert previous_meeting(held, date(2026, 4, 1)) == date(2026, 3, 3)
    assert previous_meeting(held, date(2026, 3, 3)) == date(2026, 3, 3)
    assert previous_meeting(held, date(2026, 1, 1)) is None


# A whole case.


def test_process_warnings_apply_each_meetings_own_rule_in_any_order():
    received = date(2025, 12, 15)
    meetings = [
        MeetingDate(CLOSING, date(2026, 4, 7)),  # 5 weeks after the follow-up: too soon
        MeetingDate(FIRST, date(2026, 1, 12)),  # one working day too soon
        MeetingDate(FOLLOW_UP, date(2026, 3, 3)),  # 7 weeks: fine
    ]
    warnings = process_warnings(received, meetings)
    assert [w.code for w in warnings] == [WarningCode.FIRST_MEETING_TOO_SOON, WarningCode.CLOSING_TOO_SOON]
    assert warnings[1].since == date(2026, 3, 3)


def test_booked_next_meeting_counts_with_its_kind():
    first = MeetingDate(FIRST, date(2026, 1, 13))
    (late,) = process_warnings(None, [first], MeetingDate(FOLLOW_UP, date(2026, 1, 13) + timedelta(weeks=20)))
    assert late.code is WarningCode.FOLLOW_UP_TOO_LATE
    (soon,) = process_warnings(None, [first], MeetingDate(CLOSING, date(2026, 1, 13) + timedelta(weeks=6)))
    assert soon.code is WarningCode.CLOSING_TOO_SOON
    # Booked before the last meeting already planned: it is that meeting, not another.
    assert process_warnings(None, [first], MeetingDate(CLOSING, date(2026, 1, 1))) == []


def test_more_than_five_meetings():
    dates = [MeetingDate(FOLLOW_UP, date(2026, 1, 13) + timedelta(weeks=6 * i)) for i in range(6)]
    assert process_warnings(None, dates[:5]) == []
    (many,) = process_warnings(None, dates)
    assert (many.code, many.subject, many.limit, many.miss) == (WarningCode.MANY_MEETINGS, 6, 5, 1)
    assert check_meeting_count(5) is None


def test_case_warnings_read_the_meetings_and_the_booked_next_one():
    case = full_case()  # kallelse received 2025-12-15
    first = plan_meeting(case, FIRST, datetime(2026, 1, 12, 9, tzinfo=STOCKHOLM))
    first.sip.next_meeting = NextMeeting(start=datetime(2026, 2, 2, 9, tzinfo=STOCKHOLM), kind=CLOSING)
    codes = [w.code for w in case_warnings(case, [first])]
    assert codes == [WarningCode.FIRST_MEETING_TOO_SOON, WarningCode.CLOSING_TOO_SOON]
    # After a closing meeting nothing is booked, whatever its SIP says.
    closing = plan_meeting(case, CLOSING, datetime(2026, 3, 9, 9, tzinfo=STOCKHOLM))
    closing.sip.next_meeting = NextMeeting(start=datetime(2026, 3, 10, 9, tzinfo=STOCKHOLM))
    assert [w.code for w in case_warnings(case, [first, closing])] == [WarningCode.FIRST_MEETING_TOO_SOON]


def test_the_demo_keeps_the_first_meeting_rule_on_any_day():
    """Five weeks always hold at least 15 working days, so the demo never warns."""
    day = date(2024, 1, 1)
    while day < date(2031, 1, 1):
        assert working_days_between(day - KALLELSE_BEFORE, day) >= FIRST_MEETING_WORKING_DAYS, day
        day += timedelta(days=1)
    case, meeting = demo_case(datetime(2025, 12, 29, 8, 0, tzinfo=STOCKHOLM))
    assert case_warnings(case, [meeting]) == []


# Each warning names its source.


def test_each_rule_has_its_source():
    assert SOURCES[WarningCode.FIRST_MEETING_TOO_SOON] is Source.WEB_PAGE
    for code in (WarningCode.FOLLOW_UP_TOO_SOON, WarningCode.FOLLOW_UP_TOO_LATE,
                 WarningCode.CLOSING_TOO_SOON, WarningCode.CLOSING_TOO_LATE):
        assert SOURCES[code] is Source.MANUAL_PROCESS_MAP
    assert SOURCES[WarningCode.MANY_MEETINGS] is Source.MANUAL
    assert set(SOURCES) == set(WarningCode)
    assert check_interval(CLOSING, PREVIOUS, PREVIOUS).source is Source.MANUAL_PROCESS_MAP


def _one_of_each():
    return [
        check_first_meeting(date(2025, 12, 15), date(2026, 1, 12)),
        check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(days=3)),
        check_interval(FOLLOW_UP, PREVIOUS, PREVIOUS + timedelta(weeks=19, days=2)),
        check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=6)),
        check_interval(CLOSING, PREVIOUS, PREVIOUS + timedelta(weeks=17)),
        check_meeting_count(7),
    ]


def test_every_warning_is_one_swedish_line_that_names_its_source():
    warnings = _one_of_each()
    assert {w.code for w in warnings} == set(WarningCode)
    for warning in warnings:
        line = sv.process_warning(warning)
        assert "\n" not in line
        assert sv.PROCESS_SOURCE[warning.source] in line
        assert "enligt rutinen" not in line


def test_the_swedish_lines_say_the_rule_and_by_how_much():
    first, soon, late, closing, _, many = (sv.process_warning(w) for w in _one_of_each())
    assert first == (
        "Första mötet 2026-01-12 är 1 arbetsdag för tidigt: enligt Lotsmodellens webbsida kan mötet ske "
        "tidigast 15 arbetsdagar efter att kallelsen mottagits (2025-12-15), alltså 2026-01-13."
    )
    assert soon == (
        "Det uppföljande mötet 2026-01-16 är 3 veckor och 4 dagar för tidigt: enligt processkartan i "
        "Lotsmodellens manual (2014) hålls det 4–16 veckor efter förra mötet (2026-01-13), "
        "alltså tidigast 2026-02-10."
    )
    assert "3 veckor och 2 dagar för sent" in late and "alltså senast 2026-05-05" in late
    assert closing.startswith("Det avslutande mötet 2026-02-24 är 2 veckor för tidigt")
    assert "8–16 veckor" in closing
    assert many.startswith("Lotsprocessen har 7 möten, 2 fler än 5: enligt Lotsmodellens manual (2014)")


@pytest.mark.parametrize(
    ("n", "text"), [(1, "1 dag"), (6, "6 dagar"), (7, "1 vecka"), (15, "2 veckor och 1 dag")]
)
def test_days_in_swedish(n, text):
    assert sv.day_span(n) == text
