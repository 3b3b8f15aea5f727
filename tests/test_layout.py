"""The layout of the paper documents: columns sized from their content, no word broken,
headings kept with what follows, signatures with their marks, bars with their figures,
and the Word document on A4 in Swedish with page numbers. Documents are built directly
as ``SipDocument`` where that is simplest, and every export is read back."""

import io
import re

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from facilitator import strings as sv
from facilitator.export import layout
from facilitator.export.docx import to_docx
from facilitator.export.markdown import render
from facilitator.export.pdf import FONT, _Pdf, fit_columns, to_pdf
from facilitator.views.sipview import Bar, Section, Signer, SipDocument, Table

HEADER = "SIP – Åsa Öberg-Şahin – Inledande möte 2026-03-24"
LONG_WORD = "koncentrationssvårigheter"


def _document(sections, signers=(), facts=(("Barn/ungdom", "Åsa Öberg-Şahin"),)) -> SipDocument:
    return SipDocument("Samordnad individuell plan (SIP)", list(facts), list(sections), list(signers), HEADER)


def _actions(what: str) -> Table:
    return Table(
        list(sv.ACTION_COLUMNS),
        [
            [what, "Đorđe Đorđević", "Socialtjänsten, barn och unga", "kommun", "2026-05-01", "planerad"],
            ["Samtalskontakt varje vecka", "Łukasz Wójcik", "BUP Norra", "region", "", "pågår"],
        ],
    )


def _pages(data: bytes) -> list[list[str]]:
    """Each page's lines of body text: without the header line and the footer."""
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        pages.append(
            [
                line
                for line in lines
                if line != HEADER and sv.CONFIDENTIAL not in line and not re.fullmatch(r"Sida \d+ av \d+", line)
            ]
        )
    return pages


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# Column widths: a pure function -------------------------------------------------------


def test_columns_follow_their_content():
    header = ["Vad", "Vem", "Klart senast"]
    rows = [
        ["Anpassat schema med kortare dagar och stöd vid " + LONG_WORD + " under lektionerna", "Karin", "2026-05-01"],
        ["Samtalskontakt", "Łukasz Wójcik", ""],
    ]
    widths = layout.column_widths(header, rows, 80, measure=len, padding=2)
    assert widths is not None
    assert sum(widths) == pytest.approx(80)
    what, who, due = widths
    # The date (under its heading) and the names fit on one line and get just that;
    # "Vad" gets the rest.
    assert due == pytest.approx(len("Klart senast") + 2)
    assert who == pytest.approx(len("Łukasz Wójcik") + 2)
    assert what > 3 * due
    # No column narrower than its longest word.
    assert what >= len(LONG_WORD) + 2


def test_columns_never_narrower_than_their_longest_word():
    header = ["Vad", "Status"]
    rows = [["ett " + LONG_WORD, "planerad"], ["x " * 60, "pågår"]]
    widths = layout.column_widths(header, rows, 40, measure=len)
    assert widths is not None and sum(widths) == pytest.approx(40)
    assert widths[0] >= len(LONG_WORD) and widths[1] >= len("planerad")


def test_columns_that_cannot_hold_their_words_ask_for_a_smaller_font():
    assert layout.column_widths(["Vad", "Vem"], [[LONG_WORD, LONG_WORD]], 40, measure=len) is None


def test_words_break_where_a_line_may_break():
    assert layout.words("Åsa\u00a0Öberg-Şahin  går\them\nnu") == ["Åsa\u00a0Öberg-Şahin", "går", "hem", "nu"]


def test_words_too_long_for_the_page_are_squeezed_in_proportion():
    widths = layout.column_widths(["A", "B"], [["x" * 30, "y" * 10]], 20, measure=len, squeeze=True)
    assert widths == pytest.approx([15, 5])


def test_spare_room_goes_to_each_column_by_its_width():
    assert layout.distribute([2, 2], [10, 30], 80) == pytest.approx([20, 60])
    assert layout.distribute([], [], 80) == []


