"""The SIP as an A4 PDF, ready to sign in the room.

Source Sans Pro (SIL OFL, shipped by the ``font-source-sans-pro`` package) is embedded,
so å ä ö and names such as Đorđević, Şahin or Łukasz print on any machine. A character
the font lacks is printed as "?" rather than stopping the export.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from facilitator import strings as sv
from facilitator.agenda.sipview import Section, SipDocument

FONT = "SourceSans"
_MARGIN = 18


@lru_cache(maxsize=1)
def _font_files() -> dict[str, Path]:
    import font_source_sans_pro

    folder = Path(font_source_sans_pro.font_directory)
    return {
        "": folder / "SourceSansPro-Regular.ttf",
        "B": folder / "SourceSansPro-Bold.ttf",
        "I": folder / "SourceSansPro-It.ttf",
    }


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(_font_files()[""]), lazy=True) as font:
        return frozenset(font.getBestCmap())


def printable(text: str) -> str:
    """``text`` with every character the embedded font cannot draw replaced by "?"."""
    covered = _covered()
    return "".join(ch if ord(ch) in covered or ch in "\n\t" else "?" for ch in text)


class _Pdf(FPDF):
    def __init__(self, document: SipDocument):
        super().__init__(orientation="P", unit="mm", format="A4")
        self.document = document
        for style, path in _font_files().items():
            self.add_font(FONT, style, str(path))
        self.set_margins(_MARGIN, _MARGIN, _MARGIN)
        self.set_auto_page_break(True, margin=_MARGIN + 4)
        self.alias_nb_pages("{nb}")
        self.set_title(printable(document.title))
        self.set_creator("facilitator")

    def header(self) -> None:
        self.set_font(FONT, "", 8)
        self.set_text_color(90)
        self.cell(0, 5, printable(self.document.header_line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)
        self.set_text_color(0)

    def footer(self) -> None:
        self.set_y(-_MARGIN)
        self.set_font(FONT, "I", 8)
        self.set_text_color(90)
        self.cell(0, 4, printable(self.document.confidential), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, sv.PAGE_OF.format(page=self.page_no(), pages="{nb}"), align="R")
        self.set_text_color(0)


def _section(pdf: _Pdf, section: Section) -> None:
    width = pdf.epw
    pdf.ln(2)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(width, 6, printable(section.heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 10.5)
    for paragraph in section.paragraphs:
        pdf.multi_cell(width, 5, printable(paragraph), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1)
    for item in section.items:
        pdf.multi_cell(width, 5, printable("• " + item), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    if section.table is not None and section.table.rows:
        pdf.ln(1)
        pdf.set_font(FONT, "", 9)
        with pdf.table(
            text_align="LEFT",
            line_height=4.5,
            headings_style=_headings(),
            first_row_as_headings=True,
        ) as table:
            table.row([printable(h) for h in section.table.header])
            for values in section.table.rows:
                table.row([printable(v) for v in values])
        pdf.set_font(FONT, "", 10.5)
    if not (section.paragraphs or section.items or (section.table and section.table.rows)):
        pdf.set_font(FONT, "I", 10.5)
        pdf.multi_cell(width, 5, sv.NOT_STATED, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 10.5)
    for missing in section.missing:
        pdf.set_font(FONT, "B", 10.5)
        pdf.set_text_color(160, 0, 0)
        pdf.multi_cell(width, 5, printable(f"{sv.MISSING_PREFIX}: {missing}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(0)
        pdf.set_font(FONT, "", 10.5)


def _headings():
    from fpdf.fonts import FontFace

    return FontFace(family=FONT, emphasis="BOLD", fill_color=(230, 230, 230))


def _signatures(pdf: _Pdf, document: SipDocument) -> None:
    if not document.signers:
        return
    pdf.ln(3)
    pdf.set_font(FONT, "B", 12)
    pdf.cell(0, 6, printable(document.signature_heading), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    half = (pdf.epw - 8) / 2
    for index, signer in enumerate(document.signers):
        name, role = signer.name, signer.role
        if pdf.get_y() > pdf.h - _MARGIN - 30:
            pdf.add_page()
        column = index % 2
        if column == 0:
            pdf.ln(12)
            y = pdf.get_y()
        x = pdf.l_margin + column * (half + 8)
        pdf.line(x, y, x + half, y)
        pdf.set_xy(x, y + 1)
        pdf.set_font(FONT, "", 9)
        pdf.cell(half, 4, printable(name), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_x(x)
        pdf.set_text_color(90)
        pdf.cell(half, 4, printable(f"{role} · {document.signature_hint}"), new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_text_color(0)
        pdf.set_xy(pdf.l_margin, y + 10)


def to_pdf(document: SipDocument) -> bytes:
    pdf = _Pdf(document)
    pdf.add_page()
    pdf.set_font(FONT, "B", 17)
    pdf.multi_cell(pdf.epw, 8, printable(document.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)
    pdf.set_font(FONT, "", 10.5)
    for label, value in document.facts:
        pdf.set_font(FONT, "B", 10.5)
        pdf.cell(34, 5.5, printable(label))
        pdf.set_font(FONT, "", 10.5)
        pdf.multi_cell(pdf.epw - 34, 5.5, printable(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for section in document.paper:
        _section(pdf, section)
    _signatures(pdf, document)
    return bytes(pdf.output())
