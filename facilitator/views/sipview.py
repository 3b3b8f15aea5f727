"""The one view of the SIP: sections in the routine's order, built once from the models
and rendered by every screen and every export.

A pure function of the case and the meeting. Each section says which captures fill it
(so the room view shows the sections of the step being written), whether it is left off
the paper when empty, and what the law or the routine still asks of it (``missing``), so
a document exported in the room prints "Saknas: …" instead of stopping. The review
screen, the room view, PDF, DOCX and Markdown only lay it out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from facilitator import strings as sv
from facilitator.agenda.checks import MissingCode, MissingPart, missing_parts, uncovered
from facilitator.agenda.models import (
    LEAD_AUTHORITIES,
    TIMED_PRESENCE,
    Action,
    Authority,
    Capture,
    Case,
    Consent,
    ConsentParty,
    GoalStatus,
    LeadAuthority,
    Meeting,
    MeetingKind,
    Navigator,
    NextMeeting,
    Person,
    Role,
    Sip,
)
from facilitator.agenda.revisions import diff_sips


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Bar:
    """One step of a meeting as a picture: planned against actual minutes."""

    label: str
    planned_min: float
    """As the agenda planned the step before the meeting."""
    replanned_min: float
    """As the step was allotted after re-planning during the meeting (= planned if never)."""
    actual_min: float | None
    """None: the step has not run (skipped, or the meeting stopped before it)."""


@dataclass(frozen=True)
class Signer:
    """One place to sign: who signs, with their title, roles and organisation. The line
    stays empty for the pen; someone who took part from a distance approves orally, and
    ``oral`` says so in place of the line."""

    name: str
    role: str
    """All the person's roles and their organisation, as one line of text."""
    title: str = ""
    oral: str = ""
    """For someone who took part by phone or video: the oral approval as noted (or a
    blank to note it in), printed instead of a signature line."""


class SectionKey(StrEnum):
    """Which section of a document a ``Section`` is, whatever its heading says: what is
    missing is attached by key, never by the heading's words."""

    # The SIP, in the routine's order.
    QUESTION = "question"
    PURPOSE = "purpose"
    INTRODUCTIONS = "introductions"
    PARTICIPANTS = "participants"
    CONTACTS = "contacts"
    CONSENT = "consent"
    CURRENT = "current"
    FAMILY_STORY = "family_story"
    PROFESSIONALS_STORY = "professionals_story"
    NOTES = "notes"
    REFLECTION = "reflection"
    GOALS = "goals"
    ACTIONS = "actions"
    ACTIONS_OF_AUTHORITY = "actions_of_authority"
    """The actions one huvudman carries out (one such part for each)."""
    CHANGES = "changes"
    LEAD = "lead"
    NAVIGATOR = "navigator"
    SUMMARY = "summary"
    PARTICIPATION = "participation"
    VIEWS = "views"
    EVALUATION = "evaluation"
    IF_WORSE = "if_worse"
    CLOSE = "close"
    NEXT = "next"
    COPIES = "copies"
    SIGNATURES = "signatures"
    # The kallelse (its frågeställning is QUESTION).
    CALLED = "called"
    AGENDA = "agenda"
    CONSENT_FORM = "consent_form"
    CONSENT_TERMS = "consent_terms"
    DATA_PROTECTION = "data_protection"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    table: Table | None = None
    bars: list[Bar] = field(default_factory=list)
    """Planned against actual minutes, drawn as bars (the meeting report)."""
    missing: list[str] = field(default_factory=list)
    captures: tuple[Capture, ...] = ()
    """The captures of the agenda whose fields fill this section."""
    optional: bool = False
    """Left off the paper when it holds nothing."""
    on_paper: bool = True
    """False for what only the screens show (who has signed: the paper has the lines)."""
    level: int = 1
    """1: a section; 2: a part of the section before it (printed under its heading)."""
    heading_only: bool = False
    """A heading over the parts that follow (level 2), with nothing of its own but what
    is missing."""
    signed_from: int | None = None
    """The paragraph from which on this section is what the signatures agree to: it,
    what follows it and the signatures stand on one page when they fit on one."""
    key: SectionKey | None = None
    """Which section this is (None: a document that attaches nothing by key)."""

    @property
    def empty(self) -> bool:
        return not (
            self.paragraphs or self.items or self.bars or (self.table is not None and self.table.rows)
        )


