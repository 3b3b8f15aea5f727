"""Startup to first frame, whole process, headless: facilitator against a bare Textual app
in the same run. Prints medians and their ratio (target: at most 1.5).

    python -m bench.startup [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys


def first_frame(which: str) -> float:
    result = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", which],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return float(result.stdout.strip().splitlines()[-1])


def measure(runs: int) -> tuple[float, float]:
    bare, ours = [], []
    for _ in range(runs):  # interleaved, so both see the same machine
        bare.append(first_frame("bare"))
        ours.append(first_frame("facilitator"))
    return statistics.median(bare), statistics.median(ours)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    bare, ours = measure(runs)
    ratio = ours / bare
    print(f"startup to first frame, median of {runs}: bare Textual {bare * 1000:.0f} ms, "
          f"facilitator {ours * 1000:.0f} ms, ratio {ratio:.2f}")
    print(f"target: ratio <= 1.5 -> {'met' if ratio <= 1.5 else 'NOT met'}")


if __name__ == "__main__":
    main()
