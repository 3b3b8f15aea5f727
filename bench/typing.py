"""Keystroke to screen: typing into a step that already holds 50,000 characters while
the countdown ticks. Each latency is the time from a key reaching the app, as the
terminal driver hands it over, to the screen update that shows it, turned into terminal
output. Target: p99 at most 16 ms (one frame at 60 Hz).

    python -m bench.typing
"""

from __future__ import annotations

import asyncio
import time

from textual import events

from bench.figures import Figure, median, percentile, table
from bench.scene import TEXT, long_step


async def measure(keys: int, existing: int = 50_000) -> list[float]:
    latencies: list[float] = []
    async with long_step(existing) as (app, _pilot, area):
        shown: list[float] = []
        on_screen = asyncio.Event()
        before = {"cursor": area.cursor_location}
        original = app._display

        def display(screen, renderable) -> None:
            original(screen, renderable)
            if renderable is not None:
                # Headless, Textual skips turning the update into terminal output; a real
                # terminal pays for it, so the measurement does too.
                renderable.render_segments(app.console)
            if renderable is not None and area.cursor_location != before["cursor"]:
                shown.append(time.perf_counter())
                on_screen.set()

        app._display = display
        typed = (TEXT * (keys // len(TEXT) + 1))[:keys]
        for char in typed:
            before["cursor"] = area.cursor_location
            shown.clear()
            on_screen.clear()
            start = time.perf_counter()
            key = "space" if char == " " else char
            app._driver.send_message(events.Key(key, char))  # as the terminal driver does
            await on_screen.wait()
            latencies.append(shown[0] - start)
            await asyncio.sleep(0.03)  # a quick typist: about 30 keys a second
        app._display = original
    return latencies


def figures(quick: bool = False) -> list[Figure]:
    rounds, keys, existing = (1, 5, 2_000) if quick else (3, 300, 50_000)
    p99s, medians, worst = [], [], 0.0
    for _ in range(rounds):
        latencies = [x * 1000 for x in asyncio.run(measure(keys, existing))]
        p99s.append(percentile(latencies, 0.99))
        medians.append(median(latencies))
        worst = max(worst, max(latencies))
    value = median(p99s)
    return [
        Figure(
            key="keystroke_p99",
            title="keystroke to screen update, p99 (Pilot, no terminal)",
            value=value,
            unit="ms",
            target="≤ 16 ms",
            met=value <= 16,
            runs=rounds,
            detail=(
                f"{keys} keys per run into a {existing:,}-character step, countdown running; "
                f"median {median(medians):.1f} ms, worst {worst:.1f} ms"
            ),
            samples=p99s,
        )
    ]


if __name__ == "__main__":
    print(table(figures()))
