"""Startup as a person sees it: from starting the program in a terminal to the case list
on the screen. ``facilitator --data-dir DIR`` (the console script, on a data directory
with the demo case) and a bare Textual app showing one line (``bench.bare``) each run
in a pseudo-terminal at 120×36, read by a terminal emulator; the clock stops when the
output that put the list (the child's name and the footer) or the bare app's line on
the screen was read. Pairs alternate, and the figure is the median of the per-pair
ratios. Target: at most 1.5 times the bare app.

    python -m bench.startup
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.figures import Figure, median, table
from bench.scratch import scratch_dir
from bench.terminal import Terminal


def demo_store(folder: Path) -> Path:
    """A data directory as a user has it: the demo case with its meeting."""
    from facilitator.agenda.clock import SystemClock
    from facilitator.demo import ensure_demo
    from facilitator.store import Store

    with Store.open(folder) as store:
        ensure_demo(store, SystemClock())
    return folder


def command() -> list[str]:
    """The console script installed beside this Python, as a user starts it."""
    script = Path(sys.executable).with_name("facilitator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "facilitator"]


def shown(argv: list[str], condition) -> float:
    """Seconds from starting ``argv`` in a pseudo-terminal to ``condition`` on its screen."""
    with Terminal(argv, (120, 36), cached_bytecode=True) as terminal:
        return terminal.wait_for(condition, timeout=30) - terminal.started


def measure(runs: int) -> tuple[list[float], list[float]]:
    bare, ours = [], []
    with scratch_dir() as folder:
        data = demo_store(folder)
        facilitator = [*command(), "--data-dir", str(data)]
        listed = lambda text: "Elsa Åkesson" in text and "Kommandon" in text  # noqa: E731
        shown(facilitator, listed)  # the first start of all may compile bytecode
        for _ in range(runs):
            bare.append(shown([sys.executable, "-m", "bench.bare", "line"], "Lotsmöte"))
            ours.append(shown(facilitator, listed))
    return bare, ours


def figures(quick: bool = False) -> list[Figure]:
    runs = 2 if quick else 15
    bare, ours = measure(runs)
    # Each pair ran back to back, so each ratio saw one state of a shared machine; the
    # median of the ratios is steadier than the ratio of two medians.
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    ratio = median(ratios)
    return [
        Figure(
            key="startup",
            title="start to the case list on screen (terminal)",
            value=ratio,
            unit="×",
            target="≤ 1.5 × bare Textual",
            met=ratio <= 1.5,
            runs=runs,
            detail=(
                f"pseudo-terminal 120×36, median of per-pair ratios; facilitator "
                f"{median(ours) * 1000:.0f} ms, bare Textual {median(bare) * 1000:.0f} ms"
            ),
            samples=ratios,
        )
    ]


if __name__ == "__main__":
    print(table(figures()))
