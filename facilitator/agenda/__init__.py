"""The pure domain of a Lotsprocess. Imports no UI framework.

Used the same way by the app, the command line and the exporters.
"""

from facilitator.agenda.checks import MissingCode, MissingPart, missing_parts, step_for, uncovered
from facilitator.agenda.clock import (
    NS_PER_MIN,
    NS_PER_MS,
    NS_PER_S,
    Clock,
    ManualClock,
    SystemClock,
    from_ns,
    to_ns,
)
from facilitator.agenda.meetings import plan_meeting, sync_status, timebox_for
from facilitator.agenda.models import (
    SCHEMA_VERSION,
    Action,
    ActionStatus,
    Authority,
    Capture,
    Case,
    CaseStatus,
    Child,
    Consent,
    Goal,
    GoalHorizon,
    Guardian,
    LeadAuthority,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Navigator,
    NextMeeting,
    Person,
    Revocation,
    Role,
    Signature,
    Sip,
    SkipRule,
    StepRun,
    StepStatus,
    TimerState,
)
from facilitator.agenda.templates import (
    AgendaTemplate,
    Phase,
    StepTemplate,
    TemplateError,
    default_template,
    load_template,
    scale_minutes,
    scaled,
    step_runs,
)
from facilitator.agenda.revisions import SipRevision
from facilitator.agenda.text import clean_line, clean_multiline
from facilitator.agenda.timebox import Timebox, TimeboxError, distribute
from facilitator.agenda.workdays import (
    ProcessWarning,
    WarningCode,
    add_working_days,
    is_working_day,
    process_warnings,
    working_days_between,
)

__all__ = [name for name in dir() if not name.startswith("_")]
