"""The text area the secretary types notes into, made to stay fast in a long step.

Textual's ``TextArea`` redraws every visible line after each key, and with soft wrapping
its line cache is keyed on the whole selection, so moving the cursor or typing one
character re-renders all of them, each from its whole paragraph. A step's notes can run
to tens of thousands of characters; at that size a key costs a visible stall.

``NotesArea`` keeps the look and behaviour and changes only how lines are cached:

- A rendered line is keyed by its paragraph's text, which part of the paragraph it is,
  and — only for paragraphs the cursor or selection touches — the cursor and selection.
  Typing in one paragraph re-renders that paragraph's lines; the rest come from the cache.
- Everything else a line's look depends on (size, styles, theme, focus) is read once per
  frame and is part of every key.
- A key repaints only the screen rows it changed: the cursor's old and new rows and the
  edited part of the paragraph, or every row of text below it when the paragraph grew
  or shrank by a row.
- When typing carries the cursor below the last visible row, the view moves so the
  cursor sits mid-area (as nano does) instead of one row per line: every scroll makes
  Textual lay out the whole screen, and now that happens every ten rows, not every row.
  For that the scroll range ends half a view below the text.
- When the text grows by a wrapped line while the area is already at its largest, only
  the scroll range changes, so no screen layout is run for it.
"""

from __future__ import annotations

from bisect import bisect_right

from textual._cells import cell_len
from textual.binding import Binding
from textual.cache import LRUCache
from textual.document._edit import Edit, EditResult
from textual.document._wrapped_document import WrappedDocument
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import Offset, Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import Location, Selection

from facilitator.agenda.cleaning import clean_multiline, is_clean

CACHED_LINES = 1024
"""Rendered rows kept: twenty screens of them, a megabyte or two at most."""


# Rich removes these when it builds a Text; where a line holds one, Textual's own lookup
# (which builds a Text) is the one that agrees with what is drawn.
_RICH_STRIPS = frozenset("\x07\x08\x0b\x0c\x0d")


class _QuickWrap(WrappedDocument):
    """Textual's wrapped document, with two lookups made cheap.

    The cursor's screen position is asked for several times per key. Textual answers by
    building a Rich ``Text`` of the whole paragraph and dividing it into its rows; here
    the row comes from the wrap offsets and the column from the row's own characters.
    The height is the number of rows already kept, not a sum over every paragraph.
    """

    @property
    def height(self) -> int:
        return len(self._offset_to_line_info)

    def location_to_offset(self, location: Location) -> Offset:
        line_index, column = location
        if not 0 <= line_index < len(self._line_index_to_offsets):
            return super().location_to_offset(location)
        line = self.document[line_index]
        if _RICH_STRIPS.intersection(line):
            return super().location_to_offset(location)
        bounds = self._wrap_offsets[line_index]
        section = bisect_right(bounds, column)
        start = bounds[section - 1] if section else 0
        x = cell_len(expand_tabs_inline(line[start:column], self._tab_width))
        return Offset(x, self._line_index_to_offsets[line_index][section])


