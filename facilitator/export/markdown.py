"""The SIP as plain, readable Markdown: a pure function of the case and the meeting.

User text is escaped so that it reads as typed in any Markdown viewer: a goal that
starts with ``#`` or contains ``*`` or ``[link](x)`` is shown, not interpreted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_S
from facilitator.agenda.models import Case, Meeting, MeetingKind, StepStatus

_INLINE = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")
_LINE_START = re.compile(r"^(\s*(?:\d+)?)([-=.)])")


def escape(text: str) -> str:
    """One line of user text, safe inside a Markdown paragraph or table cell."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def escape_block(text: str) -> str:
    """Several lines of user text: line breaks kept as hard breaks, paragraphs as such."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(
        "  \n".join(escape(line.rstrip()) for line in paragraph.split("\n"))
        for paragraph in paragraphs
    )


def _cell(text: str) -> str:
    return escape(text).replace("\n", " ") or "–"


def _block(text: str) -> str:
    return escape_block(text) if text.strip() else f"*{sv.NOT_STATED}*"


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _minutes(ns: int) -> str:
    seconds = round(ns / NS_PER_S)
    return f"{seconds // 60}:{seconds % 60:02d}"


def to_markdown(case: Case, meeting: Meeting, revision: int | None = None) -> str:
    sip = meeting.sip
    title = sv.SIP_TITLE if meeting.kind is MeetingKind.FIRST else sv.SIP_FOLLOW_UP_TITLE
    out: list[str] = [f"# {title}", ""]
    facts = [
        (sv.LABEL_CHILD, escape(case.child.name)),
        (sv.LABEL_GUARDIANS, ", ".join(escape(g.name) for g in case.guardians) or sv.NOT_STATED),
        ("Möte", sv.MEETING_KIND[meeting.kind]),
        (sv.LABEL_DATE, sv.when(meeting.planned_start)),
        (sv.LABEL_PLACE, escape(meeting.place) or sv.NOT_STATED),
    ]
    if revision is not None:
        facts.append((sv.LABEL_REVISION, str(revision)))
    out += [f"- **{label}:** {value}" for label, value in facts]
    out += ["", f"*{sv.CONFIDENTIAL}*", ""]

    def section(heading: str, body: str) -> None:
        out.extend([f"## {heading}", "", body, ""])

    section(sv.SECTION_QUESTION, _block(case.question))
    if sip.purpose.strip():
        section(sv.SECTION_PURPOSE, _block(sip.purpose))

    participants = [
        (
            _cell(p.name),
            _cell(p.organisation),
            _cell(", ".join(sv.ROLE[r] for r in p.roles)),
            sv.LABEL_PRESENT if p.present else sv.LABEL_ABSENT,
        )
        for p in meeting.attendance
    ]
    section(
        sv.SECTION_PARTICIPANTS,
        _table(("Namn", "Verksamhet", "Roll", "Närvaro"), participants)
        if participants
        else f"*{sv.NONE_YET}*",
    )

    consent = case.consent
    consent_lines = [
        f"- {sv.LABEL_GIVEN_BY}: {', '.join(escape(n) for n in consent.given_by) or sv.NOT_STATED}",
        f"- {sv.LABEL_DATE}: {sv.day(consent.given_on)}",
        f"- {sv.LABEL_COVERS}: {', '.join(escape(o) for o in consent.organisations) or sv.NOT_STATED}",
    ]
    for revocation in consent.revocations:
        what = escape(revocation.organisation) if not revocation.whole else sv.LABEL_REVOKED_WHOLE
        consent_lines.append(f"- {sv.LABEL_REVOKED} {revocation.on.isoformat()}: {what}")
    section(sv.SECTION_CONSENT, "\n".join(consent_lines))

    out += [f"## {sv.SECTION_CURRENT}", ""]
    out += [f"### {sv.SECTION_FAMILY_STORY}", "", _block(sip.family_story), ""]
    out += [f"### {sv.SECTION_PROFESSIONALS_STORY}", "", _block(sip.professionals_story), ""]
    if sip.notes.strip():
        section(sv.SECTION_NOTES, _block(sip.notes))

    goals = [f"- {escape(g.text)} ({sv.GOAL_HORIZON[g.horizon]})" for g in sip.goals]
    section(sv.SECTION_GOALS, "\n".join(goals) if goals else f"*{sv.NONE_YET}*")

    actions = [
        (
            _cell(a.what),
            _cell(a.responsible),
            _cell(a.organisation),
            sv.AUTHORITY[a.authority],
            a.due.isoformat() if a.due else "–",
            sv.ACTION_STATUS[a.status],
        )
        for a in sip.actions
    ]
    section(
        sv.SECTION_ACTIONS,
        _table(sv.ACTION_COLUMNS, actions) if actions else f"*{sv.NONE_YET}*",
    )

    if sip.navigator:
        nav = sip.navigator
        details = [escape(x) for x in (nav.name, nav.organisation, nav.phone, nav.email) if x]
        section(sv.SECTION_NAVIGATOR, ", ".join(details))
    else:
        section(sv.SECTION_NAVIGATOR, f"*{sv.NOT_STATED}*")

    lead = sip.lead_authority
    section(
        sv.SECTION_LEAD,
        " – ".join(x for x in (sv.AUTHORITY[lead.authority], escape(lead.organisation)) if x)
        if lead
        else f"*{sv.NOT_STATED}*",
    )

    if sip.child_participated is True:
        participation = sv.LABEL_CHILD_TOOK_PART + "."
    elif sip.child_participated is False:
        participation = f"{sv.LABEL_CHILD_ABSENT}: {_block(sip.child_absence_reason)}"
    else:
        participation = f"*{sv.NOT_STATED}*"
    section(sv.SECTION_PARTICIPATION, participation)

    section(
        sv.SECTION_VIEWS,
        f"**{sv.LABEL_CHILD_VIEW}:** {_block(sip.child_view)}\n\n"
        f"**{sv.LABEL_GUARDIANS_VIEW}:** {_block(sip.guardians_view)}",
    )
    if sip.reflection.strip():
        section(sv.SECTION_REFLECTION, _block(sip.reflection))
    if sip.if_worse.strip():
        section(sv.SECTION_IF_WORSE, _block(sip.if_worse))

    nxt = sip.next_meeting
    next_lines = [
        f"- {sv.LABEL_NEXT_START}: {sv.when(nxt.start) if nxt.start else sv.NOT_STATED}",
        f"- {sv.LABEL_PLACE}: {escape(nxt.place) or sv.NOT_STATED}",
        f"- {sv.LABEL_NEXT_ATTENDEES}: {', '.join(escape(a) for a in nxt.attendees) or sv.NOT_STATED}",
    ]
    section(sv.SECTION_NEXT, "\n".join(next_lines))

    times = [
        (
            _cell(step.title),
            _minutes(step.planned_ns),
            _minutes(step.elapsed_ns) if step.status is not StepStatus.PENDING else "–",
        )
        for step in meeting.steps
        if step.status is not StepStatus.SKIPPED
    ]
    section(sv.SECTION_TIMES, _table(("Steg", sv.LABEL_PLANNED, sv.LABEL_ACTUAL), times))

    signers = [
        f"- {escape(s.name)}, {sv.ROLE[s.role]}"
        + (f", {escape(s.organisation)}" if s.organisation else "")
        + (f" – {s.signed_on.isoformat()}" if s.signed_on else "")
        for s in sip.signatures
    ]
    section(sv.SECTION_SIGNATURES, "\n".join(signers) if signers else f"*{sv.NONE_YET}*")
    return "\n".join(out).rstrip() + "\n"
