"""One process start to first frame, for the startup benchmark: ``facilitator`` or ``bare``."""

from __future__ import annotations

import sys
import tempfile
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

        app = FacilitatorApp(store=Store.open(Path(tempfile.mkdtemp())))

    async def first_frame(pilot) -> None:
        await pilot.pause()
        print(f"{time.perf_counter() - START:.6f}")
        app.exit()

    app.run(headless=True, auto_pilot=first_frame)


if __name__ == "__main__":
    main()
