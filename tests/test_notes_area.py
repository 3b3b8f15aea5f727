"""The notes area caches and repaints rows its own way; what it shows must be exactly what
Textual's TextArea shows for the same text and the same keys."""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region
from textual.widgets import TextArea

from facilitator.widgets.notes import NotesArea

START = (
    "Elsa berättar om morgnarna, om skolan och om kvällarna då oron kommer.\n"
    "\n"
    "Pappa: det har blivit bättre sedan jul. Mamma håller med, men vill att skolan hör av sig "
    "oftare. Elsa vill själv bestämma när hon åker till BUP.\n"
    "Kort rad.\n"
    "\tEn rad med tabb och ett långt ord: Samordnadindividuellplanering-mötesanteckningar."
)

KEYS = st.sampled_from(
    [
        "a", "ö", "space", "full_stop", "enter", "backspace", "delete",
        "left", "right", "up", "down", "home", "end",
        "shift+left", "shift+right", "shift+down", "shift+up",
        "ctrl+z", "ctrl+y",
    ]
)  # fmt: skip


class Pair(App):
    """Textual's text area and the notes area, side by side and the same size."""

    CSS = "Horizontal > * { width: 1fr; height: 9; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            plain = TextArea(START, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", id="plain")
            plain.match_cursor_bracket = False
            plain.cursor_blink = False
            yield plain
            notes = NotesArea(START, id="notes")
            notes.cursor_blink = False
            yield notes


def lines(area: TextArea) -> list[list[tuple[str, object]]]:
    strips = area.render_lines(Region(0, 0, area.size.width, area.size.height))
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


async def seen_after(keys: list[str]) -> tuple[list, list]:
    """What each area shows, focused, after the same keys.

    When typing runs past the last row the notes area scrolls further than TextArea (it
    centres the cursor); it is then scrolled to where TextArea is, to compare the rows."""
    app = Pair()
    async with app.run_test(size=(100, 12)) as pilot:
        shown = []
        scrolled = 0
        for name in ("#plain", "#notes"):
            area = app.query_one(name, TextArea)
            area.focus()
            area.move_cursor((2, 30))
            await pilot.pause()
            await pilot.press(*keys)
            await pilot.pause()
            if name == "#plain":
                scrolled = area.scroll_y
            elif area.scroll_y != scrolled:
                area.scroll_to(y=scrolled, animate=False)
                await pilot.pause()
            shown.append((lines(area), area.text, area.selection))
        return shown[0], shown[1]


def test_typing_a_sentence_shows_the_same_rows():
    plain, notes = asyncio.run(seen_after([*"och sedan kom hon hem", "enter", *"Ny rad", "up", "up"]))
    assert notes == plain


def test_selecting_across_paragraphs_and_deleting_shows_the_same_rows():
    keys = ["shift+down", "shift+down", "shift+right", "backspace", *"ersatt", "ctrl+z"]
    plain, notes = asyncio.run(seen_after(keys))
    assert notes == plain


def test_growing_past_the_bottom_shows_the_same_rows():
    keys = ["end", *(["enter", *"rad"] * 8), "up", "up", "up"]
    plain, notes = asyncio.run(seen_after(keys))
    assert notes == plain


def test_typing_past_the_last_row_scrolls_by_half_a_view_not_a_row():
    async def run() -> list[tuple[int, int, int]]:
        app = Pair()
        async with app.run_test(size=(100, 12)) as pilot:
            area = app.query_one("#notes", NotesArea)
            area.focus()
            area.move_cursor(area.document.end)
            seen = []
            for _ in range(12):
                await pilot.press("enter", *"rad")
                await pilot.pause()
                row = area.wrapped_document.location_to_offset(area.cursor_location).y
                seen.append((row - area.scroll_y, area.scrollable_content_region.height, area.scroll_y))
            return seen

    seen = asyncio.run(run())
    assert all(0 <= row < height for row, height, _ in seen)  # the cursor is always in view
    scrolls = len({scroll for _, _, scroll in seen})
    assert scrolls <= 12 // 3  # a 7-row view moves at least three rows at a time


@pytest.mark.slow
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(KEYS, min_size=1, max_size=30))
def test_any_keys_show_the_same_rows(keys):
    plain, notes = asyncio.run(seen_after(keys))
    assert notes == plain


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab åÖ\t語👍\u0301-\n"), max_size=300),
    st.integers(min_value=0, max_value=40),
)
def test_the_quick_cursor_lookup_agrees_with_textual(text, width):
    from textual.document._document import Document
    from textual.document._wrapped_document import WrappedDocument

    from facilitator.widgets.notes import _QuickWrap

    document = Document(text)
    textual = WrappedDocument(document, width=width, tab_width=4)
    quick = WrappedDocument(document, width=width, tab_width=4)
    quick.__class__ = _QuickWrap
    assert quick.height == textual.height
    for row, line in enumerate(document.lines):
        for column in range(len(line) + 1):
            assert quick.location_to_offset((row, column)) == textual.location_to_offset((row, column))
