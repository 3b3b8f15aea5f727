"""Text cut to a number of lines at word boundaries, ending in "…" when cut."""

from __future__ import annotations

import textwrap

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

ELLIPSIS = "…"


def clamp(text: str, width: int, lines: int) -> list[str]:
    """``text`` wrapped at ``width`` without splitting words, at most ``lines`` lines; the
    last one ends in "…" when anything was left out. A word longer than a whole line is
    cut with "…" too."""
    width = max(4, width)
    wrapped: list[str] = []
    for paragraph in text.splitlines() or [""]:
        wrapped += textwrap.wrap(paragraph, width, break_long_words=False) or [""]
    wrapped = [line if len(line) <= width else line[: width - 1] + ELLIPSIS for line in wrapped]
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[: max(1, lines)]
    last = kept[-1]
    if len(last) + 2 > width:
        # Make room for the ellipsis at a word boundary if there is one.
        cut = last[: width - 2]
        last = cut.rsplit(" ", 1)[0] if " " in cut else cut
    kept[-1] = last.rstrip(" ,.;:–-") + " " + ELLIPSIS
    return kept


class Clamped(Widget):
    """User text (never markup) in at most ``max_lines`` lines of the widget's width."""

    DEFAULT_CSS = """
    Clamped { height: auto; width: 1fr; }
    """

    text: reactive[str] = reactive("", layout=True)
    max_lines: reactive[int] = reactive(3, layout=True)

    def __init__(self, text: str = "", max_lines: int = 3, **kwargs):
        super().__init__(**kwargs)
        self.set_reactive(Clamped.text, text)
        self.set_reactive(Clamped.max_lines, max_lines)

    def _lines(self, width: int) -> list[str]:
        if not self.text:
            return []
        return clamp(self.text, width, self.max_lines)

    def render(self) -> Content:
        return Content("\n".join(self._lines(self.content_size.width)))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))
