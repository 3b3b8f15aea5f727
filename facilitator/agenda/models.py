"""The records of a Lotsprocess: case, people, meeting, step runs and the SIP.

Every text field is cleaned on the way in (see ``text``); every record that is stored
on its own (case, meeting, SIP revision) carries ``schema_version``.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from facilitator.agenda.kinds import (  # the vocabulary, re-exported from here too
    CHILD_TOOK_PART,
    FROM_A_DISTANCE,
    LEAD_AUTHORITIES,
    NOT_A_LEAD_AUTHORITY,
    PROFESSIONAL_ROLES,
    SCHEMA_VERSION,
    SIGNING_ROLES,
    TIMED_PRESENCE,
    TOOK_PART,
    ActionStatus,
    Authority,
    Capture,
    CaseEventKind,
    CaseStatus,
    ChildParticipation,
    ChildUnderstood,
    ConsentParty,
    GoalHorizon,
    GoalStatus,
    MeetingKind,
    MeetingStatus,
    Presence,
    Role,
    SkipRule,
    StepStatus,
)
from facilitator.agenda.text import Line, Sentence, Text


def new_id() -> str:
    return uuid.uuid4().hex


Id = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
"""An id as the app makes them (32 lower-case hex digits): what the command line can find."""

YEAR_MIN = 1900
YEAR_MAX = 2199
"""The years a date or a moment may fall in: what every export prints and every date
computation (working days, calendars, the clock) handles."""
_YEAR_PATTERN = r"(19[0-9]{2}|2[01][0-9]{2})"


def _in_years(value: date) -> date:
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise ValueError(f"the year is not between {YEAR_MIN} and {YEAR_MAX}")
    return value


Moment = Annotated[
    AwareDatetime,
    AfterValidator(_in_years),
    Field(json_schema_extra={"pattern": rf"^{_YEAR_PATTERN}-.*(Z|z|[+-][0-9]{{2}}:[0-9]{{2}})$"}),
]
"""A point in time with its offset from UTC, in the years above. A moment without an
offset is refused: the app compares moments, and a naive one cannot be compared."""

Day = Annotated[date, AfterValidator(_in_years), Field(json_schema_extra={"pattern": rf"^{_YEAR_PATTERN}-"})]
"""A calendar day in the years above."""

MAX_DURATION_NS = 366 * 24 * 3600 * 1_000_000_000
"""The longest a step may be planned, given or run: a year (a timer left running for
months still fits; a number the clock's arithmetic cannot hold does not)."""

MAX_WALL_NS = 10_413_792_000 * 1_000_000_000
"""Wall-clock nanoseconds before 2300-01-01 UTC: a timer started in the last year a
meeting may be planned, its steps as long as they may be, still ends before it."""

Duration = Annotated[int, Field(ge=0, le=MAX_DURATION_NS)]
WallNs = Annotated[int, Field(ge=0, lt=MAX_WALL_NS)]


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        validate_assignment=True,
        validate_default=True,
        use_enum_values=False,
        # Validators are built on first use, not at import: the app shows its first
        # frame before any record is read.
        defer_build=True,
    )


class Record(Model):
    """A model stored or exported on its own, so it says which format it is.

    A record of an earlier version is read (the fields it lacks take their defaults) and
    from then on is one of this version: saved again, it says so, so that an older
    program refuses it instead of misreading it."""

    schema_version: Annotated[int, Field(ge=1, le=SCHEMA_VERSION)] = SCHEMA_VERSION

    @model_validator(mode="after")
    def _current(self) -> Record:
        if self.schema_version != SCHEMA_VERSION:
            object.__setattr__(self, "schema_version", SCHEMA_VERSION)
        return self


# --- people and consent -------------------------------------------------------------


class Guardian(Model):
    id: Id = Field(default_factory=new_id)
    """Schema version 6: each guardian's consent refers to the guardian by id."""
    name: Line
    contact: Line = ""


