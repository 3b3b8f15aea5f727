"""Swedish working days and the process rules, at their boundaries."""

from datetime import date, timedelta

import pytest

from facilitator.agenda import (
    WarningCode,
    add_working_days,
    is_working_day,
    process_warnings,
    working_days_between,
)
from facilitator.agenda.workdays import HOLIDAY_CATEGORIES, holiday_name


def test_categories_are_named_explicitly():
    assert HOLIDAY_CATEGORIES == ("public", "de_facto")


def test_fifteen_working_days_over_christmas():
    # Dec 24, 25, 26, 31, Jan 1 and Jan 6 are not working days.
    assert add_working_days(date(2025, 12, 15), 15) == date(2026, 1, 13)


@pytest.mark.parametrize(
    "day",
    [
        date(2026, 6, 19),  # midsommarafton
        date(2025, 12, 24),  # julafton
        date(2025, 12, 31),  # nyårsafton
        date(2026, 6, 6),  # nationaldagen (a Saturday in 2026 anyway)
        date(2026, 5, 14),  # Kristi himmelsfärds dag
        date(2026, 4, 6),  # annandag påsk
        date(2026, 1, 6),  # trettondedag jul
        date(2026, 11, 21),  # a Saturday
        date(2026, 11, 22),  # a Sunday
    ],
)
def test_days_off(day):
    assert not is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [date(2026, 6, 18), date(2026, 12, 23), date(2026, 4, 30), date(2026, 1, 5), date(2026, 11, 23)],
)
def test_half_days_and_ordinary_days_are_working_days(day):
    assert is_working_day(day)


def test_holiday_names_are_swedish():
    assert holiday_name(date(2026, 6, 19)) == "Midsommarafton"
    assert holiday_name(date(2026, 11, 23)) is None


def test_working_days_between_agrees_with_adding():
    start = date(2026, 3, 2)
    for n in range(0, 40):
        assert working_days_between(start, add_working_days(start, n)) == n


def test_zero_working_days_is_the_same_day():
    assert add_working_days(date(2026, 6, 19), 0) == date(2026, 6, 19)


def test_first_meeting_boundary():
    kallelse = date(2025, 12, 15)
    assert process_warnings(kallelse, [date(2026, 1, 13)]) == []
    (warning,) = process_warnings(kallelse, [date(2026, 1, 14)])
    assert warning.code is WarningCode.FIRST_MEETING_LATE
    assert warning.limit == date(2026, 1, 13)


def test_first_meeting_boundary_over_midsummer():
    kallelse = date(2026, 6, 1)
    # June 6 is a Saturday; June 19 midsummer eve is off.
    deadline = add_working_days(kallelse, 15)
    assert deadline == date(2026, 6, 23)
    assert process_warnings(kallelse, [deadline]) == []
    assert process_warnings(kallelse, [deadline + timedelta(days=1)])[0].code is (
        WarningCode.FIRST_MEETING_LATE
    )


def test_next_meeting_window_is_four_to_sixteen_weeks_inclusive():
    first = date(2026, 1, 13)
    assert process_warnings(None, [first, first + timedelta(weeks=4)]) == []
    assert process_warnings(None, [first, first + timedelta(weeks=16)]) == []
    (soon,) = process_warnings(None, [first, first + timedelta(weeks=4, days=-1)])
    assert soon.code is WarningCode.NEXT_MEETING_TOO_SOON
    (late,) = process_warnings(None, [first, first + timedelta(weeks=16, days=1)])
    assert late.code is WarningCode.NEXT_MEETING_TOO_LATE
    assert late.previous == first


def test_booked_next_meeting_counts():
    first = date(2026, 1, 13)
    (late,) = process_warnings(None, [first], next_meeting=first + timedelta(weeks=20))
    assert late.code is WarningCode.NEXT_MEETING_TOO_LATE


def test_more_than_five_meetings():
    dates = [date(2026, 1, 13) + timedelta(weeks=6 * i) for i in range(6)]
    assert process_warnings(None, dates[:5]) == []
    (many,) = process_warnings(None, dates)
    assert many.code is WarningCode.MANY_MEETINGS
    assert many.subject == 6
