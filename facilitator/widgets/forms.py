"""Capture forms: what the secretary types during a step, one form per capture.

A form edits the session's models. Text fields are read into the models only when the
screen flushes (after a pause in typing, on a step change, on Ctrl+S, on quit), never on
every key; choices and list edits go into the models at once. Either way the form posts
``CaptureForm.Edited`` so the screen schedules a save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Annotated

from pydantic import TypeAdapter, ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import (
    Button,
    Input,
    Label,
    Static,
    TextArea,
)

from facilitator import strings as sv
from facilitator.agenda.checks import uncovered
from facilitator.agenda.meetings import mark_navigator, navigator_from, read_next_meeting, secretary_of
from facilitator.agenda.models import (
    LEAD_AUTHORITIES,
    Authority,
    Capture,
    ChildParticipation,
    ChildUnderstood,
    LeadAuthority,
    MeetingKind,
    Navigator,
    Person,
    Role,
    Signature,
    Sip,
)
from facilitator.agenda.workdays import check_interval
from facilitator.meeting.session import MeetingSession
from facilitator.views.sipview import consent_section
from facilitator.widgets.choices import ChoiceList
from facilitator.widgets.inorder import organisation_suggester
from facilitator.widgets.notes import NotesArea
from facilitator.widgets.select import Select


class DialogKind(Enum):
    PERSON = "person"
    CALLED = "called"
    """Someone called to the next meeting: how they take part is marked when they come."""
    ACTION = "action"
    GOAL = "goal"
    REMOVE = "remove"
    """Whether a row is to go (context ``question``): the answer is True or False."""


class CaptureForm(Vertical):
    """One capture of a step. Subclasses compose fields and read them back in ``flush``."""

    DEFAULT_CSS = """
    CaptureForm { height: auto; margin-bottom: 1; }
    CaptureForm .field-label { color: $text-secondary; text-style: bold; margin-top: 1; }
    CaptureForm .hint { color: $text-muted; width: 1fr; }
    CaptureForm .flag { color: $error; text-style: bold; }
    CaptureForm .ok { color: $text-success; }
    CaptureForm TextArea { height: auto; min-height: 5; max-height: 20; }
    CaptureForm Input { width: 1fr; }
    CaptureForm .row { height: auto; }
    CaptureForm .row > * { margin-right: 1; }
    """

    class Edited(Message):
        """The user changed something; ``urgent`` when it is already in the models."""

        def __init__(self, urgent: bool = False):
            super().__init__()
            self.urgent = urgent

    class ExportWanted(Message):
        """The SIP is to be written to a file (the button in the last step)."""

        def __init__(self, fmt: str):
            super().__init__()
            self.fmt = fmt

    class DialogWanted(Message):
        """The form needs a dialog (a person, an insats) to add or change something: the
        screen opens it (widgets do not know dialogs) and ``done`` gets its answer."""

        def __init__(self, kind: DialogKind, current: object, done: Callable[[object], None], **context):
            super().__init__()
            self.kind = kind
            self.current = current
            self.done = done
            self.context = context

    capture: Capture
    ADD_NAME = ""
    """A form with a list that Ctrl+N adds to names what it adds (and has ``add_row``)."""

    def __init__(self, session: MeetingSession, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.refused: set[str] = set()
        """The fields whose typed value the models refused (too long): not stored."""

    @property
    def sip(self):
        return self.session.meeting.sip

    def flush(self) -> None:
        """Read whatever is typed but not yet in the models into the models."""
        if self.is_mounted:
            try:
                self.read_fields()
            except ValueError:  # a write that did not go through ``store``; pydantic's errors are ValueErrors
                self._refuse("*")

    def store(self, field: str, write: Callable[[], object]) -> bool:
        """Every write of a typed value into the models goes through here: a value the
        models refuse is said once, in one line, and left out (it stays in the field, and
        the field counts as not stored until a value is taken); nothing is raised."""
        try:
            write()
        except ValueError:
            self._refuse(field)
            return False
        self.refused.discard(field)
        return True

    def _refuse(self, field: str) -> None:
        if field not in self.refused:
            self.refused.add(field)
            self.notify(sv.TEXT_TOO_LONG, severity="error", markup=False)

    def add_row(self) -> None:
        """Open the dialog for a new row of the form's list (forms with ``ADD_NAME``)."""

    def reload(self) -> None:
        """The models changed elsewhere (attendance in F2): show them again."""
        if self.is_mounted:
            self.show_models()

    def read_fields(self) -> None:
        """Subclasses: copy typed values into the models."""

    def typed(self) -> dict[str, str]:
        """The SIP's free-text fields typed since they were last read in, by name; their
        text as it stands, without reading it into the models (the room view's draft)."""
        return {}

    def show_models(self) -> None:
        """Subclasses: show the models' current values."""

    def first_field(self) -> Widget | None:
        for widget in self.query("*"):
            if widget.focusable and widget.display:
                return widget
        return None


    def edited(self, urgent: bool = False) -> None:
        if urgent:  # a row or a choice changed: tie it to the case's verksamheter at once
            self.session.adopt()
        self.post_message(self.Edited(urgent))

    def ask(self, kind: DialogKind, current: object, done: Callable[[object], None], **context) -> None:
        """Have the screen open a dialog; ``done`` gets the answer (None when cancelled).
        Every dialog is told the case's verksamheter, to pick from."""
        context.setdefault("organisations", [o.name for o in self.session.case.organisations])
        self.post_message(self.DialogWanted(kind, current, done, **context))


