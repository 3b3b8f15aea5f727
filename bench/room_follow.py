"""Follow latency of the room view: from a save in the writer's connection to the text
on the room view's screen. Prints the median and the worst of N changes.

    python -m bench.room_follow [N]
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.widgets import Static

from facilitator.agenda.clock import SystemClock
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.room import RoomApp
from facilitator.screens.room import RoomScreen
from facilitator.store import Store
from facilitator.store.session import MeetingSession


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


def main() -> None:
    changes = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    latencies = asyncio.run(measure(changes))
    median = statistics.median(latencies) * 1000
    worst = max(latencies) * 1000
    print(f"room view follow latency over {changes} changes: median {median:.0f} ms, worst {worst:.0f} ms")
    print(f"target: median <= 250 ms -> {'met' if median <= 250 else 'NOT met'}")


if __name__ == "__main__":
    main()
