"""Add or change one person on the attendance list, or someone called to the next meeting."""

from __future__ import annotations

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.dates import parse_clock
from facilitator.agenda.models import TIMED_PRESENCE, Person, Presence, Role
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.choices import ChoiceList
from facilitator.widgets.forms import person_label
from facilitator.widgets.inorder import organisation_suggester


class PersonDialog(FormDialog[Person]):
    """Name, title, verksamhet, roles and contact; how the person takes part (with the
    time for someone who came late or left early); an interpreter's language and whom
    they interpret for. Someone called to the next meeting has not come yet: ``called``
    leaves how they take part unmarked, and the dialog does not ask it."""

    LAST_FIELD = "person-contact"

    def __init__(
        self,
        person: Person | None = None,
        others: list[Person] | None = None,
        *,
        called: bool = False,
        organisations: list[str] | None = None,
    ):
        """``organisations``: the case's verksamheter, suggested as one is typed."""
        super().__init__()
        self.organisations = organisations or []
        self.person = person
        self.called = called
        self.others = [o for o in others or [] if person is None or o.id != person.id]

    def compose(self) -> ComposeResult:
        p = self.person
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.PERSON_EDIT if p else sv.PERSON_NEW, classes="field-label")
            if self.called:
                yield Label(sv.CALLED_NOT_MARKED, classes="hint")
            yield Label(sv.LABEL_NAME, classes="field-label")
            yield Input(p.name if p else "", id="person-name")
            yield Label(sv.LABEL_ORGANISATION, classes="field-label")
            yield Input(
                p.organisation if p else "",
                placeholder=sv.PLACEHOLDER_ORGANISATION,
                suggester=organisation_suggester(self.organisations),
                id="person-organisation",
            )
            yield Label(sv.LABEL_TITLE, classes="field-label")
            yield Input(p.title if p else "", placeholder=sv.PLACEHOLDER_TITLE, id="person-title")
            yield Label(sv.LABEL_ROLES_CHOOSE, classes="field-label")
            # A new participant's role is chosen, never assumed.
            roles = [r.value for r in p.roles] if p else []
            yield ChoiceList([(sv.ROLE[r], r.value) for r in Role], roles, id="person-roles")
            yield Label(sv.LABEL_LANGUAGE, classes="field-label interpreter")
            yield Input(
                p.language if p else "", placeholder=sv.PLACEHOLDER_LANGUAGE, id="person-language",
                classes="interpreter",
            )
            if self.others:
                yield Label(sv.LABEL_INTERPRETS_FOR, classes="field-label interpreter")
                yield ChoiceList(
                    [(person_label(o), o.id) for o in self.others],
                    [i for i in (p.interprets_for if p else []) if i in {o.id for o in self.others}],
                    id="person-interprets-for",
                    classes="interpreter",
                )
            if not self.called:
                yield Label(sv.LABEL_PRESENCE, classes="field-label")
                # Someone added in the room is there; someone on the list from last time
                # is marked as the presentation round finds them.
                presence = p.presence if p else Presence.ON_SITE
                yield ChoiceList(
                    [(sv.PRESENCE[x], x.value) for x in Presence],
                    [presence.value] if presence else [],
                    single=True,
                    id="person-presence",
                )
                yield Label(sv.LABEL_PRESENCE_AT, classes="field-label timed")
                at = p.presence_at if p else None
                yield Input(f"{at:%H.%M}" if at else "", placeholder="14.30", id="person-at", classes="timed")
            yield Label(sv.LABEL_CONTACT, classes="field-label")
            yield Input(p.contact if p else "", placeholder=sv.PLACEHOLDER_CONTACT, id="person-contact")
            yield from self.footer()

    def on_mount(self) -> None:
        self._show_parts()
        self.query_one("#person-name", Input).focus()

    def _roles(self) -> set[Role]:
        return {Role(value) for value in self.query_one("#person-roles", ChoiceList).selected}

    def _presence(self) -> Presence | None:
        if self.called:
            return None
        chosen = self.query_one("#person-presence", ChoiceList).selected
        return Presence(chosen[0]) if chosen else None

    @on(ChoiceList.Changed)
    def _show_parts(self) -> None:
        """The interpreter's fields only for an interpreter, the time only for someone
        who came late or left early."""
        interpreter = Role.INTERPRETER in self._roles()
        for widget in self.query(".interpreter"):
            widget.display = interpreter
        timed = self._presence() in TIMED_PRESENCE
        for widget in self.query(".timed"):
            widget.display = timed

    def action_save(self) -> None:
        name = self.query_one("#person-name", Input).value
        roles = self._roles()
        presence = self._presence()
        if not name.strip():
            return self.refuse(sv.PROBLEM_NAME, "#person-name")
        if not roles:
            return self.refuse(sv.PROBLEM_ROLE, "#person-roles")
        interpreter = Role.INTERPRETER in roles
        language = self.query_one("#person-language", Input).value if interpreter else ""
        if interpreter and not language.strip():
            return self.refuse(sv.PROBLEM_LANGUAGE, "#person-language")
        at = None
        if presence in TIMED_PRESENCE:
            try:
                at = parse_clock(self.query_one("#person-at", Input).value)
            except ValueError:
                return self.refuse(sv.PROBLEM_PRESENCE_AT, "#person-at")
        interprets_for = (
            list(self.query_one("#person-interprets-for", ChoiceList).selected)
            if interpreter and self.others
            else []
        )
        try:
            person = Person(
                **({"id": self.person.id} if self.person else {}),
                name=name,
                title=self.query_one("#person-title", Input).value,
                organisation=self.query_one("#person-organisation", Input).value,
                roles=[r for r in Role if r in roles],
                contact=self.query_one("#person-contact", Input).value,
                presence=presence,
                presence_at=at,
                language=language,
                interprets_for=interprets_for,
            )
        except ValidationError:
            return self.refuse(sv.PROBLEM_TOO_LONG)
        self.dismiss(person)