def person_label(person: Person, roles: bool = False) -> Content:
    """A person as a choice in a list: user text as plain content, never markup."""
    text = person.name
    if person.organisation:
        text += f" – {person.organisation}"
    if roles:
        text += f" ({sv.listing([sv.ROLE[r] for r in person.roles])})"
    return Content(text)


def authority_select(value: Authority | None, id: str, choices: tuple[Authority, ...] = tuple(Authority)) -> Select:
    """A choice of huvudman: region, kommun or (for an action) another organisation."""
    return Select(
        [(sv.AUTHORITY[a], a) for a in choices],
        value=value if value is not None else Select.NULL,
        prompt=sv.CHOOSE_AUTHORITY,
        id=id,
    )


def label(text: str) -> Label:
    return Label(text, classes="field-label", markup=False)


@cache
def _sip_field(name: str) -> TypeAdapter:
    """The SIP field's own type, to check a value against without changing the SIP."""
    info = Sip.model_fields[name]
    return TypeAdapter(Annotated[(info.annotation, *info.metadata)])


def fits(field: str, text: str) -> bool:
    """Whether the SIP's ``field`` takes ``text`` (as cleaned: its length limit)."""
    try:
        _sip_field(field).validate_python(text)
    except ValidationError:
        return False
    return True


class SipTextArea(NotesArea):
    """A text area bound to one text attribute of the SIP. A paste that would make the
    text longer than the SIP takes is refused before it is taken, and said."""

    def __init__(self, field: str, text: str, **kwargs):
        super().__init__(text, **kwargs)
        self.field = field

    @on(events.Paste)
    def _paste(self, event: events.Paste) -> None:
        document = self.document
        start, end = sorted((document.get_index_from_location(at) for at in self.selection))
        text = self.text
        if not fits(self.field, text[:start] + event.text + text[end:]):
            event.prevent_default()  # TextArea's own handler never sees it
            event.stop()
            self.notify(sv.PASTE_TOO_LONG, severity="error", markup=False)

    def show_stored(self, stored: str) -> None:
        """Show the text as stored (it differs from what is on screen only where the
        models normalise across what was typed in pieces), the cursor as far from the
        end as it was, so what is typed next still lands where the person expects."""
        document = self.document
        from_end = len(self.text) - document.get_index_from_location(self.cursor_location)
        self.load_text(stored)
        index = max(0, len(stored) - from_end)
        self.move_cursor(self.document.get_location_from_index(index))


