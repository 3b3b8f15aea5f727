"""Exporting a stored meeting to a file format: the one entry point for the command line
and the app. Heavy libraries (PDF, Word, iCalendar) are imported only when used."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.store.database import Store

FORMATS = ("pdf", "docx", "md", "json", "ics")


@dataclass(frozen=True)
class Exported:
    data: bytes
    filename: str
    missing: list[str]
    """What the law or the routine asks for and the SIP lacks (empty for json and ics)."""


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-zÅÄÖåäö]+", "-", text).strip("-") or "sip"


def export_meeting(store: Store, meeting_id: str, fmt: str, now: datetime) -> Exported:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    meeting = store.load_meeting(meeting_id)
    case = store.load_case(meeting.case_id)
    revisions = store.revisions(case.id)
    revision = next((r for r in revisions if r.meeting_id == meeting.id), None)
    previous = next(
        (r.sip for r in reversed(revisions) if revision and r.number < revision.number), None
    )
    number = revision.number if revision else None
    name = f"SIP-{meeting.planned_start:%Y-%m-%d}-{_slug(meeting.kind.value)}"
    if fmt == "json":
        from facilitator.export.jsondoc import to_json

        return Exported(to_json(case, store.meetings_of(case.id)).encode("utf-8"), f"{name}.json", [])
    if fmt == "ics":
        from facilitator.export.ics import to_ics

        return Exported(to_ics(meeting, now), f"nasta-mote-{meeting.planned_start:%Y-%m-%d}.ics", [])
    from facilitator.agenda.sipview import sip_document

    document = sip_document(case, meeting, number, previous)
    if fmt == "md":
        from facilitator.export.markdown import render

        data = render(document).encode("utf-8")
    elif fmt == "pdf":
        from facilitator.export.pdf import to_pdf

        data = to_pdf(document)
    else:
        from facilitator.export.docx import to_docx

        data = to_docx(document)
    return Exported(data, f"{name}.{fmt}", document.missing)


def write_private(path: Path, data: bytes) -> None:
    """Write a file that only its owner can read (0600), replacing what was there."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)
