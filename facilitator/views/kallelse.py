"""The kallelse: the routine's first document, built once as a ``SipDocument`` so that every
renderer prints it.

It says who is called to which meeting, when and where, why (the frågeställning) and how
the meeting runs (the agenda with its minutes), and carries the written
sekretessmedgivande that the guardians and the child sign: what it covers, between which
verksamheter, for how long, and that it can be revoked at any time, in part or whole
(Lotsmodellen's web page and manual). A pure function of the case and the meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from pydantic import TypeAdapter

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.models import (
    Case,
    Consent,
    Meeting,
    MeetingStatus,
    Person,
    Revocation,
    Role,
    SentKallelse,
    StepRun,
)
from facilitator.views.sipview import Section, SectionKey, Signer, SipDocument, Table


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def _minutes(ns: int) -> int:
    return round(ns / NS_PER_MIN)


def _organisations(people: list[Person]) -> list[tuple[str | None, str]]:
    """The verksamheter of the people called, each once, in the order of the list: the
    case's verksamhet (by id) and its name."""
    seen: dict[str, tuple[str | None, str]] = {}
    for person in people:
        if person.organisation.strip():
            seen.setdefault(person.organisation_id or _fold(person.organisation), (person.organisation_id, person.organisation))
    return list(seen.values())


def _contact_person(meeting: Meeting) -> str | None:
    """Whom to ask about the meeting: the lots if there is one, else the initiator."""
    for role in (Role.NAVIGATOR, Role.INITIATOR):
        person = next((p for p in meeting.attendance if role in p.roles), None)
        if person is not None:
            return ", ".join(x for x in (person.name, person.organisation, person.contact) if x.strip())
    return None


def _agenda(steps: list[StepRun]) -> Section:
    """The steps with their minutes as planned for the kallelse (what happened in the
    meeting does not change what the family was called to), and their phases."""
    shown = list(steps)
    rows = [[f"{n}. {s.title}", str(_minutes(s.planned_ns))] for n, s in enumerate(shown, start=1)]
    rows.append([sv.LABEL_TOTAL, str(_minutes(sum(s.planned_ns for s in shown)))])
    phases: list[tuple[str, int, int, int]] = []  # phase, first step, last step, ns
    for number, step in enumerate(shown, start=1):
        if phases and phases[-1][0] == step.phase:
            phase, first, _, ns = phases[-1]
            phases[-1] = (phase, first, number, ns + step.planned_ns)
        else:
            phases.append((step.phase, number, number, step.planned_ns))
    items = [
        sv.KALLELSE_PHASE.format(phase=phase, first=first, last=last, minutes=_minutes(ns))
        for phase, first, last, ns in phases
        if phase.strip()
    ]
    return Section(
        sv.AGENDA_HEADING, items=items, table=Table(list(sv.KALLELSE_AGENDA_COLUMNS), rows), key=SectionKey.AGENDA
    )


@dataclass(frozen=True)
class _Call:
    """What every section builder of the kallelse reads: the case, the meeting, and the
    consent as it stands on the meeting's day."""

    case: Case
    meeting: Meeting
    data_protection: str

    @property
    def consent(self) -> Consent:
        return self.case.consent

    @property
    def day(self) -> date:
        return self.meeting.planned_start.date()

    @cached_property
    def whole(self) -> Revocation | None:
        """The revocation of the whole consent in force on the day, if any."""
        consent, day = self.consent, self.day
        return next((r for r in consent.revocations if r.whole and consent.revoked(None, day) is r), None)

    @cached_property
    def revoked_people(self) -> list[Person]:
        consent, day = self.consent, self.day
        return [p for p in self.meeting.attendance if p.organisation_id and consent.revoked(p.organisation_id, day)]

    @cached_property
    def called_people(self) -> list[Person]:
        # Nobody is called to share information the family has taken back: the people of a
        # verksamhet whose consent is revoked are named only as not called.
        return [p for p in self.meeting.attendance if p not in self.revoked_people or self.whole is not None]

    @cached_property
    def called_organisations(self) -> list[tuple[str | None, str]]:
        # An interpreter is bound by an interpreter's secrecy: the consent need not name them.
        return _organisations([p for p in self.called_people if not p.is_interpreter])

    @cached_property
    def named(self) -> list[str]:
        return self.consent.named(self.day)

    @cached_property
    def not_given(self) -> list[str]:
        """Given in part: the guardian who has not given it is named (before anyone signs,
        the medgivande is this paper, and nobody is missing yet)."""
        case = self.case
        return [
            sv.KALLELSE_CONSENT_MISSING.format(name=g.name)
            for g in (case.missing_consent() if self.consent.givers else [])
        ]

    def revoked_called(self) -> list[str]:
        """Those called whose verksamhet's consent is revoked (unless all of it is)."""
        consent, day = self.consent, self.day
        return [
            sv.KALLELSE_REVOKED_CALLED.format(
                name=p.name, organisation=p.organisation, on=consent.revoked(p.organisation_id, day).on.isoformat()
            )
            for p in self.revoked_people
            if self.whole is None
        ]


