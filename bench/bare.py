"""The bare Textual baselines, run as programs in a pseudo-terminal beside facilitator:

    python -m bench.bare line              one line of text: the startup baseline
    python -m bench.bare textarea FILE     a TextArea holding FILE's text, cursor at its
                                           end: the typing baseline

Ctrl+Q quits both.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    from textual.app import App
    from textual.widgets import Static, TextArea

    which = sys.argv[1]

    class Bare(App):
        def compose(self):
            if which == "line":
                yield Static("Lotsmöte")
            else:
                area = TextArea(Path(sys.argv[2]).read_text(encoding="utf-8"), id="text")
                area.cursor_blink = False
                yield area

        def on_mount(self) -> None:
            if which != "line":
                area = self.query_one(TextArea)
                area.focus()
                area.move_cursor(area.document.end)

    Bare().run()


if __name__ == "__main__":
    main()
