"""The SIP (and every document built as a ``SipDocument``) as a Word document with real
headings and tables, for the journal system.

Laid out like the PDF: A4 with the same margins, the same header line, the
confidentiality line and "Sida n av m" (PAGE and NUMPAGES fields) in the footer,
headings kept with what follows, table columns sized from their content. Swedish
(sv-SE) is the language of the document and of every style, so Word checks the
spelling in Swedish.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph

from facilitator import strings as sv
from facilitator.export import layout
from facilitator.export.fonts import text_width
from facilitator.views.sipview import Bar, Section, Signer, SipDocument, Table

LANGUAGE = "sv-SE"
_TEXT_WIDTH = layout.PAGE_WIDTH_MM - 2 * layout.MARGIN_MM
_TABLE_PT = (9.0, 8.5, 8.0, 7.5, 7.0)
_CELL_MARGIN_MM = 1.9
"""Word's default left and right cell margin (0.08 in)."""
_SAFETY_MM = 1.0
_WIDER = 1.02
"""Word sets the text in Calibri, measured here with the metrics of Carlito (the same
widths; LibreOffice puts Carlito in its place where Calibri is not installed), and this
much wider against rounding, so that no word is broken inside a column."""
BODY_FONT = "Calibri"
PROGRAM = "facilitator"
_BLACK = RGBColor(0, 0, 0)
_BODY_PT = 10.5
_GREY = RGBColor(0x5A, 0x5A, 0x5A)
_MISSING = RGBColor(0xA0, 0, 0)
_BAR_COLOURS = {"█": RGBColor(0x1E, 0x5F, 0x78), "░": RGBColor(0xB9, 0xB9, 0xB9), "▓": RGBColor(0xD7, 0x6E, 0x1E)}

# Word cannot hold C0 controls in its XML; the models never contain them, but a
# document from an older file might: drop them rather than fail.
_XML_SAFE = {i: None for i in range(32) if chr(i) not in "\t\n\r"}


def _safe(text: str) -> str:
    return text.translate(_XML_SAFE)


# The page, the language, header and footer -------------------------------------------


def _page(word: WordDocument) -> None:
    section = word.sections[0]
    section.page_width = Mm(layout.PAGE_WIDTH_MM)
    section.page_height = Mm(layout.PAGE_HEIGHT_MM)
    section.left_margin = section.right_margin = Mm(layout.MARGIN_MM)
    section.header_distance = Mm(layout.MARGIN_MM)
    section.top_margin = Mm(layout.MARGIN_MM + layout.HEADER_MM)
    section.bottom_margin = Mm(layout.BOTTOM_MM)
    section.footer_distance = Mm(layout.FOOTER_MM)
    # The template's header and footer tab stops are set for US Letter.
    for name in ("Header", "Footer"):
        tabs = word.styles[name].element.find(qn("w:pPr") + "/" + qn("w:tabs"))
        if tabs is not None:
            for tab, position in zip(tabs, (_TEXT_WIDTH / 2, _TEXT_WIDTH), strict=False):
                tab.set(qn("w:pos"), str(Mm(position).twips))


def _body_font(word: WordDocument) -> None:
    """A sans-serif like the PDF's (the template's body font is Cambria), at its size."""
    normal = word.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(_BODY_PT)
    normal.paragraph_format.space_after = Pt(4)
    # Widow and orphan control (layout.KEEP_LINES), whatever the reader's defaults.
    normal.paragraph_format.widow_control = True
    # Headings and title closer to the PDF's than the template's airy ones.
    heading = word.styles["Heading 1"]
    heading.paragraph_format.space_before = Pt(12)
    heading.paragraph_format.space_after = Pt(2)
    heading.font.size = Pt(13)
    part = word.styles["Heading 2"]  # a part under a section: Nulägesbeskrivning's accounts
    part.paragraph_format.space_before = Pt(8)
    part.paragraph_format.space_after = Pt(2)
    part.font.size = Pt(11)
    title = word.styles["Title"]
    title.font.size = Pt(20)
    title.paragraph_format.space_after = Pt(8)
    # Black like the PDF's, not the template's blue; the title's rule under it too.
    for style in (title, heading, part):
        style.font.color.rgb = _BLACK
    for border in title.element.iter(qn("w:bottom")):
        border.set(qn("w:color"), "000000")
        border.attrib.pop(qn("w:themeColor"), None)


