"""The domain's vocabulary: kinds, roles, statuses and codes, as plain enums.

Nothing here needs pydantic, so the start screen and the Swedish wording can use these
names without loading the models: the app shows its first frame sooner.
"""

from __future__ import annotations

from enum import StrEnum

SCHEMA_VERSION = 6
"""Version of the stored and exported record format. Bump it with a migration."""


class MeetingKind(StrEnum):
    FIRST = "first"
    FOLLOW_UP = "follow_up"
    CLOSING = "closing"


class Role(StrEnum):
    INITIATOR = "initiator"
    FACILITATOR = "facilitator"
    SECRETARY = "secretary"
    NAVIGATOR = "navigator"  # lots
    PROFESSIONAL = "professional"  # verksamhetsaktör
    GUARDIAN = "guardian"
    CHILD = "child"
    PRIVATE_NETWORK = "private_network"
    INTERPRETER = "interpreter"  # tolk (schema version 4)


SIGNING_ROLES = frozenset(
    {Role.INITIATOR, Role.FACILITATOR, Role.SECRETARY, Role.NAVIGATOR, Role.PROFESSIONAL, Role.GUARDIAN, Role.CHILD}
)
"""Who signs the SIP: the family and the professionals. An interpreter or someone of the
private network alone does not."""


class Presence(StrEnum):
    """How someone took part in the meeting (schema version 4); None: not marked yet."""

    ON_SITE = "on_site"
    PHONE = "phone"
    VIDEO = "video"
    LATE = "late"
    """Came after the start: ``Person.presence_at`` says when."""
    LEFT_EARLY = "left_early"
    """Left before the end: ``Person.presence_at`` says when."""
    ABSENT = "absent"


TOOK_PART = frozenset({Presence.ON_SITE, Presence.PHONE, Presence.VIDEO, Presence.LATE, Presence.LEFT_EARLY})
FROM_A_DISTANCE = frozenset({Presence.PHONE, Presence.VIDEO})
"""Took part without being in the room: approves the SIP orally, signs no line."""
TIMED_PRESENCE = frozenset({Presence.LATE, Presence.LEFT_EARLY})
"""Ways of taking part that carry the time someone came or left."""


class ChildParticipation(StrEnum):
    """Barnets delaktighet: how the child took part in the meeting (schema version 4)."""

    WHOLE = "whole"
    PART = "part"
    REMOTE = "remote"
    NONE = "none"


CHILD_TOOK_PART = frozenset({ChildParticipation.WHOLE, ChildParticipation.PART, ChildParticipation.REMOTE})
"""The child was in the meeting, all of it, part of it or from a distance."""


class ChildUnderstood(StrEnum):
    """Whether the child was told what was decided and understood it (SoL 3 kap. 3 §;
    schema version 5)."""

    UNDERSTOOD = "understood"
    WANTS_MORE = "wants_more"
    NOT_THERE = "not_there"


PROFESSIONAL_ROLES = frozenset(
    {Role.INITIATOR, Role.FACILITATOR, Role.SECRETARY, Role.NAVIGATOR, Role.PROFESSIONAL}
)


class Authority(StrEnum):
    """Huvudman: who funds and answers for an action."""

    REGION = "region"
    KOMMUN = "kommun"
    OTHER = "other"


LEAD_AUTHORITIES = (Authority.KOMMUN, Authority.REGION)
"""Who may have the overall responsibility for a SIP: the law names only the kommun and
the region (socialtjänstlagen (2025:400), 16 kap. 4 § hälso- och sjukvårdslagen)."""
NOT_A_LEAD_AUTHORITY = "not_a_lead_authority"
"""The error type of a lead authority that is neither kommun nor region."""


class ActionStatus(StrEnum):
    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    NOT_RELEVANT = "not_relevant"


class CaseStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class CaseEventKind(StrEnum):
    """What the case's history records besides its meetings and lots."""

    REOPENED = "reopened"
    """A finished (signed) meeting was opened again for changes."""
    CONSENT_WIDENED = "consent_widened"
    """The family agreed, in a meeting, that the consent covers one more verksamhet."""
    CONSENT_REVOKED = "consent_revoked"
    """The consent was revoked, for one verksamhet or whole."""
    KALLELSE_SENT = "kallelse_sent"
    """A kallelse was produced and kept as sent."""


class ConsentParty(StrEnum):
    """Who gives the consent: each guardian, and the child by age and maturity (from 15
    the child speaks for itself, SoL 3 kap. 4 §)."""

    GUARDIAN = "guardian"
    CHILD = "child"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    FINISHED = "finished"


class StepStatus(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"


class GoalHorizon(StrEnum):
    SHORT = "short"
    LONG = "long"


class GoalStatus(StrEnum):
    """Where a goal stands when the SIP is followed up (schema version 3)."""

    IN_PROGRESS = "in_progress"
    REACHED = "reached"
    PARTLY_REACHED = "partly_reached"
    NOT_REACHED = "not_reached"
    DROPPED = "dropped"


class Capture(StrEnum):
    """What the secretary captures during a step; the meeting screen picks a form by it."""

    ATTENDANCE = "attendance"
    CONSENT = "consent"
    PURPOSE = "purpose"
    FAMILY_STORY = "family_story"
    PROFESSIONALS_STORY = "professionals_story"
    NOTES = "notes"
    GOALS = "goals"
    ACTIONS = "actions"
    ACTION_STATUS = "action_status"
    NAVIGATOR = "navigator"
    LEAD_AUTHORITY = "lead_authority"
    VIEWS = "views"
    PARTICIPATION = "participation"
    NEXT_ATTENDEES = "next_attendees"
    NEXT_MEETING = "next_meeting"
    SIGNATURES = "signatures"
    REFLECTION = "reflection"
    IF_WORSE = "if_worse"
    SUMMARY = "summary"
    """The meeting summed up, and whether an actor is missing who should be called."""
    GOAL_STATUS = "goal_status"
    """At a follow-up and the closing meeting: each goal's status and evaluation."""
    EVALUATION = "evaluation"
    """At the closing meeting: the family's and the network's evaluation of the process."""


class SkipRule(StrEnum):
    NEW_PARTICIPANTS = "new_participants"
    """The step runs only when someone attends who was not at the previous meeting."""


class MissingCode(StrEnum):
    ACTIONS = "actions"
    ACTION_RESPONSIBLE = "action_responsible"
    LEAD_AUTHORITY = "lead_authority"
    GOALS = "goals"
    NAVIGATOR = "navigator"
    PARTICIPATION = "participation"
    ABSENCE_REASON = "absence_reason"
    CHILD_VIEW = "child_view"
    GUARDIANS_VIEW = "guardians_view"
    NEXT_MEETING = "next_meeting"
    FAMILY_STORY = "family_story"
    PROFESSIONALS_STORY = "professionals_story"
    CONSENT = "consent"
    NOT_COVERED = "not_covered"
    """Someone present whose organisation the consent does not cover on the day."""
    ACTION_AUTHORITY = "action_authority"
    GOAL_STATUS = "goal_status"
    SUMMARY = "summary"
    IF_WORSE = "if_worse"
    EVALUATION_FAMILY = "evaluation_family"
    EVALUATION_NETWORK = "evaluation_network"
    PRESENCE = "presence"
    """Someone on the attendance whose way of taking part is not marked (schema 4)."""
    CHILD_UNDERSTOOD = "child_understood"
    """The child took part, and whether it was told and understood is not recorded."""
    CONSENT_GUARDIAN = "consent_guardian"
    """A guardian of the child has not given the consent (schema 6)."""
    CONSENT_REVOKED = "consent_revoked"
    """Someone present, or an insats, belongs to a verksamhet whose consent is revoked."""
    LEAD_ABSENT = "lead_absent"
    """At the closing meeting, nobody from the huvudansvarig's verksamhet is present."""
