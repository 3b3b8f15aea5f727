"""Saving: how long the event loop (the UI thread) is held up around one save, and how
long one write of a five-meeting case takes in the writer.

- Blocked: in the meeting screen, with 50,000 characters in the step and the countdown
  running, a probe task yields to the event loop continuously and records the longest
  gap between its turns, from just before a save until the writer's "saved" has been
  shown. The gap covers reading the fields, serialising, handing over to the writer
  thread, the writer holding the interpreter lock, and showing "Sparat". Target: 2 ms.
- Write: the writer's part, ``MeetingSession.write`` of a snapshot (one transaction,
  synchronous=FULL, so it includes the fsync), for the latest meeting of a five-meeting
  case. Target: 20 ms.

    python -m bench.saving
"""

from __future__ import annotations

import asyncio
import time

from bench.export import five_meeting_case
from bench.figures import Figure, median, table
from bench.scene import long_step
from bench.scratch import scratch_dir
from facilitator.agenda.clock import SystemClock
from facilitator.meeting.session import MeetingSession
from facilitator.store import Store


async def _probe(state: dict) -> None:
    """Yield to the event loop over and over; note the longest time it took to get back."""
    last = time.perf_counter()
    while not state["stop"]:
        await asyncio.sleep(0)
        now = time.perf_counter()
        state["longest"] = max(state["longest"], now - last)
        last = now


async def blocked(saves: int, existing: int = 50_000) -> list[float]:
    """For each save, the longest time the event loop could not run anything else (ms)."""
    pauses: list[float] = []
    async with long_step(existing) as (app, pilot, _area):
        live = app.screen.live
        live.save()
        live.wait_saved(5)
        await pilot.pause(0.2)
        for index in range(saves):
            await pilot.press(*f" {index}")  # a changed field, as after typing
            await pilot.pause(0.05)
            status_before = live.status
            state = {"stop": False, "longest": 0.0}
            task = asyncio.create_task(_probe(state))
            await asyncio.sleep(0)
            live.autosave()  # what the live meeting does after a pause in typing
            while live.status is status_before:  # set by the writer thread as it reports
                await asyncio.sleep(0)
            await asyncio.sleep(0.01)  # and showing "Sparat"
            state["stop"] = True
            await task
            longest = state["longest"]
            pauses.append(longest * 1000)
            await pilot.pause(0.1)
    return pauses


def write_times(writes: int) -> list[float]:
    """Milliseconds for each write of the latest meeting of a five-meeting case."""
    with scratch_dir() as folder, Store.open(folder) as store:
        meeting_id = five_meeting_case(store)
        session = MeetingSession.load(store, meeting_id, SystemClock())
        session.write(session.snapshot())  # warm the statement cache
        times = []
        for index in range(writes):
            session.meeting.sip.family_story += f" Rad {index}."
            prepared = session.snapshot()
            start = time.perf_counter()
            session.write(prepared)
            times.append((time.perf_counter() - start) * 1000)
    return times


def figures(quick: bool = False) -> list[Figure]:
    saves, writes, existing = (2, 3, 2_000) if quick else (30, 60, 50_000)
    pauses = asyncio.run(blocked(saves, existing))
    times = write_times(writes)
    block, write = median(pauses), median(times)
    return [
        Figure(
            key="save_blocks_ui",
            title="UI thread blocked by a save",
            value=block,
            unit="ms",
            target="≤ 2 ms",
            met=block <= 2,
            runs=saves,
            detail=(
                f"longest event-loop pause per save, {existing:,}-character step; "
                f"worst {max(pauses):.1f} ms"
            ),
            samples=pauses,
        ),
        Figure(
            key="save_write",
            title="save write, five-meeting case",
            value=write,
            unit="ms",
            target="≤ 20 ms",
            met=write <= 20,
            runs=writes,
            detail=f"one transaction with fsync; worst {max(times):.1f} ms",
            samples=times,
        ),
    ]


if __name__ == "__main__":
    print(table(figures()))
