"""The kallelse: the routine's first document, built once as a ``SipDocument`` so that every
renderer prints it.

It says who is called to which meeting, when and where, why (the frågeställning) and how
the meeting runs (the agenda with its minutes), and carries the written
sekretessmedgivande that the guardians and the child sign: what it covers, between which
verksamheter, for how long, and that it can be revoked at any time, in part or whole
(Lotsmodellen's web page and manual). A pure function of the case and the meeting.
"""

from __future__ import annotations

from datetime import date, timedelta

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.models import Case, Meeting, Person, Role, StepRun
from facilitator.agenda.sipview import Section, Signer, SipDocument, Table


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.strip().split("\n\n") if p.strip()]


def _minutes(ns: int) -> int:
    return round(ns / NS_PER_MIN)


def _organisations(people: list[Person]) -> list[str]:
    """The verksamheter of the people called, each once, in the order of the list."""
    seen: dict[str, str] = {}
    for person in people:
        if person.organisation.strip():
            seen.setdefault(_fold(person.organisation), person.organisation)
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
        sv.AGENDA_HEADING, items=items, table=Table(list(sv.KALLELSE_AGENDA_COLUMNS), rows)
    )


def _revoked(case: Case, on: date) -> tuple[dict[str, date], date | None]:
    """Revocations in force on the meeting's day: per organisation, and of the whole."""
    consent = case.consent
    per_organisation: dict[str, date] = {}
    whole = None
    for revocation in consent.revocations:
        if revocation.on > on or (consent.given_on is not None and revocation.on < consent.given_on):
            continue
        if revocation.whole:
            whole = revocation.on
        else:
            per_organisation[_fold(revocation.organisation)] = revocation.on
    return per_organisation, whole


def kallelse_document(case: Case, meeting: Meeting) -> SipDocument:
    title = sv.KALLELSE_TITLE[meeting.kind]
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

    question = Section(sv.SECTION_QUESTION, _paragraphs(case.question) or [sv.NOT_STATED])
    if not case.question.strip():
        question.missing.append(sv.KALLELSE_MISSING_QUESTION)

    called_organisations = _organisations(meeting.attendance)
    consented = {_fold(o) for o in case.consent.organisations}
    called = Section(
        sv.KALLELSE_CALLED,
        items=[
            sv.KALLELSE_CONSENT_ONLY.format(organisation=o)
            for o in case.consent.organisations
            if o.strip() and _fold(o) not in {_fold(c) for c in called_organisations}
        ],
        table=Table(
            list(sv.KALLELSE_CALLED_COLUMNS),
            [[p.name, p.organisation, ", ".join(sv.ROLE[r] for r in p.roles)] for p in meeting.attendance],
        ),
    )
    if not called_organisations and not case.consent.organisations:
        called.missing.append(sv.KALLELSE_MISSING_ORGANISATIONS)

    # The verksamheter the medgivande is between: those of the case's consent, then any
    # called verksamhet it does not name yet (flagged, so the case is brought up to date).
    between = [o for o in case.consent.organisations if o.strip()]
    outside = [o for o in called_organisations if _fold(o) not in consented]
    revoked, revoked_whole = _revoked(case, start.date())
    consent_question = case.consent.question if case.consent.question.strip() else case.question
    form = Section(
        sv.SECTION_CONSENT_FORM,
        [
            sv.CONSENT_FORM_INTRO,
            sv.CONSENT_FORM_AGREE.format(child=case.child.name),
            *(_paragraphs(consent_question) or [sv.NOT_STATED]),
            sv.CONSENT_FORM_BETWEEN,
        ],
        items=[
            sv.CONSENT_FORM_REVOKED.format(organisation=o, on=revoked[_fold(o)].isoformat())
            if _fold(o) in revoked
            else o
            for o in between + outside
        ]
        + ([sv.CONSENT_FORM_REVOKED_WHOLE.format(on=revoked_whole.isoformat())] if revoked_whole else []),
    )
    form.missing += [sv.KALLELSE_NOT_IN_CONSENT.format(organisation=o) for o in outside]
    if not case.guardians:
        form.missing.append(sv.KALLELSE_MISSING_GUARDIANS)
    terms = Section(sv.SECTION_CONSENT_TERMS, items=list(sv.CONSENT_FORM_TERMS))

    signers = [Signer(g.name, sv.ROLE[Role.GUARDIAN]) for g in case.guardians]
    signers.append(Signer(case.child.name, sv.ROLE[Role.CHILD]))
    return SipDocument(
        title,
        facts,
        [question, called, _agenda(meeting.steps), form, terms],
        signers,
        header_line=f"{title} – {case.child.name} – {start:%Y-%m-%d}",
        signature_heading=sv.KALLELSE_SIGNATURE_HEADING,
        signature_hint=sv.SIGNATURE_PLACE_DATE,
    )