class Organisation(Model):
    """A verksamhet of the case (a school, BUP, socialtjänsten …): what the consent covers,
    and what participants, insatser, the lots and the huvudansvarig belong to, by id —
    never by comparing names (schema version 6)."""

    id: Id = Field(default_factory=new_id)
    name: Line
    authority: Authority | None = None
    """Its huvudman: kommun, region or another actor (None: not stated yet)."""
    body: Line = ""
    """The legal body that answers for it: "Kristianstads kommun, barn- och
    utbildningsnämnden", "Region Skåne"."""

    @property
    def legal_name(self) -> str:
        """The verksamhet with the body that answers for it, as the paper names it."""
        return f"{self.name} ({self.body})" if self.body else self.name


def fold(name: str) -> str:
    """A name as the case's verksamheter are looked up by when one is typed."""
    return " ".join(name.casefold().split())


def legacy_organisation_id(case_id: str, name: str) -> str:
    """The id a verksamhet named ``name`` in case ``case_id`` gets when records of schema
    5 or older, which named verksamheter by text, are brought up to date: the same text in
    the case and in its meetings becomes the same record."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"facilitator:{case_id}:{fold(name)}").hex


class Child(Model):
    name: Line
    birth_year: Annotated[int, Field(ge=1990, le=2100)] | None = None


class Person(Model):
    """Someone on the attendance list (närvarolista)."""

    id: Id = Field(default_factory=new_id)
    name: Line
    title: Line = ""
    """A professional's title (kurator, psykolog, socialsekreterare …); schema version 4."""
    organisation: Line = ""
    """The verksamhet's name as shown; which verksamhet it is, is ``organisation_id``."""
    organisation_id: Id | None = None
    """The case's verksamhet this person belongs to (schema version 6)."""
    roles: Annotated[list[Role], Field(min_length=1, max_length=len(Role), json_schema_extra={"uniqueItems": True})] = [
        Role.PROFESSIONAL
    ]
    contact: Line = ""
    presence: Presence | None = Presence.ON_SITE
    """How they took part (schema version 4: before, a yes or no, "present"). Someone
    added in the room is there; None: not marked yet — those called to a meeting, until
    the presentation round marks them."""
    presence_at: time | None = None
    """When someone who came late arrived, or someone who left early left."""
    language: Line = ""
    """An interpreter's language."""
    interprets_for: Annotated[list[Id], Field(max_length=20)] = []
    """An interpreter's: the people on the attendance they interpret for, by id."""

    @model_validator(mode="after")
    def _unique_roles(self) -> Person:
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("a role is listed twice")
        if self.presence not in TIMED_PRESENCE and self.presence_at is not None:
            object.__setattr__(self, "presence_at", None)
        return self

    @property
    def present(self) -> bool:
        """Took part in the meeting, in the room or from a distance, all of it or part."""
        return self.presence in TOOK_PART

    @property
    def remote(self) -> bool:
        """Took part from a distance (by phone or video): approves orally, signs no line."""
        return self.presence in FROM_A_DISTANCE

    @property
    def is_professional(self) -> bool:
        return any(role in PROFESSIONAL_ROLES for role in self.roles)

    @property
    def is_interpreter(self) -> bool:
        return Role.INTERPRETER in self.roles

    @property
    def signs(self) -> bool:
        """Whether the SIP has a place for this person to sign or approve it."""
        return any(role in SIGNING_ROLES for role in self.roles)


class ConsentGiver(Model):
    """One person's consent: a guardian's, or the child's own (schema version 6)."""

    party: ConsentParty = ConsentParty.GUARDIAN
    guardian_id: Id | None = None
    """The guardian who gave it (for a guardian's consent)."""
    name: Line
    on: Day


class Widening(Model):
    """The family agreed, in a meeting, that the consent covers one more verksamhet."""

    organisation_id: Id
    on: Day
    agreed_by: Line = ""
    """Who agreed: "Maria och Jonas Åkesson"."""