def _properties(word: WordDocument, document: SipDocument, now: datetime) -> None:
    """The document's properties: its title, made by this program now, in Swedish (the
    template's say python-docx, 2013 and Microsoft Macintosh Word, with its thumbnail)."""
    from facilitator import __version__

    properties = word.core_properties
    properties.title = _safe(document.title)
    properties.author = PROGRAM
    properties.last_modified_by = PROGRAM
    properties.comments = ""
    properties.revision = 1
    properties.created = properties.modified = now.replace(microsecond=0, tzinfo=None)
    properties.language = LANGUAGE
    package = word.part.package
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            element = parse_xml(part.blob)
            for child in list(element):
                name = child.tag.rsplit("}", 1)[-1]
                if name == "Application":
                    child.text = f"{PROGRAM} {__version__}"
                elif name in ("AppVersion", "Template"):
                    # Word's own version ("14.0000") and its template: not this program's.
                    element.remove(child)
            part._blob = serialize_part_xml(element)
    for key, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del package.rels[key]


def _set_language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _language(word: WordDocument) -> None:
    """Swedish on the document's defaults, on every style that names a language, in
    the theme's font language and in the properties."""
    styles = word.styles.element
    parent = styles
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr"):
        child = parent.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            parent.insert(0, child) if tag == "w:docDefaults" else parent.append(child)
        parent = child
    _set_language(parent)
    for lang in styles.iter(qn("w:lang")):
        _set_language(lang.getparent())
    settings = word.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        settings.append(theme)
    theme.set(qn("w:val"), LANGUAGE)
    word.core_properties.language = LANGUAGE
    # The template also carries the styles for Word 2010 in a part python-docx keeps as
    # bytes: its languages are set the same way.
    for part in word.part.package.iter_parts():
        if str(part.partname).endswith("/stylesWithEffects.xml"):
            element = parse_xml(part.blob)
            for lang in element.iter(qn("w:lang")):
                _set_language(lang.getparent())
            part._blob = serialize_part_xml(element)


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A field Word computes (PAGE, NUMPAGES), with ``shown`` until it does."""

    def run_with(child) -> None:
        run = paragraph.add_run()
        run.italic = True
        run.font.size = Pt(8)
        run.font.color.rgb = _GREY
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    run_with(code)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    _small(paragraph, shown, italic=True)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _small(paragraph: Paragraph, text: str, italic: bool = False, size: float = 8) -> None:
    run = paragraph.add_run(text)
    run.italic = italic
    run.font.size = Pt(size)
    run.font.color.rgb = _GREY


def _header_footer(word: WordDocument, document: SipDocument) -> None:
    section = word.sections[0]
    header = section.header.paragraphs[0]
    _small(header, _safe(document.header_line))
    footer = section.footer.paragraphs[0]
    # The page number at the right margin: the style's centre tab cleared in this line.
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(_TEXT_WIDTH / 2), WD_TAB_ALIGNMENT.CLEAR)
    footer.paragraph_format.tab_stops.add_tab_stop(Mm(_TEXT_WIDTH), WD_TAB_ALIGNMENT.RIGHT)
    _small(footer, _safe(document.confidential) + "\t", italic=True)
    # "Sida {page} av {pages}": the words as the string has them, the numbers as fields.
    for part in re.split(r"(\{page\}|\{pages\})", sv.PAGE_OF):
        if part == "{page}":
            _field(footer, "PAGE", "1")
        elif part == "{pages}":
            _field(footer, "NUMPAGES", "1")
        elif part:
            _small(footer, part, italic=True)


# Tables ------------------------------------------------------------------------------


def _widths(header: list[str], rows: list[list[str]], size: float, squeeze: bool = False) -> list[float] | None:
    return layout.column_widths(
        header,
        rows,
        _TEXT_WIDTH,
        lambda text: _WIDER * text_width(text, size),
        lambda text: _WIDER * text_width(text, size, bold=True),
        2 * _CELL_MARGIN_MM + _SAFETY_MM,
        squeeze=squeeze,
    )


def _fit(header: list[str], rows: list[list[str]]) -> tuple[float, list[float]]:
    """The largest table font size at which every column holds its longest word, and
    the columns' widths in millimetres (``layout.column_widths``)."""
    for size in _TABLE_PT:
        widths = _widths(header, rows, size)
        if widths is not None:
            return size, widths
    # Words too long for the page: some break, at the smallest size.
    squeezed = _widths(header, rows, _TABLE_PT[-1], squeeze=True)
    assert squeezed is not None
    return _TABLE_PT[-1], squeezed