def _question(call: _Call) -> Section:
    case = call.case
    question = Section(
        sv.SECTION_QUESTION, _paragraphs(case.question) or [sv.NOT_STATED], key=SectionKey.QUESTION
    )
    if not case.question.strip():
        question.missing.append(sv.KALLELSE_MISSING_QUESTION)
    return question


def _called(call: _Call) -> Section:
    """Who is called, with the verksamheter the consent names that nobody comes from."""
    case, consent, day, named = call.case, call.consent, call.day, call.named
    called_ids = {i for i, _ in call.called_organisations}
    called = Section(
        sv.KALLELSE_CALLED,
        items=[
            sv.KALLELSE_CONSENT_ONLY.format(organisation=case.organisation_name(i))
            for i in named
            if i not in called_ids and consent.revoked(i, day) is None
        ]
        + call.revoked_called(),
        table=Table(
            list(sv.KALLELSE_CALLED_COLUMNS),
            [[p.name, p.organisation, sv.listing([sv.ROLE[r] for r in p.roles])] for p in call.called_people],
        ),
        key=SectionKey.CALLED,
    )
    if not call.called_organisations and not named:
        called.missing.append(sv.KALLELSE_MISSING_ORGANISATIONS)
    called.missing += call.revoked_called()
    return called


def _agenda_section(call: _Call) -> Section:
    return _agenda(call.meeting.steps)


def _consent_form(call: _Call) -> Section:
    case, consent, day, named, whole = call.case, call.consent, call.day, call.named, call.whole
    # The verksamheter the medgivande is between: those of the case's consent still in
    # force, then any called verksamhet it does not name yet (flagged, so the case is
    # brought up to date). Those it was revoked for are named as such, apart.
    between = [case.organisation_name(i) for i in named if consent.revoked(i, day) is None]
    outside = [name for i, name in call.called_organisations if i is None or i not in named]
    revoked = [
        sv.CONSENT_FORM_REVOKED.format(organisation=case.organisation_name(r.organisation_id), on=r.on.isoformat())
        for r in consent.revocations
        if not r.whole and r.organisation_id in named and consent.revoked(r.organisation_id, day) is r
    ]
    consent_question = consent.question if consent.question.strip() else case.question
    form = Section(
        sv.SECTION_CONSENT_FORM,
        [
            sv.CONSENT_FORM_INTRO,
            sv.CONSENT_FORM_AGREE.format(child=case.child.name),
            *(_paragraphs(consent_question) or [sv.NOT_STATED]),
            sv.CONSENT_FORM_BETWEEN,
        ],
        items=[o for o in between + outside if o.strip()],
        signed_from=1,
        key=SectionKey.CONSENT_FORM,
    )
    if revoked:
        form.items += [f"{sv.KALLELSE_REVOKED_LIST}: {'; '.join(revoked)}"]
    if whole is not None:
        form.paragraphs.append(sv.CONSENT_FORM_REVOKED_WHOLE.format(on=whole.on.isoformat()))
        form.missing.append(sv.KALLELSE_REVOKED_WHOLE_CALLED.format(on=whole.on.isoformat()))
    form.missing += [sv.KALLELSE_NOT_IN_CONSENT.format(organisation=o) for o in outside]
    form.missing += call.not_given
    if not case.guardians:
        form.missing.append(sv.KALLELSE_MISSING_GUARDIANS)
    return form


def _consent_terms(call: _Call) -> Section:
    return Section(
        sv.SECTION_CONSENT_TERMS, call.not_given, items=list(sv.CONSENT_FORM_TERMS), key=SectionKey.CONSENT_TERMS
    )


def _data_protection(call: _Call) -> Section:
    return Section(
        sv.SECTION_DATA_PROTECTION,
        _paragraphs(call.data_protection) or _paragraphs(sv.DATA_PROTECTION_DEFAULT),
        key=SectionKey.DATA_PROTECTION,
    )


