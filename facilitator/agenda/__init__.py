"""The pure domain of a Lotsprocess. Imports no UI framework.

Used the same way by the app, the command line and the exporters.

Names are loaded on first use (PEP 562), so importing one light part, such as the
clock or the vocabulary, does not load the models and pydantic with it. ``_WHERE`` is
the one list of the public names and the modules they live in.
"""

from __future__ import annotations

import importlib

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
    "CaseEvent": "facilitator.agenda.models",
    "CaseEventKind": "facilitator.agenda.kinds",
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
    "SIP_TEXT_FIELDS": "facilitator.agenda.models",
    "apply_draft": "facilitator.agenda.models",
    "Signature": "facilitator.agenda.models",
    "Sip": "facilitator.agenda.models",
    "StepRun": "facilitator.agenda.models",
    "TimerState": "facilitator.agenda.models",
    "SipRevision": "facilitator.agenda.revisions",
    "AgendaTemplate": "facilitator.agenda.templates",
    "Phase": "facilitator.agenda.templates",
    "StepTemplate": "facilitator.agenda.templates",
    "TemplateError": "facilitator.agenda.errors",
    "default_template": "facilitator.agenda.templates",
    "load_template": "facilitator.agenda.templates",
    "scale_minutes": "facilitator.agenda.templates",
    "scaled": "facilitator.agenda.templates",
    "step_runs": "facilitator.agenda.templates",
    "clean_line": "facilitator.agenda.cleaning",
    "clean_multiline": "facilitator.agenda.cleaning",
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

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> object:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)