@dataclass
class SipDocument:
    title: str
    facts: list[tuple[str, str]]
    sections: list[Section]
    signers: list[Signer]
    """One signature line each, in order (none: the document is not signed)."""
    header_line: str
    confidential: str = sv.CONFIDENTIAL
    subtitle: str = ""
    """A line under the title: the law the document is made under."""
    signature_heading: str = sv.SECTION_SIGNATURES
    signature_hint: str = sv.SIGNATURE_PLACE_DATE
    """Printed under each signature line."""
    type_scale: float = 1.0
    """How much larger than the SIP the PDF sets the title, the facts, the headings and the
    text (the child's plan is set larger); tables, header and footer keep their size."""

    @property
    def missing(self) -> list[str]:
        return [f"{s.heading}: {m}" for s in self.sections for m in s.missing]

    @property
    def paper(self) -> list[Section]:
        """The sections that are printed, in order: an optional one when it holds something
        or says what is missing (the signed paper says what it lacks); a heading over parts
        only when one of its parts is printed or it says what is missing."""
        printed = [s for s in self.sections if s.on_paper and not (s.optional and s.empty and not s.missing)]
        return [
            s
            for i, s in enumerate(printed)
            if not s.heading_only or s.missing or (i + 1 < len(printed) and printed[i + 1].level > s.level)
        ]

    def for_captures(self, captures: list[Capture] | tuple[Capture, ...]) -> list[Section]:
        """The sections a step with ``captures`` fills, in the document's order."""
        wanted = set(captures)
        return [s for s in self.sections if wanted.intersection(s.captures)]


# Which section reports each missing part.
_SECTION_OF = {
    MissingCode.CONSENT: SectionKey.CONSENT,
    MissingCode.FAMILY_STORY: SectionKey.FAMILY_STORY,
    MissingCode.PROFESSIONALS_STORY: SectionKey.PROFESSIONALS_STORY,
    MissingCode.GOALS: SectionKey.GOALS,
    MissingCode.ACTIONS: SectionKey.ACTIONS,
    MissingCode.ACTION_RESPONSIBLE: SectionKey.ACTIONS,
    MissingCode.LEAD_AUTHORITY: SectionKey.LEAD,
    MissingCode.NAVIGATOR: SectionKey.NAVIGATOR,
    MissingCode.PARTICIPATION: SectionKey.PARTICIPATION,
    MissingCode.ABSENCE_REASON: SectionKey.PARTICIPATION,
    MissingCode.CHILD_UNDERSTOOD: SectionKey.PARTICIPATION,
    MissingCode.CHILD_VIEW: SectionKey.VIEWS,
    MissingCode.GUARDIANS_VIEW: SectionKey.VIEWS,
    MissingCode.NEXT_MEETING: SectionKey.NEXT,
    MissingCode.NOT_COVERED: SectionKey.CONSENT,
    MissingCode.CONSENT_GUARDIAN: SectionKey.CONSENT,
    MissingCode.CONSENT_REVOKED: SectionKey.CONSENT,
    MissingCode.LEAD_ABSENT: SectionKey.LEAD,
    MissingCode.ACTION_AUTHORITY: SectionKey.ACTIONS,
    MissingCode.GOAL_STATUS: SectionKey.GOALS,
    MissingCode.SUMMARY: SectionKey.SUMMARY,
    MissingCode.IF_WORSE: SectionKey.IF_WORSE,
    MissingCode.EVALUATION_FAMILY: SectionKey.EVALUATION,
    MissingCode.EVALUATION_NETWORK: SectionKey.EVALUATION,
    MissingCode.PRESENCE: SectionKey.PARTICIPANTS,
}


def _text(value: str) -> list[str]:
    return [p for p in value.strip().split("\n\n") if p.strip()] or []


def _contact(person: Person, navigator: Navigator | None) -> str:
    """A person's phone and e-mail as one line; the lots's from the SIP when given there."""
    if navigator is not None and (navigator.person_id == person.id or navigator.name == person.name):
        from_sip = ", ".join(x for x in (navigator.phone, navigator.email) if x)
        if from_sip:
            return from_sip
    return person.contact


