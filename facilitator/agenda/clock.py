"""Clocks: the only source of time for the domain.

Time is read, never counted. The timebox asks a clock for a monotonic reading (for
durations inside one process) and a wall reading (to survive a restart). Both are
integer nanoseconds, so arithmetic on them is exact. Tests inject a ``ManualClock`` and
run a three-hour meeting in milliseconds.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

NS_PER_MS = 1_000_000
NS_PER_S = 1_000_000_000
NS_PER_MIN = 60 * NS_PER_S

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Clock(Protocol):
    def monotonic_ns(self) -> int:
        """A reading that never goes backwards, for durations within one process."""
        ...

    def wall_ns(self) -> int:
        """Nanoseconds since the Unix epoch, for times that outlive the process."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic_ns(self) -> int:
        return time.monotonic_ns()

    def wall_ns(self) -> int:
        return time.time_ns()


class ManualClock:
    """A clock that moves only when told to. Monotonic and wall time advance together."""

    def __init__(self, wall: datetime | int = 1_767_258_000 * NS_PER_S, monotonic_ns: int = 0):
        self._wall_ns = wall if isinstance(wall, int) else to_ns(wall)
        self._mono_ns = monotonic_ns

    def monotonic_ns(self) -> int:
        return self._mono_ns

    def wall_ns(self) -> int:
        return self._wall_ns

    def advance(self, seconds: float = 0.0, *, ns: int = 0) -> None:
        step = ns + round(seconds * NS_PER_S)
        if step < 0:
            raise ValueError("a clock does not go backwards")
        self._mono_ns += step
        self._wall_ns += step

    def restarted(self, gap_seconds: float = 0.0) -> ManualClock:
        """The clock a new process would see: a fresh monotonic origin, wall time moved on."""
        return ManualClock(self._wall_ns + round(gap_seconds * NS_PER_S), monotonic_ns=7 * NS_PER_S)


def to_ns(moment: datetime) -> int:
    """Epoch nanoseconds of an aware datetime (naive means local time)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    delta = moment - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * NS_PER_S + delta.microseconds * 1_000


def from_ns(wall_ns: int) -> datetime:
    """An aware local datetime for epoch nanoseconds."""
    return (_EPOCH + timedelta(microseconds=wall_ns // 1_000)).astimezone()
