"""The SIP as a Word document with real headings and tables, for the journal system."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Pt, RGBColor

from facilitator import strings as sv
from facilitator.agenda.sipview import SipDocument

# Word cannot hold C0 controls in its XML; the models never contain them, but a
# document from an older file might: drop them rather than fail.
_XML_SAFE = {i: None for i in range(32) if chr(i) not in "\t\n\r"}


def _safe(text: str) -> str:
    return text.translate(_XML_SAFE)


def to_docx(document: SipDocument) -> bytes:
    word = Document()
    word.core_properties.title = _safe(document.title)
    section = word.sections[0]
    section.header.paragraphs[0].text = _safe(document.header_line)
    section.footer.paragraphs[0].text = _safe(document.confidential)
    word.add_heading(_safe(document.title), level=0)
    facts = word.add_table(rows=0, cols=2)
    for label, value in document.facts:
        cells = facts.add_row().cells
        cells[0].text = _safe(label)
        cells[1].text = _safe(value)
    for part in document.paper:
        word.add_heading(_safe(part.heading), level=1)
        for paragraph in part.paragraphs:
            word.add_paragraph(_safe(paragraph))
        for item in part.items:
            word.add_paragraph(_safe(item), style="List Bullet")
        if part.table is not None and part.table.rows:
            table = word.add_table(rows=1, cols=len(part.table.header))
            table.style = "Table Grid"
            for cell, title in zip(table.rows[0].cells, part.table.header, strict=True):
                cell.text = _safe(title)
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for values in part.table.rows:
                for cell, value in zip(table.add_row().cells, values, strict=True):
                    cell.text = _safe(value)
        if not (part.paragraphs or part.items or (part.table and part.table.rows)):
            word.add_paragraph().add_run(sv.NOT_STATED).italic = True
        for missing in part.missing:
            run = word.add_paragraph().add_run(_safe(f"{sv.MISSING_PREFIX}: {missing}"))
            run.bold = True
            run.font.color.rgb = RGBColor(0xA0, 0, 0)
    if document.signers:
        word.add_heading(_safe(document.signature_heading), level=1)
    for signer in document.signers:
        word.add_paragraph("\n\n" + "_" * 45)
        line = word.add_paragraph(_safe(f"{signer.name}, {signer.role} · {document.signature_hint}"))
        line.runs[0].font.size = Pt(9)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