class Revocation(Model):
    """Consent withdrawn on a date, for one verksamhet or (none named) whole."""

    on: Day
    organisation_id: Id | None = None
    """The verksamhet the consent no longer covers; None: the whole consent (schema 6)."""
    organisation: Line = ""
    """Its name when it was revoked, as the history shows it."""
    by: Line = ""
    """Who revoked it (schema version 6)."""
    note: Sentence = ""

    @property
    def whole(self) -> bool:
        return self.organisation_id is None


class Consent(Model):
    """Sekretessmedgivande: the family waives secrecy for the verksamheter named, from
    the day it is given until it is revoked (OSL 12 kap. 2 §)."""

    givers: Annotated[list[ConsentGiver], Field(max_length=5)] = []
    given_on: Day | None = None
    covered: Annotated[list[Id], Field(max_length=50)] = []
    """The case's verksamheter (ids) the consent names as given."""
    widened: Annotated[list[Widening], Field(max_length=50)] = []
    question: Text = ""
    revocations: Annotated[list[Revocation], Field(max_length=100)] = []

    def _in_force(self, on: date) -> list[Revocation]:
        """Revocations made on or before ``on`` since the consent was (last) given."""
        if self.given_on is None:
            return []
        return [r for r in self.revocations if self.given_on <= r.on <= on]

    def named(self, on: date | None = None) -> list[Id]:
        """The verksamheter the consent names on ``on`` (every one when None): as given,
        then as widened, each once, revoked or not."""
        ids = list(self.covered)
        for widening in self.widened:
            if (on is None or widening.on <= on) and widening.organisation_id not in ids:
                ids.append(widening.organisation_id)
        return ids

    def covers(self, organisation_id: str | None, on: date) -> bool:
        """Whether information may be shared with the verksamhet ``organisation_id`` on
        the day ``on``: named by the consent, given by then, and not revoked."""
        if organisation_id is None or self.given_on is None or on < self.given_on:
            return False
        if organisation_id not in self.named(on):
            return False
        return not self.revoked(organisation_id, on)

    def revoked(self, organisation_id: str | None, on: date) -> Revocation | None:
        """The revocation in force on ``on`` that takes ``organisation_id`` out (the whole
        consent's, or the verksamhet's own)."""
        for revocation in self._in_force(on):
            if revocation.whole or revocation.organisation_id == organisation_id:
                return revocation
        return None

    def revoked_whole(self, on: date) -> bool:
        """The whole consent is withdrawn: no new meeting until it is given again."""
        return any(r.whole for r in self._in_force(on))

    def given_by(self, guardian: Guardian) -> ConsentGiver | None:
        return next((g for g in self.givers if g.guardian_id == guardian.id), None)

    @property
    def child(self) -> ConsentGiver | None:
        """The child's own consent, when the child gave it."""
        return next((g for g in self.givers if g.party is ConsentParty.CHILD), None)


# --- the SIP ----------------------------------------------------------------------


class Goal(Model):
    id: Id = Field(default_factory=new_id)
    text: Sentence
    horizon: GoalHorizon = GoalHorizon.SHORT
    status: GoalStatus | None = None
    """Set when the SIP is followed up (None: not yet evaluated). Schema version 3."""
    evaluation: Sentence = ""
    """How it went, in the words of the follow-up. Schema version 3."""
    child: Line = ""
    """The goal said to the child, in "du" form: what the child's view and the child's
    plan show of it (schema version 5). Empty: the adults explain it."""
    understood: ChildUnderstood | None = None
    """Whether the child was told this goal and understood it (schema version 5)."""


