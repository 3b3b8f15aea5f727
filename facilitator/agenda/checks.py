"""What a SIP still lacks, and who in the room the consent does not cover.

The law — socialtjänstlagen (2025:400), which carries on the SIP rule of the repealed
socialtjänstlag (2001:453), and 16 kap. 4 § hälso- och sjukvårdslagen (2017:30) — asks
every SIP for the actions needed, which actions each huvudman (kommun or region) carries
out, which someone else carries out, and which huvudman has the overall responsibility
for the plan; the meeting routine asks for the lots, the child's and guardians' views,
why the child did not take part, and the date of the next meeting; and when the child
took part, 3 kap. 3 § socialtjänstlagen asks that whether the child understood what was
decided is recorded, not assumed. Each missing part
names the capture that fills it, so the screen can jump to the step where it is typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from facilitator.agenda.kinds import MissingCode
from facilitator.agenda.models import Capture, Case, ChildParticipation, Consent, Meeting, MeetingKind, Person


@dataclass(frozen=True)
class MissingPart:
    code: MissingCode
    capture: Capture
    legal: bool
    """Required by law, not only by the routine."""
    detail: str = ""
    """User text that says which item (an action's description), shown as text."""


_Parts = Iterator[MissingPart]


def _presence(meeting: Meeting, case: Case | None) -> _Parts:
    for person in meeting.attendance:
        if person.presence is None:
            yield MissingPart(MissingCode.PRESENCE, Capture.ATTENDANCE, False, person.name)


def _consent(meeting: Meeting, case: Case | None) -> _Parts:
    """The consent confirmed; given by each guardian; covering each professional present;
    not revoked for the verksamhet of an insats."""
    if not meeting.sip.consent_confirmed:
        yield MissingPart(MissingCode.CONSENT, Capture.CONSENT, False)
    if case is None:
        return
    for guardian in case.missing_consent():
        yield MissingPart(MissingCode.CONSENT_GUARDIAN, Capture.CONSENT, True, guardian.name)
    consent = case.consent
    for person in uncovered(consent, meeting.attendance, meeting.day):
        revoked = consent.revoked(person.organisation_id, meeting.day) is not None
        yield MissingPart(
            MissingCode.CONSENT_REVOKED if revoked else MissingCode.NOT_COVERED,
            Capture.CONSENT,
            True,
            f"{person.name} ({person.organisation})" if person.organisation else person.name,
        )
    for action in meeting.sip.actions:
        if action.organisation_id and consent.revoked(action.organisation_id, meeting.day):
            yield MissingPart(
                MissingCode.CONSENT_REVOKED,
                Capture.ACTIONS,
                True,
                f"{action.what} ({action.organisation})" if action.organisation else action.what,
            )


def _stories(meeting: Meeting, case: Case | None) -> _Parts:
    sip = meeting.sip
    if not sip.family_story.strip():
        yield MissingPart(MissingCode.FAMILY_STORY, Capture.FAMILY_STORY, False)
    if not sip.professionals_story.strip():
        yield MissingPart(MissingCode.PROFESSIONALS_STORY, Capture.PROFESSIONALS_STORY, False)


def _goals(meeting: Meeting, case: Case | None) -> _Parts:
    if not meeting.sip.goals:
        capture = Capture.GOALS if meeting.kind is MeetingKind.FIRST else Capture.GOAL_STATUS
        yield MissingPart(MissingCode.GOALS, capture, False)


def _actions(meeting: Meeting, case: Case | None) -> _Parts:
    """The actions (the law asks for them), each with who carries it out and its huvudman."""
    actions = meeting.sip.actions
    if not actions:
        yield MissingPart(MissingCode.ACTIONS, Capture.ACTIONS, True)
    for action in actions:
        if not action.responsible.strip() and not action.organisation.strip():
            yield MissingPart(MissingCode.ACTION_RESPONSIBLE, Capture.ACTIONS, True, action.what)
        if action.authority is None:
            yield MissingPart(MissingCode.ACTION_AUTHORITY, Capture.ACTIONS, True, action.what)


def _goal_status(meeting: Meeting, case: Case | None) -> _Parts:
    """At a follow-up or a closing meeting, how each goal went."""
    if meeting.kind is MeetingKind.FIRST:
        return
    for goal in meeting.sip.goals:
        if goal.status is None:
            yield MissingPart(MissingCode.GOAL_STATUS, Capture.GOAL_STATUS, False, goal.text)


def _lead(meeting: Meeting, case: Case | None) -> _Parts:
    """The huvudansvarig huvudman; at the closing meeting, someone of it present."""
    lead = meeting.sip.lead_authority
    if lead is None:
        yield MissingPart(MissingCode.LEAD_AUTHORITY, Capture.LEAD_AUTHORITY, True)
    elif (
        meeting.kind is MeetingKind.CLOSING
        and lead.organisation_id
        and not any(p.present and p.organisation_id == lead.organisation_id for p in meeting.attendance)
    ):
        yield MissingPart(MissingCode.LEAD_ABSENT, Capture.LEAD_AUTHORITY, False, lead.organisation)


def _navigator(meeting: Meeting, case: Case | None) -> _Parts:
    if meeting.sip.navigator is None and meeting.kind is not MeetingKind.CLOSING:
        yield MissingPart(MissingCode.NAVIGATOR, Capture.NAVIGATOR, False)


def _participation(meeting: Meeting, case: Case | None) -> _Parts:
    """How the child took part, why not, and whether the child understood."""
    sip = meeting.sip
    if sip.child_participation is None:
        yield MissingPart(MissingCode.PARTICIPATION, Capture.PARTICIPATION, False)
    elif sip.child_participation is ChildParticipation.NONE and not sip.child_absence_reason.strip():
        yield MissingPart(MissingCode.ABSENCE_REASON, Capture.PARTICIPATION, False)
    if sip.child_took_part and sip.child_understood is None:
        yield MissingPart(MissingCode.CHILD_UNDERSTOOD, Capture.PARTICIPATION, True)


def _texts(meeting: Meeting, case: Case | None) -> _Parts:
    """The views, the summary, what to do if things get worse and the evaluation."""
    sip = meeting.sip
    texts = (
        (sip.child_view, MissingCode.CHILD_VIEW, Capture.VIEWS),
        (sip.guardians_view, MissingCode.GUARDIANS_VIEW, Capture.VIEWS),
        (sip.summary, MissingCode.SUMMARY, Capture.SUMMARY),
        (sip.if_worse, MissingCode.IF_WORSE, Capture.IF_WORSE),
        (sip.evaluation_family, MissingCode.EVALUATION_FAMILY, Capture.EVALUATION),
        (sip.evaluation_network, MissingCode.EVALUATION_NETWORK, Capture.EVALUATION),
    )
    for text, code, capture in texts:
        if not text.strip():
            yield MissingPart(code, capture, False)


def _next_meeting(meeting: Meeting, case: Case | None) -> _Parts:
    if meeting.sip.next_meeting.start is None and meeting.kind is not MeetingKind.CLOSING:
        yield MissingPart(MissingCode.NEXT_MEETING, Capture.NEXT_MEETING, False)


_TOPICS: tuple[Callable[[Meeting, Case | None], _Parts], ...] = (
    _presence,
    _consent,
    _stories,
    _goals,
    _actions,
    _goal_status,
    _lead,
    _navigator,
    _participation,
    _texts,
    _next_meeting,
)
"""Each topic's check, in the order the missing parts are listed."""


def missing_parts(meeting: Meeting, case: Case | None = None) -> list[MissingPart]:
    """Everything the law or the routine asks of this meeting's SIP that is not there yet.
    Given the case, each guardian who has not given the consent is one missing part, and
    each professional present whom the consent does not cover on the meeting's day (or
    no longer covers: revoked), and each insats of a verksamhet whose consent is revoked:
    information must not be shared with them. Only what a step of the agenda captures
    is asked for."""
    captured = {c for step in meeting.steps for c in step.captures}
    return [part for topic in _TOPICS for part in topic(meeting, case) if part.capture in captured]


def step_for(meeting: Meeting, capture: Capture) -> int | None:
    """Index of the first step of the agenda where ``capture`` is typed."""
    for index, step in enumerate(meeting.steps):
        if capture in step.captures:
            return index
    return None


def uncovered(consent: Consent, attendance: list[Person], on: date) -> list[Person]:
    """Professionals present whose organisation the consent does not cover on ``on``."""
    return [
        person
        for person in attendance
        if person.present and person.is_professional and not consent.covers(person.organisation_id, on)
    ]
