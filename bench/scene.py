"""The scene several benchmarks start from: the demo meeting, the timer running, the
secretary in the family's story with a long text already typed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from textual.pilot import Pilot

from bench.scratch import scratch_dir
from facilitator.agenda.clock import SystemClock
from facilitator.app import FacilitatorApp
from facilitator.demo import ensure_demo
from facilitator.store import Store
from facilitator.widgets.notes import NotesArea

TEXT = "Elsa berättar om morgnarna, om skolan och om kvällarna då oron kommer. "
PARAGRAPH = TEXT * 5 + "\n"
"""Notes as a secretary types them: paragraphs of a few hundred characters."""


@asynccontextmanager
async def long_step(existing: int) -> AsyncIterator[tuple[FacilitatorApp, Pilot, NotesArea]]:
    """The app at 120×36 in step 4 of the demo meeting, its text area holding ``existing``
    characters and the cursor at their end."""
    with scratch_dir() as folder, Store.open(folder) as store:
        ensure_demo(store, SystemClock())
        app = FacilitatorApp(store=store, clock=SystemClock())
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            while app.opening:  # the meeting is read on a worker
                await pilot.pause(0.01)
            await pilot.pause()
            await pilot.press("f5", "f4", "f4", "f4")  # the family's story, timer running
            await pilot.pause()
            area = app.focused
            assert isinstance(area, NotesArea)
            area.insert((PARAGRAPH * (existing // len(PARAGRAPH) + 1))[:existing])
            await pilot.pause(0.5)
            yield app, pilot, area
