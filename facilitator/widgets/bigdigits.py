"""Digits five rows tall, for the room layout: read from the back of the room."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

# A 3×5 pixel font; each pixel is drawn two cells wide so the glyphs look square.
_FONT = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
}
ROWS = 5


def big_lines(text: str) -> list[str]:
    """The five rows of ``text`` in the big font (unknown characters are left out)."""
    glyphs = [_FONT[ch] for ch in text if ch in _FONT]
    return [
        "  ".join("".join("██" if px == "#" else "  " for px in glyph[row]) for glyph in glyphs)
        for row in range(ROWS)
    ]


class BigDigits(Widget):
    DEFAULT_CSS = """
    BigDigits { width: auto; height: 5; }
    """

    value: reactive[str] = reactive("", repaint=False)

    def __init__(self, value: str = "", **kwargs):
        super().__init__(**kwargs)
        self.value = value

    def watch_value(self, old: str, new: str) -> None:
        # A new time is the same width almost always: lay out the screen only when not.
        self.refresh(layout=self._width(old) != self._width(new))

    @staticmethod
    def _width(text: str) -> int:
        return max((len(line) for line in big_lines(text)), default=0)

    def render(self) -> Content:
        return Content("\n".join(big_lines(self.value)))

    def get_content_width(self, container, viewport) -> int:
        return self._width(self.value)

    def get_content_height(self, container, viewport, width: int) -> int:
        return ROWS
