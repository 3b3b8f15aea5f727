"""The meeting report: planned against actual minutes per step, for the samtalsledare.

Built once as a ``SipDocument`` (bars and a table) so that every renderer prints it. Not
for signing, and not part of the SIP: meeting-internal timing stays out of the plan. A
pure function of the case and the meeting.
"""

from __future__ import annotations

from facilitator import strings as sv
from facilitator.agenda.clock import NS_PER_MIN, NS_PER_S
from facilitator.agenda.models import Case, Meeting, StepRun, StepStatus
from facilitator.views.sipview import Bar, Section, SipDocument, Table


def ran(step: StepRun) -> bool:
    """Whether the step has run (or is running): it has an actual time."""
    return step.status in (StepStatus.DONE, StepStatus.RUNNING)


def mmss(ns: int) -> str:
    """A length of time as minutes and seconds: 12:05."""
    seconds = round(ns / NS_PER_S)
    return f"{seconds // 60}:{seconds % 60:02d}"


def signed_mmss(ns: int) -> str:
    """A difference in time, with its sign: +2:30, -1:05, 0:00."""
    seconds = round(ns / NS_PER_S)
    if seconds == 0:
        return "0:00"
    return ("+" if seconds > 0 else "-") + mmss(abs(seconds) * NS_PER_S)


def step_bar(step: StepRun) -> Bar:
    return Bar(
        step.title,
        step.planned_ns / NS_PER_MIN,
        step.allotted_ns / NS_PER_MIN,
        step.elapsed_ns / NS_PER_MIN if ran(step) else None,
    )


def _row(step: StepRun) -> list[str]:
    if step.status is StepStatus.SKIPPED:
        actual, difference = sv.REPORT_SKIPPED, ""
    elif not ran(step):
        actual, difference = sv.REPORT_NOT_RUN, ""
    else:
        actual, difference = mmss(step.elapsed_ns), signed_mmss(step.elapsed_ns - step.planned_ns)
    return [step.title, mmss(step.planned_ns), mmss(step.allotted_ns), actual, difference]


def _names(steps: list[StepRun]) -> str:
    return ", ".join(s.title for s in steps) or sv.REPORT_NONE


def report_document(case: Case, meeting: Meeting) -> SipDocument:
    steps = meeting.steps
    planned = sum(s.planned_ns for s in steps)
    replanned = sum(s.allotted_ns for s in steps if s.status is not StepStatus.SKIPPED)
    actual = sum(s.elapsed_ns for s in steps if ran(s))
    # Against the plan of the steps that ran: a skipped step's time is not an overrun saved.
    difference = actual - sum(s.planned_ns for s in steps if ran(s))
    totals = [sv.LABEL_TOTAL, mmss(planned), mmss(replanned), mmss(actual), signed_mmss(difference)]
    table = Table(list(sv.REPORT_COLUMNS), [_row(s) for s in steps] + [totals])
    summary = Section(
        sv.REPORT_SUMMARY,
        [sv.REPORT_NOTE],
        items=[
            sv.REPORT_TOTALS.format(
                planned=mmss(planned),
                replanned=mmss(replanned),
                actual=mmss(actual),
                difference=signed_mmss(difference),
            ),
            sv.REPORT_REPLANNED.format(
                steps=_names(
                    [s for s in steps if s.status is not StepStatus.SKIPPED and s.allotted_ns != s.planned_ns]
                )
            ),
            sv.REPORT_SKIPPED_STEPS.format(steps=_names([s for s in steps if s.status is StepStatus.SKIPPED])),
            sv.REPORT_NOT_RUN_STEPS.format(steps=_names([s for s in steps if s.status is StepStatus.PENDING])),
        ],
    )
    # A skipped step is in the table and the overview as skipped; it has no bar, which
    # would only say that it did not run (as the summary after the meeting leaves it out).
    bars = [step_bar(s) for s in steps if s.status is not StepStatus.SKIPPED]
    by_step = Section(sv.REPORT_STEPS, table=table, bars=bars)
    facts = [
        (sv.LABEL_CHILD, case.child.name),
        (sv.LABEL_MEETING, sv.MEETING_KIND[meeting.kind]),
        (sv.LABEL_PLANNED_FOR, sv.when(meeting.planned_start)),
        (sv.LABEL_HELD, sv.when(meeting.start) if meeting.held else sv.NOT_HELD_YET),
        (sv.LABEL_PLANNED_LENGTH, f"{meeting.planned_minutes} {sv.MINUTES_SHORT}"),
    ]
    return SipDocument(
        sv.REPORT_TITLE,
        facts,
        [summary, by_step],
        [],
        header_line=(
            f"{sv.REPORT_TITLE} – {case.child.name} – {sv.MEETING_KIND[meeting.kind]} "
            f"{meeting.day:%Y-%m-%d}"
        ),
    )
