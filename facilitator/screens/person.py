"""Add or change one person on the attendance list."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from facilitator import strings as sv
from facilitator.agenda.models import Person, Role
from facilitator.screens.dialog import FormDialog


class PersonDialog(FormDialog[Person]):
    LAST_FIELD = "person-contact"

    def __init__(self, person: Person | None = None):
        super().__init__()
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
            yield from self.footer()

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value
        roles = self.query_one("#person-roles", SelectionList).selected
        if not name.strip():
            return self.refuse(sv.PROBLEM_NAME, "#person-name")
        if not roles:
            return self.refuse(sv.PROBLEM_ROLE, "#person-roles")
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
            return self.refuse(sv.PROBLEM_TOO_LONG)
        self.dismiss(person)
