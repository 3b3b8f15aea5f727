"""The case overview: the process across its meetings, the lots, the consent over time,
the next meeting, the process warnings, and what changed between SIP revisions."""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.worker import get_current_worker

from facilitator import strings as sv
from facilitator.agenda.models import Case, CaseEvent, CaseEventKind, Meeting
from facilitator.agenda.revisions import diff_sips
from facilitator.agenda.workdays import case_warnings
from facilitator.store import Store, StoreError
from facilitator.views.sipview import consent_section
from facilitator.widgets.footer import KeyFooter
from facilitator.widgets.problems import store_problem


def _heading(text: str) -> Static:
    return Static(Content.styled(text, "bold $text-secondary"), classes="overview-heading")


class CaseOverviewScreen(Screen[None]):
    DEFAULT_CSS = """
    CaseOverviewScreen #overview { padding: 1 2; }
    CaseOverviewScreen .overview-heading { margin-top: 1; }
    """
    BINDINGS = [
        Binding("r", "revoke", sv.KEY_REVOKE, id="revoke"),
        Binding("escape", "back", sv.KEY_BACK, id="back"),
    ]

    def __init__(self, store: Store, case_id: str, today: date):
        super().__init__()
        self.store = store
        self.case_id = case_id
        self.today = today

    def compose(self) -> ComposeResult:
        yield VerticalScroll(id="overview")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show()

    @property
    def shown(self) -> bool:
        """The case as read is on the screen (it is read on a worker thread)."""
        return self._shown

    _shown = False

    def show(self) -> None:
        """Read the case, its meetings and revisions on a worker thread and show them."""
        self._shown = False
        self._read()

    @work(thread=True, exclusive=True, group="overview", exit_on_error=False)
    def _read(self) -> None:
        worker = get_current_worker()
        try:
            case = self.store.load_case(self.case_id)
            meetings = self.store.meetings_of(self.case_id)
            revisions = self.store.revisions(self.case_id)
        except StoreError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._problem, error)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_read, case, meetings, revisions)

    def _problem(self, error: StoreError) -> None:
        self._shown = True
        self.notify(sv.STORE_PROBLEM.format(problem=store_problem(error)), severity="error", markup=False)

    async def _show_read(self, case: Case, meetings: list[Meeting], revisions) -> None:
        if not self.is_attached:
            return
        self._case = case
        body = self.query_one("#overview", VerticalScroll)
        await body.remove_children()
        await body.mount_all(self._widgets(case, meetings, revisions))
        self._shown = True

    def _widgets(self, case: Case, meetings: list[Meeting], revisions) -> list[Static]:
        status = sv.CASE_STATUS[case.status]
        out = [Static(Content.styled(case.child.name, "bold") + Content(f" · {sv.CASE_LABEL} {status}"))]
        out.append(_heading(sv.OVERVIEW_MEETINGS))
        out.append(Static(f"{sv.LABEL_KALLELSE_SHOWN}: {sv.day(case.kallelse_date)}", markup=False))
        out.append(
            Static(
                Content("\n").join(
                    Content(f"{sv.when(m.start)}  {sv.MEETING_KIND[m.kind]}  ({sv.MEETING_STATUS[m.status]})")
                    for m in meetings
                )
                or Content(sv.NONE_YET)
            )
        )
        latest = meetings[-1].sip if meetings else None
        out.append(_heading(sv.SECTION_NAVIGATOR))
        nav = latest.navigator if latest else None
        lots = [Content(sv.OVERVIEW_CURRENT_LOTS) + Content(nav.name if nav else sv.NOT_STATED)]
        lots += [
            Content(f"{change.on.isoformat()}  ") + Content(f"{change.name}, {change.organisation}".strip(", "))
            for change in case.lots_history
        ]
        out.append(Static(Content("\n").join(lots)))
        if case.history:
            dates = {m.id: f"{m.day:%Y-%m-%d}" for m in meetings}
            out.append(_heading(sv.OVERVIEW_HISTORY))
            out.append(
                Static(
                    Content("\n").join(
                        Content(f"{event.on.isoformat()}  ")
                        + Content(sv.HISTORY[event.kind].format(meeting=dates.get(event.meeting_id, "")))
                        for event in case.history
                    )
                )
            )
        consent = case.consent
        out.append(_heading(sv.SECTION_CONSENT))
        # Everything recorded, a revocation dated ahead of today included.
        lines = [Content(item) for item in consent_section(case, date.max).items]
        if consent.revoked_whole(self.today):
            lines.append(Content.styled(sv.CONSENT_REVOKED_WHOLE_NOTE, "bold $error"))
        out.append(Static(Content("\n").join(lines)))
        out.append(_heading(sv.SECTION_NEXT))
        nxt = latest.next_meeting if latest else None
        out.append(
            Static(
                Content(sv.when(nxt.start) if nxt and nxt.start else sv.NOT_STATED)
                + (Content(", ") + Content(nxt.place) if nxt and nxt.place else Content(""))
            )
        )
        warnings = case_warnings(case, meetings)
        if warnings:
            out.append(_heading(sv.OVERVIEW_WARNINGS))
            out.append(Static(Content("\n").join(Content.assemble(("! ", "bold $warning"), sv.process_warning(w)) for w in warnings)))
        out.append(_heading(sv.OVERVIEW_REVISIONS))
        for before, after in zip(revisions, revisions[1:], strict=False):
            diff = diff_sips(before.sip, after.sip)
            lines = [Content.styled(sv.OVERVIEW_REVISION_PAIR.format(a=before.number, b=after.number), "bold")]
            lines += [Content("+ " + sv.CHANGE_GOAL_ADDED + ": ") + Content(g.text) for g in diff.goals_added]
            lines += [Content("− " + sv.CHANGE_GOAL_REMOVED + ": ") + Content(g.text) for g in diff.goals_removed]
            lines += [Content("+ " + sv.CHANGE_ACTION_ADDED + ": ") + Content(a.what) for a in diff.actions_added]
            lines += [Content("− " + sv.CHANGE_ACTION_REMOVED + ": ") + Content(a.what) for a in diff.actions_removed]
            lines += [
                Content("~ ") + Content(c.action.what) + Content(f": {sv.ACTION_STATUS[c.before]} → {sv.ACTION_STATUS[c.after]}")
                for c in diff.status_changed
            ]
            if diff.empty:
                lines.append(Content(sv.NO_CHANGES))
            out.append(Static(Content("\n").join(lines)))
        if len(revisions) < 2:
            out.append(Static(sv.OVERVIEW_ONE_REVISION, markup=False))
        return out

    _case: Case | None = None

    def action_revoke(self) -> None:
        from facilitator.dialogs.revoke import RevokeDialog

        case = self._case
        if case is None:
            return  # still being read: the key does nothing until the case is shown

        def done(revocation) -> None:
            if revocation is None:
                return
            changed = case.model_copy(deep=True)
            changed.consent.revocations = [*changed.consent.revocations, revocation]
            changed.history = [
                *changed.history,
                CaseEvent(on=self.today, kind=CaseEventKind.CONSENT_REVOKED, note=revocation.organisation),
            ]
            self._store_case(changed)

        named = [(i, case.organisation_name(i)) for i in case.consent.named() if not case.consent.revoked(i, self.today)]
        self.app.push_screen(RevokeDialog(named, self.today), done)

    @work(thread=True, group="overview-store", exit_on_error=False)
    def _store_case(self, case: Case) -> None:
        """Store the case on a worker thread; shown again once stored, the problem said
        (and nothing changed on the screen) when it cannot be."""
        try:
            self.store.save_case(case)
        except StoreError as error:
            self.app.call_from_thread(self._problem, error)
            return
        self.app.call_from_thread(self.show)

    def action_back(self) -> None:
        self.dismiss(None)