class TextFieldsForm(CaptureForm):
    """One or more free-text fields of the SIP."""

    fields: tuple[tuple[str, str], ...] = ()

    def __init__(self, session: MeetingSession, **kwargs):
        super().__init__(session, **kwargs)

    def compose(self) -> ComposeResult:
        for field, title in self.fields:
            yield label(title)
            yield SipTextArea(field, getattr(self.sip, field), id=f"f-{field}")

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        if isinstance(event.text_area, SipTextArea):
            self.edited()

    def _areas(self) -> list[SipTextArea]:
        return list(self.query(SipTextArea)) if self.is_mounted else []

    def typed(self) -> dict[str, str]:
        # Every field is compared, not only those a Changed message has reported: keys
        # that came in a burst may be in the field before their messages are handled.
        fields = {}
        for area in self._areas():
            text = area.text
            if text != getattr(self.sip, area.field):
                fields[area.field] = text
        return fields

    def read_fields(self) -> None:
        for field, typed in self.typed().items():
            area = self.query_one(f"#f-{field}", SipTextArea)
            if not self.store(field, lambda field=field, typed=typed: setattr(self.sip, field, typed)):
                continue
            stored = getattr(self.sip, field)
            if stored != typed:
                area.show_stored(stored)


class PurposeForm(TextFieldsForm):
    capture = Capture.PURPOSE
    fields = (("purpose", sv.SECTION_PURPOSE),)

    def compose(self) -> ComposeResult:
        question = self.session.case.question
        if question:
            yield label(sv.SECTION_QUESTION)
            yield Static(question, markup=False, classes="hint")
        yield from super().compose()


class FamilyStoryForm(TextFieldsForm):
    capture = Capture.FAMILY_STORY
    fields = (("family_story", sv.SECTION_FAMILY_STORY),)


class ProfessionalsStoryForm(TextFieldsForm):
    capture = Capture.PROFESSIONALS_STORY
    fields = (("professionals_story", sv.SECTION_PROFESSIONALS_STORY),)


class NotesForm(TextFieldsForm):
    capture = Capture.NOTES
    fields = (("notes", sv.SECTION_NOTES),)


class ViewsForm(TextFieldsForm):
    capture = Capture.VIEWS
    fields = (
        ("child_view", sv.LABEL_CHILD_VIEW),
        ("child_view_relayed_by", sv.LABEL_CHILD_VIEW_BY),
        ("guardians_view", sv.LABEL_GUARDIANS_VIEW),
    )

    DEFAULT_CSS = """
    ViewsForm #f-child_view_relayed_by { height: 3; }
    """


class ReflectionForm(TextFieldsForm):
    capture = Capture.REFLECTION
    fields = (("reflection", sv.SECTION_REFLECTION),)


class SummaryForm(TextFieldsForm):
    """The meeting summed up, and whether an actor is missing who should be called."""

    capture = Capture.SUMMARY
    fields = (
        ("summary", sv.SECTION_SUMMARY),
        ("child_summary", sv.LABEL_CHILD_SUMMARY),
        ("missing_actors", sv.LABEL_MISSING_ACTORS),
    )


class EvaluationForm(TextFieldsForm):
    """At the closing meeting: the family and the network evaluate the Lotsprocess."""

    capture = Capture.EVALUATION
    fields = (
        ("evaluation_family", sv.LABEL_EVALUATION_FAMILY),
        ("evaluation_network", sv.LABEL_EVALUATION_NETWORK),
    )


class IfWorseForm(TextFieldsForm):
    capture = Capture.IF_WORSE
    fields = (("if_worse", sv.SECTION_IF_WORSE),)


