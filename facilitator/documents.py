"""Exporting a stored meeting to a file format: the one entry point for the command line
and the app. Heavy libraries (PDF, Word, iCalendar) are imported only when used."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from facilitator import strings as sv
from facilitator.paths import BINARY, NotARegularFile, ensure_private_dir
from facilitator.store.database import Store

if TYPE_CHECKING:
    from facilitator.agenda.models import Case, Meeting
    from facilitator.agenda.revisions import SipRevision
    from facilitator.views.sipview import SipDocument

FORMATS = ("pdf", "docx", "md", "json", "ics")
DOCUMENTS = ("sip", "kallelse", "rapport", "barn")
"""The SIP, the kallelse with its sekretessmedgivande, the meeting report and the plan for
the child."""
SIP_ONLY = ("json", "ics")
"""Formats of the SIP alone: the whole case (json) and the next meeting (ics)."""
CHILD_PLAN_FORMATS = ("pdf", "md")
"""The plan for the child is for reading, not for the journal: no Word document."""
ID_CHARS = 8
"""Every exported file's name ends with this much of the meeting's id: two meetings on the
same day (two children's) never share a file, and a deleted case's files can be found."""


@dataclass(frozen=True)
class Exported:
    data: bytes
    filename: str
    missing: list[str]
    """What the law or the routine asks for and the document lacks (empty for json and ics)."""
    unprintable: tuple[str, ...] = ()
    """The characters of a PDF that no font of it has (printed as "?")."""


class NotForDocument(ValueError):
    """A format that only the SIP has (json, ics) asked of the kallelse or the report, or
    a format the plan for the child does not come in (docx)."""

    def __init__(self, document: str, fmt: str):
        super().__init__(f"{fmt} is not a format of the {document}")
        self.document = document
        self.fmt = fmt


def ascii_slug(text: str) -> str:
    """``text`` as a file name's part: å ä ö without their marks, other signs as "-"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^0-9A-Za-z]+", "-", plain).strip("-")


def file_name(meeting: Meeting, document: str, ext: str) -> str:
    """SIP-2026-03-24-uppfoljande-1a2b3c4d.pdf, Kallelse-…, Motesrapport-…, Barnets-plan-…"""
    prefix = ascii_slug(sv.FILE_PREFIX[document])
    kind = ascii_slug(sv.CLI_KIND[meeting.kind])
    return f"{prefix}-{meeting.day:%Y-%m-%d}-{kind}-{meeting.id[:ID_CHARS]}.{ext}"


def render(document: SipDocument, fmt: str) -> bytes:
    """A document in one of the formats that lay out a ``SipDocument``."""
    if fmt == "md":
        from facilitator.export.markdown import render as to_markdown

        return to_markdown(document).encode("utf-8")
    if fmt == "pdf":
        from facilitator.export.pdf import to_pdf

        return to_pdf(document)
    if fmt == "docx":
        from facilitator.export.docx import to_docx

        return to_docx(document)
    raise ValueError(f"{fmt!r} does not lay out a document")


def exported(view: SipDocument, fmt: str, filename: str) -> Exported:
    """``view`` rendered in ``fmt``, with what it lacks and (a PDF) what it cannot print."""
    unprintable: tuple[str, ...] = ()
    if fmt == "pdf":
        from facilitator.export.fonts import unprintable_in

        unprintable = tuple(unprintable_in(view))
    return Exported(render(view, fmt), filename, view.missing, unprintable)


def not_for_document(document: str, fmt: str) -> bool:
    """Whether ``document`` does not come in the format ``fmt``."""
    if document == "barn":
        return fmt not in CHILD_PLAN_FORMATS
    return document != "sip" and fmt in SIP_ONLY


DATA_PROTECTION_FILE = "dataskydd.txt"
"""In the configuration directory: how the personal data is handled, in the words of the
user's organisation, printed in the kallelse (a Swedish default when there is none)."""
DATA_PROTECTION_MAX_BYTES = 20_000


def data_protection_text(folder: Path | None = None) -> str:
    """The data-protection text of the kallelse: the user's file when it is a readable,
    regular UTF-8 file of reasonable size, otherwise the default."""
    from facilitator.paths import config_dir

    path = (folder or config_dir()) / DATA_PROTECTION_FILE
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > DATA_PROTECTION_MAX_BYTES:
            return sv.DATA_PROTECTION_DEFAULT
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeError):
        return sv.DATA_PROTECTION_DEFAULT
    return text or sv.DATA_PROTECTION_DEFAULT


def send_kallelse(case: Case, meeting: Meeting, today: date, fmt: str, config: Path | None = None) -> tuple[Exported, bool]:
    """The kallelse of ``meeting`` as sent (see ``kallelse_as_sent``); a new one sent today
    is kept in ``case`` (its list of kallelser and its history). Returns the export and
    whether the case changed, for the caller to save."""
    from facilitator.agenda.models import CaseEvent, CaseEventKind
    from facilitator.views.kallelse import kallelse_as_sent

    if not_for_document("kallelse", fmt):
        raise NotForDocument("kallelse", fmt)
    view, sent = kallelse_as_sent(case, meeting, today, data_protection_text(config))
    if sent is not None:
        case.kallelser = [*case.kallelser, sent]
        case.history = [*case.history, CaseEvent(on=today, kind=CaseEventKind.KALLELSE_SENT, meeting_id=meeting.id)]
    return exported(view, fmt, file_name(meeting, "kallelse", fmt)), sent is not None


