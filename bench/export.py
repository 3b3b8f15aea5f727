"""Time each export format on a five-meeting case. Prints the median of several runs.

    python -m bench.export [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from facilitator.agenda import Action, Authority, Goal, MeetingKind, plan_meeting
from facilitator.export.files import FORMATS, export_meeting
from facilitator.store import Store


def five_meeting_case(store: Store):
    from tests.conftest import STOCKHOLM, full_case, full_meeting

    case = full_case()
    store.save_case(case)
    first = full_meeting(case)
    first.sip.family_story = ("Elsa berättar om morgnarna och om skolan. " * 40).strip()
    first.sip.actions += [
        Action(what=f"Insats {n}: stöd i vardagen", responsible="Đorđe Đorđević", authority=Authority.KOMMUN)
        for n in range(12)
    ]
    first.sip.goals += [Goal(text=f"Delmål {n}") for n in range(6)]
    store.save_meeting(first)
    meetings = [first]
    for n in range(1, 5):
        kind = MeetingKind.CLOSING if n == 4 else MeetingKind.FOLLOW_UP
        meeting = plan_meeting(case, kind, datetime(2026, 1, 13, 9, tzinfo=STOCKHOLM) + timedelta(weeks=6 * n))
        meeting.attendance = [p.model_copy() for p in first.attendance]
        meeting.sip = meetings[-1].sip.model_copy(deep=True)
        store.save_meeting(meeting)
        meetings.append(meeting)
    return meetings[-1].id


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with Store.open(Path(tempfile.mkdtemp())) as store:
        meeting_id = five_meeting_case(store)
        now = datetime.now(UTC)
        export_meeting(store, meeting_id, "pdf", now)  # fonts and libraries loaded once
        print(f"export of the last meeting of a five-meeting case, median of {runs} runs:")
        for fmt in FORMATS:
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                exported = export_meeting(store, meeting_id, fmt, now)
                times.append(time.perf_counter() - start)
            print(f"  {fmt:<5} {statistics.median(times) * 1000:7.1f} ms  ({len(exported.data):,} bytes)")
            if fmt == "pdf":
                verdict = "met" if statistics.median(times) <= 0.5 else "NOT met"
                print(f"        target: PDF <= 500 ms -> {verdict}")


if __name__ == "__main__":
    main()