class ConsentForm(CaptureForm):
    """The consent as given, who has not given it, who in the room it does not cover (or
    no longer covers), that it was raised — and, when the family agrees, a verksamhet in
    the room added to it, with who agreed."""

    capture = Capture.CONSENT

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_CONSENT)
        yield Static(id="consent-summary")
        yield Static(id="consent-flags")
        chosen = {"confirmed"} if self.sip.consent_confirmed else set()
        yield ChoiceList([(sv.CONSENT_CONFIRMED, "confirmed")], chosen, id="consent-confirmed")
        # Who agreed first, then what they agreed to: each tick is recorded with the name.
        yield label(sv.LABEL_WIDEN_WHO).set_classes("field-label widen")
        yield Input(self._family(), id="consent-widen-who", classes="widen")
        yield label(sv.LABEL_WIDEN).set_classes("field-label widen")
        yield ChoiceList([], id="consent-widen", classes="widen")

    def on_mount(self) -> None:
        self.show_models()

    def _meeting_day(self) -> date:
        return self.session.meeting.day

    def _family(self) -> str:
        return sv.listing([p.name for p in self.session.meeting.attendance if p.present and Role.GUARDIAN in p.roles])

    def uncovered(self):
        return uncovered(self.session.case.consent, self.session.meeting.attendance, self._meeting_day())

    def _widened_today(self) -> set[str]:
        day = self._meeting_day()
        return {w.organisation_id for w in self.session.case.consent.widened if w.on == day}

    def show_models(self) -> None:
        case = self.session.case
        consent = case.consent
        day = self._meeting_day()
        lines = [Content(item) for item in consent_section(case, day).items]
        self.query_one("#consent-summary", Static).update(Content("\n").join(lines))
        flags = self.query_one("#consent-flags", Static)
        outside = self.uncovered()
        not_given = case.missing_consent()
        if outside or not_given:
            flags.set_classes("flag")
            found = [Content(sv.CONSENT_NOT_GIVEN.format(name=g.name)) for g in not_given]
            if outside:
                found.append(Content(sv.CONSENT_NOT_COVERED))
                for p in outside:
                    revoked = consent.revoked(p.organisation_id, day)
                    mark = f" – {sv.PERSON_CONSENT_REVOKED.format(on=revoked.on.isoformat())}" if revoked else ""
                    found.append(Content("  • ") + Content(f"{p.name} ({p.organisation or sv.NOT_STATED}){mark}"))
            flags.update(Content("\n").join(found))
        else:
            flags.set_classes("ok")
            flags.update(sv.CONSENT_ALL_COVERED)
        # What the family can agree to add: each verksamhet in the room the consent does
        # not name (a revoked one is given again only by a new consent, in the case).
        offered: dict[str, str] = {}
        for p in outside:
            if p.organisation_id and not consent.revoked(p.organisation_id, day):
                offered.setdefault(p.organisation_id, p.organisation)
        widened = self._widened_today()
        for organisation_id in widened:
            offered.setdefault(organisation_id, case.organisation_name(organisation_id))
        widen = self.query_one("#consent-widen", ChoiceList)
        widen.set_choices([(name, key) for key, name in offered.items()], widened & set(offered))
        for part in self.query(".widen"):
            part.display = bool(offered)

    @on(ChoiceList.Changed, "#consent-confirmed")
    def _confirmed(self, event: ChoiceList.Changed) -> None:
        self.sip.consent_confirmed = "confirmed" in event.selected
        self.edited(urgent=True)

    @on(ChoiceList.Changed, "#consent-widen")
    def _widen(self, event: ChoiceList.Changed) -> None:
        consent = self.session.case.consent
        day = self._meeting_day()
        wanted = set(event.selected)
        widened = self._widened_today()
        for organisation_id in wanted - widened:
            who = self.query_one("#consent-widen-who", Input).value.strip() or self._family()
            self.session.widen_consent(organisation_id, who)
        dropped = widened - wanted
        if dropped:
            consent.widened = [w for w in consent.widened if not (w.on == day and w.organisation_id in dropped)]
            self.session.case_changed()
        self.edited(urgent=True)
        self.call_after_refresh(self.show_models)


