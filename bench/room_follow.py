"""Follow latency of the room view: from a save in the writer's connection to the text
on the room view's screen, which reads the same database. Target: median at most 250 ms.

    python -m bench.room_follow
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from textual.widgets import Static

from bench.figures import Figure, median, table
from facilitator.agenda.clock import SystemClock
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.room import RoomApp
from facilitator.screens.room import RoomScreen
from facilitator.store import Store
from facilitator.meeting.session import MeetingSession


async def measure(changes: int) -> list[float]:
    folder = Path(tempfile.mkdtemp())
    clock = SystemClock()
    writer_store = Store.open(folder)
    ensure_demo(writer_store, clock)
    writer = MeetingSession.load(writer_store, DEMO_MEETING_ID, clock)
    writer.toggle_timer()
    for _ in range(3):
        writer.close_step()  # step 4, the family's story
    writer.save_now()
    room = RoomApp(Store.open(folder), clock)
    latencies: list[float] = []
    async with room.run_test(size=(160, 45)) as pilot:
        while not isinstance(room.screen, RoomScreen):
            await asyncio.sleep(0.01)
        for index in range(changes):
            line = f"Rad {index}: Elsa berättar vidare."
            writer.meeting.sip.family_story += "\n" + line
            writer.save_now()
            start = time.perf_counter()
            while line not in str(room.screen.query_one("#room-text", Static).visual):
                await asyncio.sleep(0.002)
            latencies.append(time.perf_counter() - start)
            await pilot.pause(0.01)
    return latencies


def figures(quick: bool = False) -> list[Figure]:
    runs, changes = (1, 3) if quick else (3, 40)
    medians, worst = [], 0.0
    for _ in range(runs):
        latencies = [x * 1000 for x in asyncio.run(measure(changes))]
        medians.append(median(latencies))
        worst = max(worst, max(latencies))
    value = median(medians)
    return [
        Figure(
            key="room_follow",
            title="room view follows the writer",
            value=value,
            unit="ms",
            target="≤ 250 ms",
            met=value <= 250,
            runs=runs,
            detail=f"{changes} saved changes per run, median of each; worst {worst:.0f} ms",
            samples=medians,
        )
    ]


if __name__ == "__main__":
    print(table(figures()))
