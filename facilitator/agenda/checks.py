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


def missing_parts(meeting: Meeting, case: Case | None = None) -> list[MissingPart]:
    """Everything the law or the routine asks of this meeting's SIP that is not there yet.
    Given the case, each guardian who has not given the consent is one missing part, and
    each professional present whom the consent does not cover on the meeting's day (or
    no longer covers: revoked), and each insats of a verksamhet whose consent is revoked:
    information must not be shared with them."""
    sip = meeting.sip
    case_consent = case.consent if case is not None else None
    found: list[MissingPart] = []

    def need(code: MissingCode, capture: Capture, legal: bool = False, detail: str = "") -> None:
        found.append(MissingPart(code, capture, legal, detail))

    for person in meeting.attendance:
        if person.presence is None:
            need(MissingCode.PRESENCE, Capture.ATTENDANCE, detail=person.name)
    if not sip.consent_confirmed:
        need(MissingCode.CONSENT, Capture.CONSENT)
    for guardian in case.missing_consent() if case is not None else []:
        need(MissingCode.CONSENT_GUARDIAN, Capture.CONSENT, legal=True, detail=guardian.name)
    for person in uncovered(case_consent, meeting.attendance, meeting.day) if case_consent else []:
        revoked = case_consent.revoked(person.organisation_id, meeting.day) is not None
        need(
            MissingCode.CONSENT_REVOKED if revoked else MissingCode.NOT_COVERED,
            Capture.CONSENT,
            legal=True,
            detail=f"{person.name} ({person.organisation})" if person.organisation else person.name,
        )
    for action in sip.actions if case_consent else []:
        if action.organisation_id and case_consent.revoked(action.organisation_id, meeting.day):
            need(
                MissingCode.CONSENT_REVOKED,
                Capture.ACTIONS,
                legal=True,
                detail=f"{action.what} ({action.organisation})" if action.organisation else action.what,
            )
    if not sip.family_story.strip():
        need(MissingCode.FAMILY_STORY, Capture.FAMILY_STORY)
    if not sip.professionals_story.strip():
        need(MissingCode.PROFESSIONALS_STORY, Capture.PROFESSIONALS_STORY)
    if not sip.goals:
        need(MissingCode.GOALS, Capture.GOALS if meeting.kind is MeetingKind.FIRST else Capture.GOAL_STATUS)
    if not sip.actions:
        need(MissingCode.ACTIONS, Capture.ACTIONS, legal=True)
    for action in sip.actions:
        if not action.responsible.strip() and not action.organisation.strip():
            need(MissingCode.ACTION_RESPONSIBLE, Capture.ACTIONS, legal=True, detail=action.what)
        if action.authority is None:
            need(MissingCode.ACTION_AUTHORITY, Capture.ACTIONS, legal=True, detail=action.what)
    if meeting.kind is not MeetingKind.FIRST:
        for goal in sip.goals:
            if goal.status is None:
                need(MissingCode.GOAL_STATUS, Capture.GOAL_STATUS, detail=goal.text)
    lead = sip.lead_authority
    if lead is None:
        need(MissingCode.LEAD_AUTHORITY, Capture.LEAD_AUTHORITY, legal=True)
    elif meeting.kind is MeetingKind.CLOSING and lead.organisation_id and not any(
        p.present and p.organisation_id == lead.organisation_id for p in meeting.attendance
    ):
        need(MissingCode.LEAD_ABSENT, Capture.LEAD_AUTHORITY, detail=lead.organisation)
    if sip.navigator is None and meeting.kind is not MeetingKind.CLOSING:
        need(MissingCode.NAVIGATOR, Capture.NAVIGATOR)
    if sip.child_participation is None:
        need(MissingCode.PARTICIPATION, Capture.PARTICIPATION)
    elif sip.child_participation is ChildParticipation.NONE and not sip.child_absence_reason.strip():
        need(MissingCode.ABSENCE_REASON, Capture.PARTICIPATION)
    if sip.child_took_part and sip.child_understood is None:
        need(MissingCode.CHILD_UNDERSTOOD, Capture.PARTICIPATION, legal=True)
    if not sip.child_view.strip():
        need(MissingCode.CHILD_VIEW, Capture.VIEWS)
    if not sip.guardians_view.strip():
        need(MissingCode.GUARDIANS_VIEW, Capture.VIEWS)
    if not sip.summary.strip():
        need(MissingCode.SUMMARY, Capture.SUMMARY)
    if not sip.if_worse.strip():
        need(MissingCode.IF_WORSE, Capture.IF_WORSE)
    if not sip.evaluation_family.strip():
        need(MissingCode.EVALUATION_FAMILY, Capture.EVALUATION)
    if not sip.evaluation_network.strip():
        need(MissingCode.EVALUATION_NETWORK, Capture.EVALUATION)
    if sip.next_meeting.start is None and meeting.kind is not MeetingKind.CLOSING:
        need(MissingCode.NEXT_MEETING, Capture.NEXT_MEETING)
    captured = {c for step in meeting.steps for c in step.captures}
    return [part for part in found if part.capture in captured]


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