def _role_names(person: Person, people: list[Person], lots_first: bool = False) -> list[str]:
    """A person's roles in words; an interpreter's with the language and for whom."""
    names = []
    for role in person.roles:
        if role is Role.INTERPRETER and person.language:
            served = [p.name for p in people if p.id in person.interprets_for]
            names.append(
                sv.INTERPRETER_FOR.format(language=person.language, people=sv.listing(served))
                if served
                else sv.INTERPRETER_LANGUAGE.format(language=person.language)
            )
        else:
            names.append(sv.ROLE[role])
    if lots_first and sv.ROLE[Role.NAVIGATOR] in names:
        names.remove(sv.ROLE[Role.NAVIGATOR])
        names.insert(0, sv.ROLE[Role.NAVIGATOR])
    return names


def role_text(person: Person, people: list[Person]) -> str:
    """"lots och verksamhetsaktör", "tolk (arabiska) för Amal Hassan"."""
    return sv.listing(_role_names(person, people))


def presence_text(person: Person) -> str:
    """How someone took part, in words: "per video", "kom kl. 14.30", "ej markerat"."""
    if person.presence is None:
        return sv.PRESENCE_UNMARKED
    if person.presence in TIMED_PRESENCE and person.presence_at is not None:
        return sv.PRESENCE_AT[person.presence].format(at=f"{person.presence_at:%H.%M}")
    return sv.PRESENCE[person.presence]


def _is_navigator(person: Person, navigator: Navigator | None) -> bool:
    return navigator is not None and (navigator.person_id == person.id or navigator.name == person.name)


def _signers(meeting: Meeting, consent: Consent) -> list[Signer]:
    """Everyone who took part and signs: the guardians, the child and each professional
    whom the consent covers on the day, with their title and all their roles. A
    professional the consent does not cover gets no line: the missing consent is printed
    instead. An interpreter signs nothing. Someone who took part by phone or video gets
    their oral approval, as the secretary noted it, in place of the line."""
    noted = {s.name: s for s in meeting.sip.signatures if s.oral}
    outside = {p.id for p in uncovered(consent, meeting.attendance, meeting.day)}
    signers = []
    for p in meeting.attendance:
        if not (p.present and p.signs) or p.id in outside:
            continue
        oral = ""
        if p.remote:
            approval = noted.get(p.name)
            oral = (
                sv.ORAL_APPROVAL.format(
                    on=sv.day(approval.signed_on or meeting.day), by=approval.noted_by or sv.ORAL_BY_SECRETARY
                )
                if approval
                else sv.ORAL_APPROVAL_BLANK
            )
        role = ", ".join(x for x in (role_text(p, meeting.attendance), p.organisation) if x)
        signers.append(Signer(p.name, role, p.title, oral))
    return signers


def next_attendees(nxt: NextMeeting) -> str:
    """Who is to take part next time: those here, then each actor called who was not."""
    called = [
        sv.CALLED_NEXT.format(who=", ".join(x for x in (p.name, p.organisation) if x)) for p in nxt.called
    ]
    return sv.listing([*nxt.attendees, *called])


def _goal_status(status: GoalStatus | None) -> str:
    return sv.GOAL_STATUS[status] if status is not None else sv.GOAL_NOT_EVALUATED


def _labelled(label: str, text: str) -> list[str]:
    """A labelled text as paragraphs: the label leads the first."""
    paragraphs = _text(text)
    if not paragraphs:
        return []
    joint = " " if label.endswith("?") else ": "
    return [f"{label}{joint}{paragraphs[0]}", *paragraphs[1:]]


def _child_view_label(sip: Sip) -> str:
    """Whose words the child's view is: the child's, or relayed by someone."""
    who = sip.child_view_relayed_by.strip()
    return sv.LABEL_CHILD_VIEW_RELAYED.format(who=who) if who else sv.LABEL_CHILD_VIEW


