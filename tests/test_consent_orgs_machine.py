"""The consent's verksamheter in the case form as a state machine: the list of the case's
verksamheter ticked (☑) or not (☐) as covered, and the "Ny verksamhet" row that adds one
(or, by a name the case already has in any spelling, updates and ticks that one). Driven
with the secretary's keys (Tab into the list, Home/Down and Enter; the name, huvudman and
legal body typed and Enter in the name; Esc in the open huvudman list and at the form's
question; Ctrl+S) against a plain model. After every step the form holds the model;
after every Ctrl+S the case read back from the store does, its verksamheter keeping their
ids, and the form opened again shows each one ticked or not."""

from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import invariant, precondition, rule, run_state_machine_as_test
from textual.widgets import Select

from facilitator.agenda.kinds import Authority
from facilitator.agenda.models import fold
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.screens.case import CaseScreen
from facilitator.store import Store
from facilitator.widgets.choices import CHECKED, UNCHECKED, ChoiceList
from tests.pilot_machine import PilotMachine
from tests.screens_helpers import demo_app, screen_lines, type_text, until

NAMES = [
    "Skolhälsan Ängby",
    "Öppenvården Åsen",
    "bup  öst",  # the demo case's "BUP Öst", typed in other letters and spacing
    " Fritidsgården KOMETEN ",  # the demo case's, not yet covered
    "skolhälsan ängby",  # the first name here, once it is added
]
AUTHORITIES = [None, *Authority]
"""The huvudman chosen in the row; None: left as "Välj huvudman"."""
BODIES = ["", "Region Skåne", "Ängby kommun, socialnämnden"]
CHOICES = [None, *Authority]
"""The huvudman list as it opens: "Välj huvudman" first, then each huvudman."""


@dataclass
class Verksamhet:
    name: str
    authority: Authority | None
    body: str
    ticked: bool