class ParticipationForm(CaptureForm):
    """How the child took part: the whole meeting, part of it, from a distance, or not at
    all; for a part, which, and for an absence, why (the routine asks for it in writing)."""

    capture = Capture.PARTICIPATION

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_PARTICIPATION)
        took_part = self.sip.child_participation
        yield ChoiceList(
            [(sv.CHILD_PARTICIPATION[c], c.value) for c in ChildParticipation],
            [took_part.value] if took_part else [],
            single=True,
            id="participation",
        )
        yield Label("", classes="field-label", id="absence-label", markup=False)
        yield SipTextArea("child_absence_reason", self.sip.child_absence_reason, id="f-child_absence_reason")
        yield label(sv.LABEL_CHILD_UNDERSTOOD)
        understood = self.sip.child_understood
        yield ChoiceList(
            [(sv.CHILD_UNDERSTOOD[u], u.value) for u in ChildUnderstood],
            [understood.value] if understood else [],
            single=True,
            id="understood",
        )
        yield label(sv.LABEL_CHILD_UNDERSTOOD_NOTE)
        yield Input(self.sip.child_understood_note, id="understood-note")

    def on_mount(self) -> None:
        self._show_reason()

    def _show_reason(self) -> None:
        wanted = sv.LABEL_ABSENCE_REASON.get(self.sip.child_participation)
        self.query_one("#f-child_absence_reason").display = wanted is not None
        heading = self.query_one("#absence-label", Label)
        heading.display = wanted is not None
        heading.update(wanted or "")

    @on(ChoiceList.Changed, "#participation")
    def _chosen(self, event: ChoiceList.Changed) -> None:
        self.sip.child_participation = ChildParticipation(event.selected[0]) if event.selected else None
        self._show_reason()
        self.edited(urgent=True)

    @on(ChoiceList.Changed, "#understood")
    def _understood(self, event: ChoiceList.Changed) -> None:
        self.sip.child_understood = ChildUnderstood(event.selected[0]) if event.selected else None
        self.edited(urgent=True)

    @on(TextArea.Changed, "#f-child_absence_reason")
    @on(Input.Changed, "#understood-note")
    def _reason(self) -> None:
        self.edited()

    def typed(self) -> dict[str, str]:
        if not self.is_mounted:
            return {}
        fields = {
            "child_absence_reason": self.query_one("#f-child_absence_reason", TextArea).text,
            "child_understood_note": self.query_one("#understood-note", Input).value,
        }
        return {name: text for name, text in fields.items() if text != getattr(self.sip, name)}

    def read_fields(self) -> None:
        for name, text in self.typed().items():
            self.store(name, lambda name=name, text=text: setattr(self.sip, name, text))


class LeadAuthorityForm(CaptureForm):
    """Huvudansvarig huvudman: required in every SIP."""

    capture = Capture.LEAD_AUTHORITY

    def compose(self) -> ComposeResult:
        lead = self.sip.lead_authority
        yield label(sv.SECTION_LEAD)
        with Horizontal(classes="row"):
            yield authority_select(
                lead.authority if lead else None, "lead-authority", choices=LEAD_AUTHORITIES
            )
            yield Input(
                lead.organisation if lead else "",
                placeholder=sv.PLACEHOLDER_ORGANISATION,
                suggester=organisation_suggester([o.name for o in self.session.case.organisations]),
                id="lead-organisation",
            )
        yield label(sv.LEAD_ONLY_KOMMUN_OR_REGION).set_classes("hint")

    @on(Select.Changed, "#lead-authority")
    @on(Input.Changed, "#lead-organisation")
    def _changed(self) -> None:
        self.edited()

    def read_fields(self) -> None:
        authority = self.query_one("#lead-authority", Select).value
        organisation = self.query_one("#lead-organisation", Input).value
        if authority == Select.NULL:
            self.sip.lead_authority = None
        else:
            self.store(
                "lead_authority",
                lambda: setattr(self.sip, "lead_authority", LeadAuthority(authority=authority, organisation=organisation)),
            )


