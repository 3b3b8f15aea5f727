"""Agenda files people copy and edit: checked where they are read, a broken one named in
one Swedish line while the shipped agenda is used, and nothing at the end of a meeting
reading a file that can break then."""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime, timedelta
from importlib import resources

import pytest

from facilitator import strings as sv
from facilitator.agenda import MeetingKind, NextMeeting
from facilitator.agenda.errors import AgendaProblem, TemplateError
from facilitator.agenda.templates import MAX_AGENDA_BYTES, Agendas, default_template, load_template
from facilitator.screens.review import ReviewScreen
from facilitator.screens.summary import SummaryScreen
from tests.conftest import STOCKHOLM
from tests.screens_helpers import demo_app, notices, open_meeting, screen_text, until

FOLLOW_UP = (resources.files("facilitator.agenda") / "templates" / "follow_up.toml").read_text(encoding="utf-8")
posix = pytest.mark.skipif(sys.platform == "win32", reason="pipes and /dev/zero are POSIX")


def _agenda_dir(tmp_path):
    folder = tmp_path / "config" / "agendas"
    folder.mkdir(parents=True)
    return folder


@pytest.mark.parametrize(
    ("content", "code", "line", "words"),
    [
        (FOLLOW_UP.replace("minutes = 60", "minutes = 61", 1).encode(), AgendaProblem.INCONSISTENT, 4,
         "stegen är tillsammans 60 minuter, inte 61"),
        (FOLLOW_UP.replace("minutes = 10\n", "minutes = 121\n", 1).encode(), AgendaProblem.BAD_VALUE, 39,
         "steps.2.minutes ska vara högst 120"),
        (b'kind = "follow_up"\ntitle = \n', AgendaProblem.NOT_TOML, 2, "inte giltig TOML"),
        (FOLLOW_UP.replace("Presentationsrunda", "Presentationsrunda för Åsa").encode("latin-1"),
         AgendaProblem.NOT_UTF8, 1, "inte sparad som UTF-8"),
        (("a = " + "[" * 5000 + "]" * 5000).encode(), AgendaProblem.TOO_DEEP, None, "för många nivåer"),
        (b"# " + b"x" * MAX_AGENDA_BYTES, AgendaProblem.TOO_LARGE, None, "större än 256 kB"),
        (FOLLOW_UP.replace('kind = "follow_up"', 'kind = "first"').encode(), AgendaProblem.WRONG_KIND, 2,
         "inledande möte"),
    ],
    ids=["minutes-61", "out-of-range", "toml", "latin-1", "deep", "large", "kind"],
)
def test_a_broken_file_is_named_with_its_line_and_what_is_wrong(tmp_path, content, code, line, words):
    path = _agenda_dir(tmp_path) / "follow_up.toml"
    path.write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        load_template(MeetingKind.FOLLOW_UP, tmp_path / "config")
    assert (caught.value.code, caught.value.line) == (code, line)
    said = sv.agenda_problem(caught.value)
    assert "\n" not in said and str(path) in said and words in said
    assert (f"rad {line} " in said) == (line is not None)
    assert said.endswith("Programmets egen dagordning används i stället.")
    # The app's holder gives the shipped agenda and keeps the problem.
    template, problem = Agendas(tmp_path / "config").fresh(MeetingKind.FOLLOW_UP)
    assert template == default_template(MeetingKind.FOLLOW_UP) and problem.code is code


@posix
def test_only_a_regular_file_is_read_a_pipe_and_a_device_are_named(tmp_path):
    folder = _agenda_dir(tmp_path)
    os.mkfifo(folder / "follow_up.toml")  # opened for reading, it would wait for a writer
    (folder / "closing.toml").symlink_to("/dev/zero")  # read whole, it never ends
    (folder / "first.toml").mkdir()
    agendas = Agendas(tmp_path / "config")
    problems = agendas.check_all()
    assert [p.code for p in problems] == [AgendaProblem.NOT_A_FILE] * 3
    assert all("det är ingen vanlig fil" in sv.agenda_problem(p) for p in problems)
    assert agendas.held(MeetingKind.CLOSING) == default_template(MeetingKind.CLOSING)


async def test_at_start_and_at_m_a_broken_agenda_is_said_and_the_shipped_one_planned(store, tmp_path):
    path = _agenda_dir(tmp_path) / "follow_up.toml"
    path.write_text(FOLLOW_UP.replace("minutes = 60", "minutes = 61", 1), encoding="utf-8")
    app, clock, meeting_id = demo_app(store, config_dir=tmp_path / "config")
    shown = notices(app)
    expected = f"Dagordningen {path}, rad 4 går inte att använda"
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        await until(pilot, lambda: any(expected in m for m in shown))
        # On the screen too (the line wraps where the folder's name ends, which varies).
        await until(pilot, lambda: "minuterinte61" in re.sub(r"[^0-9a-zåäö]", "", screen_text(app)))
        assert "Traceback" not in screen_text(app)
        await pilot.press("m")
        # The form opens once the case's meetings are read (off the UI thread).
        await until(pilot, lambda: app.screen.__class__.__name__ == "NewMeetingDialog")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen.__class__.__name__ == "StartScreen" and len(store.list_meetings()) == 2)
        assert sum(expected in m for m in shown) == 2  # checked again before it was used
    assert app.return_code in (None, 0)
    case_id = store.load_meeting(meeting_id).case_id
    planned = store.meetings_of(case_id)[-1]
    assert planned.kind is MeetingKind.FOLLOW_UP and planned.planned_minutes == 60
    assert [s.key for s in planned.steps] == [s.key for s in default_template(MeetingKind.FOLLOW_UP).steps]


async def test_the_last_f4_plans_the_booked_meeting_from_the_agenda_checked_at_start(store, tmp_path):
    """The user's own follow-up agenda is good at start and broken during the meeting:
    the meeting ends, and the follow-up its SIP booked is planned from the agenda as it
    was checked."""
    path = _agenda_dir(tmp_path) / "follow_up.toml"
    path.write_text(FOLLOW_UP.replace('title = "Presentationsrunda"', 'title = "Vår runda"'), encoding="utf-8")
    app, clock, meeting_id = demo_app(store, config_dir=tmp_path / "config")
    meeting = store.load_meeting(meeting_id)
    booked_at = datetime(2026, 3, 3, 13, 15, tzinfo=STOCKHOLM)
    meeting.sip.next_meeting = NextMeeting(start=booked_at, place="Skolan")
    store.save_meeting(meeting)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app._agendas is not None and MeetingKind.FOLLOW_UP in app.agendas._held)
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        for _ in range(len(meeting.steps) - 1):
            clock.advance(60)
            await pilot.press("f4")
            await pilot.pause()
        path.write_bytes(b"minutes = [[[")  # broken while the meeting runs
        await pilot.press("f4")  # the last step: the review first
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.press("f4")
        await until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        assert screen.live.wait_saved(5.0)
        assert "Traceback" not in screen_text(app)
    assert app.return_code in (None, 0)
    meetings = store.meetings_of(meeting.case_id)
    assert len(meetings) == 2
    booked = meetings[1]
    assert booked.planned_start == booked_at and booked.kind is MeetingKind.FOLLOW_UP
    assert booked.steps[0].title == "Vår runda"
    assert booked.planned_start - meetings[0].planned_start > timedelta(days=30)
