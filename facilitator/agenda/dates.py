"""Reading dates and times as Swedes type them: 2026-03-03, 09.00 or 9:00."""

from __future__ import annotations

from datetime import date, time


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
