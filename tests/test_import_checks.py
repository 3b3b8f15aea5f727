"""Import through the command line: what the app cannot use is refused in one Swedish
line with exit 2 and nothing stored; only regular files of a bounded size are read; a
copy of a stored case (the rescue copy) replaces it when the user says so."""

from __future__ import annotations

import io
import json
import os
import sys

import pytest

from facilitator import cli
from facilitator.export import to_json
from facilitator.store import Store
from tests.conftest import stored_process
from tests.test_cli import run


@pytest.fixture
def stored(tmp_path):
    data = tmp_path / "data"
    with Store.open(data) as store:
        case, first, second = stored_process(store)
        store.save_meeting(second)
        meetings = store.meetings_of(case.id)
    return data, case, meetings


def _document(case, meetings) -> dict:
    return json.loads(to_json(case, meetings))


def _write(tmp_path, document: dict, name="case.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _nothing_stored(data) -> bool:
    if not data.exists():
        return True
    with Store.open(data) as store:
        return store.list_cases() == [] and store.list_meetings() == []


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["meetings"][0].update(planned_start="2026-03-24T09:00:00"), "meetings.0.planned_start"),
        (lambda d: d["meetings"][0]["steps"][0].update(allotted_ns=10**30), "meetings.0.steps.0.allotted_ns"),
        (lambda d: d["meetings"][0].update(planned_start="9999-03-24T09:00:00+01:00"), "meetings.0.planned_start"),
        (lambda d: d["case"].update(kallelse_date="9999-01-01"), "case.kallelse_date"),
        (lambda d: d["meetings"][0]["timer"].update(started_wall_ns=10**30), "meetings.0.timer.started_wall_ns"),
        (lambda d: d["meetings"][0]["sip"].update(child_focus="f" * 32), "meetings.0.sip.child_focus"),
        (
            lambda d: d["meetings"][0]["attendance"][0].update(interprets_for=["e" * 32]),
            "meetings.0.attendance.0.interprets_for",
        ),
        (
            lambda d: d["meetings"][0]["attendance"].append(dict(d["meetings"][0]["attendance"][0])),
            "meetings.0.attendance",
        ),
    ],
)
def test_what_the_app_cannot_use_is_refused_with_where(stored, tmp_path, change, said):
    _, case, meetings = stored
    document = _document(case, meetings)
    change(document)
    path = _write(tmp_path, document)
    fresh = tmp_path / "fresh"
    result = run("import", str(path), data_dir=fresh)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"facilitator: {path}: ") and said in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert _nothing_stored(fresh)


def test_only_a_regular_file_is_read(tmp_path):
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    data = tmp_path / "data"
    for path in (fifo, tmp_path, "/dev/zero"):
        result = run("import", str(path), data_dir=data)  # neither hangs nor fills memory
        assert result.returncode == 2
        assert result.stderr == (
            f"facilitator: {path}: är ingen vanlig fil (en mapp, en enhet eller ett rör), så den lästes inte\n"
        )
    assert _nothing_stored(data)


