"""Digits five rows tall, or ten or fifteen: the countdown read from the back of the room
(and the letters of "PAUS", for the sign the child's view shows while the timer waits)."""

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
    "P": ("###", "#.#", "###", "#..", "#.."),
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "S": (".##", "#..", ".#.", "..#", "##."),
}
ROWS = 5


def big_lines(text: str, scale: int = 1) -> list[str]:
    """The rows of ``text`` in the big font, each pixel ``scale`` times larger (unknown
    characters are left out)."""
    glyphs = [_FONT[ch] for ch in text if ch in _FONT]
    on, off, gap = "██" * scale, "  " * scale, "  " * scale
    rows = [
        gap.join("".join(on if px == "#" else off for px in glyph[row]) for glyph in glyphs)
        for row in range(ROWS)
    ]
    return [row for row in rows for _ in range(scale)]


def big_width(text: str, scale: int = 1) -> int:
    return max((len(line) for line in big_lines(text, scale)), default=0)


class BigDigits(Widget):
    DEFAULT_CSS = """
    BigDigits { width: auto; height: auto; }
    """

    value: reactive[str] = reactive("", repaint=False)
    scale: reactive[int] = reactive(1, layout=True)

    def __init__(self, value: str = "", **kwargs):
        super().__init__(**kwargs)
        self.value = value

    def watch_value(self, old: str, new: str) -> None:
        # A new time is the same width almost always: lay out the screen only when not.
        self.refresh(layout=big_width(old, self.scale) != big_width(new, self.scale))

    def render(self) -> Content:
        return Content("\n".join(big_lines(self.value, self.scale)))

    def get_content_width(self, container, viewport) -> int:
        return big_width(self.value, self.scale)

    def get_content_height(self, container, viewport, width: int) -> int:
        return ROWS * self.scale