class NavigatorForm(TextFieldsForm):
    """The lots, chosen among the professionals present, with contact details, and the
    family's view of the choice (the family has a large say in it)."""

    capture = Capture.NAVIGATOR
    fields = (("navigator_view", sv.LABEL_NAVIGATOR_VIEW),)

    def compose(self) -> ComposeResult:
        nav = self.sip.navigator
        yield label(sv.SECTION_NAVIGATOR)
        yield Select(self._choices(), value=self._current(), prompt=sv.CHOOSE_NAVIGATOR, id="navigator")
        with Horizontal(classes="row"):
            yield Input(nav.phone if nav else "", placeholder=sv.PLACEHOLDER_PHONE, id="navigator-phone")
            yield Input(nav.email if nav else "", placeholder=sv.PLACEHOLDER_EMAIL, id="navigator-email")
        yield from super().compose()

    def first_field(self) -> Widget | None:
        """The family's view, not the choice of lots: keys typed right behind F4 (in one
        burst) land in a text, where a collapsed choice would drop them; the choice is
        one Shift+Tab away."""
        area = self.query_one(f"#f-{self.fields[0][0]}", SipTextArea)
        return area if area.display else super().first_field()

    def _candidates(self):
        return [p for p in self.session.meeting.attendance if p.present and p.is_professional]

    def _choices(self):
        return [(person_label(p), p.id) for p in self._candidates()]

    def _current(self):
        nav = self.sip.navigator
        ids = {p.id for p in self._candidates()}
        return nav.person_id if nav and nav.person_id in ids else Select.NULL

    def show_models(self) -> None:
        select = self.query_one("#navigator", Select)
        select.set_options(self._choices())
        select.value = self._current()

    @on(Select.Changed, "#navigator")
    def _chosen(self, event: Select.Changed) -> None:
        person = next((p for p in self._candidates() if p.id == event.value), None)
        nav = self.sip.navigator
        if person is None or (nav is not None and nav.person_id == person.id):
            return
        navigator = navigator_from(person)
        self.query_one("#navigator-phone", Input).value = navigator.phone
        self.query_one("#navigator-email", Input).value = navigator.email
        self.sip.navigator = navigator
        mark_navigator(self.session.meeting.attendance, person.id)
        self.edited(urgent=True)

    @on(Input.Changed, "#navigator-phone, #navigator-email")
    def _contact(self) -> None:
        self.edited()

    def read_fields(self) -> None:
        super().read_fields()
        nav = self.sip.navigator
        if nav is None:
            return
        phone = self.query_one("#navigator-phone", Input).value
        email = self.query_one("#navigator-email", Input).value
        if (phone, email) != (nav.phone, nav.email):
            self.store(
                "navigator",
                lambda: setattr(self.sip, "navigator", Navigator(**{**nav.model_dump(), "phone": phone, "email": email})),
            )


CALLED = "called:"
"""The value of someone called (not here) in the list of who attends next time."""


class AttendeeChoices(ChoiceList):
    """Who attends next time: Enter chooses someone who was here; on someone called who
    was not, Enter opens them to change and Delete asks and removes them, as in every
    list of the meeting."""

    BINDINGS = [
        Binding("enter", "open", sv.KEY_CHOOSE, show=False),
        Binding("delete", "remove", sv.KEY_REMOVE, show=False),
    ]

    class RowWanted(Message):
        def __init__(self, choices: AttendeeChoices, what: str, value: str):
            super().__init__()
            self.choices = choices
            self.what = what
            self.value = value

        @property
        def control(self) -> AttendeeChoices:
            return self.choices

    def _highlighted_value(self) -> str | None:
        index = self.highlighted
        return None if index is None else self._choice_values[index]

    def action_open(self) -> None:
        value = self._highlighted_value()
        if value is None:
            return
        if value.startswith(CALLED):
            self.post_message(self.RowWanted(self, "edit", value))
        else:
            self.action_toggle()

    def action_remove(self) -> None:
        value = self._highlighted_value()
        if value is not None and value.startswith(CALLED):
            self.post_message(self.RowWanted(self, "remove", value))