def test_the_heading_is_measured_with_its_own_font():
    header, rows = ["Klart senast", "Vad"], [["2026-05-01", "lång text " * 10]]
    plain = layout.column_widths(header, rows, 60, measure=len)
    bold = layout.column_widths(header, rows, 60, measure=len, heading_measure=lambda t: 2 * len(t))
    assert plain is not None and bold is not None
    assert plain[0] == pytest.approx(len("Klart senast"))
    assert bold[0] == pytest.approx(2 * len("Klart senast"))


# Minutes and bars as text -------------------------------------------------------------


def test_minutes_as_swedes_write_them():
    assert layout.minutes(12) == "12"
    assert layout.minutes(7.5) == "7,5"
    assert layout.minutes(17.24) == "17,2"
    assert layout.minutes_text(0) == "0 min"


def test_text_bars_are_scaled_to_the_longest_value():
    within = Bar("Frågestund", 10, 10, 5)
    over = Bar("Dialog", 10, 10, 20)
    not_run = Bar("Avslutning", 10, 5, None)
    assert layout.longest([within, over, not_run]) == 20
    assert layout.text_bar(over, 20) == "█" * 10 + "▓" * 10
    assert layout.text_bar(within, 20) == "█" * 5 + "░" * 5
    # A step that has not run shows the time it was given after re-planning.
    assert layout.text_bar(not_run, 20) == "░" * 5
    assert len(layout.text_bar(over, 20)) == layout.TEXT_BAR_CELLS
    assert layout.text_bar(Bar("Kort", 10, 10, 0.1), 20) == "█" + "░" * 9


def test_bar_rows_show_re_planning_only_when_it_changed_the_time():
    rows = layout.bar_rows([Bar("Dialog", 15, 20, 19.0), Bar("Frågestund", 10, 10, None)])
    assert rows[0][:4] == ["Dialog", "15 min", "20 min", "19 min"]
    assert rows[1][:4] == ["Frågestund", "10 min", "–", sv.BAR_NOT_RUN]


ORAL = "Godkänt muntligt 2026-03-24, antecknat av Ana Đorđević"


def test_under_a_signature_line_stand_title_roles_and_place_and_date():
    assert layout.signer_lines(Signer("Mia Öberg", "vårdnadshavare"), "Ort och datum") == [
        "vårdnadshavare",
        "Ort och datum",
    ]
    assert layout.signer_lines(Signer("Karin Lund", "lots, BUP", "kurator"), "Ort och datum") == [
        "kurator",
        "lots, BUP",
        "Ort och datum",
    ]
    # From a distance: the oral approval instead of the place and date of a pen.
    assert layout.signer_lines(Signer("Sara Lind", "verksamhetsaktör", oral=ORAL), "Ort och datum") == [
        "verksamhetsaktör",
        ORAL,
    ]


# PDF ---------------------------------------------------------------------------------


def test_a_long_word_in_the_what_column_comes_back_whole():
    what = f"Anpassat schema med stöd vid {LONG_WORD} och uppföljning varannan vecka"
    data = to_pdf(_document([Section(sv.SECTION_ACTIONS, table=_actions(what))]))
    text = _text(data)
    assert LONG_WORD in text
    assert "Socialtjänsten," in text and "2026-05-01" in text


def test_a_table_too_tight_for_its_words_gets_a_smaller_font_not_broken_words():
    table = Table([f"Kolumn {i}" for i in range(6)], [[LONG_WORD] * 6])
    pdf = _Pdf(_document([]))
    size, widths = fit_columns(pdf, table, pdf.epw)
    assert size < 9
    pdf.set_font(FONT, "", size)
    assert all(width > pdf.get_string_width(LONG_WORD) for width in widths)
    text = _text(to_pdf(_document([Section(sv.SECTION_ACTIONS, table=table)])))
    assert text.count(LONG_WORD) == 6


def test_the_what_column_is_wider_than_the_date_column_in_the_pdf():
    pdf = _Pdf(_document([]))
    _, widths = fit_columns(pdf, _actions(f"Anpassat schema med stöd vid {LONG_WORD} varannan vecka"), pdf.epw)
    assert widths[0] > 2 * widths[4]
    assert sum(widths) == pytest.approx(pdf.epw)


