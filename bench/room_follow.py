"""Room follow: from a word typed in the secretary's window to the word on the projector.

Both programs run as a user runs them, each in its own pseudo-terminal: the writer
(``facilitator demo`` at 120×36, in the family's story with the timer running) and the
room view (``facilitator room`` at 160×45). A word is typed into the writer; the clock
stops when the room view's output, read by a terminal emulator, shows the word. Words
come at a person's pace (a short pause between them), so some land while the previous
one is still on its way. Target: median at most 300 ms, 95th percentile at most 500 ms.

    python -m bench.room_follow
"""

from __future__ import annotations

import random
import sys
import time

from bench.figures import Figure, median, percentile, table
from bench.scratch import scratch_dir
from bench.terminal import Terminal


def measure(words: int, seed: int = 1) -> list[float]:
    """Milliseconds from each word's last key to the word on the room view."""
    rng = random.Random(seed)
    latencies: list[float] = []
    with scratch_dir() as folder:
        base = [sys.executable, "-m", "facilitator", "--data-dir", str(folder)]
        with Terminal([*base, "demo"], (120, 36)) as writer:
            writer.wait_for("Elsa Åkesson")
            writer.press("enter")
            writer.wait_for("1/10")
            writer.press("f5", "f4", "f4", "f4")
            writer.wait_for("4/10")
            with Terminal([*base, "room"], (160, 45)) as room:
                room.wait_for("4/10")
                for index in range(words):
                    word = f"ord{index:03d}x{rng.randrange(1000):03d}"
                    sent = writer.type(word + " ")
                    shown = room.wait_for(word, timeout=10)
                    latencies.append((shown - sent) * 1000)
                    time.sleep(rng.uniform(0.15, 0.6))
    return latencies


def figures(quick: bool = False) -> list[Figure]:
    runs, words = (1, 3) if quick else (3, 40)
    medians, p95s, everything = [], [], []
    for run in range(runs):
        latencies = measure(words, seed=run + 1)
        everything += latencies
        medians.append(median(latencies))
        p95s.append(percentile(latencies, 0.95))
    value, p95 = median(medians), median(p95s)
    detail = f"{words} words per run, typed in a pseudo-terminal; worst {max(everything):.0f} ms"
    return [
        Figure(
            key="room_follow",
            title="key in the writer to the word on the room view",
            value=value,
            unit="ms",
            target="median ≤ 300 ms",
            met=value <= 300,
            runs=runs,
            detail=detail,
            samples=medians,
        ),
        Figure(
            key="room_follow_p95",
            title="same, 95th percentile",
            value=p95,
            unit="ms",
            target="≤ 500 ms",
            met=p95 <= 500,
            runs=runs,
            detail="median of the runs' 95th percentiles",
            samples=p95s,
        ),
    ]


if __name__ == "__main__":
    print(table(figures()))
