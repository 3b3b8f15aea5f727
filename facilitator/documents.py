"""Exporting a stored meeting to a file format: the one entry point for the command line
and the app. Heavy libraries (PDF, Word, iCalendar) are imported only when used."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.paths import BINARY
from facilitator.store.database import Store

FORMATS = ("pdf", "docx", "md", "json", "ics")
ID_CHARS = 8
"""Every exported file's name ends with this much of the meeting's id: two meetings on the
same day (two children's) never share a file, and a deleted case's files can be found."""


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
    name = f"SIP-{meeting.planned_start:%Y-%m-%d}-{_slug(meeting.kind.value)}-{meeting.id[:ID_CHARS]}"
    if fmt == "json":
        from facilitator.export.jsondoc import to_json

        return Exported(to_json(case, store.meetings_of(case.id)).encode("utf-8"), f"{name}.json", [])
    if fmt == "ics":
        from facilitator.export.ics import to_ics

        return Exported(
            to_ics(meeting, now), f"nasta-mote-{meeting.planned_start:%Y-%m-%d}-{meeting.id[:ID_CHARS]}.ics", []
        )
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


class NotARegularFile(OSError):
    """The path names a device, a folder or a link: nothing is written there."""


def write_private(path: Path, data: bytes) -> None:
    """Write a file that only its owner can read (0600), replacing what was there. Only a
    regular file or a new path: a device, a pipe or a link is refused untouched."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise NotARegularFile(f"{path} is not a regular file")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | BINARY | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        os.ftruncate(fd, 0)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    if not hasattr(os, "fchmod"):
        os.chmod(path, 0o600)


def export_folder(store: Store) -> Path:
    """Where the app writes exported files: ``export/`` in the data directory."""
    return store.path.parent / "export"


def _meeting_ids(store: Store, case_id: str) -> list[str]:
    return [m.id for m in store.list_meetings() if m.case_id == case_id]


def case_is_open(store: Store, case_id: str) -> bool:
    """Whether a meeting of the case is open for writing in a window."""
    from facilitator.store.lock import writing_meetings

    return bool(set(_meeting_ids(store, case_id)) & set(writing_meetings(store.path.parent)))


def erase_case(store: Store, case_id: str) -> int:
    """Delete a case with its meetings, SIP revisions and exported files; returns how many
    files were removed. Refused (``CaseOpen``) while one of its meetings is open for
    writing in a window."""
    from facilitator.store.errors import CaseOpen

    meeting_ids = _meeting_ids(store, case_id)
    if case_is_open(store, case_id):
        raise CaseOpen(f"a meeting of case {case_id} is open for writing")
    store.delete_case(case_id)
    removed = 0
    for path in exports_of(export_folder(store), meeting_ids):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
    return removed


def exports_of(folder: Path, meeting_ids: list[str]) -> list[Path]:
    """The files in ``folder`` exported from these meetings."""
    if not folder.is_dir():
        return []
    marks = {f"-{meeting_id[:ID_CHARS]}." for meeting_id in meeting_ids}
    return sorted(p for p in folder.iterdir() if p.is_file() and any(m in p.name for m in marks))
