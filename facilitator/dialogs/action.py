"""Add or change one action (insats): what, who, organisation, huvudman, by when, status."""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.clock import from_ns
from facilitator.agenda.dates import DueDoubt, due_doubt, parse_day
from facilitator.agenda.models import Action, ActionStatus, Person
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.forms import authority_select, person_label
from facilitator.widgets.inorder import organisation_suggester
from facilitator.widgets.select import Select

_DUE_DOUBT = {DueDoubt.PAST: sv.DUE_PAST, DueDoubt.FAR: sv.DUE_FAR}


class ActionDialog(FormDialog[Action]):
    LAST_FIELD = "action-comment"

    def __init__(self, action: Action | None, attendance: list[Person], organisations: list[str] | None = None):
        super().__init__()
        self.action_ = action
        self.organisations = organisations or []
        """The case's verksamheter, suggested as one is typed."""
        self.people = [p for p in attendance if p.present] or list(attendance)
        self._asked_due: date | None = None
        """A doubtful due date already asked about: the next Ctrl+S with it takes it."""

    def compose(self) -> ComposeResult:
        a = self.action_
        by_name = {p.name: p.id for p in self.people}
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.ACTION_EDIT if a else sv.ACTION_NEW, classes="field-label")
            yield Label(sv.LABEL_WHAT, classes="field-label")
            yield Input(a.what if a else "", id="action-what")
            yield Label(sv.LABEL_CHILD_LINE, classes="field-label")
            yield Input(a.child if a else "", placeholder=sv.PLACEHOLDER_CHILD_LINE, id="action-child")
            yield Label(sv.LABEL_WHO, classes="field-label")
            yield Select(
                [(person_label(p), p.id) for p in self.people],
                value=by_name.get(a.responsible, Select.NULL) if a else Select.NULL,
                prompt=sv.CHOOSE_PERSON,
                id="action-who",
            )
            yield Label(sv.LABEL_ORGANISATION, classes="field-label")
            yield Input(
                a.organisation if a else "",
                placeholder=sv.PLACEHOLDER_ORGANISATION,
                suggester=organisation_suggester(self.organisations),
                id="action-organisation",
            )
            with Horizontal(classes="row"):
                yield authority_select(a.authority if a else None, "action-authority")
                yield Select(
                    [(sv.ACTION_STATUS[s], s) for s in ActionStatus],
                    value=a.status if a else ActionStatus.PLANNED,
                    allow_blank=False,
                    id="action-status",
                )
            yield Label(sv.LABEL_DUE, classes="field-label")
            yield Input(a.due.isoformat() if a and a.due else "", placeholder=sv.PLACEHOLDER_DATE, id="action-due")
            yield Label(sv.LABEL_COMMENT, classes="field-label")
            yield Input(a.comment if a else "", id="action-comment")
            yield from self.footer()

    def on_mount(self) -> None:
        self.query_one("#action-what", Input).focus()

    def _today(self) -> date:
        clock = getattr(self.app, "clock", None)
        return from_ns(clock.wall_ns()).date() if clock is not None else date.today()

    @on(Select.Changed, "#action-who")
    def _who(self, event: Select.Changed) -> None:
        person = next((p for p in self.people if p.id == event.value), None)
        if person is not None:
            self.query_one("#action-organisation", Input).value = person.organisation

    def action_save(self) -> None:
        what = self.query_one("#action-what", Input).value
        if not what.strip():
            return self.refuse(sv.PROBLEM_WHAT, "#action-what")
        try:
            due = parse_day(self.query_one("#action-due", Input).value)
        except ValueError:
            return self.refuse(sv.BAD_DATE, "#action-due")
        kept = (self._asked_due, self.action_.due if self.action_ else None)
        doubt = None if due in kept else due_doubt(due, self._today())
        if doubt is not None:
            self._asked_due = due
            return self.refuse(_DUE_DOUBT[doubt].format(day=due.isoformat()), "#action-due")
        who = self.query_one("#action-who", Select).value
        person = next((p for p in self.people if p.id == who), None)
        authority = self.query_one("#action-authority", Select).value
        try:
            action = Action(
                **({"id": self.action_.id} if self.action_ else {}),
                what=what,
                responsible=person.name if person else (self.action_.responsible if self.action_ else ""),
                organisation=self.query_one("#action-organisation", Input).value,
                authority=None if authority == Select.NULL else authority,
                due=due,
                status=self.query_one("#action-status", Select).value,
                comment=self.query_one("#action-comment", Input).value,
                child=self.query_one("#action-child", Input).value,
                understood=self.action_.understood if self.action_ else None,
            )
        except ValidationError:
            return self.refuse(sv.PROBLEM_TOO_LONG)
        self.dismiss(action)
