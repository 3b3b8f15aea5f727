"""Case set-up: the child, the guardians, the question, the kallelse and the consent.

F9 writes the kallelse of the case's next planned meeting (with the sekretessmedgivande
to sign) as a PDF in the export folder, from the form as it stands."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from facilitator import strings as sv
from facilitator.agenda.dates import parse_day
from facilitator.agenda.kinds import MeetingStatus
from facilitator.agenda.models import (
    Case,
    Child,
    Consent,
    ConsentGiver,
    ConsentParty,
    Guardian,
    Organisation,
    fold,
)
from facilitator.agenda.workdays import check_first_meeting, first_meeting_earliest
from facilitator.dialogs.kept import KeepsTyping
from facilitator.widgets.beside import show_beside
from facilitator.widgets.choices import ChoiceList
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.forms import authority_select
from facilitator.widgets.inorder import IN_ORDER_BINDINGS, InOrderFocus
from facilitator.widgets.problems import export_problem

if TYPE_CHECKING:
    from facilitator.meeting.forms import KeptForm, Values
    from facilitator.screens.host import Host


DRAFT_ORGANISATIONS = "form-organisations"
"""Where a draft of the form keeps its verksamheter (no field has this id)."""


def _label(text: str) -> Label:
    return Label(text, classes="field-label", markup=False)


def _organisation_label(organisation: Organisation) -> str:
    """A verksamhet as the consent's choice shows it: its name, huvudman and body."""
    parts = [sv.AUTHORITY_LONG[organisation.authority]] if organisation.authority else []
    if organisation.body:
        parts.append(organisation.body)
    return f"{organisation.name} ({', '.join(parts)})" if parts else organisation.name