class Action(Model):
    """Insats/åtgärd: what, who (person, organisation, huvudman), by when, status."""

    id: Id = Field(default_factory=new_id)
    what: Sentence
    responsible: Line = ""
    organisation: Line = ""
    organisation_id: Id | None = None
    """The case's verksamhet that carries it out (schema version 6)."""
    authority: Authority | None = None
    """Huvudman: region, kommun or another actor; None when nobody chose (schema 3; before,
    an action saved without one became "other")."""
    due: Day | None = None
    status: ActionStatus = ActionStatus.PLANNED
    comment: Sentence = ""
    child: Line = ""
    """The insats said to the child, in "du" form (schema version 5); empty: the adults
    explain it."""
    understood: ChildUnderstood | None = None
    """Whether the child was told this insats and understood it (schema version 5)."""


class Navigator(Model):
    """The lots: one professional the family trusts, with contact details."""

    person_id: Id | None = None
    name: Line
    organisation: Line = ""
    organisation_id: Id | None = None
    phone: Line = ""
    email: Line = ""


class LeadAuthority(Model):
    """Huvudansvarig huvudman: required in every SIP, and only a kommun or a region."""

    authority: Authority
    organisation: Line = ""
    organisation_id: Id | None = None
    """The case's verksamhet that holds the overall responsibility, and keeps the signed
    original (schema version 6)."""

    @model_validator(mode="after")
    def _kommun_or_region(self) -> LeadAuthority:
        if self.authority not in LEAD_AUTHORITIES:
            raise PydanticCustomError(NOT_A_LEAD_AUTHORITY, "the lead authority must be a kommun or a region")
        return self


def lead_authority_refused(error: ValidationError) -> bool:
    """Whether ``error`` holds a lead authority that is neither kommun nor region."""
    return any(e["type"] == NOT_A_LEAD_AUTHORITY for e in error.errors())


class NextMeeting(Model):
    start: Moment | None = None
    minutes: Annotated[int, Field(ge=15, le=240)] = 60
    place: Line = ""
    attendees: Annotated[list[Line], Field(max_length=100)] = []
    """Names of those at this meeting who are to attend the next."""
    kind: MeetingKind | None = None
    """Follow-up or closing meeting (None: a follow-up). Schema version 2."""
    called: Annotated[list[Person], Field(max_length=50)] = []
    """Actors who were not at this meeting and are to be called to the next (schema 2)."""


class Signature(Model):
    """That someone signed the SIP, or (from a distance) approved it orally, as the
    secretary recorded it in the meeting's last step."""

    name: Line
    role: Role
    organisation: Line = ""
    signed_on: Day | None = None
    oral: bool = False
    """Approved orally, by phone or video (schema version 4)."""
    noted_by: Line = ""
    """Who noted an oral approval: the meeting's secretary."""


class Sip(Record):
    """Samordnad individuell plan, as it stands after one meeting."""

    consent_confirmed: bool = False
    introductions: Text = ""
    """Notes from the presentation round (schema version 2)."""
    purpose: Text = ""
    family_story: Text = ""
    professionals_story: Text = ""
    notes: Text = ""
    goals: Annotated[list[Goal], Field(max_length=200)] = []
    actions: Annotated[list[Action], Field(max_length=500)] = []
    navigator: Navigator | None = None
    lead_authority: LeadAuthority | None = None
    child_participation: ChildParticipation | None = None
    """How the child took part (schema version 4: before, a yes or no)."""
    child_absence_reason: Text = ""
    """Why the child was not there, or for which part."""
    child_view: Text = ""
    child_view_relayed_by: Line = ""
    """Who told the meeting the child's view, when the child did not say it: "mamma",
    "Karin på skolan". Empty: the child's own words (schema version 5)."""
    guardians_view: Text = ""
    reflection: Text = ""
    if_worse: Text = ""
    navigator_view: Text = ""
    """The family's view when the lots is chosen (schema version 3)."""
    summary: Text = ""
    """The meeting summed up by the samtalsledare or the secretary (schema version 3)."""
    child_summary: Text = ""
    """The meeting summed up for the child, in "du" form (schema version 5)."""
    child_understood: ChildUnderstood | None = None
    """Whether the child was told what was decided and understood it (schema version 5)."""
    child_understood_note: Sentence = ""
    """What the child wants to know more about, or how it was told."""
    child_focus: Id | None = None
    """The goal or insats last added or changed: the child's view shows its child line
    while the meeting is in Dialog or Sammanfattning (schema version 5)."""
    missing_actors: Text = ""
    """"Saknas någon aktör som bör kallas?" — and who (schema version 3)."""
    evaluation_family: Text = ""
    """At the closing meeting: the child's and the guardians' evaluation of the process."""
    evaluation_network: Text = ""
    """At the closing meeting: the professional network's evaluation of the process."""
    next_meeting: NextMeeting = Field(default_factory=NextMeeting)
    signatures: Annotated[list[Signature], Field(max_length=100)] = []

    @property
    def child_took_part(self) -> bool:
        """The child was in the meeting: all of it, part of it or from a distance."""
        return self.child_participation in CHILD_TOOK_PART