class NextAttendeesForm(CaptureForm):
    """Who should attend the next meeting: those here (☑ with Enter), and actors who were
    not in the room, added with Ctrl+N, changed with Enter, removed with Delete; the next
    meeting's attendance starts from them."""

    capture = Capture.NEXT_ATTENDEES
    ADD_NAME = sv.ADD_CALLED

    def compose(self) -> ComposeResult:
        yield label(sv.LABEL_NEXT_ATTENDEES)
        yield AttendeeChoices(self._choices(), self._chosen(), id="next-attendees")
        yield Label(sv.NEXT_ATTENDEES_HINT, classes="hint", markup=False)

    def _choices(self):
        here = [(person_label(p), p.name) for p in self.session.meeting.attendance]
        called = [
            (person_label(p) + Content(f" ({sv.LABEL_CALLED})"), f"{CALLED}{p.id}")
            for p in self.sip.next_meeting.called
        ]
        return here + called

    def _chosen(self) -> list[str]:
        return list(self.sip.next_meeting.attendees) + [f"{CALLED}{p.id}" for p in self.sip.next_meeting.called]

    def show_models(self) -> None:
        self.query_one("#next-attendees", ChoiceList).set_choices(self._choices(), self._chosen())

    def _set(self, attendees: list[str], called: list[Person]) -> None:
        self.sip.next_meeting = self.sip.next_meeting.model_copy(update={"attendees": attendees, "called": called})
        self.edited(urgent=True)

    @on(ChoiceList.Changed, "#next-attendees")
    def _changed(self, event: ChoiceList.Changed) -> None:
        names = [p.name for p in self.session.meeting.attendance]
        chosen = set(event.selected)
        called = [p for p in self.sip.next_meeting.called if f"{CALLED}{p.id}" in chosen]
        dropped = len(called) < len(self.sip.next_meeting.called)
        self._set([n for n in names if n in chosen], called)
        if dropped:
            self.show_models()  # someone called is not called after all: off the list

    def _shown_again(self, person_id: str | None = None) -> None:
        self.show_models()
        choices = self.query_one("#next-attendees", ChoiceList)
        if person_id is not None:
            values = [value for _, value in self._choices()]
            if f"{CALLED}{person_id}" in values:
                choices.highlighted = values.index(f"{CALLED}{person_id}")
        choices.focus()

    def add_row(self) -> None:
        """Call someone who was not here: an actor the next meeting needs."""

        def done(person: Person | None) -> None:
            if person is None:
                return
            nxt = self.sip.next_meeting
            self._set(list(nxt.attendees), [*nxt.called, person])
            self._shown_again(person.id)

        self.ask(DialogKind.CALLED, None, done)

    @on(AttendeeChoices.RowWanted, "#next-attendees")
    def _row_wanted(self, event: AttendeeChoices.RowWanted) -> None:
        event.stop()
        person_id = event.value.removeprefix(CALLED)
        current = next((p for p in self.sip.next_meeting.called if p.id == person_id), None)
        if current is None:
            return

        def others(keep: Person | None) -> list[Person]:
            return [keep if p.id == person_id else p for p in self.sip.next_meeting.called if keep or p.id != person_id]

        def changed(person: Person | None) -> None:
            if person is None or person == current or current not in self.sip.next_meeting.called:
                return
            self._set(list(self.sip.next_meeting.attendees), others(person))
            self._shown_again(person.id)

        def removed(yes: bool | None) -> None:
            if not yes or current not in self.sip.next_meeting.called:
                return
            self._set(list(self.sip.next_meeting.attendees), others(None))
            self._shown_again()

        if event.what == "edit":
            self.ask(DialogKind.CALLED, current, changed)
        else:
            self.ask(DialogKind.REMOVE, current, removed, question=sv.REMOVE_CALLED.format(name=current.name))


