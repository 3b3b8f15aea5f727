"""The SIP review before the last step ends: every section, and what is still missing.

The sections are the one SIP view that the room view and every export render too."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator import strings as sv
from facilitator.agenda.checks import missing_parts
from facilitator.agenda.models import Capture
from facilitator.export.fonts import unprintable_in
from facilitator.meeting.session import MeetingSession
from facilitator.views.sipview import Section, sip_document
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.sipview import section_body, section_heading


class ReviewScreen(Screen[Capture | str | None]):
    """Dismisses with ``"finish"`` to end the meeting, a ``Capture`` to go and fill it in,
    or ``None`` to go back."""

    CSS_PATH = "review.tcss"
    BINDINGS = [
        Binding("f4", "finish", sv.KEY_FINISH_MEETING, priority=True, id="finish"),
        Binding("escape", "back", sv.KEY_BACK, id="back"),
    ]

    def __init__(self, session: MeetingSession, can_finish: bool = True):
        super().__init__()
        self.session = session
        self.can_finish = can_finish
        self.missing = missing_parts(session.meeting, session.case)
        self.unprintable = unprintable_in(sip_document(session.case, session.meeting))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return self.can_finish
        return True

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(sv.REVIEW_TITLE, "bold"), id="review-title")
        with Horizontal(id="review-body"):
            with VerticalScroll(id="review-sip"):
                for section in self.sections():
                    yield Static(section_heading(section), classes="section-title")
                    if not section.heading_only:
                        yield Static(section_body(section, sv.NOT_STATED), classes="section-body")
            with VerticalScroll(id="review-missing"):
                if self.unprintable:
                    text = sv.REVIEW_UNPRINTABLE.format(chars=sv.characters(self.unprintable))
                    yield Static(Content.styled(text, "bold $warning"), id="unprintable")
                if self.missing:
                    yield Static(Content.styled(sv.REVIEW_MISSING, "bold $error"))
                    yield OptionList(
                        *[
                            Option(
                                Content(("§ " if part.legal else "• ") + sv.MISSING[part.code])
                                + (Content(": ") + Content(part.detail) if part.detail else Content("")),
                                id=str(index),
                            )
                            for index, part in enumerate(self.missing)
                        ],
                        id="missing",
                    )
                    yield Static(sv.REVIEW_MISSING_HINT, classes="hint", markup=False)
                else:
                    yield Static(Content.styled(sv.REVIEW_COMPLETE, "bold $text-success"))
                yield Static(
                    sv.REVIEW_FINISH_HINT if self.can_finish else sv.REVIEW_BACK_HINT,
                    classes="hint",
                    markup=False,
                )
        yield KeyFooter()

    def sections(self) -> list[Section]:
        """The SIP's sections that this meeting's agenda fills, or that hold something."""
        meeting = self.session.meeting
        captured = {capture for step in meeting.steps for capture in step.captures}
        document = sip_document(self.session.case, meeting)
        return [
            s for s in document.sections if captured.intersection(s.captures) or (s.captures and not s.empty)
        ]

    def on_mount(self) -> None:
        if self.missing:
            self.query_one("#missing", OptionList).focus()

    @on(OptionList.OptionSelected, "#missing")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.missing[int(event.option.id)].capture)

    def action_finish(self) -> None:
        self.dismiss("finish")

    def action_back(self) -> None:
        self.dismiss(None)