SIP_TEXT_FIELDS = (
    "introductions",
    "purpose",
    "family_story",
    "professionals_story",
    "notes",
    "child_absence_reason",
    "child_view",
    "child_view_relayed_by",
    "guardians_view",
    "reflection",
    "if_worse",
    "navigator_view",
    "summary",
    "child_summary",
    "child_understood_note",
    "missing_actors",
    "evaluation_family",
    "evaluation_network",
)
"""The SIP's free-text fields: what the secretary types a step's words into."""


def apply_draft(sip: Sip, fields: dict[str, str]) -> None:
    """Put text typed but not yet saved into ``sip``: only its free-text fields, each
    cleaned as any text is; a value the model refuses (too long) is left out."""
    for name, text in fields.items():
        if name in SIP_TEXT_FIELDS:
            try:
                setattr(sip, name, text)
            except ValidationError:
                continue


# --- the meeting --------------------------------------------------------------------


class StepRun(Model):
    """One step of a meeting's agenda as it was planned and as it ran.

    Durations are integer nanoseconds so that time arithmetic is exact.
    """

    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    title: Line
    phase: Line = ""
    guidance: Sentence = ""
    child: Sentence = ""
    """The step in a child's words, from the agenda template (schema version 3)."""
    captures: Annotated[list[Capture], Field(max_length=6)] = []
    skip_unless: SkipRule | None = None
    planned_ns: Duration
    allotted_ns: Duration
    elapsed_ns: Duration = 0
    status: StepStatus = StepStatus.PENDING
    started_wall_ns: WallNs | None = None
    ended_wall_ns: WallNs | None = None


class TimerState(Model):
    """Where the meeting's timer stands, in wall time so it survives a restart."""

    current: Annotated[int, Field(ge=0, lt=30)] = 0
    running: bool = False
    segment_start_wall_ns: WallNs | None = None
    started_wall_ns: WallNs | None = None
    target_end_wall_ns: WallNs | None = None
    finished_wall_ns: WallNs | None = None
    saved_wall_ns: WallNs | None = None

    @model_validator(mode="after")
    def _running_has_segment(self) -> TimerState:
        if self.running and self.segment_start_wall_ns is None:
            raise ValueError("a running timer needs the start of its current segment")
        return self


class Meeting(Record):
    id: Id = Field(default_factory=new_id)
    case_id: Id
    kind: MeetingKind
    planned_start: Moment
    held_start: Moment | None = None
    """When the meeting was actually held: set when its timer first starts (schema
    version 4). None: not held yet."""
    planned_minutes: Annotated[int, Field(ge=15, le=240)]
    place: Line = ""
    attendance: Annotated[list[Person], Field(max_length=100)] = []
    steps: Annotated[list[StepRun], Field(min_length=1, max_length=30)]
    timer: TimerState = Field(default_factory=TimerState)
    status: MeetingStatus = MeetingStatus.PLANNED
    sip: Sip = Field(default_factory=Sip)
    child_room: bool = False
    """The room views show the child's view: switched in the writer's window, followed by
    every room view of the meeting (schema version 3)."""

    @property
    def held(self) -> bool:
        """Whether the meeting has been held (its timer has started)."""
        return self.held_start is not None and self.status is not MeetingStatus.PLANNED

    @property
    def start(self) -> datetime:
        """The meeting's moment on paper and in every list: when it was held, once it
        has started; until then when it is planned."""
        return self.held_start if self.held and self.held_start else self.planned_start

    @property
    def day(self) -> date:
        """The day the meeting was held (or, before that, is planned)."""
        return self.start.date()

    @model_validator(mode="after")
    def _timer_in_range(self) -> Meeting:
        if self.timer.current >= len(self.steps):
            raise ValueError("the current step is not on the agenda")
        if len({s.key for s in self.steps}) != len(self.steps):
            raise ValueError("two steps share a key")
        return self