def _title(kind: MeetingKind) -> str:
    return {
        MeetingKind.FIRST: sv.SIP_TITLE,
        MeetingKind.FOLLOW_UP: sv.SIP_FOLLOW_UP_TITLE,
        MeetingKind.CLOSING: sv.SIP_CLOSING_TITLE,
    }[kind]


@dataclass(frozen=True)
class _Plan:
    """What every section builder of the SIP reads: the case, the meeting and, for a
    follow-up, the SIP of the meeting before."""

    case: Case
    meeting: Meeting
    previous: Sip | None
    signers: list[Signer]

    @property
    def sip(self) -> Sip:
        return self.meeting.sip

    @property
    def nav(self) -> Navigator | None:
        return self.meeting.sip.navigator

    @property
    def follow_up(self) -> bool:
        return self.meeting.kind is not MeetingKind.FIRST

    @property
    def closing(self) -> bool:
        return self.meeting.kind is MeetingKind.CLOSING


def _question(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_QUESTION, _text(plan.case.question) or [sv.NOT_STATED], captures=(Capture.PURPOSE,),
        key=SectionKey.QUESTION,
    )


def _purpose(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_PURPOSE, _text(plan.sip.purpose), captures=(Capture.PURPOSE,), optional=True,
        key=SectionKey.PURPOSE,
    )


def _introductions(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_INTRODUCTIONS, _text(plan.sip.introductions), captures=(Capture.ATTENDANCE,), optional=True,
        key=SectionKey.INTRODUCTIONS,
    )


def _participants(plan: _Plan) -> Section:
    meeting = plan.meeting
    return Section(
        sv.SECTION_PARTICIPANTS,
        table=Table(
            list(sv.PARTICIPANT_COLUMNS),
            [
                [p.name, _organisation_text(plan.case, p, meeting.day), role_text(p, meeting.attendance), presence_text(p)]
                for p in meeting.attendance
            ],
        ),
        captures=(Capture.ATTENDANCE,),
        key=SectionKey.PARTICIPANTS,
    )


def _contacts(plan: _Plan) -> Section:
    meeting, nav = plan.meeting, plan.nav
    # The lots first, then the other professionals, then the family: who to call.
    reachable = sorted(
        (p for p in meeting.attendance if p.is_professional or _contact(p, nav)),
        key=lambda p: (not _is_navigator(p, nav), not p.is_professional),
    )
    titled = any(p.title for p in reachable)  # the title's column only when someone has one
    return Section(
        sv.SECTION_CONTACTS,
        table=Table(
            [c for i, c in enumerate(sv.CONTACT_COLUMNS) if titled or i != 1],
            [
                [
                    p.name,
                    *([p.title] if titled else []),
                    p.organisation,
                    sv.listing(_role_names(p, meeting.attendance, lots_first=_is_navigator(p, nav))),
                    _contact(p, nav),
                ]
                for p in reachable
            ],
        ),
        # For the paper: the room and the review show the participants instead.
        optional=True,
        key=SectionKey.CONTACTS,
    )


def _consent(plan: _Plan) -> Section:
    return consent_section(plan.case, plan.meeting.day)


def _current(plan: _Plan) -> list[Section]:
    """The current situation: a heading over the family's and the professionals' stories."""
    sip = plan.sip
    return [
        Section(
            sv.SECTION_CURRENT, heading_only=True, captures=(Capture.FAMILY_STORY, Capture.PROFESSIONALS_STORY),
            key=SectionKey.CURRENT,
        ),
        Section(
            sv.SECTION_FAMILY_STORY, _text(sip.family_story), captures=(Capture.FAMILY_STORY,), level=2,
            key=SectionKey.FAMILY_STORY,
        ),
        Section(
            sv.SECTION_PROFESSIONALS_STORY,
            _text(sip.professionals_story),
            captures=(Capture.PROFESSIONALS_STORY,),
            level=2,
            key=SectionKey.PROFESSIONALS_STORY,
        ),
    ]


def _notes(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_NOTES, _text(plan.sip.notes), captures=(Capture.NOTES,), optional=True, key=SectionKey.NOTES
    )


def _reflection(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_REFLECTION, _text(plan.sip.reflection), captures=(Capture.REFLECTION,), optional=True,
        key=SectionKey.REFLECTION,
    )


