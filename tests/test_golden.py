"""Golden files of the documents of a rich Lotsprocess: the SIP of a first, a follow-up and
a closing meeting, the kallelse and the meeting report, as PDF text, the DOCX body's XML and
Markdown. A change to any of them fails here; read the difference, and when it is meant,
write the files again with ``FACILITATOR_GOLDEN=write python -m pytest tests/test_golden.py``
and read them line by line before committing."""

from __future__ import annotations

import difflib
import io
import os
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator.export.docx import to_docx
from facilitator.export.markdown import render
from facilitator.export.pdf import to_pdf
from facilitator.views.kallelse import kallelse_document
from facilitator.views.report import report_document
from facilitator.views.sipview import sip_document

from .rich_case import process

GOLDEN = Path(__file__).parent / "golden"
WRITE = os.environ.get("FACILITATOR_GOLDEN") == "write"


def _documents():
    case, first, follow_up, closing = process()
    return {
        "sip-forsta": sip_document(case, first, 1),
        "sip-uppfoljande": sip_document(case, follow_up, 2, first.sip),
        "sip-avslutande": sip_document(case, closing, 3, follow_up.sip),
        "kallelse-uppfoljande": kallelse_document(case, follow_up),
        "rapport-uppfoljande": report_document(case, follow_up),
    }


DOCUMENTS = list(_documents())


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    pages = []
    for number, page in enumerate(reader.pages, 1):
        pages.append(f"=== sida {number}\n" + page.extract_text().rstrip())
    return "\n".join(pages) + "\n"


def docx_body(data: bytes) -> str:
    """The body of the Word document, one element per line so that a change reads well."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    return xml.replace("><", ">\n<") + "\n"


RENDER = {
    "pdf.txt": lambda document: pdf_text(to_pdf(document)),
    "docx.xml": lambda document: docx_body(to_docx(document)),
    "md": render,
}


def check_golden(path: Path, text: str) -> None:
    """``text`` is what ``path`` holds (or, with FACILITATOR_GOLDEN=write, becomes it)."""
    if WRITE:
        path.write_text(text, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True), text.splitlines(keepends=True), str(path), "now", n=1
            )
        )
        pytest.fail(f"{path.name} changed:\n{diff[:4000]}")


@pytest.mark.parametrize("suffix", list(RENDER))
@pytest.mark.parametrize("name", DOCUMENTS)
def test_golden(name, suffix):
    check_golden(GOLDEN / f"{name}.{suffix}", RENDER[suffix](_documents()[name]))