class ConsentOrganisationsMachine(PilotMachine):
    def __init__(self, base: Path):
        self.folder = Path(tempfile.mkdtemp(dir=base))
        self.store = Store.open(self.folder)
        app, _, _ = demo_app(self.store)
        # The form scrolls to the field with the cursor at once: the end is the same, and
        # a scroll animated over a form this long takes half a second a key on two cores.
        app.animation_level = "none"
        super().__init__(app)
        (case,) = self.store.list_cases()
        self.case_id = case.id
        self.ids = {fold(o.name): o.id for o in case.organisations}
        """Each verksamhet's id, by its name: kept however often the case is saved."""
        self.stored = [Verksamhet(o.name, o.authority, o.body, o.id in case.consent.covered) for o in case.organisations]
        self.model = copy.deepcopy(self.stored)
        """The verksamheter as the open form holds them."""
        self.run(self.pilot.pause())
        self._open()

    def teardown(self):
        try:
            self.close_app()
        finally:
            self.store.close()

    # --- the form ---------------------------------------------------------------------------

    def keys(self, *keys: str) -> None:
        """Pressed one by one, each handled before the next (Pilot waits for the screen)."""
        self.run(self.pilot.press(*keys))

    def _focus(self, selector: str):
        """The cursor to a field (handled before the keys pressed next)."""
        widget = self.form.query_one(selector)
        widget.focus()
        return widget

    def _open(self, look: bool = False) -> None:
        """E on the start screen: the case form; with ``look``, the list of verksamheter in
        view, each ticked or not as the model has it."""
        self.keys("e")
        self.run(until(self.pilot, lambda: isinstance(self.app.screen, CaseScreen)))  # read on a worker
        self.form = self.app.screen
        if look:
            self._into_the_list()
            self._shows_the_marks()

    def _closed(self) -> None:
        self.run(until(self.pilot, lambda: not isinstance(self.app.screen, CaseScreen | ConfirmDialog)))

    @property
    def choices(self) -> ChoiceList:
        return self.form.query_one("#consent-organisations", ChoiceList)

    def _into_the_list(self, *keys: str) -> None:
        """From the consent's date, Tab: the list of verksamheter has the cursor; then ``keys``."""
        self._focus("#consent-date")
        self.keys("tab")
        assert self.form.focused is self.choices
        if keys:
            self.keys(*keys)

    def _shows_the_marks(self) -> None:
        """What the screen shows: each verksamhet of the list with ☑ or ☐ before its name."""
        self.run(self.pilot.pause())
        lines = screen_lines(self.app)
        for verksamhet in self.model:
            mark = CHECKED if verksamhet.ticked else UNCHECKED
            assert any(f"{mark} {verksamhet.name}" in line for line in lines), (verksamhet, lines)

    def _unstored(self) -> bool:
        return self.model != self.stored

    # --- the keys ---------------------------------------------------------------------------

    @rule(row=st.integers(0, 20))
    def tick_or_untick(self, row):
        row %= len(self.model)
        self._into_the_list("home", *["down"] * row, "enter")
        self.model[row].ticked = not self.model[row].ticked
        self._shows_the_marks()

    def _choose_authority(self, authority: Authority) -> None:
        """Open the huvudman list (Enter) and take ``authority`` from it (Enter)."""
        field = self._focus("#new-organisation-authority")
        self.keys("enter")
        assert field.expanded
        self.keys("home", *["down"] * CHOICES.index(authority), "enter")
        assert not field.expanded and field.value == authority

    def _escape_in_the_huvudman_list(self, moves: int) -> None:
        """The huvudman list opened, moved in, and closed with Esc: nothing chosen."""
        field = self._focus("#new-organisation-authority")
        self.keys("enter")
        assert field.expanded
        self.keys(*["down"] * moves, "escape")
        assert not field.expanded
        assert self.app.screen is self.form

    @rule(
        name=st.sampled_from(NAMES),
        authority=st.sampled_from(AUTHORITIES),
        body=st.sampled_from(BODIES),
        second_thoughts=st.integers(0, 3),
    )
    def add_a_verksamhet(self, name, authority, body, second_thoughts):
        """The row filled in, the name last, and Enter in the name; with ``second_thoughts``,
        the huvudman list is first opened, moved in that many rows and left with Esc."""
        if second_thoughts:
            self._escape_in_the_huvudman_list(second_thoughts)
        if authority is not None:
            self._choose_authority(authority)
        if body:
            self._focus("#new-organisation-body")
            self.run(type_text(self.pilot, body))
        self._focus("#new-organisation")
        self.run(type_text(self.pilot, name + "\n"))  # a fast typist: the name and Enter in one burst
        assert self.form.focused is self.form.query_one("#new-organisation")
        assert self.form.query_one("#new-organisation").value == ""
        assert self.form.query_one("#new-organisation-body").value == ""
        found = next((v for v in self.model if fold(v.name) == fold(name)), None)
        if found is None:
            self.model.append(Verksamhet(name.strip(), authority, body, True))
        else:  # the case's own, under its own name: what the row says is added to it
            found.authority = authority or found.authority
            found.body = body or found.body
            found.ticked = True

    @precondition(lambda self: self._unstored())
    @rule(keep=st.booleans())
    def escape_in_the_form(self, keep):
        """Esc with anything not stored: a question first. Esc there keeps the form as it
        is; "yes" throws it away (and the form is opened again)."""
        self._focus("#child-name")
        self.keys("escape")
        assert isinstance(self.app.screen, ConfirmDialog), (self.model, self.stored)
        if keep:
            self.keys("escape")
            assert self.app.screen is self.form
            return
        self.run(self.pilot.click("#yes"))
        self._closed()
        self.model = copy.deepcopy(self.stored)
        self._open()

    @precondition(lambda self: self._unstored())
    @rule()
    def save(self):
        """Ctrl+S stores the case and closes the form; the case read back is the model's.
        (Only once something changed: the form opened again costs a second here.)"""
        self.keys("ctrl+s")
        self._closed()
        case = self.store.load_case(self.case_id)
        assert [(o.name, o.authority, o.body) for o in case.organisations] == [
            (v.name, v.authority, v.body) for v in self.model
        ]
        for organisation in case.organisations:  # each keeps its id, saved again or updated
            assert self.ids.setdefault(fold(organisation.name), organisation.id) == organisation.id
        assert case.consent.covered == [self.ids[fold(v.name)] for v in self.model if v.ticked]
        assert case.consent.named() == case.consent.covered  # nothing widened in a meeting
        self.stored = copy.deepcopy(self.model)
        self._open(look=True)

    @invariant()
    def the_form_holds_the_model(self):
        assert self.app.screen is self.form
        assert [(o.name, o.authority, o.body) for o in self.form.organisations] == [
            (v.name, v.authority, v.body) for v in self.model
        ]
        ids = {o.id: o.name for o in self.form.organisations}
        assert [ids[i] for i in self.choices.selected] == [v.name for v in self.model if v.ticked]
        # The row is empty between verksamheter, its huvudman too.
        assert self.form.query_one("#new-organisation-authority", Select).value is Select.NULL


def test_the_consents_verksamheter_keep_the_model(tmp_path):
    run_state_machine_as_test(
        lambda: ConsentOrganisationsMachine(tmp_path),
        settings=settings(
            max_examples=2,
            stateful_step_count=5,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
            # A failure is reported as found: shrinking a machine that drives a screen takes minutes.
            phases=(Phase.explicit, Phase.reuse, Phase.generate),
        ),
    )
