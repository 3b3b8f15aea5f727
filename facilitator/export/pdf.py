"""The SIP (and every document built as a ``SipDocument``) as an A4 PDF, ready to sign
in the room.

Source Sans Pro (SIL OFL, shipped by the ``font-source-sans-pro`` package) is embedded,
so å ä ö and names such as Đorđević, Şahin, Łukasz, Nguyễn, Иванова or Παπαδόπουλος print
on any machine; Noto Sans Arabic and Noto Sans Ethiopic take the characters it lacks, and
HarfBuzz (``uharfbuzz``) shapes the text, so a name in Arabic script is joined and runs
right to left, and a name in Ge'ez script is whole. A character no font has is printed as
"?" rather than stopping the export, and named by ``fonts.unprintable_in`` (the review
and ``export --strict`` list it).

Layout: table columns are sized from their content and never break a word (a table that
cannot fit its longest words gets a smaller font); a heading never stands alone at the
foot of a page; the signature block is kept together when it fits on a page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, XPos, YPos
from fpdf.fonts import FontFace

from facilitator import strings as sv
from facilitator.export import layout
from facilitator.export.fonts import covered, document_texts, fallback_files, font_files, needs_fallback
from facilitator.views.sipview import Bar, Section, Signer, SipDocument, Table

FONT = "SourceSans"
_MARGIN = layout.MARGIN_MM
_BODY_PT = 10.5
_LINE = 5.0
_TABLE_PT = (9.0, 8.5, 8.0, 7.5, 7.0, 6.5)
"""Table font sizes, tried in order until the longest words fit their columns."""
_PAD_V, _PAD_H = 0.8, 1.2
_SAFETY = 0.3
"""Room left in a column beyond its longest word, against rounding in the line breaking."""
_GREY = 90
_KEEP_LINES = layout.KEEP_LINES
_MISSING_RGB = (160, 0, 0)
_PLANNED_RGB = (185, 185, 185)
_REPLANNED_RGB = (120, 150, 200)
_ACTUAL_RGB = (30, 95, 120)
_OVER_RGB = (215, 110, 30)


def printable(text: str) -> str:
    """``text`` with every character the embedded font cannot draw replaced by "?"."""
    drawn = covered()
    return "".join(ch if ord(ch) in drawn or ch in "\n\t" else "?" for ch in text)


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")
_OTHER_LETTERS = re.compile("[A-Za-z\u00c0-\u024f\u0370-\u052f\u1200-\u139f\u1e00-\u1eff]")
ARABIC_FONT = "NotoSansArabic"
_SHAPED = re.compile(
    "[\u0300-\u036f\u0590-\u08ff\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f\ufb1d-\ufdff\ufe20-\ufe2f\ufe70-\ufefc]"
)
"""Text that needs shaping: combining marks, Hebrew and Arabic script (joined, right to
left), Ge'ez script; the rest of what the fonts hold is set one character a glyph."""


