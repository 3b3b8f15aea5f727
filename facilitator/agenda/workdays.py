"""Swedish working days and the process rules of a Lotsprocess.

A working day is a weekday that is neither a public holiday nor one of the de-facto
days off: midsummer eve, Christmas eve and New Year's eve. The rules are warnings,
never blocks: the people in the room decide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

HOLIDAY_CATEGORIES = ("public", "de_facto")
"""The ``holidays`` categories that are days off: PUBLIC holidays and the DE_FACTO ones
(midsummer eve, Christmas eve, New Year's eve)."""

FIRST_MEETING_WORKING_DAYS = 15
NEXT_MEETING_MIN_WEEKS = 4
NEXT_MEETING_MAX_WEEKS = 16
MAX_MEETINGS = 5


@lru_cache(maxsize=64)
def _days_off(year: int):
    import holidays  # loaded on first use: it is not needed to show the first screen
    from holidays.constants import DE_FACTO, PUBLIC

    assert (PUBLIC, DE_FACTO) == HOLIDAY_CATEGORIES
    return holidays.country_holidays("SE", years=year, categories=HOLIDAY_CATEGORIES, language="sv")


def holiday_name(day: date) -> str | None:
    """The Swedish name of the holiday on ``day``, if it is one."""
    return _days_off(day.year).get(day)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if end ≤ start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


class WarningCode(StrEnum):
    FIRST_MEETING_LATE = "first_meeting_late"
    NEXT_MEETING_TOO_SOON = "next_meeting_too_soon"
    NEXT_MEETING_TOO_LATE = "next_meeting_too_late"
    MANY_MEETINGS = "many_meetings"


class ProcessWarning(NamedTuple):
    """A rule of the process that a date or count does not keep.

    ``subject`` is the date or count the warning is about, ``limit`` the bound it
    passed; the UI words it in Swedish.
    """

    code: WarningCode
    subject: date | int
    limit: date | int
    previous: date | None = None


def first_meeting_deadline(kallelse: date) -> date:
    return add_working_days(kallelse, FIRST_MEETING_WORKING_DAYS)


def check_first_meeting(kallelse: date | None, first_meeting: date | None) -> ProcessWarning | None:
    """The first meeting should fall within 15 working days of the kallelse."""
    if kallelse is None or first_meeting is None:
        return None
    deadline = first_meeting_deadline(kallelse)
    if first_meeting > deadline:
        return ProcessWarning(WarningCode.FIRST_MEETING_LATE, first_meeting, deadline, kallelse)
    return None


def check_next_meeting(previous: date, following: date) -> ProcessWarning | None:
    """The next meeting should be 4–16 weeks after the previous one (both ends kept)."""
    earliest = previous + timedelta(weeks=NEXT_MEETING_MIN_WEEKS)
    latest = previous + timedelta(weeks=NEXT_MEETING_MAX_WEEKS)
    if following < earliest:
        return ProcessWarning(WarningCode.NEXT_MEETING_TOO_SOON, following, earliest, previous)
    if following > latest:
        return ProcessWarning(WarningCode.NEXT_MEETING_TOO_LATE, following, latest, previous)
    return None


def check_meeting_count(count: int) -> ProcessWarning | None:
    if count > MAX_MEETINGS:
        return ProcessWarning(WarningCode.MANY_MEETINGS, count, MAX_MEETINGS)
    return None


def process_warnings(
    kallelse: date | None, meeting_dates: Sequence[date], next_meeting: date | None = None
) -> list[ProcessWarning]:
    """Every rule the process breaks, for the case's meeting dates in any order.

    ``next_meeting`` is the date booked in the latest SIP, when it is not yet a meeting.
    """
    dates = sorted(meeting_dates)
    if next_meeting is not None and (not dates or next_meeting > dates[-1]):
        dates.append(next_meeting)
    found: list[ProcessWarning | None] = []
    if dates:
        found.append(check_first_meeting(kallelse, dates[0]))
    found.extend(check_next_meeting(a, b) for a, b in _pairs(dates))
    found.append(check_meeting_count(len(dates)))
    return [w for w in found if w is not None]


def _pairs(items: Iterable[date]) -> Iterable[tuple[date, date]]:
    items = list(items)
    return zip(items, items[1:], strict=False)
