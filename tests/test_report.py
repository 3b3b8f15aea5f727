"""The meeting report: planned, re-planned and actual minutes per step, as bars and as a
table with the differences and totals, read back from PDF and Markdown."""

import io
import re
from datetime import datetime

from pypdf import PdfReader

from facilitator.agenda.clock import NS_PER_MIN, NS_PER_S
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import MeetingKind, MeetingStatus, StepStatus
from facilitator.documents import render
from facilitator.views.report import mmss, report_document, signed_mmss
from facilitator.views.sipview import Bar
from tests.conftest import STOCKHOLM, full_case


def _ran_meeting():
    """A first meeting stopped in its fifth step: the first over time, the second
    re-planned and under, the third skipped, the fourth on time, the fifth running."""
    case = full_case()
    meeting = plan_meeting(case, MeetingKind.FIRST, datetime(2026, 3, 24, 9, 0, tzinfo=STOCKHOLM))
    s = meeting.steps
    s[0].status, s[0].elapsed_ns = StepStatus.DONE, 6 * NS_PER_MIN + 30 * NS_PER_S  # planned 5
    s[1].status, s[1].allotted_ns, s[1].elapsed_ns = StepStatus.DONE, 2 * NS_PER_MIN, 2 * NS_PER_MIN  # planned 3
    s[2].status, s[2].allotted_ns = StepStatus.SKIPPED, 0  # planned 5
    s[3].status, s[3].elapsed_ns = StepStatus.DONE, 15 * NS_PER_MIN  # planned 15
    s[4].status, s[4].elapsed_ns = StepStatus.RUNNING, 4 * NS_PER_MIN  # planned 10
    return case, meeting


def _section(document, heading):
    return next(s for s in document.sections if s.heading == heading)


def test_time_as_minutes_and_seconds():
    assert mmss(0) == "0:00"
    assert mmss(6 * NS_PER_MIN + 30 * NS_PER_S) == "6:30"
    assert mmss(125 * NS_PER_MIN) == "125:00"
    assert signed_mmss(90 * NS_PER_S) == "+1:30"
    assert signed_mmss(-61 * NS_PER_S) == "-1:01"
    assert signed_mmss(0) == "0:00"


def test_one_bar_per_step_run_or_to_come_with_planned_re_planned_and_actual_minutes():
    case, meeting = _ran_meeting()
    bars = _section(report_document(case, meeting), "Tid per steg").bars
    shown = [s for s in meeting.steps if s.status is not StepStatus.SKIPPED]
    assert len(bars) == len(shown) == len(meeting.steps) - 1  # the skipped step has none
    assert bars[0] == Bar("Presentationsrunda", 5.0, 5.0, 6.5)
    assert bars[1] == Bar("Sekretess", 3.0, 2.0, 2.0)
    assert "Modellens struktur och mötets syfte" not in [b.label for b in bars]
    assert bars[3].actual_min == 4.0  # the running step: its time so far
    assert all(b.actual_min is None for b in bars[4:])  # not run
    assert [b.planned_min for b in bars] == [s.planned_ns / NS_PER_MIN for s in shown]


def _said(items: list[str], prefix: str) -> str:
    """What the overview's line that starts with ``prefix`` says after it."""
    return next(item for item in items if item.startswith(prefix)).removeprefix(prefix).strip()


def test_a_skipped_step_is_called_skipped_and_a_step_not_run_not_run_everywhere():
    """The overview, the table and the bars give one account: what was skipped is named
    as skipped (never as not run), what did not run as not run."""
    case, meeting = _ran_meeting()
    document = report_document(case, meeting)
    md = render(document, "md").decode("utf-8")
    skipped = [s.title for s in meeting.steps if s.status is StepStatus.SKIPPED]
    not_run = [s.title for s in meeting.steps if s.status is StepStatus.PENDING]
    items = _section(document, "Översikt").items
    assert _said(items, "Steg som hoppades över:") == ", ".join(skipped)
    assert _said(items, "Steg som mötet inte hann till:") == ", ".join(not_run)
    rows = {row[0]: row for row in _section(document, "Tid per steg").table.rows}
    assert [t for t, row in rows.items() if row[3] == "hoppades över"] == skipped
    assert [t for t, row in rows.items() if row[3] == "inte genomfört"] == not_run
    for line in md.splitlines():
        if "genomfördes inte" in line:  # the bars' word for a step not run
            assert line.split(" | ")[0].lstrip("| ") in not_run, line
    for title in skipped:
        assert not any(title in line and "genomf" in line for line in md.splitlines())


def test_a_finished_meeting_with_a_skipped_step_has_no_step_not_run():
    case, meeting = _ran_meeting()
    for step in meeting.steps[4:]:
        step.status, step.elapsed_ns = StepStatus.DONE, step.allotted_ns
    md = render(report_document(case, meeting), "md").decode("utf-8")
    assert "Steg som mötet inte hann till: inga" in md
    assert "genomfördes inte" not in md and "inte genomfört" not in md
    assert "Steg som hoppades över: Modellens struktur och mötets syfte" in md
    assert md.count("hoppades över") == 2  # the overview and its row in the table


def _replanned_total(document) -> str:
    return _section(document, "Tid per steg").table.rows[-1][2]


