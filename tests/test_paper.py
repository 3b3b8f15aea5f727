"""The PDF and Word documents as paper: no page holds a line or a bullet alone, what the
signatures agree to stands with them, a family's name prints in its own script (or is
named when no font has it), and the Word file is measured with the font it names."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from facilitator import strings as sv
from facilitator.agenda import ManualClock
from facilitator.agenda.models import Role
from facilitator.demo import ensure_demo
from facilitator.documents import export_document
from facilitator.export.docx import to_docx
from facilitator.export.fonts import text_width, unprintable_in
from facilitator.export.pdf import to_pdf
from facilitator.store import Store
from facilitator.views.kallelse import kallelse_document
from facilitator.views.report import report_document
from facilitator.views.sipview import Section, Signer, SipDocument

from .rich_case import process
from .test_cli import run
from .test_golden import _documents

MIN_LINES = 3
"""The fewest lines of body text a page may hold."""


def pages(data: bytes) -> list[list[str]]:
    """Each page's body: its lines without the header line and the footer line."""
    reader = PdfReader(io.BytesIO(data))
    bodies = []
    for page in reader.pages:
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        assert sv.CONFIDENTIAL in lines[-1]
        bodies.append(lines[1:-1])
    return bodies


def assert_full_pages(bodies: list[list[str]]) -> None:
    for number, body in enumerate(bodies, 1):
        assert len(body) >= MIN_LINES, f"page {number} holds only {body}"
        assert "•" not in [line.strip() for line in body], f"a bullet alone on page {number}"


@pytest.mark.parametrize("name", ["sip-forsta", "sip-uppfoljande", "sip-avslutande", "kallelse-uppfoljande", "rapport-uppfoljande"])
def test_no_page_of_the_rich_process_holds_a_line_or_a_bullet_alone(name):
    assert_full_pages(pages(to_pdf(_documents()[name])))


def _filler(lines: int, tail: int) -> SipDocument:
    """One-line paragraphs, then a paragraph of ``tail`` lines of "lorem" and a list."""
    long = " ".join(["lorem"] * 22 * tail)
    return SipDocument(
        "Prov",
        [],
        [
            Section("Först", [f"Rad {n}." for n in range(lines)]),
            Section("Sedan", [long], items=["Ett", "Två", "Tre"]),
        ],
        [],
        header_line="Prov",
    )


@pytest.mark.parametrize(("lines", "tail"), [*((n, 5) for n in range(40, 48)), (40, 12), (43, 12), (46, 12)])
def test_a_paragraph_leaves_no_line_alone_at_a_page_foot_or_top(lines, tail):
    bodies = pages(to_pdf(_filler(lines, tail)))
    assert_full_pages(bodies)
    per_page = [sum("lorem" in line for line in body) for body in bodies]
    assert sum(per_page) >= tail
    assert 1 not in per_page, per_page


def _kallelse(extra: int) -> SipDocument:
    case, _, follow_up, _ = process()
    document = kallelse_document(case, follow_up)
    document.sections[0].paragraphs += [f"Tillägg {n} till frågeställningen." for n in range(extra)]
    return document


@pytest.mark.parametrize("extra", [0, 3, 7])
def test_the_consent_sentence_stands_with_its_scope_and_the_signatures(extra):
    bodies = pages(to_pdf(_kallelse(extra)))
    assert_full_pages(bodies)
    agree = sv.CONSENT_FORM_AGREE.split("{")[0].strip()
    page = next(body for body in bodies if any(agree in line for line in body))
    text = "\n".join(page)
    assert "Fritidsgården Kometen" in text  # the verksamheter it is between
    assert sv.KALLELSE_SIGNATURE_HEADING in text.split(agree)[1]


@pytest.mark.parametrize("extra", [0, 30])
def test_the_report_never_leaves_its_last_bar_alone(extra):
    case, _, follow_up, _ = process()
    document = report_document(case, follow_up)
    document.sections[0].paragraphs += [f"Rad {n}." for n in range(extra)]
    bodies = pages(to_pdf(document))
    assert_full_pages(bodies)
    labels = [bar.label for s in document.sections for bar in s.bars]
    last = next(i for i, body in enumerate(bodies) if any(labels[-1].split()[0] in line for line in body))
    assert any(labels[-2].split()[0] in line for line in bodies[last])


NAMES = {
    "arabic": "فاطمة الزهراء",
    "persian": "محمدرضا کریمی",
    "tigrinya": "ተስፋይ ገብረሚካኤል",
    "somali": "Cabdiraxmaan Xasan Cumar",
    "cyrillic": "Наталья Иванова",
    "greek": "Γιώργος Παπαδόπουλος",
    "vietnamese": "Nguyễn Thị Hương",
}


