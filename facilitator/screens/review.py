"""The SIP review before the last step ends: every section, and what is still missing."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from facilitator import strings as sv
from facilitator.agenda.checks import missing_parts
from facilitator.agenda.models import Capture, Case, Meeting
from facilitator.store.session import MeetingSession


def _text(value: str) -> Content:
    return Content(value) if value.strip() else Content.styled(sv.NOT_STATED, "italic $text-muted")


def sip_sections(case: Case, meeting: Meeting) -> list[tuple[str, Content]]:
    """Every section of the SIP as it stands, in the routine's order, for the screen."""
    sip = meeting.sip
    people = [
        Content(p.name)
        + Content.styled(
            f"  {p.organisation} · {', '.join(sv.ROLE[r] for r in p.roles)}"
            + ("" if p.present else f" · {sv.LABEL_ABSENT}"),
            "$text-muted",
        )
        for p in meeting.attendance
    ]
    actions = [
        Content("• ")
        + Content(a.what)
        + Content.styled(
            f"  {a.responsible} · {a.organisation} · {sv.AUTHORITY[a.authority]} · "
            f"{a.due.isoformat() if a.due else '–'} · {sv.ACTION_STATUS[a.status]}",
            "$text-muted",
        )
        for a in sip.actions
    ]
    nav = sip.navigator
    lead = sip.lead_authority
    if sip.child_participated is None:
        participation = _text("")
    elif sip.child_participated:
        participation = Content(sv.LABEL_CHILD_TOOK_PART + ".")
    else:
        participation = Content(sv.LABEL_CHILD_ABSENT + ": ") + _text(sip.child_absence_reason)
    nxt = sip.next_meeting
    sections = [
        (sv.SECTION_QUESTION, _text(case.question)),
        (sv.SECTION_PURPOSE, _text(sip.purpose)),
        (sv.SECTION_PARTICIPANTS, Content("\n").join(people) if people else _text("")),
        (sv.SECTION_FAMILY_STORY, _text(sip.family_story)),
        (sv.SECTION_PROFESSIONALS_STORY, _text(sip.professionals_story)),
        (sv.SECTION_NOTES, _text(sip.notes)),
        (sv.SECTION_GOALS, Content("\n").join(Content("• ") + Content(g.text) for g in sip.goals) if sip.goals else _text("")),
        (sv.SECTION_ACTIONS, Content("\n").join(actions) if actions else _text("")),
        (sv.SECTION_NAVIGATOR, _text(", ".join(x for x in (nav.name, nav.organisation, nav.phone, nav.email) if x)) if nav else _text("")),
        (sv.SECTION_LEAD, (Content(sv.AUTHORITY[lead.authority] + " ") + Content(lead.organisation)) if lead else _text("")),
        (sv.SECTION_PARTICIPATION, participation),
        (sv.LABEL_CHILD_VIEW, _text(sip.child_view)),
        (sv.LABEL_GUARDIANS_VIEW, _text(sip.guardians_view)),
    ]
    if sip.reflection or sip.if_worse:
        sections += [(sv.SECTION_REFLECTION, _text(sip.reflection)), (sv.SECTION_IF_WORSE, _text(sip.if_worse))]
    sections.append(
        (
            sv.SECTION_NEXT,
            Content(f"{sv.when(nxt.start) if nxt.start else sv.NOT_STATED}, ")
            + _text(nxt.place)
            + Content(f"\n{sv.LABEL_NEXT_ATTENDEES}: ")
            + _text(", ".join(nxt.attendees)),
        )
    )
    return sections


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
        self.missing = missing_parts(session.meeting)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "finish":
            return self.can_finish
        return True

    def compose(self) -> ComposeResult:
        yield Static(Content.styled(sv.REVIEW_TITLE, "bold"), id="review-title")
        with Horizontal(id="review-body"):
            with VerticalScroll(id="review-sip"):
                for title, body in sip_sections(self.session.case, self.session.meeting):
                    yield Static(Content.styled(title, "bold $text-secondary"), classes="section-title")
                    yield Static(body, classes="section-body")
            with VerticalScroll(id="review-missing"):
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
        yield Footer()

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
