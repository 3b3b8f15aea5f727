"""Add or change one person on the attendance list."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitator import strings as sv
from facilitator.agenda.models import Person, Role


class PersonDialog(ModalScreen[Person | None]):
    CSS_PATH = "dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", sv.KEY_CANCEL),
        Binding("ctrl+s", "save", sv.KEY_SAVE_DIALOG, priority=True),
    ]

    def __init__(self, person: Person | None = None):
        super().__init__(classes="dialog")
        self.person = person

    def compose(self) -> ComposeResult:
        p = self.person
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.PERSON_EDIT if p else sv.PERSON_NEW, classes="field-label")
            yield Label(sv.LABEL_NAME, classes="field-label")
            yield Input(p.name if p else "", id="person-name")
            yield Label(sv.LABEL_ORGANISATION, classes="field-label")
            yield Input(p.organisation if p else "", placeholder=sv.PLACEHOLDER_ORGANISATION, id="person-organisation")
            yield Label(sv.LABEL_ROLES, classes="field-label")
            roles = set(p.roles) if p else {Role.PROFESSIONAL}
            yield SelectionList[Role](
                *[Selection(sv.ROLE[r], r, r in roles) for r in Role], id="person-roles"
            )
            yield Label(sv.LABEL_CONTACT, classes="field-label")
            yield Input(p.contact if p else "", placeholder=sv.PLACEHOLDER_CONTACT, id="person-contact")
            yield Checkbox(sv.LABEL_PRESENT_CHECK, p.present if p else True, id="person-present")
            yield Static("", classes="problem", id="person-problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.BUTTON_CANCEL, id="cancel")
                yield Button(sv.BUTTON_SAVE, variant="primary", id="save")

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "person-contact":
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value
        roles = self.query_one("#person-roles", SelectionList).selected
        problem = self.query_one("#person-problem", Static)
        if not name.strip():
            problem.update(sv.PROBLEM_NAME)
            self.query_one("#person-name", Input).focus()
            return
        if not roles:
            problem.update(sv.PROBLEM_ROLE)
            self.query_one("#person-roles").focus()
            return
        try:
            person = Person(
                **({"id": self.person.id} if self.person else {}),
                name=name,
                organisation=self.query_one("#person-organisation", Input).value,
                roles=[r for r in Role if r in roles],
                contact=self.query_one("#person-contact", Input).value,
                present=self.query_one("#person-present", Checkbox).value,
            )
        except ValidationError:
            problem.update(sv.PROBLEM_TOO_LONG)
            return
        self.dismiss(person)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
