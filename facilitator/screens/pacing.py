"""Frames that follow a key at once, and no collector pauses while typing.

Textual paints a screen from a repeating 60 Hz timer that is paused while nothing is
dirty. After it fires it sleeps to the next-but-one tick of its grid, so a key that
arrives just after any other frame (the countdown, a save) waits up to two frame times,
about 33 ms, before it is shown. For the secretary that is a visible stutter.

``PromptFrames`` gives a screen a timer with leading-edge pacing instead: it paints as
soon as there is something to paint, and never twice within ``FRAME_SECONDS``. That is
half Textual's frame time, so a key that follows a countdown frame waits at most about
8 ms; frames still come only when something changed.

Python's full garbage collection walks every object the app holds; with Textual's
widgets and caches that is over a hundred thousand objects and a pause of 50–200 ms,
which lands in the middle of someone's sentence. ``settle`` collects once when the
meeting screen opens and freezes what survives (the app, its widgets, its styles), so
later collections walk only what was made since; ``unsettle`` gives them back to the
collector when the screen closes.
"""

from __future__ import annotations

import asyncio
import gc
import time

from textual._context import active_app
from textual.screen import Screen
from textual.timer import EventTargetGone, Timer

FRAME_SECONDS = 1 / 120


class PacedTimer(Timer):
    """Fires as soon as it is resumed, but at most once per interval."""

    async def _run(self) -> None:
        last: float | None = None
        while True:
            await self._active.wait()
            if last is not None:
                wait = last + self._interval - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                    await self._active.wait()
            last = time.monotonic()
            if active_app.get()._exit:
                return
            try:
                await self._tick(next_timer=last, count=0)
            except EventTargetGone:
                return


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


def settle() -> None:
    """Collect once, then keep what survives out of later collections."""
    gc.collect()
    gc.freeze()


def unsettle() -> None:
    """Let the collector see everything again (the frozen objects may now be garbage)."""
    gc.unfreeze()