def _goals(plan: _Plan) -> Section:
    """The goals: at a follow-up a table with how each went, at the first a list."""
    goals = plan.sip.goals
    if plan.follow_up:
        return Section(
            sv.SECTION_GOALS,
            table=Table(
                list(sv.GOAL_COLUMNS),
                [[g.text, sv.GOAL_HORIZON[g.horizon], _goal_status(g.status), g.evaluation] for g in goals],
            ),
            captures=(Capture.GOALS, Capture.GOAL_STATUS),
            key=SectionKey.GOALS,
        )
    return Section(
        sv.SECTION_GOALS,
        items=[f"{g.text} ({sv.GOAL_HORIZON[g.horizon]})" for g in goals],
        captures=(Capture.GOALS,),
        key=SectionKey.GOALS,
    )


def _actions(plan: _Plan) -> list[Section]:
    """A heading over the actions, then one part for each huvudman that carries some out."""
    case, meeting, sip = plan.case, plan.meeting, plan.sip
    captures = (Capture.ACTIONS, Capture.ACTION_STATUS)
    sections = [Section(sv.SECTION_ACTIONS, heading_only=True, captures=captures, key=SectionKey.ACTIONS)]
    comments = any(a.comment for a in sip.actions)
    columns = list(sv.ACTION_PAPER_COLUMNS if comments else sv.ACTION_PAPER_COLUMNS[:-1])
    for authority in (*LEAD_AUTHORITIES, Authority.OTHER, None):
        mine = [a for a in sip.actions if a.authority is authority]
        if not mine:
            continue
        heading = (
            sv.SECTION_ACTIONS_OF.format(authority=sv.AUTHORITY_LONG[authority])
            if authority is not None
            else sv.ACTIONS_WITHOUT_AUTHORITY
        )
        rows = [
            [
                a.what,
                ", ".join(x for x in (a.responsible, _organisation_text(case, a, meeting.day, legal=True)) if x),
                a.due.isoformat() if a.due else "",
                sv.ACTION_STATUS[a.status],
                *([a.comment] if comments else []),
            ]
            for a in mine
        ]
        sections.append(
            Section(
                heading, table=Table(columns, rows), captures=captures, level=2, key=SectionKey.ACTIONS_OF_AUTHORITY
            )
        )
    return sections


def _changes(plan: _Plan) -> Section | None:
    """At a follow-up, what changed since the plan of the meeting before."""
    if not plan.follow_up or plan.previous is None:
        return None
    diff = diff_sips(plan.previous, plan.sip)
    changes = (
        [f"{sv.CHANGE_GOAL_ADDED}: {g.text}" for g in diff.goals_added]
        + [f"{sv.CHANGE_GOAL_REMOVED}: {g.text}" for g in diff.goals_removed]
        + [f"{sv.CHANGE_ACTION_ADDED}: {a.what}" for a in diff.actions_added]
        + [f"{sv.CHANGE_ACTION_REMOVED}: {a.what}" for a in diff.actions_removed]
        + [
            f"{c.action.what}: {sv.ACTION_STATUS[c.before]} → {sv.ACTION_STATUS[c.after]}"
            for c in diff.status_changed
        ]
        + [
            f"{c.goal.text}: {_goal_status(c.before)} → {_goal_status(c.after)}"
            for c in diff.goal_status_changed
        ]
    )
    return Section(sv.SECTION_CHANGES, items=changes or [sv.NO_CHANGES], key=SectionKey.CHANGES)


def _lead(plan: _Plan) -> Section:
    lead = plan.sip.lead_authority
    return Section(
        sv.SECTION_LEAD,
        [_lead_text(plan.case, lead)] if lead else [],
        captures=(Capture.LEAD_AUTHORITY,),
        key=SectionKey.LEAD,
    )


