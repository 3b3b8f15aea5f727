"""Peak memory over a simulated three-hour meeting with 100,000 characters typed.

Each run is a fresh process (``python -m bench.memory --probe``) so the figure is the
app's own peak resident set, the operating system's count. In it the app runs headless
on an injected clock: the timer is started, the clock moves on in jittered steps through
three hours, every step is closed when its share of the time is up, and the secretary's
text goes into each step that has a text field, word by word, 100,000 characters in all,
with the app's own autosave writing as it goes. Target: 120 MiB.

    python -m bench.memory
"""

from __future__ import annotations

import asyncio
import os
import random
import resource
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.figures import Figure, median, table
from bench.scene import TEXT
from bench.scratch import scratch_dir
from facilitator.agenda.clock import NS_PER_S, ManualClock

HOURS = 3
CHARACTERS = 100_000
TICK_SECONDS = 4.0
"""Mean clock step between ticks; jittered by half either way."""


def peak_mib() -> float:
    """This process's peak resident set. Linux's VmHWM belongs to the process image, while
    ru_maxrss carries over the parent's peak through fork and exec."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


async def meeting(seconds: int, characters: int) -> int:
    """Run the meeting; returns the number of characters typed."""
    with scratch_dir() as folder:
        return await _meeting(folder, seconds, characters)


async def _meeting(folder: Path, seconds: int, characters: int) -> int:
    from facilitator.app import FacilitatorApp
    from facilitator.demo import ensure_demo
    from facilitator.store import Store
    from facilitator.widgets.notes import NotesArea

    rng = random.Random(3)
    clock = ManualClock()
    store = Store.open(folder)
    ensure_demo(store, clock)
    app = FacilitatorApp(store=store, clock=clock)
    words = TEXT.split()
    typed = 0
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        while app.opening:  # the meeting is read on a worker
            await pilot.pause(0.01)
        await pilot.pause()
        await pilot.press("f5")  # the timer starts
        screen = app.screen
        timebox = screen.timebox
        steps = len(timebox.steps)
        planned = [s.allotted_ns for s in timebox.steps]
        total_ns = seconds * NS_PER_S
        ends = [sum(planned[: i + 1]) * total_ns // sum(planned) for i in range(steps)]
        elapsed = 0
        while elapsed < total_ns:
            step_ns = round(rng.uniform(0.5, 1.5) * TICK_SECONDS * NS_PER_S)
            clock.advance(ns=step_ns)
            elapsed += step_ns
            screen.refresh_time()
            # Type as far as the time says, into the step's first text field.
            due = characters * min(elapsed, total_ns) // total_ns
            areas = list(screen.query(NotesArea))
            if areas and typed < due:
                area = areas[0]
                while typed < due:
                    word = rng.choice(words) + (" " if rng.random() < 0.9 else ".\n")
                    area.insert(word)
                    typed += len(word)
            if timebox.current_index < steps - 1 and elapsed >= ends[timebox.current_index]:
                await pilot.press("f4")
            await asyncio.sleep(0.002)  # the app handles what the typing and ticks caused
        # Whatever is left goes into the latest step with a text field.
        for _ in range(steps):
            if typed >= characters or screen.query(NotesArea):
                break
            await pilot.press("f3")
            await pilot.pause()
        areas = list(screen.query(NotesArea))
        if areas and typed < characters:
            areas[0].insert((TEXT * (characters // len(TEXT) + 1))[: characters - typed])
            typed = characters
        await pilot.pause(1.2)  # the last autosave
    store.close()
    return typed


def probe(seconds: int, characters: int) -> None:
    typed = asyncio.run(meeting(seconds, characters))
    print(f"{typed} {peak_mib():.1f}")


def one_run(seconds: int, characters: int) -> tuple[int, float]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.memory", "--probe", str(seconds), str(characters)],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    typed, mib = result.stdout.strip().splitlines()[-1].split()
    return int(typed), float(mib)


def _duration(seconds: int) -> str:
    return f"{seconds / 3600:g} h" if seconds >= 3600 else f"{seconds / 60:g} min"


def figures(quick: bool = False) -> list[Figure]:
    runs, seconds, characters = (1, 120, 2_000) if quick else (3, HOURS * 3600, CHARACTERS)
    # Each run is its own process, so they can run side by side without sharing memory.
    with ThreadPoolExecutor(max_workers=max(1, min(runs, os.cpu_count() or 1))) as pool:
        results = list(pool.map(lambda _: one_run(seconds, characters), range(runs)))
    typed = results[0][0]
    peaks = [mib for _, mib in results]
    value = median(peaks)
    return [
        Figure(
            key="memory_peak",
            title="memory, peak RSS",
            value=value,
            unit="MiB",
            target="≤ 120 MiB",
            met=value <= 120,
            runs=runs,
            detail=f"{_duration(seconds)} simulated, {typed:,} characters typed, each run its own process",
            samples=peaks,
        )
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["--probe"]:
        probe(int(sys.argv[2]), int(sys.argv[3]))
    else:
        print(table(figures()))
