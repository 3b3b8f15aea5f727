"""Frames that follow a key at once, and no collector pauses while typing.

Textual paints a screen from a repeating 60 Hz timer that is paused while nothing is
dirty. After it fires it sleeps to the next-but-one tick of its grid, so a key that
arrives just after any other frame (the countdown, a save) waits up to two frame times,
about 33 ms, before it is shown. For the secretary that is a visible stutter.

``PromptFrames`` gives a screen a timer with leading-edge pacing instead: it paints as
soon as there is something to paint, and never twice within ``FRAME_SECONDS`` (about
4 ms), so a key that follows a countdown frame waits at most that. Frames still come
only when something changed: typing, the countdown, a save, at most a few dozen a second.

Python's full garbage collection walks every object the app holds; with Textual's
widgets and caches that is over a hundred thousand objects and a pause of 50–200 ms,
which would land in the middle of someone's sentence. ``Collector`` moves collection to
the pauses in typing.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable

from textual._context import active_app
from textual.screen import Screen
from textual.timer import EventTargetGone, Timer

FRAME_SECONDS = 1 / 240


class PacedTimer(Timer):
    """Fires as soon as it is resumed, but leaves a gap after each firing: at least the
    interval, and at least as long as the firing itself took. And while input is still
    waiting to be read (a fast typist, a scanner, a paste through a terminal without
    bracketed paste), it waits for that first, up to one 60 Hz frame: a key that follows
    a quiet moment is painted at once, and a flood of keys is read, each frame showing
    several."""

    INPUT_FIRST_SECONDS = 1 / 60

    async def _run(self) -> None:
        next_allowed = 0.0
        while True:
            await self._active.wait()
            wait = next_allowed - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
                await self._active.wait()
            app = active_app.get()
            patience = time.monotonic() + self.INPUT_FIRST_SECONDS
            while app._message_queue.qsize() and time.monotonic() < patience:
                await asyncio.sleep(0)  # let the app read it
            started = time.monotonic()
            if app._exit:
                return
            try:
                await self._tick(next_timer=started, count=0)
            except EventTargetGone:
                return
            took = time.monotonic() - started
            next_allowed = started + max(self._interval, 2 * took)


class PromptFrames(Screen):
    """A screen whose frames follow keys without waiting for the next tick of a grid."""

    _paced_update_timer: PacedTimer | None = None

    @property
    def _update_timer(self) -> Timer:
        timer = self._paced_update_timer
        if timer is None:
            timer = PacedTimer(
                self, FRAME_SECONDS, name="screen_update", callback=self._on_timer_update, pause=True
            )
            timer._start()
            self._timers.add(timer)
            self._paced_update_timer = timer
        return timer


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