def _headings_everywhere(rest: bool = True) -> SipDocument:
    """On the first page 44 lines, which leave room at the foot for a heading but not
    for the line under it; then (``rest``) sections of 1 to 14 lines, each followed by a
    heading whose section holds only "Saknas: …", so headings fall at many heights of a
    page; then a table and the signatures."""
    sections = [
        Section("Fyllnad 0", ["\n".join(f"Rad {n}" for n in range(1, 45))]),
        Section("Rubrik 0", missing=["Lots 0"]),
    ]
    for size in range(1, 15 if rest else 1):
        sections.append(Section(f"Fyllnad {size}", ["\n".join(f"Rad {size}.{n}" for n in range(1, size + 1))]))
        sections.append(Section(f"Rubrik {size}", missing=[f"Lots {size}"]))
    sections.append(Section(sv.SECTION_ACTIONS, table=_actions("Anpassat schema")))
    signers = [Signer(name, "verksamhetsaktör, BUP") for name in ("Anna", "Bertil", "Cecilia", "David", "Erik")]
    return _document(sections, signers, facts=())


def _stranded(pages: list[list[str]]) -> list[str]:
    """The pages whose last line is a heading, or whose "Saknas" line is on another
    page than its heading."""
    found = []
    for number, page in enumerate(pages):
        last = page[-1]
        if re.fullmatch(r"(Fyllnad|Rubrik) \d+", last) or last in (sv.SECTION_ACTIONS, sv.SECTION_SIGNATURES):
            found.append(f"page {number + 1} ends with {last!r}")
        for line in page:
            match = re.fullmatch(r"Rubrik (\d+)", line)
            if match and f"Saknas: Lots {match[1]}" not in page:
                found.append(f"{line!r} without its Saknas line on page {number + 1}")
    return found


def test_a_heading_is_never_the_last_line_of_a_page(monkeypatch):
    pages = _pages(to_pdf(_headings_everywhere()))
    assert len(pages) >= 3
    assert _stranded(pages) == []
    assert pages[1][0] == "Rubrik 0"
    # Without keeping headings with what follows, the same document strands a heading
    # at the foot of the first page.
    monkeypatch.setattr(_Pdf, "keep", lambda self, height: None)
    assert "page 1 ends with 'Rubrik 0'" in _stranded(_pages(to_pdf(_headings_everywhere(rest=False))))


SIGNERS = ("Anna", "Bertil", "Cecilia", "David", "Erik")


def _signatures_at_the_foot() -> SipDocument:
    """36 lines, leaving room at the foot of the first page for the signature heading
    and a row of signatures, not for all five signers."""
    return _document(
        [Section("Fyllnad", ["\n".join(f"Rad {n}" for n in range(1, 37))])],
        [Signer(name, "verksamhetsaktör, BUP") for name in SIGNERS],
        facts=(),
    )


def _signature_pages(data: bytes) -> list[str]:
    return [" ".join(page) for page in _pages(data) if any(name in " ".join(page) for name in SIGNERS)]


def test_the_signature_block_is_kept_together(monkeypatch):
    (page,) = _signature_pages(to_pdf(_signatures_at_the_foot()))
    assert sv.SECTION_SIGNATURES in page and all(name in page for name in SIGNERS)
    # Without keeping it together, it would be split over two pages.
    monkeypatch.setattr(_Pdf, "keep", lambda self, height: None)
    assert len(_signature_pages(to_pdf(_signatures_at_the_foot()))) > 1


def test_each_signer_in_the_room_gets_place_and_date_and_one_from_a_distance_the_oral_approval():
    signers = [
        Signer("Mia Öberg", "vårdnadshavare"),
        Signer("Łukasz Wójcik", "lots och verksamhetsaktör, BUP Norra", "psykolog"),
        Signer("Johan Berg", "verksamhetsaktör, Elevhälsan", oral=ORAL),
    ]
    text = _text(to_pdf(_document([Section("Mål", items=["Åsa går till skolan"])], signers)))
    assert "lots och verksamhetsaktör, BUP Norra" in text and "psykolog" in text
    assert text.count(sv.SIGNATURE_PLACE_DATE) == 2
    assert ORAL in text
    assert "Skrev under" not in text and "✓" not in text


