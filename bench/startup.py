"""Startup to first frame, whole process, headless: facilitator, opening a data directory
with the demo case in it, against a bare Textual app showing one line, in the same run
and interleaved so both see the same machine. Target: at most 1.5 times the bare app.

    python -m bench.startup
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bench.figures import Figure, median, table
from bench.scratch import scratch_dir


def demo_store(folder: Path) -> Path:
    """A data directory as a user has it: the demo case with its meeting."""
    from facilitator.agenda.clock import SystemClock
    from facilitator.demo import ensure_demo
    from facilitator.store import Store

    with Store.open(folder) as store:
        ensure_demo(store, SystemClock())
    return folder


def first_frame(which: str, data: Path) -> float:
    """Seconds from interpreter start to the first frame of one fresh process.

    Python caches compiled modules next to their source, so on a user's machine only the
    very first start compiles; the same here. Where PYTHONDONTWRITEBYTECODE is set, as in
    some sandboxes, the app's own modules would be compiled on every start while
    Textual's, compiled when it was installed, would not: the comparison would be unfair.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", which, str(data)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return float(result.stdout.strip().splitlines()[-1])


def measure(runs: int) -> tuple[list[float], list[float]]:
    bare, ours = [], []
    with scratch_dir() as folder:
        data = demo_store(folder)
        first_frame("facilitator", data)  # the first start of all pays for compiling bytecode
        for _ in range(runs):
            bare.append(first_frame("bare", data))
            ours.append(first_frame("facilitator", data))
    return bare, ours


def figures(quick: bool = False) -> list[Figure]:
    runs = 1 if quick else 15
    bare, ours = measure(runs)
    # Each pair ran back to back, so each ratio saw one state of a shared machine; the
    # median of the ratios is steadier than the ratio of two medians.
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    ratio = median(ratios)
    return [
        Figure(
            key="startup",
            title="startup to first frame",
            value=ratio,
            unit="×",
            target="≤ 1.5 × bare Textual",
            met=ratio <= 1.5,
            runs=runs,
            detail=(
                f"median of per-pair ratios; facilitator {median(ours) * 1000:.0f} ms, "
                f"bare Textual {median(bare) * 1000:.0f} ms"
            ),
            samples=ratios,
        )
    ]


if __name__ == "__main__":
    print(table(figures()))