def _navigator(plan: _Plan) -> Section:
    case, nav = plan.case, plan.nav
    return Section(
        sv.SECTION_NAVIGATOR,
        ([", ".join(x for x in (nav.name, nav.organisation, nav.phone, nav.email) if x)] if nav else [])
        + _labelled(sv.LABEL_NAVIGATOR_VIEW, plan.sip.navigator_view),
        items=[
            sv.LOTS_SINCE.format(on=c.on.isoformat(), name=c.name, organisation=c.organisation).rstrip(", ")
            for c in case.lots_history
        ]
        if len(case.lots_history) > 1
        else [],
        captures=(Capture.NAVIGATOR,),
        # The closing meeting names no new lots, but the plan still says who it was.
        optional=plan.closing and nav is None,
        key=SectionKey.NAVIGATOR,
    )


def _summary(plan: _Plan) -> Section:
    sip = plan.sip
    return Section(
        sv.SECTION_SUMMARY,
        _text(sip.summary) + _labelled(sv.LABEL_MISSING_ACTORS, sip.missing_actors),
        captures=(Capture.SUMMARY,),
        optional=True,
        key=SectionKey.SUMMARY,
    )


def _participation(plan: _Plan) -> Section:
    """How the child took part (or why not), and whether the child understood."""
    sip = plan.sip
    took_part = sip.child_participation
    words = sip.child_absence_reason.strip()
    if took_part in sv.CHILD_PARTICIPATION_WORDS and words:
        participation = [sv.CHILD_PARTICIPATION_WORDS[took_part].format(words=words)]
    elif took_part is not None:
        participation = [sv.CHILD_PARTICIPATION_PAPER[took_part]]
    else:
        participation = []
    if sip.child_understood is not None:
        informed = " ".join(filter(None, [sv.CHILD_INFORMED_PAPER[sip.child_understood], sip.child_understood_note.strip()]))
        participation = [" ".join([*participation, informed])]
    return Section(
        sv.SECTION_PARTICIPATION, participation, captures=(Capture.PARTICIPATION,), key=SectionKey.PARTICIPATION
    )


def _views(plan: _Plan) -> Section:
    sip = plan.sip
    return Section(
        sv.SECTION_VIEWS,
        _labelled(_child_view_label(sip), sip.child_view) + _labelled(sv.LABEL_GUARDIANS_VIEW, sip.guardians_view),
        captures=(Capture.VIEWS,),
        key=SectionKey.VIEWS,
    )


def _evaluation(plan: _Plan) -> Section:
    sip = plan.sip
    return Section(
        sv.SECTION_EVALUATION,
        _labelled(sv.LABEL_EVALUATION_FAMILY, sip.evaluation_family)
        + _labelled(sv.LABEL_EVALUATION_NETWORK, sip.evaluation_network),
        captures=(Capture.EVALUATION,),
        optional=not plan.closing,
        key=SectionKey.EVALUATION,
    )


def _if_worse(plan: _Plan) -> Section:
    return Section(
        sv.SECTION_IF_WORSE, _text(plan.sip.if_worse), captures=(Capture.IF_WORSE,), optional=not plan.closing,
        key=SectionKey.IF_WORSE,
    )


def _next_or_close(plan: _Plan) -> Section:
    """The closing meeting closes the plan; any other says when the next meeting is."""
    if plan.closing:
        return Section(sv.SECTION_CLOSE, [sv.CLOSE_STATEMENT], key=SectionKey.CLOSE)
    nxt = plan.sip.next_meeting
    return Section(
        sv.SECTION_NEXT,
        items=[
            f"{sv.LABEL_NEXT_START}: {sv.when(nxt.start) if nxt.start else sv.NOT_STATED}",
            f"{sv.LABEL_PLACE}: {nxt.place or sv.NOT_STATED}",
            f"{sv.LABEL_NEXT_ATTENDEES}: {next_attendees(nxt) or sv.NOT_STATED}",
        ],
        captures=(Capture.NEXT_MEETING, Capture.NEXT_ATTENDEES),
        key=SectionKey.NEXT,
    )


def _copies(plan: _Plan) -> Section:
    return _copies_section(plan.case, plan.meeting)


def _signatures(plan: _Plan) -> Section:
    """Who has signed (for the screens: the paper has the lines)."""
    signed = {s.name: s for s in plan.sip.signatures}
    return Section(
        sv.SECTION_SIGNATURES,
        items=[
            f"{s.name}, {s.role}: "
            + (
                (sv.LABEL_APPROVED_ORALLY if signed[s.name].oral else sv.LABEL_SIGNED)
                if s.name in signed
                else sv.LABEL_NOT_SIGNED
            )
            for s in plan.signers
        ],
        captures=(Capture.SIGNATURES,),
        on_paper=False,
        key=SectionKey.SIGNATURES,
    )


