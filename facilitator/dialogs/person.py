"""Add or change one person on the attendance list."""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.models import Person, Role
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.choices import ChoiceList


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
            yield Label(sv.LABEL_ROLES_CHOOSE, classes="field-label")
            # A new participant's role is chosen, never assumed.
            roles = [r.value for r in p.roles] if p else []
            yield ChoiceList([(sv.ROLE[r], r.value) for r in Role], roles, id="person-roles")
            yield Label(sv.LABEL_CONTACT, classes="field-label")
            yield Input(p.contact if p else "", placeholder=sv.PLACEHOLDER_CONTACT, id="person-contact")
            present = ["present"] if (p.present if p else True) else []
            yield ChoiceList([(sv.LABEL_PRESENT_CHECK, "present")], present, id="person-present")
            yield from self.footer()

    def on_mount(self) -> None:
        self.query_one("#person-name", Input).focus()

    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value
        roles = {Role(value) for value in self.query_one("#person-roles", ChoiceList).selected}
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
                present=bool(self.query_one("#person-present", ChoiceList).selected),
            )
        except ValidationError:
            return self.refuse(sv.PROBLEM_TOO_LONG)
        self.dismiss(person)