def test_re_planning_after_steps_closed_early_keeps_to_the_meetings_length():
    """Four steps closed early, then F9: the report said "omplanerat 110:20" for a
    90-minute meeting (the minutes the closed steps left unused were counted for them
    and again for the steps they went to)."""
    from facilitator.agenda import ManualClock
    from facilitator.agenda.meetings import timebox_for

    case = full_case()
    start = datetime(2026, 3, 24, 9, 0, tzinfo=STOCKHOLM)
    meeting = plan_meeting(case, MeetingKind.FIRST, start)
    clock = ManualClock(start)
    box = timebox_for(meeting, clock)
    box.start()
    for seconds in (60, 40, 60, 300):
        clock.advance(seconds)
        box.close_step()
    box.rebalance()
    document = report_document(case, meeting)
    assert _replanned_total(document) == "90:00"
    assert _section(document, "Översikt").items[0].startswith("Planerat 90:00, omplanerat 90:00, faktiskt 7:40")
    rows = _section(document, "Tid per steg").table.rows
    assert rows[0][1:4] == ["5:00", "1:00", "1:00"]  # its unused four minutes went on

    box.add_time()  # F8 twice after the re-plan: the meeting is two minutes longer
    box.add_time()
    document = report_document(case, meeting)
    assert _replanned_total(document) == "92:00"
    assert _section(document, "Översikt").items[0].startswith("Planerat 90:00, omplanerat 92:00,")


def test_the_table_with_differences_skipped_and_not_run_steps():
    case, meeting = _ran_meeting()
    table = _section(report_document(case, meeting), "Tid per steg").table
    assert table.header == ["Steg", "Planerat", "Omplanerat", "Faktiskt", "Skillnad"]
    rows = table.rows
    assert rows[0] == ["Presentationsrunda", "5:00", "5:00", "6:30", "+1:30"]
    assert rows[1] == ["Sekretess", "3:00", "2:00", "2:00", "-1:00"]
    assert rows[2] == ["Modellens struktur och mötets syfte", "5:00", "0:00", "hoppades över", ""]
    assert rows[3][3:] == ["15:00", "0:00"]
    assert rows[4][3:] == ["4:00", "-6:00"]
    assert rows[5][3:] == ["inte genomfört", ""]


def test_totals_sum_the_steps():
    case, meeting = _ran_meeting()
    document = report_document(case, meeting)
    totals = _section(document, "Tid per steg").table.rows[-1]
    planned = sum(s.planned_ns for s in meeting.steps)
    replanned = sum(s.allotted_ns for s in meeting.steps)
    assert planned == 90 * NS_PER_MIN
    assert totals == ["Totalt", "90:00", mmss(replanned), "27:30", "-5:30"]  # 6:30+2+15+4 against 5+3+15+10
    items = _section(document, "Översikt").items
    assert items[0] == (
        f"Planerat 90:00, omplanerat {mmss(replanned)}, faktiskt 27:30; skillnad mot planen "
        "för de steg som genomfördes -5:30."
    )
    assert items[1] == "Omplanerade steg: Sekretess"
    assert items[2] == "Steg som hoppades över: Modellens struktur och mötets syfte"
    assert items[3].startswith("Steg som mötet inte hann till: Frågestund, Dialog")


def test_the_report_is_not_signed_and_says_what_it_is():
    case, meeting = _ran_meeting()
    assert dict(report_document(case, meeting).facts)["Hölls"] == "inte ännu"
    # Held on another day than planned: the report shows both.
    meeting.status, meeting.held_start = MeetingStatus.RUNNING, datetime(2026, 3, 26, 13, 5, tzinfo=STOCKHOLM)
    document = report_document(case, meeting)
    assert document.signers == []
    assert document.title == "Mötesrapport: planerad och faktisk tid"
    facts = dict(document.facts)
    assert facts == {
        "Barn/ungdom": "Åsa Öberg-Şahin",
        "Möte": "Inledande möte",
        "Planerat till": "2026-03-24 kl. 09.00",
        "Hölls": "2026-03-26 kl. 13.05",
        "Planerad längd": "90 min",
    }
    assert document.missing == []


def test_a_meeting_not_started_has_nothing_re_planned_or_skipped():
    case = full_case()
    meeting = plan_meeting(case, MeetingKind.CLOSING, datetime(2026, 6, 2, 9, 0, tzinfo=STOCKHOLM))
    document = report_document(case, meeting)
    items = _section(document, "Översikt").items
    assert items[1] == "Omplanerade steg: inga" and items[2] == "Steg som hoppades över: inga"
    assert _section(document, "Tid per steg").table.rows[-1][3:] == ["0:00", "0:00"]
    assert dict(document.facts)["Möte"] == "Avslutande möte"


def test_the_report_read_back_from_pdf_and_markdown():
    case, meeting = _ran_meeting()
    document = report_document(case, meeting)
    reader = PdfReader(io.BytesIO(render(document, "pdf")))
    pdf = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    md = render(document, "md").decode("utf-8")
    for text in (pdf, md):
        for expected in ("Mötesrapport", "Åsa Öberg-Şahin", "Tid per steg", "Omplanerat", "hoppades över", "+1:30"):
            assert expected in text, expected
    assert "| Presentationsrunda | 5:00 | 5:00 | 6:30 | \\+1:30 |" in md  # + escaped
    assert "| Totalt | 90:00 |" in md
    assert "Ort och datum" not in pdf and "Underskrift" not in md