class NextMeetingForm(CaptureForm):
    """Date, time, length, place and kind of the next meeting. The day is checked against
    the rule of the kind chosen: a follow-up 4–16 weeks, the closing meeting 8–16 weeks
    after this meeting (a warning that names its source, never a refusal)."""

    capture = Capture.NEXT_MEETING

    def compose(self) -> ComposeResult:
        nxt = self.sip.next_meeting
        yield label(sv.SECTION_NEXT)
        with Horizontal(classes="row"):
            yield Input(f"{nxt.start:%Y-%m-%d}" if nxt.start else "", placeholder=sv.PLACEHOLDER_DATE, id="next-date")
            yield Input(f"{nxt.start:%H.%M}" if nxt.start else "", placeholder=sv.PLACEHOLDER_TIME, id="next-time")
            yield Input(str(nxt.minutes), placeholder=sv.PLACEHOLDER_MINUTES, id="next-minutes", type="integer")
        yield Input(nxt.place, placeholder=sv.PLACEHOLDER_PLACE, id="next-place")
        yield Static("", id="next-status", markup=False)
        if self.session.meeting.kind is not MeetingKind.CLOSING:
            kind = (nxt.kind or MeetingKind.FOLLOW_UP).value
            yield ChoiceList(
                [(sv.MEETING_KIND[k], k.value) for k in (MeetingKind.FOLLOW_UP, MeetingKind.CLOSING)],
                [kind],
                single=True,
                id="next-kind",
            )

    def on_mount(self) -> None:
        self._check()

    @on(ChoiceList.Changed, "#next-kind")
    def _kind(self, event: ChoiceList.Changed) -> None:
        kind = MeetingKind(event.selected[0])
        self.sip.next_meeting = self.sip.next_meeting.model_copy(update={"kind": kind})
        self._check()
        self.edited(urgent=True)

    @property
    def next_kind(self) -> MeetingKind:
        """The kind of the next meeting: as chosen, a follow-up if none is."""
        return self.sip.next_meeting.kind or MeetingKind.FOLLOW_UP

    @on(Input.Changed, "#next-date, #next-time, #next-minutes, #next-place")
    def _changed(self) -> None:
        self._check()
        self.edited()

    def _read(self):
        """(start, minutes, problem) from the fields; problem is Swedish text or ''."""
        entry = read_next_meeting(
            self.query_one("#next-date", Input).value,
            self.query_one("#next-time", Input).value,
            self.query_one("#next-minutes", Input).value,
        )
        problem = sv.NEXT_MEETING_PROBLEM[entry.problem] if entry.problem else ""
        return entry.start, entry.minutes, problem

    def _check(self) -> None:
        status = self.query_one("#next-status", Static)
        start, _, problem = self._read()
        if problem:
            status.set_classes("flag")
            status.update(problem)
            return
        if start is None:
            status.set_classes("hint")
            status.update(sv.next_meeting_hint(self.next_kind))
            return
        warning = check_interval(self.next_kind, self.session.meeting.day, start.date())
        if warning:
            status.set_classes("flag")
            status.update(sv.process_warning(warning))
        else:
            status.set_classes("ok")
            status.update(sv.NEXT_MEETING_OK.format(when=sv.when(start)))

    def read_fields(self) -> None:
        start, minutes, problem = self._read()
        place = self.query_one("#next-place", Input).value
        if problem:
            return
        nxt = self.sip.next_meeting
        if (nxt.start, nxt.minutes, nxt.place) != (start, minutes, place):
            self.sip.next_meeting = nxt.model_copy(update={"start": start, "minutes": minutes, "place": place})


class SignaturesForm(CaptureForm):
    """Who has signed: guardians, the child and each professional present."""

    capture = Capture.SIGNATURES

    def compose(self) -> ComposeResult:
        yield label(sv.SECTION_SIGNATURES)
        yield Static(sv.SIGNATURES_HINT, classes="hint", markup=False)
        yield ChoiceList(self._choices(), self._signed(), id="signatures")
        yield Button(sv.BUTTON_EXPORT_PDF, id="export-pdf", variant="primary")
        yield Static(sv.EXPORT_HINT, classes="hint", markup=False)

    @on(Button.Pressed, "#export-pdf")
    def _export(self) -> None:
        self.post_message(self.ExportWanted("pdf"))

    def _signers(self):
        return [p for p in self.session.meeting.attendance if p.present and p.signs]

    def _choices(self):
        return [
            (person_label(p, roles=True) + (Content(f" – {sv.LABEL_ORAL}") if p.remote else Content("")), p.id)
            for p in self._signers()
        ]

    def _signed(self) -> list[str]:
        signed = {s.name for s in self.sip.signatures}
        return [p.id for p in self._signers() if p.name in signed]

    def show_models(self) -> None:
        self.query_one("#signatures", ChoiceList).set_choices(self._choices(), self._signed())

    @on(ChoiceList.Changed, "#signatures")
    def _changed(self, event: ChoiceList.Changed) -> None:
        chosen = set(event.selected)
        on_day = self.session.meeting.day
        secretary = secretary_of(self.session.meeting.attendance)
        self.sip.signatures = [
            Signature(
                name=p.name, role=p.roles[0], organisation=p.organisation, signed_on=on_day,
                oral=p.remote, noted_by=secretary if p.remote else "",
            )
            for p in self._signers()
            if p.id in chosen
        ]
        self.edited(urgent=True)