class LotsChange(Model):
    """The lots from a date on, as the case's history keeps it."""

    on: Day
    name: Line
    organisation: Line = ""


class CaseEvent(Model):
    """Something done to the case that its history keeps (schema version 2)."""

    on: Day
    kind: CaseEventKind
    meeting_id: Id | None = None
    note: Sentence = ""


class SentKallelse(Model):
    """A kallelse as it was sent: its day, who sent it, and its content, so that it is
    printed again unchanged; a changed kallelse is a new one, kept beside the old
    (schema version 6)."""

    id: Id = Field(default_factory=new_id)
    meeting_id: Id
    on: Day
    sender: Line = ""
    content: Annotated[dict, Field(max_length=64)]
    """The document as sent (the kallelse view, as data)."""


class Case(Record):
    """Ärende / lotsprocess: one child's process over several meetings."""

    id: Id = Field(default_factory=new_id)
    child: Child
    guardians: Annotated[list[Guardian], Field(max_length=4)] = []
    question: Text = ""
    kallelse_date: Day | None = None
    organisations: Annotated[list[Organisation], Field(max_length=100)] = []
    """The case's verksamheter (schema version 6)."""
    consent: Consent = Field(default_factory=Consent)
    status: CaseStatus = CaseStatus.OPEN
    created_at: Moment
    lots_history: Annotated[list[LotsChange], Field(max_length=50)] = []
    history: Annotated[list[CaseEvent], Field(max_length=500)] = []
    kallelser: Annotated[list[SentKallelse], Field(max_length=100)] = []
    """Each kallelse as sent (schema version 6)."""

    @model_validator(mode="after")
    def _consent_names_the_cases_verksamheter(self) -> Case:
        known = {o.id for o in self.organisations}
        named = set(self.consent.named()) | {r.organisation_id for r in self.consent.revocations if r.organisation_id}
        if named - known:
            raise ValueError("the consent names a verksamhet the case does not have")
        guardians = {g.id for g in self.guardians}
        givers = [g for g in self.consent.givers if g.party is ConsentParty.CHILD or g.guardian_id in guardians]
        if len(givers) != len(self.consent.givers):  # a guardian taken off the case
            object.__setattr__(self.consent, "givers", givers)
        return self

    def organisation(self, organisation_id: str | None) -> Organisation | None:
        return next((o for o in self.organisations if o.id == organisation_id), None)

    def organisation_name(self, organisation_id: str | None) -> str:
        found = self.organisation(organisation_id)
        return found.name if found else ""

    def choose_organisation(self, name: str) -> Organisation | None:
        """The case's verksamhet called ``name`` as the secretary picked or typed it, a
        new one added on the spot when the case has none of that name (None for none)."""
        wanted = fold(name)
        if not wanted:
            return None
        found = next((o for o in self.organisations if fold(o.name) == wanted), None)
        if found is None:
            found = Organisation(name=name)
            self.organisations = [*self.organisations, found]
        return found

    def link(self, holder: Person | Action | Navigator | LeadAuthority) -> bool:
        """Tie what ``holder`` belongs to to one of the case's verksamheter: the one its
        id names (added to the case if the case lacks it), or, for a name typed without
        one, the verksamhet chosen by that name. True if anything changed."""
        if holder.organisation_id is not None:
            if self.organisation(holder.organisation_id) is not None:
                return False
            name = holder.organisation.strip()
            if not name:
                holder.organisation_id = None
                return True
            self.organisations = [*self.organisations, Organisation(id=holder.organisation_id, name=name)]
            return True
        chosen = self.choose_organisation(holder.organisation)
        if chosen is None:
            return False
        holder.organisation_id = chosen.id
        holder.organisation = chosen.name
        return True

    def assign(self, holder: Person | Action | Navigator | LeadAuthority, name: str) -> None:
        """``holder`` belongs to the verksamhet called ``name``, as typed or picked: the
        same one if the name is its own, else the case's verksamhet of that name (new if
        none)."""
        if fold(name) != fold(self.organisation_name(holder.organisation_id)):
            holder.organisation_id = None
        holder.organisation = name
        if not fold(name):
            holder.organisation_id = None
            return
        self.link(holder)

    def adopt(self, meeting: Meeting) -> bool:
        """Tie everyone and everything of ``meeting`` to the case's verksamheter (see
        ``link``); True if the case or the meeting changed."""
        sip = meeting.sip
        holders: list[Person | Action | Navigator | LeadAuthority] = [
            *meeting.attendance, *sip.next_meeting.called, *sip.actions
        ]
        holders += [x for x in (sip.navigator, sip.lead_authority) if x is not None]
        changed = False
        for holder in holders:
            changed = self.link(holder) or changed
        return changed

    def give_consent(
        self,
        organisations: list[str],
        on: date,
        by: list[str] | None = None,
        child: bool = False,
        question: str = "",
    ) -> Consent:
        """The consent as the family gives it on ``on``: for the verksamheter named (the
        case's own, or new ones), by the guardians named in ``by`` (every guardian when
        None) and, with ``child``, the child."""
        covered = [o.id for o in (self.choose_organisation(n) for n in organisations) if o is not None]
        givers = [
            ConsentGiver(guardian_id=g.id, name=g.name, on=on)
            for g in self.guardians
            if by is None or fold(g.name) in {fold(b) for b in by}
        ]
        if child:
            givers.append(ConsentGiver(party=ConsentParty.CHILD, name=self.child.name, on=on))
        self.consent = Consent(
            givers=givers,
            given_on=on,
            covered=list(dict.fromkeys(covered)),
            question=question,
            revocations=self.consent.revocations,
        )
        return self.consent

    def revoke(self, on: date, organisation_id: str | None = None, by: str = "", note: str = "") -> Revocation:
        """The consent revoked on ``on`` by ``by``: for one verksamhet, or whole (None)."""
        revocation = Revocation(
            on=on, organisation_id=organisation_id, organisation=self.organisation_name(organisation_id), by=by, note=note
        )
        self.consent.revocations = [*self.consent.revocations, revocation]
        return revocation

    def widen(self, organisation_id: str, on: date, agreed_by: str = "") -> Widening:
        """The consent covers ``organisation_id`` too from ``on``, as the family agreed."""
        widening = Widening(organisation_id=organisation_id, on=on, agreed_by=agreed_by)
        self.consent.widened = [*self.consent.widened, widening]
        return widening

    def missing_consent(self) -> list[Guardian]:
        """The guardians who have not given the consent."""
        return [g for g in self.guardians if self.consent.given_by(g) is None]

    def record_lots(self, navigator: Navigator | None, on: date) -> bool:
        """Note a new lots in the history (not the same one twice); True if it changed."""
        if navigator is None:
            return False
        last = self.lots_history[-1] if self.lots_history else None
        if last and fold(last.name) == fold(navigator.name):
            return False
        self.lots_history = [
            *self.lots_history,
            LotsChange(on=on, name=navigator.name, organisation=navigator.organisation),
        ]
        return True