def test_a_guardians_name_in_its_own_script_reads_back_from_the_pdf():
    case, _, follow_up, _ = process()
    document = kallelse_document(case, follow_up)
    # Brackets and a dash the Arabic font lacks come from the body font.
    mixed = "علي (حسن) – ١٢/٣"
    document.signers = [Signer(name, sv.ROLE[Role.GUARDIAN]) for name in [*NAMES.values(), mixed]]
    assert unprintable_in(document) == []
    signed = pages(to_pdf(document))[-1]
    for script, name in NAMES.items():
        # The same code points in the order they were written (right to left on paper).
        assert name in signed, script
    assert not any("?" in line for line in signed)
    line = next(line for line in signed if "١٢/٣" in line)
    assert all(part in line for part in ("علي", "حسن", "(", ")", "–"))


def test_a_character_no_font_has_is_named_not_printed_silently():
    case, _, follow_up, _ = process()
    case.guardians[0].name = "Mia Öberg 🌷"
    exported = export_document(case, follow_up, "kallelse", "pdf")
    assert exported.unprintable == ("🌷",)
    assert export_document(case, follow_up, "kallelse", "md").unprintable == ()
    assert sv.characters(exported.unprintable) == "🌷 (U+1F337)"


def test_export_strict_refuses_a_pdf_with_a_character_no_font_has(tmp_path):
    with Store.open(tmp_path) as store:
        ensure_demo(store, ManualClock())
        case = store.load_case(store.load_meeting(store.resolve_meeting("latest")).case_id)
        case.guardians[0].name += " 🌷"
        store.save_case(case)
    out = tmp_path / "kallelse.pdf"
    refused = run("export", "latest", "--document", "kallelse", "--strict", "-o", str(out), data_dir=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.strip() == "facilitator: " + sv.CLI_UNPRINTABLE.format(
        document=sv.DOCUMENT_NAME["kallelse"], chars="🌷 (U+1F337)"
    )
    assert not out.exists()
    written = run("export", "latest", "--document", "kallelse", "-o", str(out), data_dir=tmp_path)
    assert written.returncode == 0
    out.unlink()


# Word ----------------------------------------------------------------------------------

_MM_PER_TWIP = 25.4 / 1440
_CELL_MARGINS_MM = 2 * 1.9


@pytest.mark.parametrize("name", ["sip-forsta", "sip-uppfoljande", "kallelse-uppfoljande", "rapport-uppfoljande"])
def test_every_word_of_a_word_table_fits_its_column_in_calibris_metrics(name):
    word = Document(io.BytesIO(to_docx(_documents()[name])))
    checked = 0
    for table in word.tables[1:]:  # the facts' two columns and the signatures hold no grid
        if table.style is None or table.style.name != "Table Grid":
            continue
        widths = [int(col.get(qn("w:w"))) * _MM_PER_TWIP for col in table._tbl.tblGrid.iterchildren(qn("w:gridCol"))]
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                for run_ in (r for p in cell.paragraphs for r in p.runs):
                    size = run_.font.size.pt
                    for piece in re.split(r"\s+", run_.text):
                        if piece:
                            assert text_width(piece, size, bold=bool(run_.bold)) + _CELL_MARGINS_MM <= width, piece
                            checked += 1
    assert checked > 20


def test_word_properties_name_the_program_the_day_and_swedish():
    before = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    data = to_docx(_documents()["sip-forsta"])
    word = Document(io.BytesIO(data))
    properties = word.core_properties
    assert properties.author == "facilitator"
    assert properties.last_modified_by == "facilitator"
    assert properties.language == "sv-SE"
    assert properties.comments == ""
    assert before <= properties.created.replace(tzinfo=None) <= datetime.now(UTC).replace(tzinfo=None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        app = archive.read("docProps/app.xml").decode("utf-8")
        assert not any(n.startswith("docProps/thumbnail") for n in archive.namelist())
    assert "<Application>facilitator " in app
    assert "Microsoft" not in app
    for style in ("Title", "Heading 1", "Heading 2"):
        assert str(word.styles[style].font.color.rgb) == "000000", style


async def test_the_review_names_a_character_no_font_of_the_pdf_has(store):
    from facilitator.app import FacilitatorApp
    from facilitator.demo import demo_case
    from facilitator.screens.review import ReviewScreen

    from .screens_helpers import START, open_meeting, screen_text

    case, meeting = demo_case(START)
    case.guardians[0].name += " 🌷"
    case.guardians[1].name = NAMES["arabic"]
    store.save_case(case)
    store.save_meeting(meeting)
    app = FacilitatorApp(store=store, clock=ManualClock(START))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        app.push_screen(ReviewScreen(screen.session))
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        # The line stands at the top of the column of what is missing (wrapped there).
        assert "PDF:en har inget typsnitt för 🌷 (U+1F337):" in text
        assert 'tecknen skrivs som "?".' in text
        assert "U+06" not in text  # the Arabic name prints