def export_document(case: Case, meeting: Meeting, document: str, fmt: str) -> Exported:
    """The kallelse (as it stands, not sent), the meeting report or the plan for the child
    of a meeting, from the models as they are."""
    if document not in ("kallelse", "rapport", "barn"):
        raise ValueError(f"unknown document {document!r}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if not_for_document(document, fmt):
        raise NotForDocument(document, fmt)
    if document == "kallelse":
        from facilitator.views.kallelse import kallelse_document

        view = kallelse_document(case, meeting)
    elif document == "barn":
        from facilitator.views.childplan import child_plan_document

        view = child_plan_document(case, meeting)
    else:
        from facilitator.views.report import report_document

        view = report_document(case, meeting)
    return exported(view, fmt, file_name(meeting, document, fmt))


def export_meeting(
    store: Store, meeting_id: str, fmt: str, now: datetime, document: str = "sip", strict: bool = False
) -> Exported:
    """A stored meeting's document. The kallelse is the one sent (a new one is kept as
    sent today unless ``strict`` refuses it for what it lacks)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if document not in DOCUMENTS:
        raise ValueError(f"unknown document {document!r}")
    if not_for_document(document, fmt):
        raise NotForDocument(document, fmt)
    meeting = store.load_meeting(meeting_id)
    case = store.load_case(meeting.case_id)
    if document == "kallelse":
        sent, changed = send_kallelse(case, meeting, now.date(), fmt)
        if changed and not (strict and (sent.missing or sent.unprintable)):  # refused: not sent
            store.save_case(case)
        return sent
    if document != "sip":
        return export_document(case, meeting, document, fmt)
    return sip_export(store, case, meeting, fmt, now)


def sip_export(
    store: Store,
    case: Case,
    meeting: Meeting,
    fmt: str,
    now: datetime,
    held: bool = False,
    revisions: list[SipRevision] | None = None,
) -> Exported:
    """The SIP of ``meeting`` of ``case`` as these models hold it. ``held``: they are the
    ones the program holds in memory (the words typed last included), newer than what is
    stored, so the whole case (json) takes this meeting from them too. The store is read
    only for what the meeting does not hold: the other meetings (json) and the SIP's
    revisions, unless they are given (as read when the meeting was opened)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if fmt == "json":
        from facilitator.export.jsondoc import to_json

        meetings = store.meetings_of(case.id)
        if held:
            meetings = [meeting if m.id == meeting.id else m for m in meetings]
            if all(m.id != meeting.id for m in meetings):
                meetings = sorted([*meetings, meeting], key=lambda m: (m.planned_start, m.id))
        data = to_json(case, meetings).encode("utf-8")
        return Exported(data, file_name(meeting, "sip", "json"), [])
    if fmt == "ics":
        from facilitator.export.ics import to_ics

        return Exported(
            to_ics(meeting, now), f"nasta-mote-{meeting.planned_start:%Y-%m-%d}-{meeting.id[:ID_CHARS]}.ics", []
        )
    from facilitator.views.sipview import sip_document

    if revisions is None:
        revisions = store.revisions(case.id)
    revision = next((r for r in revisions if r.meeting_id == meeting.id), None)
    number = revision.number if revision else None
    if held and revision is None and revisions:
        # Not stored yet: it becomes the revision after the case's latest, as the store
        # numbers it when it is written.
        number = revisions[-1].number + 1
    elif held and revision is None:
        number = 1
    previous = next((r.sip for r in reversed(revisions) if number is not None and r.number < number), None)
    view = sip_document(case, meeting, number, previous)
    return exported(view, fmt, file_name(meeting, "sip", fmt))


def write_export(store: Store, exported: Exported) -> Path:
    """Write an exported file into the export folder (made private if new), owner-only."""
    folder = ensure_private_dir(export_folder(store))
    path = folder / exported.filename
    write_private(path, exported.data)
    return path


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


class Erased(NamedTuple):
    removed: int
    """Files removed from the export folder (``export/`` in the data directory); a file
    written elsewhere (``export -o``) is not looked for."""
    wiped: bool
    """The text is gone from the database file; False while another program holds it
    open (it goes when that program lets go)."""


def erase_case(store: Store, case_id: str) -> Erased:
    """Delete a case with its meetings, SIP revisions and the files exported from it to
    the export folder. Refused (``CaseOpen``) while one of its meetings is open for
    writing in a window."""
    from facilitator.store.errors import CaseOpen

    meeting_ids = _meeting_ids(store, case_id)
    if case_is_open(store, case_id):
        raise CaseOpen(f"a meeting of case {case_id} is open for writing")
    wiped = store.delete_case(case_id)
    removed = 0
    for path in exports_of(export_folder(store), meeting_ids):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed += 1
    return Erased(removed, wiped)


def exports_of(folder: Path, meeting_ids: list[str]) -> list[Path]:
    """The files in ``folder`` exported from these meetings."""
    if not folder.is_dir():
        return []
    marks = {f"-{meeting_id[:ID_CHARS]}." for meeting_id in meeting_ids}
    return sorted(p for p in folder.iterdir() if p.is_file() and any(m in p.name for m in marks))