class _Pdf(FPDF):
    def __init__(self, document: SipDocument):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.document = document
        for style, path in font_files().items():
            self.add_font(FONT, style, str(path))
        # The fallback fonts only for a document that needs them: each costs time to
        # load, and any makes every text be looked at one character at a time.
        self.fallbacks = needs_fallback(document_texts(document))
        self.inside = False
        """Within a text that ``_script`` has set up (fpdf2 may measure its parts)."""
        if self.fallbacks:
            for family, files in fallback_files().items():
                for style, path in files.items():
                    self.add_font(family, style, str(path))
        # Shaping is slow (it measures every string through HarfBuzz): it is switched on
        # only for the texts that need it (``_script``).
        self.set_text_shaping(True)
        self.shaping = self.text_shaping
        self.text_shaping = None
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, margin=layout.BOTTOM_MM)
        self.alias_nb_pages("{nb}")
        self.set_title(printable(document.title))
        self.set_lang("sv-SE")
        self.set_creator("facilitator")
        self.body_top = _MARGIN + layout.HEADER_MM
        self.scale = document.type_scale
        self.body_pt = _BODY_PT * self.scale
        self.line_h = _LINE * self.scale

    def header(self) -> None:
        self.set_font(FONT, "", 8)
        self.set_text_color(_GREY)
        self.cell(0, 5, printable(self.document.header_line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)
        self.set_text_color(0)
        self.body_top = self.get_y()

    def footer(self) -> None:
        self.set_y(-_MARGIN)
        self.set_font(FONT, "I", 8)
        self.set_text_color(_GREY)
        self.cell(0, 4, printable(self.document.confidential), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, sv.PAGE_OF.format(page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0)

    @contextmanager
    def _script(self, text: str) -> Iterator[None]:
        """The fallback fonts and shaping for a text that needs them, and only then
        (either makes fpdf2 look at every character). A text all in Arabic script (a
        name) is set in the Arabic font throughout, its spaces too, so that the line is
        one right-to-left run that reads back in the order it was written."""
        foreign = self.fallbacks and not self.inside and needs_fallback((text,))
        shaped = not self.inside and _SHAPED.search(text) is not None
        if not (foreign or shaped):
            yield
            return
        self.inside = True
        if shaped:
            self.text_shaping = self.shaping
        whole = foreign and self.font_family == FONT.lower() and _ARABIC.search(text) and not _OTHER_LETTERS.search(text)
        family, style, size = self.font_family, self.font_style, self.font_size_pt
        if whole:
            # The body font in turn takes what the Arabic font lacks: brackets, quotes.
            self.set_fallback_fonts([*fallback_files(), FONT], exact_match=False)
            self.set_font(ARABIC_FONT, style.replace("I", ""), size)
        elif foreign:
            self.set_fallback_fonts(list(fallback_files()), exact_match=False)
        try:
            yield
        finally:
            if whole:
                self.set_font(family, style, size)
            self.text_shaping = None
            if foreign:
                self.set_fallback_fonts([])
            self.inside = False

    def multi_cell(self, w, h=None, text="", *args, **kwargs):
        with self._script(text):
            return super().multi_cell(w, h, text, *args, **kwargs)

    def cell(self, w=None, h=None, text="", *args, **kwargs):
        with self._script(text):
            return super().cell(w, h, text, *args, **kwargs)

    def get_string_width(self, s, *args, **kwargs):
        with self._script(s):
            return super().get_string_width(s, *args, **kwargs)

    @property
    def room(self) -> float:
        """What is left of the page's body below the current position."""
        return self.page_break_trigger - self.get_y()

    def keep(self, height: float) -> None:
        """Start a new page unless ``height`` fits on this one (or this page is still
        empty, where a new page would not help)."""
        if height > self.room + 1e-6 and self.get_y() > self.body_top + 1e-6:
            self.add_page()

    def lines(self, width: float, text: str) -> int:
        """How many lines ``text`` takes in a column ``width`` wide, in the current font."""
        return len(self.multi_cell(width, _LINE, text, dry_run=True, output=MethodReturnValue.LINES))

    def text_block(self, text: str, height: float | None = None, width: float = 0) -> None:
        self.multi_cell(width or self.epw, height or self.line_h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def flowing(self, text: str) -> None:
        """A paragraph that may run on to the next page, but never leaves one line alone
        at the foot of a page or at the top of the next (widow and orphan control)."""
        width, height = self.epw, self.line_h
        # Most paragraphs are far from the foot of the page: they are not laid out twice.
        fit = int((self.room + 1e-6) // height)
        if _most_lines(self, text, width) <= fit or (fit >= _KEEP_LINES and _least_lines(self, text, width) >= fit + _KEEP_LINES):
            # Far from the foot of the page, or so long that enough of it goes on each
            # side of the break: not laid out twice.
            self.text_block(text)
            return
        lines = self.multi_cell(width, height, text, dry_run=True, output=MethodReturnValue.LINES)
        count = len(lines)
        if count <= fit:
            self.text_block(text)
            return
        here = min(fit, count - _KEEP_LINES)
        if here < _KEEP_LINES:
            self.keep(count * height)
            self.text_block(text)
            return
        self.text_block("\n".join(lines[:here]))
        self.add_page()
        self.text_block("\n".join(lines[here:]))


def _most_lines(pdf: FPDF, text: str, width: float) -> float:
    """More lines than ``text`` can take in a column ``width`` wide, in the current font,
    without laying it out: to lay out only what ends near the foot of a page."""
    return pdf.get_string_width(text) / (width - 2 * pdf.c_margin) * 1.25 + text.count("\n") + 2


def _least_lines(pdf: FPDF, text: str, width: float) -> int:
    """No more lines than ``text`` takes in a column ``width`` wide: no line holds more
    than the column's width of its characters (the spaces left out, as a break drops them)."""
    usable = width - 2 * pdf.c_margin
    return sum(
        max(1, math.ceil(pdf.get_string_width(part.replace(" ", "")) / usable - 1e-6)) for part in text.split("\n")
    )


@dataclass
class _Piece:
    """One part of a section: how much of it must stay with the heading, and how to draw it."""

    start: Callable[[], float]
    """Measured only for the first part of a section, the one kept with the heading."""
    draw: Callable[[], None]
    height: Callable[[], float]
    """All of it, for what must stand on one page with what follows."""


# Tables ------------------------------------------------------------------------------


def _widths(pdf: FPDF, header, rows, total: float, size: float, squeeze: bool = False) -> list[float] | None:
    def bold(text: str) -> float:
        pdf.set_font(FONT, "B", size)
        width = pdf.get_string_width(text)
        pdf.set_font(FONT, "", size)
        return width

    pdf.set_font(FONT, "", size)
    return layout.column_widths(
        header, rows, total, pdf.get_string_width, bold, 2 * _PAD_H + _SAFETY, squeeze=squeeze
    )


def fit_columns(pdf: FPDF, table: Table, total: float) -> tuple[float, list[float]]:
    """The largest table font size at which every column holds its longest word, and the
    columns' widths at that size (``layout.column_widths`` measured with the font)."""
    header = [printable(h) for h in table.header]
    rows = [[printable(v) for v in row] for row in table.rows]
    for size in _TABLE_PT:
        widths = _widths(pdf, header, rows, total, size)
        if widths is not None:
            return size, widths
    # Words too long for the page: some break, at the smallest size.
    squeezed = _widths(pdf, header, rows, total, _TABLE_PT[-1], squeeze=True)
    assert squeezed is not None
    return _TABLE_PT[-1], squeezed


def _row_height(pdf: _Pdf, values: list[str], widths: list[float], size: float, bold: bool) -> float:
    pdf.set_font(FONT, "B" if bold else "", size)
    line = size * 0.5
    text = [pdf.lines(w - 2 * _PAD_H, v) if v else 1 for v, w in zip(values, widths, strict=True)]
    return max(text) * line + 2 * _PAD_V


def _table_piece(pdf: _Pdf, table: Table) -> _Piece:
    size, widths = fit_columns(pdf, table, pdf.epw)
    header = [printable(h) for h in table.header]
    rows = [[printable(v) for v in row] for row in table.rows]

    def start() -> float:
        return 1 + _row_height(pdf, header, widths, size, True) + _row_height(pdf, rows[0], widths, size, False)

    def height() -> float:
        return 1 + sum(_row_height(pdf, r, widths, size, i == 0) for i, r in enumerate([header, *rows]))

    def draw() -> None:
        pdf.ln(1)
        pdf.set_font(FONT, "", size)
        with pdf.table(
            col_widths=widths,
            width=min(sum(widths), pdf.epw),
            align="LEFT",
            text_align="LEFT",
            v_align="TOP",
            line_height=size * 0.5,
            padding=(_PAD_V, _PAD_H),
            headings_style=FontFace(family=FONT, emphasis="BOLD", fill_color=(230, 230, 230)),
            first_row_as_headings=True,
        ) as drawn:
            drawn.row(header)
            for values in rows:
                drawn.row(values)
        pdf.set_font(FONT, "", pdf.body_pt)

    return _Piece(start, draw, height)


# Bars --------------------------------------------------------------------------------

_BAR_H = 3.0
_BAR_GAP = 0.8
_BAR_PT = 8.0
_LEGEND_H = 7.0


@dataclass(frozen=True)
class _Kind:
    """One bar of a step: what it shows, its minutes (None: not run) and colour."""

    label: str
    minutes: float | None
    colour: tuple[int, int, int]
    actual: bool = False


def _bar_kinds(bar: Bar) -> list[_Kind]:
    kinds = [_Kind(sv.BAR_PLANNED, bar.planned_min, _PLANNED_RGB)]
    if layout.replanned(bar):
        kinds.append(_Kind(sv.BAR_REPLANNED, bar.replanned_min, _REPLANNED_RGB))
    kinds.append(_Kind(sv.BAR_ACTUAL, bar.actual_min, _ACTUAL_RGB, actual=True))
    return kinds


def _legend(pdf: _Pdf, bars: list[Bar]) -> None:
    """The colours, each only when a bar uses it."""
    pdf.set_font(FONT, "", _BAR_PT)
    y = pdf.get_y() + 1
    x = pdf.l_margin
    keys = [(sv.BAR_PLANNED, _PLANNED_RGB)]
    if any(layout.replanned(b) for b in bars):
        keys.append((sv.BAR_REPLANNED, _REPLANNED_RGB))
    if any(b.actual_min is not None for b in bars):
        keys.append((sv.BAR_ACTUAL, _ACTUAL_RGB))
    if any(b.actual_min is not None and b.actual_min > b.replanned_min for b in bars):
        keys.append((sv.BAR_OVER, _OVER_RGB))
    for label, colour in keys:
        pdf.set_fill_color(*colour)
        pdf.rect(x, y + 0.6, 3, 3, style="F")
        pdf.set_xy(x + 4, y)
        pdf.cell(pdf.get_string_width(label) + 1, 4.2, label)
        x += 4 + pdf.get_string_width(label) + 6
    pdf.set_xy(pdf.l_margin, y + _LEGEND_H - 1)


def _bars_pieces(pdf: _Pdf, bars: list[Bar]) -> list[_Piece]:
    """The legend, then one group of bars per step, each kept whole on a page."""
    pdf.set_font(FONT, "B", 9)
    label_w = min(max(pdf.get_string_width(printable(b.label)) for b in bars) + 2 * pdf.c_margin + 2, pdf.epw * 0.3)
    pdf.set_font(FONT, "", _BAR_PT)
    kind_w = max(pdf.get_string_width(k) for k in (sv.BAR_PLANNED, sv.BAR_REPLANNED, sv.BAR_ACTUAL)) + 2
    figure_w = pdf.get_string_width(sv.BAR_NOT_RUN) + 2
    area = pdf.epw - label_w - kind_w - figure_w - 2
    scale_to = layout.longest(bars) or 1.0

    def height(bar: Bar) -> float:
        pdf.set_font(FONT, "B", 9)
        label = pdf.lines(label_w - 1, printable(bar.label)) * 4.2
        return max(label, len(_bar_kinds(bar)) * (_BAR_H + _BAR_GAP)) + 2.5

    def group(bar: Bar) -> None:
        top = pdf.get_y()
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(label_w - 1, 4.2, printable(bar.label), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        label_bottom = pdf.get_y()
        y = top
        x0 = pdf.l_margin + label_w + kind_w
        for kind in _bar_kinds(bar):
            value = kind.minutes
            pdf.set_font(FONT, "", _BAR_PT)
            pdf.set_text_color(_GREY)
            pdf.set_xy(pdf.l_margin + label_w, y - 0.35)
            pdf.cell(kind_w, _BAR_H + 0.7, kind.label.lower())
            length = 0.0
            if value is not None:
                length = area * value / scale_to
                # Actual time beyond the time allotted after re-planning is drawn apart.
                inside = area * min(value, bar.replanned_min) / scale_to if kind.actual else length
                pdf.set_fill_color(*kind.colour)
                if inside > 0:
                    pdf.rect(x0, y, inside, _BAR_H, style="F")
                if length > inside:
                    pdf.set_fill_color(*_OVER_RGB)
                    pdf.rect(x0 + inside, y, length - inside, _BAR_H, style="F")
            pdf.set_xy(x0 + length + 1, y - 0.35)
            if value is None:
                pdf.set_font(FONT, "I", _BAR_PT)
                pdf.cell(figure_w, _BAR_H + 0.7, sv.BAR_NOT_RUN)
            else:
                pdf.set_text_color(0)
                pdf.cell(figure_w, _BAR_H + 0.7, layout.minutes_text(value))
            pdf.set_text_color(0)
            y += _BAR_H + _BAR_GAP
        pdf.set_xy(pdf.l_margin, max(label_bottom, y) + 2.5)

    pieces = []
    heights = [height(bar) for bar in bars]
    # The last group never stands alone on a page: it goes with the one before.
    kept = [h + (heights[-1] if i == len(bars) - 2 else 0) for i, h in enumerate(heights)]
    for index, bar in enumerate(bars):
        needed = kept[index]

        def draw(bar: Bar = bar, needed: float = needed, first: bool = index == 0) -> None:
            if first:
                _legend(pdf, bars)
            else:
                pdf.keep(needed)
            group(bar)

        # The first group goes with the legend (and the heading).
        start = needed + (_LEGEND_H if index == 0 else 0)
        whole = heights[index] + (_LEGEND_H if index == 0 else 0)
        pieces.append(_Piece(lambda start=start: start, draw, lambda whole=whole: whole))
    return pieces


# Sections ----------------------------------------------------------------------------


def _paragraph_piece(pdf: _Pdf, text: str, lead: Callable[[], float] | None = None) -> _Piece:
    """A paragraph; with ``lead``, one that introduces what follows it (a list after a
    colon), kept whole on a page with the height ``lead`` gives."""

    def lines() -> int:
        pdf.set_font(FONT, "", pdf.body_pt)
        return pdf.lines(pdf.epw, text)

    def start() -> float:
        """At least two lines of a paragraph go with the heading."""
        if lead is not None:
            return lines() * pdf.line_h + lead()
        pdf.set_font(FONT, "", pdf.body_pt)
        one_line = "\n" not in text and pdf.get_string_width(text) <= pdf.epw - 2 * pdf.c_margin
        return pdf.line_h if one_line else _KEEP_LINES * pdf.line_h

    def draw() -> None:
        pdf.set_font(FONT, "", pdf.body_pt)
        if lead is not None:
            pdf.keep(start())
        pdf.flowing(text)
        pdf.ln(1)

    return _Piece(start, draw, lambda: lines() * pdf.line_h + 1)


def _item_pieces(pdf: _Pdf, items: list[str]) -> list[_Piece]:
    """The bullets of a list, each kept whole, and the last never alone on a page."""

    def height(text: str) -> float:
        pdf.set_font(FONT, "", pdf.body_pt)
        return pdf.lines(pdf.epw - 4, text) * pdf.line_h

    def kept(index: int) -> float:
        return height(items[index]) + (height(items[-1]) if index == len(items) - 2 else 0)

    def draw(index: int) -> None:
        text = items[index]
        pdf.set_font(FONT, "", pdf.body_pt)
        if pdf.room < _most_lines(pdf, text, pdf.epw - 4) * pdf.line_h + (
            _most_lines(pdf, items[-1], pdf.epw - 4) * pdf.line_h if index == len(items) - 2 else 0
        ):
            pdf.keep(kept(index))  # measured only near the foot of a page
        y = pdf.get_y()
        pdf.cell(4, pdf.line_h, "•")
        pdf.set_xy(pdf.l_margin + 4, y)
        pdf.multi_cell(pdf.epw - 4, pdf.line_h, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    return [
        _Piece(lambda i=i: kept(i), lambda i=i: draw(i), lambda i=i: height(items[i])) for i in range(len(items))
    ]


def _line_piece(pdf: _Pdf, text: str, style: str, colour: tuple[int, int, int] = (0, 0, 0)) -> _Piece:

    def start() -> float:
        pdf.set_font(FONT, style, pdf.body_pt)
        return pdf.lines(pdf.epw, text) * pdf.line_h

    def draw() -> None:
        pdf.set_font(FONT, style, pdf.body_pt)
        pdf.set_text_color(*colour)
        pdf.keep(start())
        pdf.text_block(text)
        pdf.set_text_color(0)
        pdf.set_font(FONT, "", pdf.body_pt)

    return _Piece(start, draw, start)


def _pieces(pdf: _Pdf, section: Section) -> list[_Piece]:
    items = _item_pieces(pdf, [printable(i) for i in section.items])
    count = len(section.paragraphs)
    pieces = [
        _paragraph_piece(pdf, printable(p), items[0].start if items and i == count - 1 else None)
        for i, p in enumerate(section.paragraphs)
    ]
    pieces += items
    if section.table is not None and section.table.rows:
        pieces.append(_table_piece(pdf, section.table))
    if section.bars:
        pieces += _bars_pieces(pdf, section.bars)
    pieces += [
        _line_piece(pdf, printable(f"{sv.MISSING_PREFIX}: {m}"), "B", _MISSING_RGB) for m in section.missing
    ]
    return pieces


_HEADING_PT = {1: 12.0, 2: 10.5}
"""A section's heading, and a part's under it (Nulägesbeskrivning, the insatser per huvudman)."""


def _heading_height(pdf: _Pdf, section: Section) -> float:
    pdf.set_font(FONT, "B", _HEADING_PT.get(section.level, 10.5) * pdf.scale)
    return 2 + pdf.lines(pdf.epw, printable(section.heading)) * 6 * pdf.scale


def _first_height(pdf: _Pdf, section: Section, pieces: list[_Piece], after: Section | None) -> float:
    """How much must fit under the heading: its first piece, or (a heading over parts
    with nothing of its own) the first part's heading and first piece."""
    if pieces:
        return pieces[0].start()
    if section.heading_only and after is not None:
        following = _pieces(pdf, after)
        return _heading_height(pdf, after) + (following[0].start() if following else pdf.line_h)
    return pdf.line_h


def _section(pdf: _Pdf, section: Section, after: Section | None = None, rest: float = 0.0) -> None:
    """A section; ``rest`` is the height of what follows it to the end of the document,
    for the part of it that the signatures agree to (``Section.signed_from``)."""
    pieces = _pieces(pdf, section)
    heading = printable(section.heading)
    heading_height = _heading_height(pdf, section)
    # The heading goes where what follows it starts (a heading with nothing under it
    # still keeps a line's room, for the next heading not to follow it on a new page).
    if section.signed_from == 0:
        _keep_signed(pdf, heading_height + sum(p.height() for p in pieces) + rest)
    pdf.keep(heading_height + _first_height(pdf, section, pieces, after))
    pdf.ln((2 if section.level == 1 else 1) * pdf.scale)
    pdf.set_font(FONT, "B", _HEADING_PT.get(section.level, 10.5) * pdf.scale)
    pdf.multi_cell(pdf.epw, 6 * pdf.scale, heading, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for index, piece in enumerate(pieces):
        if index and index == section.signed_from:
            _keep_signed(pdf, sum(p.height() for p in pieces[index:]) + rest)
        piece.draw()


def _keep_signed(pdf: _Pdf, height: float) -> None:
    """What the signatures agree to stands on one page with them, when it fits on one."""
    if height <= pdf.page_break_trigger - pdf.body_top:
        pdf.keep(height)


def _section_height(pdf: _Pdf, section: Section) -> float:
    return (2 if section.level == 1 else 1) * pdf.scale + _heading_height(pdf, section) + sum(
        p.height() for p in _pieces(pdf, section)
    )


# Signatures --------------------------------------------------------------------------

_SIGN_SPACE = 12.0
"""Room above each signature line to write in."""
_COLUMN_GAP = 8.0


def _signer_height(pdf: _Pdf, signer: Signer, width: float, hint: str) -> float:
    pdf.set_font(FONT, "B", 9.5)
    name = pdf.lines(width, printable(signer.name)) * 4.5
    pdf.set_font(FONT, "", 8.5)
    under = sum(pdf.lines(width, printable(line)) * 4 for line in layout.signer_lines(signer, hint))
    return _SIGN_SPACE + 1 + name + under + 0.5


def _signer(pdf: _Pdf, signer: Signer, x: float, y: float, width: float, hint: str) -> None:
    """The empty line where the pen signs, the name, title, roles and organisation under
    it, and "Ort och datum"; for someone who took part from a distance no line, and the
    oral approval in its place."""
    line_y = y + _SIGN_SPACE
    if not signer.oral:
        pdf.set_draw_color(0)
        pdf.line(x, line_y, x + width, line_y)
    pdf.set_xy(x, line_y + 1)
    pdf.set_font(FONT, "B", 9.5)
    pdf.multi_cell(width, 4.5, printable(signer.name), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 8.5)
    pdf.set_text_color(_GREY)
    for line in layout.signer_lines(signer, hint):
        pdf.multi_cell(width, 4, printable(line), align="L", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(0)


def _signature_rows(pdf: _Pdf, document: SipDocument):
    """The width of a column, the signers two by two, each pair's height, and the
    heading's height."""
    width = (pdf.epw - _COLUMN_GAP) / 2
    pairs = [document.signers[i : i + 2] for i in range(0, len(document.signers), 2)]
    heights = [max(_signer_height(pdf, s, width, document.signature_hint) for s in pair) for pair in pairs]
    pdf.set_font(FONT, "B", 12)
    heading_height = 4 + pdf.lines(pdf.epw, printable(document.signature_heading)) * 6
    return width, pairs, heights, heading_height


def _signatures_height(pdf: _Pdf, document: SipDocument) -> float:
    if not document.signers:
        return 0.0
    _, _, heights, heading_height = _signature_rows(pdf, document)
    return heading_height + sum(heights)


def _signatures(pdf: _Pdf, document: SipDocument) -> None:
    """Two signature lines a row; the whole block on one page when it fits on one, and
    never the heading without the first row under it."""
    if not document.signers:
        return
    width, pairs, heights, heading_height = _signature_rows(pdf, document)
    heading = printable(document.signature_heading)
    whole = heading_height + sum(heights)
    page = pdf.page_break_trigger - pdf.body_top
    pdf.keep(whole if whole <= page else heading_height + heights[0])
    pdf.ln(4)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(pdf.epw, 6, heading, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for pair, height in zip(pairs, heights, strict=True):
        pdf.keep(height)
        y = pdf.get_y()
        for column, signer in enumerate(pair):
            _signer(pdf, signer, pdf.l_margin + column * (width + _COLUMN_GAP), y, width, document.signature_hint)
        pdf.set_xy(pdf.l_margin, y + height)


def to_pdf(document: SipDocument) -> bytes:
    pdf = _Pdf(document)
    pdf.add_page()
    pdf.set_font(FONT, "B", 17 * pdf.scale)
    pdf.text_block(printable(document.title), 8 * pdf.scale)
    if document.subtitle:
        pdf.set_font(FONT, "", pdf.body_pt - 1)
        pdf.text_block(printable(document.subtitle), 4.6 * pdf.scale)
        pdf.ln(1)
    pdf.ln(1)
    pdf.set_font(FONT, "B", pdf.body_pt)
    label_w = max((pdf.get_string_width(printable(label)) for label, _ in document.facts), default=0) + 4
    for label, value in document.facts:
        y = pdf.get_y()
        pdf.set_font(FONT, "B", pdf.body_pt)
        pdf.multi_cell(label_w, 5.5 * pdf.scale, printable(label), align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_font(FONT, "", pdf.body_pt)
        pdf.set_xy(pdf.l_margin + label_w, y)
        pdf.multi_cell(pdf.epw - label_w, 5.5 * pdf.scale, printable(value), align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    paper = document.paper
    for index, section in enumerate(paper):
        rest = 0.0
        if section.signed_from is not None:
            rest = sum(_section_height(pdf, s) for s in paper[index + 1 :]) + _signatures_height(pdf, document)
        _section(pdf, section, paper[index + 1] if index + 1 < len(paper) else None, rest)
    _signatures(pdf, document)
    return bytes(pdf.output())