def test_a_file_over_the_size_cap_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "IMPORT_MAX_BYTES", 2 * 2**20)
    big = tmp_path / "stor.json"
    big.write_bytes(b" " * (2 * 2**20 + 1))
    result = run("import", str(big), data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr == f"facilitator: {big}: filen är större än 2 MB, så den lästes inte\n"


def _rescue_copy(case, meetings, tmp_path):
    """A copy as "spara en kopia och avsluta" writes it: the case and the meeting that was
    open, with what was typed after the database stopped taking it."""
    meeting = meetings[-1].model_copy(deep=True)
    meeting.sip.notes = "Skrivet när disken var full. " * 100
    meeting.timer.saved_wall_ns = (meeting.timer.saved_wall_ns or 0) + 60 * 10**9
    return _write(tmp_path, _document(case, [meeting]), "lotsmote-kopia.json"), meeting


def test_a_rescue_copy_is_not_replaced_without_being_asked(stored, tmp_path):
    data, case, meetings = stored
    path, _ = _rescue_copy(case, meetings, tmp_path)
    with Store.open(data) as store:
        before = [m.model_dump() for m in store.meetings_of(case.id)]
    result = run("import", str(path), data_dir=data)
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("facilitator: ärendet finns redan i databasen, och filen skiljer sig: ")
    assert "2 värden skiljer i 1 möte" in line  # the notes and when it was saved
    assert "1 möte bara i databasen (behålls)" in line
    assert "filen är sparad senare" in line and line.endswith("Ange --replace för att ersätta det med filens")
    with Store.open(data) as store:
        assert [m.model_dump() for m in store.meetings_of(case.id)] == before


def test_a_rescue_copy_comes_back_with_replace(stored, tmp_path):
    data, case, meetings = stored
    path, meeting = _rescue_copy(case, meetings, tmp_path)
    result = run("import", "--replace", str(path), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "Ersatte ärendet med filens: 1 möte\n"
    with Store.open(data) as store:
        assert store.load_meeting(meeting.id).sip.notes == meeting.sip.notes
        assert store.load_meeting(meetings[0].id).sip == meetings[0].sip  # the other meeting is kept
        assert [r.number for r in store.revisions(case.id)] == [1, 2]
    again = run("import", str(path), data_dir=data)
    assert again.returncode == 2 and "likadant som i filen" in again.stderr


@pytest.mark.parametrize(("answer", "replaced"), [("j\n", True), ("n\n", False), ("", False)])
def test_on_a_terminal_the_user_is_asked(stored, tmp_path, monkeypatch, capsys, answer, replaced):
    data, case, meetings = stored
    path, meeting = _rescue_copy(case, meetings, tmp_path)
    terminal = io.StringIO(answer)
    terminal.isatty = lambda: True
    monkeypatch.setattr(sys, "stdin", terminal)
    assert cli.main(["--data-dir", str(data), "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == "Ersätta ärendet i databasen med filens? [j/N] "
    first, second = err.splitlines()
    assert first.startswith("Ärendet finns redan i databasen, och filen skiljer sig: 2 värden skiljer")
    assert second == ("Ersatte ärendet med filens: 1 möte" if replaced else "Inget ändrades.")
    with Store.open(data) as store:
        assert (store.load_meeting(meeting.id).sip.notes == meeting.sip.notes) is replaced


def test_a_meeting_of_another_case_is_never_replaced(stored, tmp_path):
    data, case, meetings = stored
    other = case.model_copy(update={"id": "a" * 32})
    document = _document(other, [meetings[0].model_copy(update={"case_id": other.id})])
    path = _write(tmp_path, document)
    result = run("import", "--replace", str(path), data_dir=data)
    assert result.returncode == 2
    assert result.stderr == "facilitator: ärendet eller ett av dess möten finns redan i databasen\n"
    with Store.open(data) as store:
        assert [c.id for c in store.list_cases()] == [case.id]


async def test_a_meeting_imported_at_the_edges_opens_and_runs(tmp_path, capsys):
    """The far end of every bound the import keeps: the last year, an offset of almost a
    day, steps a year long, a timer read at the last wall moment. The meeting opens (after
    the question for a meeting of another day), its timer starts and its countdown shows."""
    from facilitator.agenda import ManualClock
    from facilitator.agenda.models import MAX_DURATION_NS, MAX_WALL_NS
    from facilitator.app import FacilitatorApp
    from facilitator.dialogs.confirm import ConfirmDialog
    from facilitator.screens.meeting import MeetingScreen
    from tests.conftest import full_case, full_meeting
    from tests.screens_helpers import START, digits, opened

    case = full_case()
    meeting = full_meeting(case)
    document = _document(case, [meeting])
    document["case"]["created_at"] = "1900-01-01T00:00:00+23:59"
    record = document["meetings"][0]
    record["planned_start"] = "2199-12-31T23:59:59-23:59"
    for step in record["steps"]:
        step.update(planned_ns=MAX_DURATION_NS, allotted_ns=MAX_DURATION_NS)
    record["timer"].update(saved_wall_ns=MAX_WALL_NS - 1)
    path = _write(tmp_path, document)
    data = tmp_path / "data"
    assert cli.main(["--data-dir", str(data), "import", str(path)]) == 0, capsys.readouterr().err
    with Store.open(data) as store:
        app = FacilitatorApp(store=store, clock=ManualClock(START), config_dir=None, focus_meeting=meeting.id)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await opened(app, pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.click("#yes")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await pilot.press("f5")
            await pilot.pause()
            assert digits(app.screen)
            await pilot.press("f4")
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
