"""Time each export format on a five-meeting case (the latest meeting, whose SIP carries
the whole history). Target: PDF at most 0.5 s.

    python -m bench.export
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from bench.figures import Figure, median, table
from bench.scratch import scratch_dir
from facilitator.agenda import Action, Authority, Goal, MeetingKind, plan_meeting
from facilitator.documents import FORMATS, export_meeting
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


TITLES = {"pdf": "PDF", "docx": "DOCX", "md": "Markdown", "json": "JSON", "ics": "ICS"}


def figures(quick: bool = False) -> list[Figure]:
    runs = 1 if quick else 9
    results = []
    with scratch_dir() as folder, Store.open(folder) as store:
        meeting_id = five_meeting_case(store)
        now = datetime.now(UTC)
        for fmt in FORMATS:
            export_meeting(store, meeting_id, fmt, now)  # fonts and libraries loaded once
            times, size = [], 0
            for _ in range(runs):
                start = time.perf_counter()
                exported = export_meeting(store, meeting_id, fmt, now)
                times.append((time.perf_counter() - start) * 1000)
                size = len(exported.data)
            value = median(times)
            pdf = fmt == "pdf"
            results.append(
                Figure(
                    key=f"export_{fmt}",
                    title=f"export {TITLES.get(fmt, fmt)}",
                    value=value,
                    unit="ms",
                    target="≤ 500 ms" if pdf else "report",
                    met=value <= 500 if pdf else None,
                    runs=runs,
                    detail=f"last meeting of a five-meeting case, {size:,} bytes",
                    samples=times,
                )
            )
    return results


if __name__ == "__main__":
    print(table(figures()))
