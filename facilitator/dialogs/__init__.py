"""Modal dialogs: questions and small forms over a screen, each dismissed with its answer."""

from __future__ import annotations

from textual.screen import ModalScreen

from facilitator.widgets.forms import CaptureForm, DialogKind


def dialog_for(request: CaptureForm.DialogWanted) -> ModalScreen:
    """The dialog a form asked for."""
    if request.kind in (DialogKind.PERSON, DialogKind.CALLED):
        from facilitator.dialogs.person import PersonDialog

        return PersonDialog(
            request.current,
            request.context.get("attendance"),
            called=request.kind is DialogKind.CALLED,
            organisations=request.context.get("organisations", []),
        )
    if request.kind is DialogKind.GOAL:
        from facilitator.dialogs.goal import GoalDialog

        return GoalDialog(request.current, follow_up=request.context.get("follow_up", False))
    if request.kind is DialogKind.REMOVE:
        from facilitator import strings as sv
        from facilitator.dialogs.confirm import ConfirmDialog

        return ConfirmDialog(request.context["question"], sv.REMOVE_YES, sv.REMOVE_NO)
    from facilitator.dialogs.action import ActionDialog

    return ActionDialog(request.current, request.context["attendance"], request.context.get("organisations", []))


def dialog_for_which(choices: list[tuple[str, str]]) -> ModalScreen:
    """The question which of a step's lists a new row goes into."""
    from facilitator import strings as sv
    from facilitator.dialogs.which import WhichDialog

    return WhichDialog(sv.ADD_WHICH, choices)
