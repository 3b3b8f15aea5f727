"""The interpreter while someone types: no collector pauses in a word, and the UI first
in line for the interpreter.

Python's full garbage collection walks every object the app holds; with Textual's
widgets and caches that is over a hundred thousand objects and a pause of 50–200 ms,
which would land in the middle of someone's sentence. ``Collector`` moves collection to
the pauses in typing. And the writer thread saves while the secretary types: with a
switch interval of a millisecond (Python's default is 5 ms), the UI gets the interpreter
back within a millisecond when both want it.

``TypingMode`` is both, taken for as long as the meeting screen is open and given back
when it goes: they are the whole interpreter's, not the screen's.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable

SWITCH_SECONDS = 0.001
"""While typing, how long another thread may hold the interpreter while the UI waits."""


class Collector:
    """Garbage collection at pauses in typing, not in the middle of a word.

    While the meeting screen is open, Python's automatic collector is off: it would run
    every few hundred allocations, and a frame makes thousands, so collections of a few
    milliseconds kept landing between a key and its frame. Instead ``tick`` (four times
    a second) collects the young generations when nobody has typed for a moment, or
    anyway when two seconds have passed, and the whole heap when the room has been quiet
    for a few seconds (at least once a minute). Reference counting frees everything that
    is not in a cycle at once, as always; only cyclic garbage waits for these moments.
    """

    YOUNG_SECONDS = 2.0
    FULL_SECONDS = 60.0
    QUIET_SECONDS = 0.15
    """No key for this long: a young collection will not be in anyone's way."""
    STILL_SECONDS = 3.0
    """No key for this long: a full collection will not be either."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._young = self._full = monotonic()
        self._last_key = 0.0
        self._active = False
        self._frozen = False

    def typed(self) -> None:
        """A key was pressed: collections wait for a pause."""
        self._last_key = self._monotonic()

    def start(self) -> None:
        """Take over from the automatic collector. The first full collection waits for
        the first still moment (or a minute at most), and what survives it is frozen (the
        app, its widgets, its styles: later collections need not walk it again): a
        collection on opening would hold the meeting's first frame back by 50–200 ms."""
        gc.disable()
        self._young = self._full = self._last_key = self._monotonic()  # still from now on
        self._frozen = False
        self._active = True

    def stop(self) -> None:
        if self._active:
            self._active = False
            if self._frozen:
                gc.unfreeze()
            gc.enable()

    def tick(self, quiet_for: float | None = None) -> None:
        """Collect if this is a good moment; ``quiet_for``: seconds since the last key
        (default: as noted by ``typed``)."""
        if not self._active:
            return
        now = self._monotonic()
        if quiet_for is None:
            quiet_for = now - self._last_key
        still = quiet_for >= self.STILL_SECONDS
        if now - self._full >= self.FULL_SECONDS or (
            still and (not self._frozen or now - self._full >= self.YOUNG_SECONDS * 5)
        ):
            gc.collect()
            if not self._frozen:
                gc.freeze()
                self._frozen = True
            self._young = self._full = now
        elif quiet_for >= self.QUIET_SECONDS or now - self._young >= self.YOUNG_SECONDS:
            gc.collect(1)
            self._young = now


class TypingMode:
    """The collector and the switch interval, taken by ``enter`` and given back by
    ``leave`` (idempotent, and safe if ``enter`` was never called)."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.collector = Collector(monotonic)
        self._interval: float | None = None

    @property
    def on(self) -> bool:
        return self._interval is not None

    def enter(self) -> None:
        if self._interval is not None:
            return
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(SWITCH_SECONDS)
        self.collector.start()

    def leave(self) -> None:
        self.collector.stop()
        if self._interval is not None:
            sys.setswitchinterval(self._interval)
            self._interval = None

    def typed(self) -> None:
        """A key: collections wait for a pause."""
        self.collector.typed()

    def tick(self) -> None:
        """Four times a second or more: collect if this is a good moment."""
        self.collector.tick()
