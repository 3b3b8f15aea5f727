"""Withdraw the consent, for one organisation or whole, from a date."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label

from facilitator import strings as sv
from facilitator.agenda.dates import parse_day
from facilitator.agenda.models import Revocation
from facilitator.dialogs.dialog import FormDialog
from facilitator.widgets.select import Select

WHOLE = "__whole__"


class RevokeDialog(FormDialog[Revocation]):
    LAST_FIELD = "revoke-note"

    def __init__(self, organisations: list[tuple[str, str]], today: date):
        """``organisations``: the verksamheter the consent names, as (id, name)."""
        super().__init__()
        self.organisations = organisations
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog-box"):
            yield Label(sv.REVOKE_TITLE, classes="field-label")
            yield Select(
                [(Content(sv.REVOKE_WHOLE), WHOLE)] + [(Content(name), key) for key, name in self.organisations],
                value=WHOLE,
                allow_blank=False,
                id="revoke-what",
            )
            yield Label(sv.LABEL_REVOKED_BY, classes="field-label")
            yield Input("", id="revoke-by")
            yield Label(sv.LABEL_DATE, classes="field-label")
            yield Input(self.today.isoformat(), placeholder=sv.PLACEHOLDER_DATE, id="revoke-date")
            yield Label(sv.LABEL_COMMENT, classes="field-label")
            yield Input("", id="revoke-note")
            yield from self.footer(sv.BUTTON_REVOKE)

    def action_save(self) -> None:
        try:
            day = parse_day(self.query_one("#revoke-date", Input).value)
            if day is None:
                raise ValueError("no date")
        except ValueError:
            return self.refuse(sv.BAD_DATE, "#revoke-date")
        by = self.query_one("#revoke-by", Input).value
        if not by.strip():
            return self.refuse(sv.REVOKE_WHO_MISSING, "#revoke-by")
        what = self.query_one("#revoke-what", Select).value
        names = dict(self.organisations)
        self.dismiss(
            Revocation(
                on=day,
                organisation_id=None if what == WHOLE else what,
                organisation=names.get(what, ""),
                by=by,
                note=self.query_one("#revoke-note", Input).value,
            )
        )
