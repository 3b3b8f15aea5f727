"""Swedish working days and the process rules of a Lotsprocess, as the sources say.

A working day is a weekday that is neither a public holiday (nyårsdagen, trettondedag
jul, långfredagen, annandag påsk, första maj, Kristi himmelsfärdsdag, nationaldagen,
midsommardagen, alla helgons dag, juldagen, annandag jul) nor one of the usual days off:
midsommarafton, julafton and nyårsafton.

The rules, each quoted from its source:

- **The first meeting** — Lotsmodellen's current web page, "Innan lotsprocessen börjar":
  "Möte kan ske tidigast 15 arbetsdagar efter att kallelse mottagits." The first meeting
  is therefore no *earlier* than the 15th working day after the day the kallelse was
  received (that day not counted). The 2014 manual said the opposite bound ("Tid mellan
  kallelse och första nätverksmöte bör inte överskrida 15 arbetsdagar"); where the
  sources differ the current page wins over the manual.
- **Between meetings** — the 2014 manual's process map ("Processkarta"): "Inledande
  nätverksmöte … Andra nätverksmöte … 4-16 veckor … 8-16 veckor Avslutande möte": a
  follow-up meeting 4–16 weeks after the previous meeting, the closing meeting 8–16 weeks
  after it, both ends kept. Which window applies depends on the kind of the meeting
  being planned.
- **How many meetings** — the 2014 manual, "Rutiner för Lotsmodellen – processen", point
  9: "Det är sällsynt att man avseende samma frågeställning behöver mötas mer än totalt
  4-5 gånger." A process past 5 meetings gets a note.

The rules are warnings, never refusals: the people in the room decide. Each check is a
pure function that returns a :class:`ProcessWarning` (a code, the dates, by how much the
date misses the rule) or ``None``; the Swedish line is made from it in one place
(``strings.process_warning``), and every warning names its :class:`Source`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from facilitator.agenda.kinds import MeetingKind

if TYPE_CHECKING:  # the models are not loaded to word a warning
    from facilitator.agenda.models import Case, Meeting

HOLIDAY_CATEGORIES = ("public", "de_facto")
"""The ``holidays`` categories that are days off: PUBLIC holidays and the DE_FACTO ones
(midsummer eve, Christmas eve, New Year's eve)."""

FIRST_MEETING_WORKING_DAYS = 15
"""The first meeting no earlier than this many working days after the kallelse was
received (Lotsmodellen's web page)."""


class Interval(NamedTuple):
    """Weeks from the previous meeting to the one planned, both ends allowed."""

    min_weeks: int
    max_weeks: int


INTERVALS: dict[MeetingKind, Interval] = {
    MeetingKind.FOLLOW_UP: Interval(4, 16),
    MeetingKind.CLOSING: Interval(8, 16),
}
"""The 2014 manual's process map: a follow-up 4–16 weeks, the closing meeting 8–16 weeks
after the previous meeting. A first meeting has no previous one."""

MAX_MEETINGS = 5
"""More meetings than this is rare (the 2014 manual: "mer än totalt 4-5 gånger")."""


@lru_cache(maxsize=64)
def _days_off(year: int):
    import holidays  # loaded on first use: it is not needed to show the first screen
    from holidays.constants import DE_FACTO, PUBLIC

    assert (PUBLIC, DE_FACTO) == HOLIDAY_CATEGORIES
    return holidays.country_holidays("SE", years=year, categories=HOLIDAY_CATEGORIES, language="sv")


def holiday_name(day: date) -> str | None:
    """The Swedish name of the holiday or day off on ``day``, if it is one."""
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


class Source(StrEnum):
    """Where a rule of the process is written."""

    WEB_PAGE = "web_page"
    """Lotsmodellen's current web page."""
    MANUAL_PROCESS_MAP = "manual_process_map"
    """The process map ("Processkarta") of Lotsmodellen's manual (2014)."""
    MANUAL = "manual"
    """The text of Lotsmodellen's manual (2014), "Rutiner för Lotsmodellen – processen"."""


class WarningCode(StrEnum):
    FIRST_MEETING_TOO_SOON = "first_meeting_too_soon"
    FOLLOW_UP_TOO_SOON = "follow_up_too_soon"
    FOLLOW_UP_TOO_LATE = "follow_up_too_late"
    CLOSING_TOO_SOON = "closing_too_soon"
    CLOSING_TOO_LATE = "closing_too_late"
    MANY_MEETINGS = "many_meetings"


SOURCES: dict[WarningCode, Source] = {
    WarningCode.FIRST_MEETING_TOO_SOON: Source.WEB_PAGE,
    WarningCode.FOLLOW_UP_TOO_SOON: Source.MANUAL_PROCESS_MAP,
    WarningCode.FOLLOW_UP_TOO_LATE: Source.MANUAL_PROCESS_MAP,
    WarningCode.CLOSING_TOO_SOON: Source.MANUAL_PROCESS_MAP,
    WarningCode.CLOSING_TOO_LATE: Source.MANUAL_PROCESS_MAP,
    WarningCode.MANY_MEETINGS: Source.MANUAL,
}

_TOO_SOON = {
    MeetingKind.FOLLOW_UP: WarningCode.FOLLOW_UP_TOO_SOON,
    MeetingKind.CLOSING: WarningCode.CLOSING_TOO_SOON,
}
_TOO_LATE = {
    MeetingKind.FOLLOW_UP: WarningCode.FOLLOW_UP_TOO_LATE,
    MeetingKind.CLOSING: WarningCode.CLOSING_TOO_LATE,
}


@dataclass(frozen=True)
class ProcessWarning:
    """A rule of the process that a date or count does not keep.

    ``subject`` is the meeting's date (or the number of meetings); ``limit`` the nearest
    date (or count) that keeps the rule; ``since`` the date the rule counts from (the day
    the kallelse was received, or the previous meeting); ``miss`` by how much the subject
    misses the limit: working days for the first meeting, days between meetings, meetings
    for the count. The UI words it in Swedish.
    """

    code: WarningCode
    subject: date | int
    limit: date | int
    miss: int
    since: date | None = None

    @property
    def source(self) -> Source:
        return SOURCES[self.code]


class MeetingDate(NamedTuple):
    """A meeting of a case, held or planned, as the rules see it."""

    kind: MeetingKind
    day: date


def first_meeting_earliest(received: date) -> date:
    """The first day the first meeting may be held when the kallelse was received on
    ``received``: the 15th working day after it."""
    return add_working_days(received, FIRST_MEETING_WORKING_DAYS)


def check_first_meeting(received: date | None, day: date | None) -> ProcessWarning | None:
    """The first meeting no earlier than 15 working days after the kallelse was received
    (Lotsmodellen's web page: "Möte kan ske tidigast 15 arbetsdagar efter att kallelse
    mottagits")."""
    if received is None or day is None:
        return None
    earliest = first_meeting_earliest(received)
    if day < earliest:
        return ProcessWarning(
            WarningCode.FIRST_MEETING_TOO_SOON, day, earliest, working_days_between(day, earliest), received
        )
    return None


def meeting_window(kind: MeetingKind, previous: date) -> tuple[date, date] | None:
    """The first and last day (both allowed) for a meeting of ``kind`` after a meeting on
    ``previous``; ``None`` for a first meeting, which has no window."""
    interval = INTERVALS.get(kind)
    if interval is None:
        return None
    return previous + timedelta(weeks=interval.min_weeks), previous + timedelta(weeks=interval.max_weeks)


def check_interval(kind: MeetingKind, previous: date | None, day: date | None) -> ProcessWarning | None:
    """A follow-up 4–16 weeks, the closing meeting 8–16 weeks after the previous meeting
    (the 2014 manual's process map: "Andra nätverksmöte … 4-16 veckor … 8-16 veckor
    Avslutande möte"). The window is the one of ``kind``, the meeting being planned."""
    if previous is None or day is None:
        return None
    window = meeting_window(kind, previous)
    if window is None:
        return None
    earliest, latest = window
    if day < earliest:
        return ProcessWarning(_TOO_SOON[kind], day, earliest, (earliest - day).days, previous)
    if day > latest:
        return ProcessWarning(_TOO_LATE[kind], day, latest, (day - latest).days, previous)
    return None


def previous_meeting(days: Iterable[date], day: date) -> date | None:
    """The latest of ``days`` on or before ``day``: the meeting a new one on ``day``
    follows."""
    return max((d for d in days if d <= day), default=None)


def check_meeting(
    kind: MeetingKind, day: date, *, kallelse_received: date | None, previous: date | None
) -> ProcessWarning | None:
    """The rule a meeting of ``kind`` on ``day`` is planned by: the kallelse for a first
    meeting, the window after the previous meeting for a follow-up or closing one."""
    if kind is MeetingKind.FIRST:
        return check_first_meeting(kallelse_received, day)
    return check_interval(kind, previous, day)


def check_meeting_count(count: int) -> ProcessWarning | None:
    """A note past 5 meetings (the 2014 manual: "Det är sällsynt att man avseende samma
    frågeställning behöver mötas mer än totalt 4-5 gånger")."""
    if count > MAX_MEETINGS:
        return ProcessWarning(WarningCode.MANY_MEETINGS, count, MAX_MEETINGS, count - MAX_MEETINGS)
    return None


def process_warnings(
    kallelse_received: date | None,
    meetings: Iterable[MeetingDate],
    next_meeting: MeetingDate | None = None,
) -> list[ProcessWarning]:
    """Every rule the case's meetings (in any order) do not keep.

    The first-meeting rule applies to the latest first meeting (the one the kallelse
    called); each follow-up or closing meeting is checked against the meeting before it.
    ``next_meeting`` is the meeting booked in the latest SIP, counted when it is later
    than every meeting planned so far.
    """
    dated = sorted(meetings, key=lambda m: m.day)
    if next_meeting is not None and (not dated or next_meeting.day > dated[-1].day):
        dated.append(next_meeting)
    found: list[ProcessWarning | None] = []
    firsts = [m.day for m in dated if m.kind is MeetingKind.FIRST]
    if firsts:
        found.append(check_first_meeting(kallelse_received, firsts[-1]))
    found.extend(check_interval(later.kind, before.day, later.day) for before, later in zip(dated, dated[1:]))
    found.append(check_meeting_count(len(dated)))
    return [w for w in found if w is not None]


def case_warnings(case: Case, meetings: Sequence[Meeting]) -> list[ProcessWarning]:
    """The process warnings of a case: its meetings, held or planned, and the meeting the
    latest one's SIP books (none after a closing meeting)."""
    dated = [MeetingDate(m.kind, m.day) for m in meetings]
    latest = max(meetings, key=lambda m: m.planned_start, default=None)
    booked = None
    if latest is not None and latest.kind is not MeetingKind.CLOSING and latest.sip.next_meeting.start:
        nxt = latest.sip.next_meeting
        booked = MeetingDate(nxt.kind or MeetingKind.FOLLOW_UP, nxt.start.date())
    return process_warnings(case.kallelse_date, dated, booked)