_Builder = Callable[[_Plan], Section | list[Section] | None]

_BUILDERS: tuple[_Builder, ...] = (
    _question,
    _purpose,
    _introductions,
    _participants,
    _contacts,
    _consent,
    _current,
    _notes,
    _reflection,
    _goals,
    _actions,
    _changes,
    _lead,
    _navigator,
    _summary,
    _participation,
    _views,
    _evaluation,
    _if_worse,
    _next_or_close,
    _copies,
    _signatures,
)
"""The SIP's section builders, in the routine's order."""


def _built(plan: _Plan) -> list[Section]:
    sections: list[Section] = []
    for build in _BUILDERS:
        made = build(plan)
        if isinstance(made, Section):
            sections.append(made)
        elif made is not None:
            sections.extend(made)
    return sections


def _leave_off_others(sections: list[Section], meeting: Meeting) -> None:
    """A text the routine asks for in another kind of meeting (the first meeting's purpose,
    copied into a follow-up with the rest of the SIP) is not this meeting's to print."""
    captured = {capture for step in meeting.steps for capture in step.captures}
    for section in sections:
        if section.optional and section.captures and not captured.intersection(section.captures):
            section.on_paper = False


def _missing_text(part: MissingPart) -> str:
    if part.code in (MissingCode.NOT_COVERED, MissingCode.CONSENT_REVOKED):
        return f"{sv.MISSING[part.code]} {part.detail}"
    return sv.MISSING[part.code] + (f" ({part.detail})" if part.detail else "")


def _attach_missing(sections: list[Section], case: Case, meeting: Meeting) -> None:
    """Each missing part to the first section of the key that reports it."""
    for part in missing_parts(meeting, case):
        section = _section_for(sections, part.code)
        if section is not None:
            section.missing.append(_missing_text(part))


def _facts(case: Case, meeting: Meeting, revision: int | None) -> list[tuple[str, str]]:
    facts = [
        (sv.LABEL_CHILD, case.child.name),
        (sv.LABEL_GUARDIANS, ", ".join(g.name for g in case.guardians) or sv.NOT_STATED),
        (sv.LABEL_MEETING, sv.MEETING_KIND[meeting.kind]),
        (sv.LABEL_DATE, sv.when(meeting.start)),
        (sv.LABEL_PLACE, meeting.place or sv.NOT_STATED),
    ]
    if revision is not None:
        facts.append((sv.LABEL_REVISION, str(revision)))
    return facts


def sip_document(
    case: Case, meeting: Meeting, revision: int | None = None, previous: Sip | None = None
) -> SipDocument:
    title = _title(meeting.kind)
    plan = _Plan(case, meeting, previous, _signers(meeting, case.consent))
    sections = _built(plan)
    _leave_off_others(sections, meeting)
    _attach_missing(sections, case, meeting)
    header_line = f"{title} – {case.child.name} – {sv.MEETING_KIND[meeting.kind]} {meeting.day:%Y-%m-%d}"
    if revision is not None:
        header_line += f" – {sv.LABEL_REVISION.lower()} {revision}"
    return SipDocument(
        title, _facts(case, meeting, revision), sections, plan.signers, header_line, subtitle=sv.SIP_LEGAL_BASIS
    )


def _organisation_text(case: Case, holder: Person | Action, on: date, legal: bool = False) -> str:
    """A verksamhet as a participant's or an insats's line shows it: its name (for an
    insats with the body that answers for it, its huvudman), flagged when the consent for
    it is revoked (its people get no copy, its insatser wait)."""
    found = case.organisation(holder.organisation_id)
    name = found.legal_name if legal and found is not None else holder.organisation
    revoked = case.consent.revoked(holder.organisation_id, on) if holder.organisation_id else None
    if revoked is None or not name:
        return name
    return f"{name} ({sv.PERSON_CONSENT_REVOKED.format(on=revoked.on.isoformat())})"