class NotesArea(TextArea):
    """A soft-wrapped text area whose cost per key does not grow with the text."""

    BINDINGS = [
        Binding("ctrl+home", "text_start", "Början av texten", show=False),
        Binding("ctrl+end", "text_end", "Slutet av texten", show=False),
    ]

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

    # The same reactive as TextArea's, without repainting the whole area on every move:
    # the watcher below repaints the rows the cursor left and the rows it entered.
    selection: reactive[Selection] = reactive(Selection(), init=False, always_update=True, repaint=False)

    _frame: tuple | None = None
    """What every row's look depends on, read once per frame while rendering."""
    _look: tuple | None = None
    """The look the theme's component styles were last read for."""
    _editing = False
    """True inside ``edit``: the only time a size change may skip the screen layout."""

    def __init__(self, text: str = "", **kwargs):
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)
        # Bracket matching is for code; in prose it only adds work per key.
        self.match_cursor_bracket = False
        self._strips: LRUCache[tuple, Strip] = LRUCache(CACHED_LINES)

    # --- rendering --------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        look = (
            self.rich_style,
            self.app.theme,
            self.app.ansi_color,
            self.theme,
            id(self._theme),
            self.has_focus,
            self.disabled,
            self.classes,
        )
        theme = self._theme
        if theme is not None and look != self._look:
            # TextArea reads its component styles on every frame; they change only with
            # the look (focus, theme, classes), so read them when it does.
            theme.apply_css(self)
            self._look = look
        self._frame = (
            look,
            self.size,
            self.scrollable_content_region.width,
            self.scroll_offset.x,
            self.read_only,
            self.show_cursor,
            self.highlight_cursor_line,
            self.show_line_numbers,
            self.indent_width,
            self.gutter_width,
        )
        try:
            return Widget.render_lines(self, crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        document = self.document
        if (
            frame is None
            or not self.soft_wrap
            or (self.placeholder and document.line_count == 1 and not document[0])
        ):
            return super().render_line(y)
        wrapped = self.wrapped_document._offset_to_line_info
        offset = self.scroll_offset.y + y
        if offset >= len(wrapped):
            return super().render_line(y)
        line_index, section = wrapped[offset]
        line = document[line_index]
        bounds = self.wrapped_document._wrap_offsets[line_index]
        start = bounds[section - 1] if section else 0
        end = bounds[section] if section < len(bounds) else len(line)
        text = line[start:end]
        if "\t" in line:
            text = (text, line)  # tab stops depend on the whole paragraph
        key = (
            frame,
            text,
            section == len(bounds),  # the last row leaves a cell for the cursor
            line_index if self.show_line_numbers else None,
            self._cursor_look(line_index, start, end, section == len(bounds)),
        )
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_line(y)
            self._strips[key] = strip
        return strip

    def _cursor_look(self, line_index: int, start: int, end: int, last: bool) -> tuple | None:
        """What of the cursor and selection shows on one row: nothing for most rows."""
        selection = self.selection
        top, bottom = sorted(selection)
        if not top[0] <= line_index <= bottom[0]:
            return None
        cursor_column = selection.end[1]
        if selection.start != selection.end:
            return (selection, line_index, start, self._draw_cursor, self.suggestion)
        # A lone cursor: its paragraph is the cursor line; the row holding it draws it.
        on_row = start <= cursor_column < end or (last and cursor_column == end)
        if on_row:
            return ("cursor", cursor_column - start, self._draw_cursor, self.suggestion)
        return ("line",)

    # --- repainting ---------------------------------------------------------------------

    def _rows_of(self, first_line: int, last_line: int) -> tuple[int, int] | None:
        """The first and last wrapped row of a range of document lines (None if stale)."""
        rows = self.wrapped_document._line_index_to_offsets
        if not 0 <= first_line <= last_line < len(rows):
            return None
        return rows[first_line][0], rows[last_line][-1]

    def _repaint_rows(self, first: int, last: int) -> None:
        """Repaint wrapped rows ``first`` to ``last``, as far as they are in view."""
        top = self.scroll_offset.y
        first, last = max(first, top), min(last, top + self.size.height - 1)
        if first <= last:
            self.refresh_lines(first, last - first + 1)

    def _watch_selection(self, previous: Selection, selection: Selection) -> None:
        super()._watch_selection(previous, selection)
        if not self.is_mounted:
            return
        lone = previous.start == previous.end and selection.start == selection.end
        if lone and previous.end[0] == selection.end[0]:
            # The cursor moved within its paragraph: only the rows it left and entered.
            try:
                rows = [self.wrapped_document.location_to_offset(s.end).y for s in (previous, selection)]
            except IndexError:
                self.refresh()
                return
            for row in set(rows):
                self._repaint_rows(row, row)
            return
        # A new paragraph holds the cursor (its line is highlighted), or text is selected.
        for moved in (previous, selection):
            top, bottom = sorted(moved)
            rows = self._rows_of(top[0], bottom[0])
            if rows is None:
                self.refresh()
                return
            self._repaint_rows(*rows)

    def edit(self, edit: Edit) -> EditResult:
        # What is typed or pasted is cleaned as it goes in, as the models would clean it
        # (no control sequences, no bidi overrides, no zero-width marks): the text on
        # screen is the text stored, and the cursor stays where the person put it.
        if edit.text and not is_clean(edit.text):
            edit.text = clean_multiline(edit.text)
        lines, height = self.document.line_count, len(self.wrapped_document._offset_to_line_info)
        self._editing = True
        try:
            result = super().edit(edit)
        finally:
            self._editing = False
        new_height = len(self.wrapped_document._offset_to_line_info)
        if not self.soft_wrap or self.document.line_count != lines:
            self.refresh()
            return result
        top = min(edit.top[0], result.end_location[0])
        bottom = max(edit.top[0], result.end_location[0])
        rows = self._rows_of(top, bottom)
        if rows is None:
            self.refresh()
            return result
        # Rows before the edited one keep their text, but the row above may take back a
        # word, so repaint from there.
        first = max(rows[0], self.wrapped_document.location_to_offset(edit.top).y - 1)
        if new_height != height:
            # Every row below moved; the text ends at the larger of the two heights.
            self._repaint_rows(first, max(height, new_height) - 1)
        else:
            self._repaint_rows(first, rows[1])
        return result

    def _undo_batch(self, edits) -> None:
        super()._undo_batch(edits)
        self.refresh()  # undo and redo are rare: repaint everything

    def _redo_batch(self, edits) -> None:
        super()._redo_batch(edits)
        self.refresh()

    def _set_document(self, *args, **kwargs) -> None:
        super()._set_document(*args, **kwargs)
        self.wrapped_document.__class__ = _QuickWrap  # same state, quicker lookups
        if self.is_mounted:
            self.refresh()  # new text (load_text): nothing cached applies to its rows

    # --- scrolling --------------------------------------------------------------------

    def scroll_cursor_visible(self, center: bool = False, animate: bool = False) -> Offset:
        if not center and self._has_cursor and self.is_mounted:
            self._recompute_cursor_offset()
            row = self._cursor_offset.y
            top = self.scroll_offset.y
            center = row >= top + self.scrollable_content_region.height
            if center:
                # Inside an edit the scroll range is not yet updated for the new row;
                # without it the view could only move to the old end.
                self._refresh_size()
        return super().scroll_cursor_visible(center=center, animate=animate)

    # --- size ------------------------------------------------------------------------

    def _refresh_size(self) -> None:
        if not self.soft_wrap or not self.is_mounted:
            super()._refresh_size()
            return
        rows = self.wrapped_document.height
        visible = self.scrollable_content_region.height
        if rows > visible > 0:
            # Room below the last row, so the view can bring the cursor up to the middle
            # when typing reaches the bottom (see scroll_cursor_visible).
            rows += visible // 2
        new = Size(0, rows)
        old = self.virtual_size
        if self._editing and new != old and old.height > visible and new.height > visible:
            # Already at its largest and still scrolling: the box keeps its size, so only
            # the scroll range and the scrollbar change. No layout of the whole screen.
            self.set_reactive(Widget.virtual_size, new)
            self._scroll_update(new)
            return
        self.virtual_size = new
        self._refresh_scrollbars()
