"""The pure domain of a Lotsprocess. Imports no UI framework.

Used the same way by the app, the command line and the exporters.

Names are loaded on first use (PEP 562), so importing one light part, such as the
clock or the vocabulary, does not load the models and pydantic with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

_WHERE = {
    "MissingPart": "facilitator.agenda.checks",
    "missing_parts": "facilitator.agenda.checks",
    "step_for": "facilitator.agenda.checks",
    "uncovered": "facilitator.agenda.checks",
    "Clock": "facilitator.agenda.clock",
    "ManualClock": "facilitator.agenda.clock",
    "NS_PER_MIN": "facilitator.agenda.clock",
    "NS_PER_MS": "facilitator.agenda.clock",
    "NS_PER_S": "facilitator.agenda.clock",
    "SystemClock": "facilitator.agenda.clock",
    "from_ns": "facilitator.agenda.clock",
    "to_ns": "facilitator.agenda.clock",
    "ActionStatus": "facilitator.agenda.kinds",
    "Authority": "facilitator.agenda.kinds",
    "Capture": "facilitator.agenda.kinds",
    "CaseStatus": "facilitator.agenda.kinds",
    "GoalHorizon": "facilitator.agenda.kinds",
    "MeetingKind": "facilitator.agenda.kinds",
    "MeetingStatus": "facilitator.agenda.kinds",
    "MissingCode": "facilitator.agenda.kinds",
    "Role": "facilitator.agenda.kinds",
    "SkipRule": "facilitator.agenda.kinds",
    "StepStatus": "facilitator.agenda.kinds",
    "plan_meeting": "facilitator.agenda.meetings",
    "sync_status": "facilitator.agenda.meetings",
    "timebox_for": "facilitator.agenda.meetings",
    "Action": "facilitator.agenda.models",
    "Case": "facilitator.agenda.models",
    "Child": "facilitator.agenda.models",
    "Consent": "facilitator.agenda.models",
    "Goal": "facilitator.agenda.models",
    "Guardian": "facilitator.agenda.models",
    "LeadAuthority": "facilitator.agenda.models",
    "Meeting": "facilitator.agenda.models",
    "Navigator": "facilitator.agenda.models",
    "NextMeeting": "facilitator.agenda.models",
    "Person": "facilitator.agenda.models",
    "Revocation": "facilitator.agenda.models",
    "SCHEMA_VERSION": "facilitator.agenda.models",
    "Signature": "facilitator.agenda.models",
    "Sip": "facilitator.agenda.models",
    "StepRun": "facilitator.agenda.models",
    "TimerState": "facilitator.agenda.models",
    "SipRevision": "facilitator.agenda.revisions",
    "AgendaTemplate": "facilitator.agenda.templates",
    "Phase": "facilitator.agenda.templates",
    "StepTemplate": "facilitator.agenda.templates",
    "TemplateError": "facilitator.agenda.templates",
    "default_template": "facilitator.agenda.templates",
    "load_template": "facilitator.agenda.templates",
    "scale_minutes": "facilitator.agenda.templates",
    "scaled": "facilitator.agenda.templates",
    "step_runs": "facilitator.agenda.templates",
    "clean_line": "facilitator.agenda.text",
    "clean_multiline": "facilitator.agenda.text",
    "Timebox": "facilitator.agenda.timebox",
    "TimeboxError": "facilitator.agenda.timebox",
    "distribute": "facilitator.agenda.timebox",
    "ProcessWarning": "facilitator.agenda.workdays",
    "WarningCode": "facilitator.agenda.workdays",
    "add_working_days": "facilitator.agenda.workdays",
    "is_working_day": "facilitator.agenda.workdays",
    "process_warnings": "facilitator.agenda.workdays",
    "working_days_between": "facilitator.agenda.workdays",
}

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaTemplate",
    "Authority",
    "Capture",
    "Case",
    "CaseStatus",
    "Child",
    "Clock",
    "Consent",
    "Goal",
    "GoalHorizon",
    "Guardian",
    "LeadAuthority",
    "ManualClock",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "MissingCode",
    "MissingPart",
    "NS_PER_MIN",
    "NS_PER_MS",
    "NS_PER_S",
    "Navigator",
    "NextMeeting",
    "Person",
    "Phase",
    "ProcessWarning",
    "Revocation",
    "Role",
    "SCHEMA_VERSION",
    "Signature",
    "Sip",
    "SipRevision",
    "SkipRule",
    "StepRun",
    "StepStatus",
    "StepTemplate",
    "SystemClock",
    "TemplateError",
    "Timebox",
    "TimeboxError",
    "TimerState",
    "WarningCode",
    "add_working_days",
    "clean_line",
    "clean_multiline",
    "default_template",
    "distribute",
    "from_ns",
    "is_working_day",
    "load_template",
    "missing_parts",
    "plan_meeting",
    "process_warnings",
    "scale_minutes",
    "scaled",
    "step_for",
    "step_runs",
    "sync_status",
    "timebox_for",
    "to_ns",
    "uncovered",
    "working_days_between",
]

if TYPE_CHECKING:
    from facilitator.agenda.checks import MissingPart, missing_parts, step_for, uncovered
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
    from facilitator.agenda.kinds import (
        ActionStatus,
        Authority,
        Capture,
        CaseStatus,
        GoalHorizon,
        MeetingKind,
        MeetingStatus,
        MissingCode,
        Role,
        SkipRule,
        StepStatus,
    )
    from facilitator.agenda.meetings import plan_meeting, sync_status, timebox_for
    from facilitator.agenda.models import (
        SCHEMA_VERSION,
        Action,
        Case,
        Child,
        Consent,
        Goal,
        Guardian,
        LeadAuthority,
        Meeting,
        Navigator,
        NextMeeting,
        Person,
        Revocation,
        Signature,
        Sip,
        StepRun,
        TimerState,
    )
    from facilitator.agenda.revisions import SipRevision
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


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