def _lead_text(case: Case, lead: LeadAuthority) -> str:
    """The huvudansvarig huvudman named by the body that answers for it: "Socialtjänsten
    (Exempelby kommun, socialnämnden)"; by kind only when the case names no body."""
    found = case.organisation(lead.organisation_id)
    if found is not None and found.body:
        return found.legal_name
    return f"{sv.AUTHORITY_LONG[lead.authority]}{' – ' + lead.organisation if lead.organisation else ''}"


def consent_section(case: Case, on: date) -> Section:
    """The consent as it stood on the meeting's day: who gave it and when (and who has
    not), what it is for, the verksamheter it covers, those added since, and those it was
    revoked for, by whom."""
    consent = case.consent
    given = [
        (sv.CONSENT_GIVEN_CHILD if g.party is ConsentParty.CHILD else sv.CONSENT_GIVEN).format(
            name=g.name, on=g.on.isoformat()
        )
        for g in consent.givers
    ]
    named = [case.organisation_name(i) for i in consent.named(on) if consent.revoked(i, on) is None]
    items = [
        f"{sv.LABEL_GIVEN_BY}: {'; '.join(given) or sv.NOT_STATED}",
        *[sv.CONSENT_NOT_GIVEN.format(name=g.name) for g in case.missing_consent()],
        f"{sv.LABEL_DATE}: {sv.day(consent.given_on)}",
        f"{sv.LABEL_CONSENT_QUESTION}: {(consent.question or case.question).strip() or sv.NOT_STATED}",
        f"{sv.LABEL_CONSENT_PERIOD}: {sv.CONSENT_PERIOD.format(on=sv.day(consent.given_on))}",
        # A verksamhet's name may hold a comma ("Solbackens skola, elevhälsan").
        f"{sv.LABEL_COVERS}: {'; '.join(n for n in named if n) or sv.NOT_STATED}",
    ]
    items += [
        f"{sv.LABEL_WIDENED} "
        + (sv.CONSENT_WIDENED_ITEM if w.agreed_by else sv.CONSENT_WIDENED_ITEM_ANON).format(
            on=w.on.isoformat(), organisation=case.organisation_name(w.organisation_id), who=w.agreed_by
        )
        for w in consent.widened
        if w.on <= on
    ]
    items += [
        f"{sv.LABEL_REVOKED} {r.on.isoformat()}: {r.organisation or case.organisation_name(r.organisation_id) or sv.LABEL_REVOKED_WHOLE}"
        + (f" {sv.REVOKED_BY.format(by=r.by)}" if r.by else "")
        + (f" ({r.note})" if r.note else "")
        for r in consent.revocations
        if r.on <= on  # the plan as it was signed that day
    ]
    return Section(
        sv.SECTION_CONSENT,
        paragraphs=[sv.CONSENT_REVOCABLE],
        items=items,
        captures=(Capture.CONSENT,),
        key=SectionKey.CONSENT,
    )


def _copies_section(case: Case, meeting: Meeting) -> Section:
    """Who receives a copy of the signed plan — the family, and each professional present
    whom the consent covers on the day — and where the signed original is kept: with
    the huvudansvarig's verksamhet."""
    on = meeting.day
    family = [g.name for g in case.guardians]
    professionals = [
        sv.COPY_ORGANISATION.format(name=p.name, organisation=p.organisation) if p.organisation else p.name
        for p in meeting.attendance
        if p.present and p.is_professional and case.consent.covers(p.organisation_id, on)
    ]
    lead = meeting.sip.lead_authority
    kept = _lead_text(case, lead) if lead else sv.NOT_STATED
    return Section(
        sv.SECTION_COPIES,
        items=[
            f"{sv.LABEL_COPIES_TO}: {'; '.join([*family, *professionals]) or sv.COPIES_NONE}",
            f"{sv.LABEL_ORIGINAL_KEPT}: {kept}",
        ],
        captures=(Capture.SIGNATURES,),
        key=SectionKey.COPIES,
    )


def _section_for(sections: list[Section], code: MissingCode) -> Section | None:
    key = _SECTION_OF[code]
    return next((s for s in sections if s.key is key), None)