def _fixed_widths(table: WordTable, widths: list[float]) -> None:
    table.autofit = False  # a fixed layout: Word keeps the widths
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Mm(width)


def _row_options(row, heading: bool = False) -> None:
    """A row is never split across pages; the heading row repeats on each page."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if heading:
        properties.append(OxmlElement("w:tblHeader"))


def _cell_text(cell, text: str, size: float, bold: bool = False, keep: bool = False) -> Paragraph:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(_safe(text))
    run.bold = bold
    run.font.size = Pt(size)
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(1)
    if keep:
        paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _table(word: WordDocument, table: Table) -> None:
    header = list(table.header)
    rows = [list(r) for r in table.rows]
    size, widths = _fit(header, rows)
    drawn = _grid(word, header, size)
    drawn.alignment = WD_TABLE_ALIGNMENT.LEFT
    for values in rows:
        row = drawn.add_row()
        _row_options(row)
        for cell, value in zip(row.cells, values, strict=True):
            _cell_text(cell, value, size)
    _fixed_widths(drawn, widths)


def _grid(word: WordDocument, header: list[str], size: float):
    """A bordered table with its heading row (shaded, repeated on every page)."""
    drawn = word.add_table(rows=1, cols=len(header))
    drawn.style = "Table Grid"
    _row_options(drawn.rows[0], heading=True)
    for cell, title in zip(drawn.rows[0].cells, header, strict=True):
        _cell_text(cell, title, size, bold=True, keep=True)
        _shade(cell, "E6E6E6")
    return drawn


def _shade(cell, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


def _bars(word: WordDocument, bars: list[Bar]) -> None:
    """The bars as a table: step, planned, re-planned, actual minutes, and the step as a
    bar of block characters, coloured (and distinct in grey print)."""
    header = list(sv.BAR_COLUMNS)
    rows = layout.bar_rows(bars)
    size, widths = _fit(header, rows)
    drawn = _grid(word, header, size)
    for values in rows:
        row = drawn.add_row()
        _row_options(row)
        *figures, bar = values
        for cell, value in zip(row.cells, figures, strict=False):
            _cell_text(cell, value, size)
        paragraph = row.cells[-1].paragraphs[0]
        paragraph.paragraph_format.space_before = Pt(1)
        paragraph.paragraph_format.space_after = Pt(1)
        for match in re.finditer(r"(.)\1*", bar):
            run = paragraph.add_run(match.group(0))
            run.font.size = Pt(size)
            run.font.color.rgb = _BAR_COLOURS[match.group(1)]
    _fixed_widths(drawn, widths)
    legend = word.add_paragraph()
    _small(legend, sv.BAR_TEXT_LEGEND, size=8)


# Sections and signatures -------------------------------------------------------------


def _heading(word: WordDocument, text: str, level: int = 1) -> Paragraph:
    heading = word.add_heading(_safe(text), level=level)
    heading.paragraph_format.keep_with_next = True
    return heading


def _section(word: WordDocument, part: Section, keeping: bool = False) -> bool:
    """The section; from ``Section.signed_from`` on (or throughout, with ``keeping``)
    each paragraph is kept with the next, so that what the signatures agree to stands
    on one page with them. Returns whether that has begun."""
    _heading(word, part.heading, part.level)
    written: list[Paragraph] = []
    for index, paragraph in enumerate(part.paragraphs):
        keeping = keeping or index == part.signed_from
        written.append(word.add_paragraph(_safe(paragraph)))
        if keeping:
            written[-1].paragraph_format.keep_with_next = True
    for item in part.items:
        written.append(word.add_paragraph(_safe(item), style="List Bullet"))
    if part.table is not None and part.table.rows:
        _table(word, part.table)
    if part.bars:
        _bars(word, part.bars)
    for missing in part.missing:
        written.append(word.add_paragraph())
        run = written[-1].add_run(_safe(f"{sv.MISSING_PREFIX}: {missing}"))
        run.bold = True
        run.font.color.rgb = _MISSING
    if keeping:
        for paragraph in written:
            paragraph.paragraph_format.keep_with_next = True
    return keeping


def _line_above(paragraph: Paragraph) -> None:
    """The signature line: a border above the name, with room to write above it."""
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().append(borders)


def _signer(cell, signer: Signer, hint: str, keep: bool) -> None:
    """The line to sign on (none for an oral approval), the name, and what stands under it."""
    name = cell.paragraphs[0]
    name.paragraph_format.space_before = Pt(30)
    name.paragraph_format.space_after = Pt(0)
    name.paragraph_format.keep_with_next = True
    if not signer.oral:
        _line_above(name)
    run = name.add_run(_safe(signer.name))
    run.bold = True
    run.font.size = Pt(9.5)
    lines = layout.signer_lines(signer, hint)
    for index, text in enumerate(lines):
        paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        if keep or index < len(lines) - 1:
            paragraph.paragraph_format.keep_with_next = True
        run = paragraph.add_run(_safe(text))
        run.font.size = Pt(8.5)
        run.font.color.rgb = _GREY


def _signatures(word: WordDocument, document: SipDocument) -> None:
    """Two signature lines a row, kept together with the heading."""
    if not document.signers:
        return
    _heading(word, document.signature_heading)
    pairs = [document.signers[i : i + 2] for i in range(0, len(document.signers), 2)]
    table = word.add_table(rows=0, cols=2)
    half = (_TEXT_WIDTH - 8) / 2
    for number, pair in enumerate(pairs):
        row = table.add_row()
        _row_options(row)
        for cell, signer in zip(row.cells, pair, strict=False):
            _signer(cell, signer, document.signature_hint, keep=number < len(pairs) - 1)
    _fixed_widths(table, [half + 4, half + 4])


def to_docx(document: SipDocument, now: datetime | None = None) -> bytes:
    """The document as a Word file, its properties dated ``now`` (the time of export)."""
    word = Document()
    _properties(word, document, now or datetime.now(UTC))
    _page(word)
    _body_font(word)
    _language(word)
    _header_footer(word, document)
    word.add_heading(_safe(document.title), level=0)
    if document.subtitle:
        word.add_paragraph(_safe(document.subtitle))
    facts = word.add_table(rows=0, cols=2)
    for label, value in document.facts:
        cells = facts.add_row().cells
        cells[0].paragraphs[0].add_run(_safe(label)).bold = True
        cells[1].paragraphs[0].add_run(_safe(value))
        for cell in cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(1)
    if document.facts:
        label_w = (
            max(_WIDER * text_width(label, _BODY_PT, bold=True) for label, _ in document.facts)
            + 2 * _CELL_MARGIN_MM
            + _SAFETY_MM
        )
        _fixed_widths(facts, [label_w, _TEXT_WIDTH - label_w])
    keeping = False
    for part in document.paper:
        keeping = _section(word, part, keeping)
    _signatures(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