def test_the_pdf_draws_a_line_for_each_pen_and_none_for_an_oral_approval():
    """The signature lines are drawn as lines on the page: one per signer in the room."""
    from pypdf import PdfReader

    def lines_drawn(signers) -> int:
        data = to_pdf(_document([], signers, facts=()))
        page = PdfReader(io.BytesIO(data)).pages[-1]
        content = page.get_contents().get_data().decode("latin-1")
        return content.count(" l S")

    room = [Signer("Mia Öberg", "vårdnadshavare"), Signer("Emre Şahin", "vårdnadshavare")]
    with_oral = [*room, Signer("Sara Lind", "verksamhetsaktör", oral=ORAL)]
    assert lines_drawn(with_oral) == lines_drawn(room)
    assert lines_drawn(room) - lines_drawn(room[:1]) == 1


def test_a_document_without_signers_prints_no_signature_heading():
    document = _document([Section("Anteckning", ["Mötet drog över."])])
    assert sv.SECTION_SIGNATURES not in _text(to_pdf(document))
    word = docx.Document(io.BytesIO(to_docx(document)))
    assert sv.SECTION_SIGNATURES not in [p.text for p in word.paragraphs]
    assert sv.SECTION_SIGNATURES not in render(document)


BARS = [
    Bar("Familjens berättelse", 15, 20, 19),
    Bar("Mål och insatser", 20, 20, 31),
    Bar("Avslutning", 10, 10, None),
]


def _report() -> SipDocument:
    return _document([Section(sv.SECTION_TIMES, bars=BARS)])


def test_bars_render_with_their_figures_in_the_pdf():
    text = re.sub(r"\s+", " ", _text(to_pdf(_report())))
    for figure in ("15 min", "20 min", "19 min", "31 min", sv.BAR_NOT_RUN, "Mål och insatser"):
        assert figure in text, figure
    assert "omplanerat 20 min" in text
    assert sv.BAR_OVER in text


def test_bars_render_as_a_table_in_word():
    word = docx.Document(io.BytesIO(to_docx(_report())))
    (table,) = word.tables[1:]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == list(sv.BAR_COLUMNS)
    assert rows[1][:4] == ["Familjens berättelse", "15 min", "20 min", "19 min"]
    assert rows[2][4] == layout.text_bar(BARS[1], 31)
    assert rows[3][3] == sv.BAR_NOT_RUN
    assert any(p.text == sv.BAR_TEXT_LEGEND for p in word.paragraphs)


def test_bars_render_as_a_table_in_markdown():
    text = render(_report())
    assert "| Steg | Planerat | Omplanerat | Faktiskt | Stapel |" in text
    assert f"| Mål och insatser | 20 min | – | 31 min | {'█' * 13}{'▓' * 7} |" in text
    assert f"| Avslutning | 10 min | – | {sv.BAR_NOT_RUN} |" in text


# DOCX --------------------------------------------------------------------------------


def _word(document: SipDocument):
    return docx.Document(io.BytesIO(to_docx(document)))


def test_docx_is_a4_with_the_margins_of_the_pdf():
    section = _word(_document([])).sections[0]
    assert section.page_width.mm == pytest.approx(210, abs=0.1)
    assert section.page_height.mm == pytest.approx(297, abs=0.1)
    for margin in (section.left_margin, section.right_margin):
        assert margin.mm == pytest.approx(layout.MARGIN_MM, abs=0.1)
    assert section.header_distance.mm == pytest.approx(layout.MARGIN_MM, abs=0.1)
    assert section.bottom_margin.mm == pytest.approx(layout.BOTTOM_MM, abs=0.1)