_BUILDERS: tuple[Callable[[_Call], Section], ...] = (
    _question,
    _called,
    _agenda_section,
    _consent_form,
    _consent_terms,
    _data_protection,
)
"""The kallelse's section builders, in order."""


def _facts(case: Case, meeting: Meeting) -> list[tuple[str, str]]:
    start = meeting.planned_start
    end = start + timedelta(minutes=meeting.planned_minutes)
    facts = [
        (sv.LABEL_CHILD, case.child.name),
        (sv.LABEL_GUARDIANS, ", ".join(g.name for g in case.guardians) or sv.NOT_STATED),
        (sv.LABEL_DATE, sv.long_day(start.date())),
        (sv.LABEL_TIME, f"{start:%H.%M}–{end:%H.%M}"),
        (sv.LABEL_PLACE, meeting.place or sv.NOT_STATED),
    ]
    contact = _contact_person(meeting)
    if contact:
        facts.append((sv.LABEL_CONTACT_PERSON, contact))
    return facts


def kallelse_document(
    case: Case, meeting: Meeting, data_protection: str = sv.DATA_PROTECTION_DEFAULT
) -> SipDocument:
    """The kallelse as the case and the meeting stand now (not yet sent: see
    ``kallelse_as_sent``). ``data_protection``: how the personal data is handled, in the
    words of the user's configuration (a Swedish default otherwise)."""
    title = sv.KALLELSE_TITLE[meeting.kind]
    call = _Call(case, meeting, data_protection)
    signers = [Signer(g.name, sv.ROLE[Role.GUARDIAN]) for g in case.guardians]
    signers.append(Signer(case.child.name, sv.ROLE[Role.CHILD]))
    return SipDocument(
        title,
        _facts(case, meeting),
        [build(call) for build in _BUILDERS],
        signers,
        header_line=f"{title} – {case.child.name} – {meeting.planned_start:%Y-%m-%d}",
        signature_heading=sv.KALLELSE_SIGNATURE_HEADING,
        signature_hint=sv.SIGNATURE_PLACE_DATE,
    )


_DOCUMENT = TypeAdapter(SipDocument)
_NOT_KEPT = {"sections": {"__all__": {"key"}}}
"""Left out of a sent kallelse's record: what the view names its sections by is no part of
what was sent (and a record kept before the keys compares equal to the same kallelse now)."""


def sender_of(case: Case, meeting: Meeting) -> str:
    """Who sends the kallelse: the initiativtagare, with the guardians (the routine)."""
    initiator = next((p for p in meeting.attendance if Role.INITIATOR in p.roles), None)
    who = ", ".join(x for x in (initiator.name, initiator.organisation) if x) if initiator else ""
    family = sv.listing([g.name for g in case.guardians])
    return sv.KALLELSE_SENDER.format(who=who, family=family) if who and family else who or family


def _with_sent(document: SipDocument, sent: SentKallelse) -> SipDocument:
    document.facts = [
        *document.facts,
        (sv.LABEL_SENT, sent.on.isoformat()),
        *([(sv.LABEL_SENDER, sent.sender)] if sent.sender else []),
    ]
    return document


def sent_document(sent: SentKallelse) -> SipDocument:
    """A kallelse as it was sent, with the day and the sender."""
    return _with_sent(_DOCUMENT.validate_python(sent.content), sent)


def kallelse_as_sent(
    case: Case, meeting: Meeting, today: date, data_protection: str = sv.DATA_PROTECTION_DEFAULT
) -> tuple[SipDocument, SentKallelse | None]:
    """The kallelse of ``meeting`` as sent: the one already sent, printed unchanged, when
    nothing in it has changed or the meeting is no longer planned; otherwise the kallelse
    as it stands, sent today — returned as the new record (None when none is new) for
    the case to keep beside the old ones."""
    latest = next((k for k in reversed(case.kallelser) if k.meeting_id == meeting.id), None)
    if latest is not None and meeting.status is not MeetingStatus.PLANNED:
        return sent_document(latest), None
    fresh = kallelse_document(case, meeting, data_protection)
    content = _DOCUMENT.dump_python(fresh, mode="json", exclude=_NOT_KEPT)
    if latest is not None and latest.content == content:
        return sent_document(latest), None
    sent = SentKallelse(meeting_id=meeting.id, on=today, sender=sender_of(case, meeting), content=content)
    return _with_sent(fresh, sent), sent
