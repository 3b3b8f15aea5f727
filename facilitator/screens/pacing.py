"""Frames that follow a key at once, and no collector pauses while typing.

Textual paints a screen from a repeating 60 Hz timer that is paused while nothing is
dirty. After it fires it sleeps to the next-but-one tick of its grid, so a key that
arrives just after any other frame (the countdown, a save) waits up to two frame times,
about 33 ms, before it is shown. For the secretary that is a visible stutter.

``PromptFrames`` gives a screen a timer with leading-edge pacing instead: it paints as
soon as there is something to paint, and never twice within ``FRAME_SECONDS`` (about
4 ms), so a key that follows a countdown frame waits at most that. Frames still come
only when something changed: typing, the countdown, a save, at most a few dozen a second.

The interpreter's typing mode (garbage collection at pauses, a short switch interval)
is ``facilitator.meeting.typing``.
"""

from __future__ import annotations

import asyncio
import time

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
