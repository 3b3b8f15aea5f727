"""The SIP as plain, readable Markdown: a pure function of the case and the meeting.

User text is escaped so that it reads as typed in any Markdown viewer: a goal that
starts with ``#`` or contains ``*`` or ``[link](x)`` is shown, not interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from facilitator import strings as sv
from facilitator.agenda.models import Case, Meeting, Sip
from facilitator.export import layout
from facilitator.views.sipview import Signer, SipDocument, sip_document

_INLINE = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-=.)])")


def escape(text: str, line_start: bool = True) -> str:
    """One line of user text, safe in Markdown. ``line_start``: the text begins a line
    (or a list item), where ``-``, ``=`` and ``1.`` would start a list or a heading."""
    text = _INLINE.sub(r"\\\1", text)
    if not line_start:
        return text
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def escape_block(text: str) -> str:
    """Several lines of user text: line breaks kept as hard breaks, paragraphs as such."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        "  \n".join(escape(line.rstrip()) for line in paragraph.split("\n"))
        for paragraph in paragraphs
    )


def _cell(text: str) -> str:
    return escape(text, line_start=False).replace("\n", " ") or "–"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def _signer(signer: Signer, hint: str) -> str:
    """A signature line to sign on, or (from a distance) the oral approval instead."""
    who = ", ".join(escape(x, line_start=False) for x in (signer.name, signer.title, signer.role) if x)
    if signer.oral:
        return f"- {who}: {escape(signer.oral, line_start=False)}"
    return f"- {who}: ______________________ ({hint})"


def render(document: SipDocument) -> str:
    """The document as Markdown; every piece of user text escaped."""
    out: list[str] = [f"# {document.title}", ""]
    if document.subtitle:
        out += [escape(document.subtitle, line_start=False), ""]
    out += [f"- **{label}:** {escape(value, line_start=False)}" for label, value in document.facts]
    out += ["", f"*{document.confidential}*", ""]
    for section in document.paper:
        out += [f"{'#' * (section.level + 1)} {section.heading}", ""]
        body = [escape_block(p) for p in section.paragraphs]
        if section.items:
            body.append("\n".join(f"- {escape(item)}" for item in section.items))
        if section.table is not None and section.table.rows:
            body.append(_table(section.table.header, section.table.rows))
        if section.bars:
            body.append(_table(sv.BAR_COLUMNS, layout.bar_rows(section.bars)))
            body.append(f"*{sv.BAR_TEXT_LEGEND}*")
        body += [f"**{sv.MISSING_PREFIX}:** {escape(m, line_start=False)}" for m in section.missing]
        if body:
            out += ["\n\n".join(body), ""]
    if document.signers:
        out += [f"## {document.signature_heading}", ""]
        out += [_signer(s, document.signature_hint) for s in document.signers]
    return "\n".join(out).rstrip() + "\n"


def to_markdown(
    case: Case, meeting: Meeting, revision: int | None = None, previous: Sip | None = None
) -> str:
    return render(sip_document(case, meeting, revision, previous))