class CaseScreen(KeepsTyping, InOrderFocus, Screen[Case | None]):
    """Dismisses with the new or changed case, or ``None`` when cancelled. Given a
    ``KeptForm``, the form stores the case itself (on the writer thread, retried while
    the database fails) and closes once it is stored; what is typed is kept as a draft."""

    CSS_PATH = "case.tcss"
    RESTORED_CHOICES = ("consent-given", "consent-organisations")
    BINDINGS = [
        # Not with priority: Ctrl+S waits behind the keys typed before it (no field takes it).
        Binding("ctrl+s", "save", sv.KEY_SAVE_CASE, id="save-case"),
        Binding("escape", "cancel", sv.KEY_CANCEL, id="cancel"),
        Binding("f9", "kallelse", sv.KEY_KALLELSE, priority=True, id="kallelse"),
        Binding("enter", "next_field", show=False, priority=True),
        *IN_ORDER_BINDINGS,
    ]
    app: Host

    class KallelseWritten(Message):
        """The kallelse was written (``path``), or why not (``problem``, Swedish)."""

        def __init__(self, path: str | None, problem: str):
            super().__init__()
            self.path = path
            self.problem = problem

    def __init__(
        self,
        case: Case | None,
        now: datetime,
        first_meeting: date | None = None,
        *,
        kept: KeptForm[Case] | None = None,
        restored: Values | None = None,
    ):
        """``first_meeting``: the day of the case's first meeting, if planned, which the day
        the kallelse was received is checked against; ``restored``: a draft's values to
        open with."""
        super().__init__()
        self.case = case
        self.now = now
        self.first_meeting = first_meeting
        self.kept = kept
        self.restored = restored
        self.sent = list(case.kallelser) if case else []
        self.history = list(case.history) if case else []
        """The kallelser sent, a new one from F9 included, kept when the case is saved."""
        self.organisations: list[Organisation] = list(case.organisations) if case else []
        """The case's verksamheter as the form holds them: a new one is added here."""
        self._organisations_stored = list(self.organisations)
        if restored:
            self._restore_organisations(restored.get(DRAFT_ORGANISATIONS))

    def _organisation_name(self, organisation_id: str) -> str:
        return next((o.name for o in self.organisations if o.id == organisation_id), organisation_id)

    def extra_values(self) -> Values:
        # The verksamheter added or changed in "Ny verksamhet" are in no field: the draft
        # keeps them (a crash costs none of them), each as its record's JSON.
        return {DRAFT_ORGANISATIONS: [o.model_dump_json() for o in self.organisations]}

    def _restore_organisations(self, kept: object) -> None:
        """A draft's verksamheter back into the form: one it had added, or one of the
        case's as the draft changed it (a record that does not read is left out)."""
        if not isinstance(kept, list):
            return
        for text in kept:
            try:
                organisation = Organisation.model_validate_json(text)
            except ValueError:
                continue
            index = next((i for i, o in enumerate(self.organisations) if o.id == organisation.id), None)
            if index is None:
                self.organisations.append(organisation)
            else:
                self.organisations[index] = organisation

    def compose(self) -> ComposeResult:
        c = self.case
        guardians = list(c.guardians) if c else []
        consent = c.consent if c else Consent()
        yield self.kept_banner()
        with VerticalScroll(id="case-form"):
            with Horizontal(id="case-head"):
                yield Static(Content.styled(sv.CASE_EDIT if c else sv.CASE_NEW, "bold"), id="case-title")
                yield self.kept_label()
            yield _label(sv.LABEL_CHILD_NAME)
            with Horizontal(classes="row"):
                yield Input(c.child.name if c else "", placeholder=sv.LABEL_NAME, id="child-name")
                yield Input(
                    str(c.child.birth_year) if c and c.child.birth_year else "",
                    placeholder=sv.PLACEHOLDER_BIRTH_YEAR,
                    type="integer",
                    id="child-born",
                )
            for number in (1, 2):
                guardian = guardians[number - 1] if number <= len(guardians) else None
                yield _label(sv.LABEL_GUARDIAN_N.format(n=number))
                with Horizontal(classes="row"):
                    yield Input(guardian.name if guardian else "", placeholder=sv.LABEL_NAME, id=f"guardian{number}-name")
                    yield Input(
                        guardian.contact if guardian else "",
                        placeholder=sv.PLACEHOLDER_CONTACT,
                        id=f"guardian{number}-contact",
                    )
            yield _label(sv.SECTION_QUESTION)
            yield TextArea(c.question if c else "", id="question", soft_wrap=True, tab_behavior="focus")
            yield _label(sv.LABEL_KALLELSE)
            yield Input(
                c.kallelse_date.isoformat() if c and c.kallelse_date else "",
                placeholder=sv.PLACEHOLDER_DATE,
                id="kallelse",
            )
            yield Static("", id="kallelse-check", markup=False)
            yield Static(Content.styled(sv.SECTION_CONSENT, "bold"), classes="section")
            yield _label(sv.LABEL_CONSENT_GIVEN)
            yield ChoiceList(self._givers(), self._gave(consent, guardians), id="consent-given")
            yield Static("", id="consent-missing", classes="problem", markup=False)
            yield _label(sv.LABEL_CONSENT_DATE)
            yield Input(
                consent.given_on.isoformat() if consent.given_on else "",
                placeholder=sv.PLACEHOLDER_DATE,
                id="consent-date",
            )
            yield _label(sv.LABEL_CONSENT_ORGANISATIONS)
            yield ChoiceList(self._organisation_choices(), set(consent.named()), id="consent-organisations")
            yield _label(sv.LABEL_NEW_ORGANISATION)
            with Horizontal(classes="row"):
                yield Input("", placeholder=sv.PLACEHOLDER_ORGANISATION, id="new-organisation")
                yield authority_select(None, "new-organisation-authority")
                yield Input("", placeholder=sv.PLACEHOLDER_BODY, id="new-organisation-body")
            yield Static("", id="case-problem", classes="problem", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(sv.BUTTON_CANCEL, id="cancel")
                yield Button(sv.BUTTON_SAVE, variant="primary", id="save")
        yield KeyFooter()

    @staticmethod
    def _gave(consent: Consent, guardians: list[Guardian]) -> set[str]:
        """The consent choices ticked: each guardian (by place in the form) who gave it,
        and the child."""
        given = {f"guardian{n}" for n, g in enumerate(guardians[:2], start=1) if consent.given_by(g)}
        return given | ({"child"} if consent.child else set())

    def _givers(self) -> list[tuple[str, str]]:
        """The consent's choices, each with the person's name as the form has it now."""
        names = [self._typed(f"#guardian{n}-name") or sv.LABEL_GUARDIAN_N.format(n=n) for n in (1, 2)]
        child = self._typed("#child-name") or sv.LABEL_CHILD
        return [
            *((sv.CONSENT_GIVEN_BY_GUARDIAN.format(name=name), f"guardian{n}") for n, name in enumerate(names, start=1)),
            (sv.CONSENT_GIVEN_BY_CHILD.format(name=child), "child"),
        ]

    def _typed(self, selector: str) -> str:
        """A field's text once the form is built; before that, the case's."""
        if self.is_mounted:
            return self._value(selector).strip()
        c = self.case
        if c is None:
            return ""
        if selector == "#child-name":
            return c.child.name
        number = int(selector[len("#guardian")])
        return c.guardians[number - 1].name if number <= len(c.guardians) else ""

    def _organisation_choices(self) -> list[tuple[str, str]]:
        return [(_organisation_label(o), o.id) for o in self.organisations]

    def on_mount(self) -> None:
        # At once, not after the keys already waiting: what is typed as soon as the form
        # is on the screen goes into the child's name.
        self.set_focus(self.query_one("#child-name", Input))
        self.keep_typing()
        self._check_kallelse()
        self._show_missing_consent()

    @on(Input.Changed, "#child-name")
    @on(Input.Changed, "#guardian1-name")
    @on(Input.Changed, "#guardian2-name")
    def _names_changed(self) -> None:
        choices = self.query_one("#consent-given", ChoiceList)
        choices.set_choices(self._givers(), choices.selected)
        self._show_missing_consent()

    @on(ChoiceList.Changed, "#consent-given")
    def _show_missing_consent(self) -> None:
        """Consent from one guardian of two (or none) is said at once, by name."""
        chosen = set(self.query_one("#consent-given", ChoiceList).selected)
        missing = [
            self._value(f"#guardian{n}-name").strip()
            for n in (1, 2)
            if self._value(f"#guardian{n}-name").strip() and f"guardian{n}" not in chosen
        ]
        self.query_one("#consent-missing", Static).update(
            "\n".join(sv.CONSENT_NOT_GIVEN.format(name=name) for name in missing)
        )

    def _add_organisation(self) -> None:
        """The verksamhet typed is added to the case (or, by that name, updated) and ticked
        as covered by the consent."""
        field = self.query_one("#new-organisation", Input)
        name = field.value.strip()
        if not name:
            self.focus_next()
            return
        authority = self.query_one("#new-organisation-authority", Select).value
        body = self.query_one("#new-organisation-body", Input).value.strip()
        found = next((o for o in self.organisations if fold(o.name) == fold(name)), None)
        changes = {"authority": None if authority == Select.NULL else authority}
        if body:
            changes["body"] = body
        if found is None:
            found = Organisation(name=name, **changes)
            self.organisations.append(found)
        else:
            index = self.organisations.index(found)
            found = found.model_copy(update={k: v for k, v in changes.items() if v is not None or k == "body"})
            self.organisations[index] = found
        choices = self.query_one("#consent-organisations", ChoiceList)
        choices.set_choices(self._organisation_choices(), {*choices.selected, found.id})
        # The row is empty for the next one, its huvudman too: one left chosen would be
        # given to the next verksamhet typed, or to one of the case's by its name.
        field.value = ""
        self.query_one("#new-organisation-authority", Select).value = Select.NULL
        self.query_one("#new-organisation-body", Input).value = ""
        field.focus()

    @on(Input.Changed, "#kallelse")
    def _check_kallelse(self) -> None:
        status = self.query_one("#kallelse-check", Static)
        try:
            kallelse = parse_day(self.query_one("#kallelse", Input).value)
        except ValueError:
            status.set_classes("problem")
            status.update(sv.BAD_DATE)
            return
        if kallelse is None:
            status.set_classes("hint")
            status.update(sv.KALLELSE_HINT)
            return
        warning = check_first_meeting(kallelse, self.first_meeting)
        if warning is not None:
            status.set_classes("problem")
            status.update(sv.process_warning(warning))
        else:
            status.set_classes("hint")
            status.update(sv.KALLELSE_EARLIEST.format(earliest=first_meeting_earliest(kallelse)))

    def action_next_field(self) -> None:
        """Enter in a text field moves on as the key comes; elsewhere it is the widget's.
        In the field for a new verksamhet, Enter adds it, once the field has taken the keys
        typed before it (Enter is handled as the key comes)."""
        focused = self.focused
        if getattr(focused, "id", None) == "new-organisation":
            if not focused.call_later(self._add_organisation):
                self._add_organisation()
            return
        self.enter_moves_on()

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        case = self._case_from_form()
        if case is None:
            return
        if self.kept is not None:
            self.store_record(case)
        else:
            self.dismiss(case)

    def action_kallelse(self) -> None:
        """The kallelse of the next planned meeting, from what the form holds now."""
        case = self._case_from_form()
        if case is not None:
            self._write_kallelse(case)

    @work(thread=True, exclusive=True, group="kallelse")
    def _write_kallelse(self, case: Case) -> None:
        from facilitator.documents import send_kallelse, write_export

        try:
            planned = [m for m in self.app.store.meetings_of(case.id) if m.status is MeetingStatus.PLANNED]
            if not planned:
                self.post_message(self.KallelseWritten(None, ""))
                return
            meeting = min(planned, key=lambda m: m.planned_start)
            exported, _ = send_kallelse(case, meeting, self.now.date(), "pdf")
            path = write_export(self.app.store, exported)
            # Kept with the case when it is saved: the kallelse as sent, and its note.
            self.sent, self.history = list(case.kallelser), list(case.history)
        except Exception as error:  # noqa: BLE001 - reported, never raised into the UI
            self.post_message(self.KallelseWritten(None, export_problem(error)))
            return
        self.post_message(self.KallelseWritten(str(path), ""))

    @on(KallelseWritten)
    def _kallelse_written(self, message: KallelseWritten) -> None:
        if message.path:
            self.notify(sv.KALLELSE_WRITTEN.format(path=message.path), timeout=10, markup=False)
        elif message.problem:
            self.notify(sv.EXPORT_FAILED.format(problem=message.problem), severity="error", markup=False)
        else:
            self.notify(sv.KALLELSE_NO_MEETING, severity="warning", timeout=10, markup=False)

    def _case_from_form(self) -> Case | None:
        """The case as the form gives it; None (and the problem shown at its field) when a
        field cannot be read."""
        problem = self.query_one("#case-problem", Static)

        def refuse(message: str, field: str) -> None:
            problem.update(message)
            widget = self.query_one(field)
            show_beside(problem, widget)
            widget.focus()

        if not self._value("#child-name").strip():
            return refuse(sv.PROBLEM_CHILD_NAME, "#child-name")
        born_text = self._value("#child-born").strip()
        try:
            kallelse = parse_day(self._value("#kallelse"))
        except ValueError:
            return refuse(sv.BAD_DATE, "#kallelse")
        try:
            consent_day = parse_day(self._value("#consent-date"))
        except ValueError:
            return refuse(sv.BAD_DATE, "#consent-date")
        before = list(self.case.guardians) if self.case else []
        previous = self.case.consent if self.case else Consent()
        chosen = set(self.query_one("#consent-given", ChoiceList).selected)
        guardians: list[Guardian] = []
        givers: list[ConsentGiver] = []
        question = self.query_one("#question", TextArea).text
        try:
            for n in (1, 2):
                name = self._value(f"#guardian{n}-name")
                if not name.strip():
                    continue
                kept = {"id": before[n - 1].id} if n <= len(before) else {}
                guardian = Guardian(name=name, contact=self._value(f"#guardian{n}-contact"), **kept)
                guardians.append(guardian)
                if f"guardian{n}" in chosen:
                    earlier = previous.given_by(guardian)
                    on = earlier.on if earlier and earlier.on >= (consent_day or earlier.on) else consent_day
                    if on is None:
                        return refuse(sv.CONSENT_DATE_NEEDED, "#consent-date")
                    givers.append(ConsentGiver(guardian_id=guardian.id, name=name, on=on))
            if "child" in chosen:
                earlier = previous.child
                on = earlier.on if earlier else consent_day
                if on is None:
                    return refuse(sv.CONSENT_DATE_NEEDED, "#consent-date")
                givers.append(
                    ConsentGiver(party=ConsentParty.CHILD, name=self._value("#child-name"), on=on)
                )
            covered = self.query_one("#consent-organisations", ChoiceList).selected
            # A widening is a record of what the family agreed to at a meeting; unticking
            # it here would be undone at once. Taking it back is a revocation, with who
            # and when.
            unticked = next((w for w in previous.widened if w.organisation_id not in covered), None)
            if unticked is not None:
                return refuse(
                    sv.CONSENT_WIDENED_KEPT.format(
                        organisation=self._organisation_name(unticked.organisation_id), on=unticked.on.isoformat()
                    ),
                    "#consent-organisations",
                )
            consent = Consent(
                givers=givers,
                given_on=consent_day,
                covered=[i for i in covered if i not in {w.organisation_id for w in previous.widened}],
                widened=previous.widened,
                question=previous.question or question,
                revocations=previous.revocations,
            )
            fields = {
                "child": Child(name=self._value("#child-name"), birth_year=int(born_text) if born_text else None),
                "guardians": guardians,
                "question": question,
                "kallelse_date": kallelse,
                "organisations": list(self.organisations),
                "consent": consent,
                "kallelser": list(self.sent),
                "history": list(self.history),
            }
            if self.case is None:
                # A new case keeps one id, however many times it is saved.
                new_id = {"id": self.kept.new_id} if self.kept is not None and self.kept.new_id else {}
                case = Case(created_at=self.now, **new_id, **fields)
            else:
                case = Case(**{**self.case.model_dump(), **fields})
        except (ValidationError, ValueError):
            return refuse(sv.PROBLEM_CASE, "#child-name")
        problem.update("")
        return case

    def unstored(self) -> bool:
        """As any kept form, and a verksamhet added or changed in "Ny verksamhet" and not
        stored: no field holds it once it is added (unticked, or one of the case's by its
        name given a huvudman or a body)."""
        return super().unstored() or (self.kept is not None and self.organisations != self._organisations_stored)

    @on(KeepsTyping.FormStored)
    def _organisations_are_stored(self, message: KeepsTyping.FormStored) -> None:
        # Before KeepsTyping's own handler, which may close the form.
        if isinstance(message.record, Case):
            self._organisations_stored = list(message.record.organisations)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        if self.kept is not None:
            self.close_form()
        else:
            self.dismiss(None)