def test_docx_is_in_swedish():
    word = _word(_document([Section("Mål", items=["Åsa går till skolan"])]))
    styles = word.styles.element
    (default,) = styles.findall(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert default.get(qn("w:val")) == "sv-SE"
    assert default.get(qn("w:eastAsia")) == "sv-SE"
    languages = {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))}
    assert languages == {"sv-SE"}
    theme = word.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:val")) == "sv-SE"
    assert word.core_properties.language == "sv-SE"


def test_docx_footer_has_page_fields_and_the_confidentiality_line():
    section = _word(_document([])).sections[0]
    footer = section.footer.paragraphs[0]
    codes = [code.text.strip() for code in footer._p.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith(sv.CONFIDENTIAL)
    assert re.search(r"Sida \d+ av \d+$", footer.text)
    assert section.header.paragraphs[0].text == HEADER


def test_docx_headings_keep_with_what_follows_and_columns_follow_the_content():
    word = _word(
        _document(
            [Section(sv.SECTION_ACTIONS, table=_actions(f"Anpassat schema med stöd vid {LONG_WORD} varannan vecka"))]
        )
    )
    heading = next(p for p in word.paragraphs if p.text == sv.SECTION_ACTIONS)
    assert heading.paragraph_format.keep_with_next
    table = word.tables[-1]
    widths = [column.width.mm for column in table.columns]
    assert widths[0] > 2 * widths[4]
    assert sum(widths) == pytest.approx(210 - 2 * layout.MARGIN_MM, abs=0.5)
    # The heading row repeats on a new page; no row is split.
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_docx_signers_show_title_every_role_and_place_and_date_or_the_oral_approval():
    word = _word(
        _document(
            [],
            [
                Signer("Mia Öberg", "vårdnadshavare", oral=ORAL),
                Signer("Łukasz Wójcik", "lots och verksamhetsaktör, BUP Norra", "psykolog"),
            ],
        )
    )
    cells = [c.text for row in word.tables[-1].rows for c in row.cells]
    assert cells == [
        f"Mia Öberg\nvårdnadshavare\n{ORAL}",
        "Łukasz Wójcik\npsykolog\nlots och verksamhetsaktör, BUP Norra\nOrt och datum",
    ]
    first, second = (row_cell.paragraphs[0] for row_cell in word.tables[-1].rows[0].cells)
    # A line above the name to sign on, except for an oral approval.
    assert "w:pBdr" not in first._p.xml and "w:pBdr" in second._p.xml
    heading = next(p for p in word.paragraphs if p.text == sv.SECTION_SIGNATURES)
    assert heading.paragraph_format.keep_with_next


def test_the_renderers_add_no_filler_of_their_own():
    """What a section holds comes from the document: no "Ej angivet" or "Inga ännu" is
    added under a section that says what is missing, or under one left empty."""
    document = _document([Section(sv.SECTION_NAVIGATOR, missing=["Lots"]), Section("Övrigt")])
    body = [p.text for p in _word(document).paragraphs]
    assert body[body.index(sv.SECTION_NAVIGATOR) + 1 :] == ["Saknas: Lots", "Övrigt"]
    text = render(document)
    assert text.endswith("## Lots\n\n**Saknas:** Lots\n\n## Övrigt\n")
    pdf = _pages(to_pdf(document))[0]
    assert pdf[pdf.index(sv.SECTION_NAVIGATOR) :] == ["Lots", "Saknas: Lots", "Övrigt"]
    for filler in (sv.NOT_STATED, sv.NONE_YET):
        assert filler not in body and filler not in text and filler not in pdf


def test_markdown_signers_with_a_line_or_the_oral_approval_and_user_text_escaped():
    document = _document(
        [], [Signer("Mia *Öberg*", "vårdnadshavare", oral=ORAL), Signer("[Per](x)", "lots", "kurator")]
    )
    text = render(document)
    assert f"- Mia \\*Öberg\\*, vårdnadshavare: {ORAL}" in text
    assert "- \\[Per\\]\\(x\\), kurator, lots: ______________________ (Ort och datum)" in text
