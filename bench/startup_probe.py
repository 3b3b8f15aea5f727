"""One process start to first frame, for the startup benchmark.

    python -m bench.startup_probe bare
    python -m bench.startup_probe facilitator DATA_DIR

Prints the seconds from interpreter start (as near as Python lets us see it) to the
first screen update the app produces, then exits.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

START = time.perf_counter()


def main() -> None:
    which = sys.argv[1]
    if which == "bare":
        from textual.app import App
        from textual.widgets import Static

        class Bare(App):
            def compose(self):
                yield Static("Lotsmöte")

        app = Bare()
    else:
        from facilitator.app import FacilitatorApp
        from facilitator.store import Store

        app = FacilitatorApp(store=Store.open(Path(sys.argv[2])))

    shown: list[float] = []
    display = app._display

    def first_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is not None and not shown:
            shown.append(time.perf_counter() - START)
            app.call_later(app.exit)

    app._display = first_display
    app.run(headless=True, size=(120, 36))
    print(f"{shown[0]:.6f}")


if __name__ == "__main__":
    main()
