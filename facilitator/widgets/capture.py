"""Which form captures what: one form class per ``Capture`` of the agenda templates."""

from __future__ import annotations

from facilitator.agenda.models import Capture, StepRun
from facilitator.meeting.session import MeetingSession
from facilitator.widgets import forms, lists
from facilitator.widgets.forms import CaptureForm

FORMS: dict[Capture, type[CaptureForm]] = {
    form.capture: form
    for form in (
        lists.AttendanceEditor,
        forms.ConsentForm,
        forms.PurposeForm,
        forms.FamilyStoryForm,
        forms.ProfessionalsStoryForm,
        forms.NotesForm,
        lists.GoalsEditor,
        lists.ActionsEditor,
        lists.ActionStatusEditor,
        forms.NavigatorForm,
        forms.LeadAuthorityForm,
        forms.ViewsForm,
        lists.ParticipationEditor,
        forms.NextAttendeesForm,
        forms.NextMeetingForm,
        forms.SignaturesForm,
        forms.ReflectionForm,
        forms.IfWorseForm,
        forms.SummaryForm,
        lists.GoalStatusEditor,
        forms.EvaluationForm,
    )
}

assert set(FORMS) == set(Capture), "every capture needs a form"


def forms_for(step: StepRun, session: MeetingSession) -> list[CaptureForm]:
    return [FORMS[capture](session) for capture in step.captures]


_ONE_TEXT = {
    Capture.PURPOSE,
    Capture.FAMILY_STORY,
    Capture.PROFESSIONALS_STORY,
    Capture.NOTES,
    Capture.REFLECTION,
    Capture.IF_WORSE,
}


def fills_the_step(step: StepRun) -> bool:
    """A step that captures one free text: its text area takes the whole step pane."""
    return len(step.captures) == 1 and step.captures[0] in _ONE_TEXT
