"""Reading dates and times as Swedes type them: 2026-03-03, 09.00 or 9:00."""

from __future__ import annotations

from datetime import date, time
from enum import Enum


def parse_day(text: str) -> date | None:
    """An ISO date, or None for an empty field; ValueError for anything else."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


def parse_clock(text: str) -> time:
    """A time of day as ``HH.MM``, ``HH:MM`` or ``HH``; ValueError otherwise."""
    hours, _, minutes = text.strip().replace(":", ".").partition(".")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        raise ValueError(f"not a time of day: {text!r}")
    return time(int(hours), int(minutes or 0))


FAR_AHEAD_YEARS = 2
"""A due date further ahead than this is more likely a slip of the keys than a plan."""


class DueDoubt(Enum):
    """Why a due date is asked about once before it is taken."""

    PAST = "past"
    FAR = "far"


def _years_after(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def due_doubt(due: date | None, today: date) -> DueDoubt | None:
    """Whether a due date is before ``today`` or more than two years after it."""
    if due is None:
        return None
    if due < today:
        return DueDoubt.PAST
    if due > _years_after(today, FAR_AHEAD_YEARS):
        return DueDoubt.FAR
    return None
