"""Damaged records: said by id, left out and kept in the file, the rest usable."""

from __future__ import annotations

import sqlite3

import pytest

from facilitator.agenda import ManualClock
from facilitator.cli import main
from facilitator.store import Store
from facilitator.store.database import DB_NAME
from tests.conftest import full_case, full_meeting
from tests.screens_helpers import START, demo_app, screen_text, until

DAMAGE = {
    "kind": "UPDATE meetings SET kind = 'xyz' WHERE id = :meeting",
    "planned_start": "UPDATE meetings SET planned_start = 'igår' WHERE id = :meeting",
    "case-data": "UPDATE cases SET data = '[]' WHERE id = :case",
    "case-version-0": "UPDATE cases SET data = json_set(data, '$.schema_version', 0) WHERE id = :case",
    "meeting-version-x": "UPDATE meetings SET data = json_set(data, '$.schema_version', 'x') WHERE id = :meeting",
}
NAMES = ("Åsa", "Öberg", "Şahin", "Đorđević", "Wójcik")


def _two_cases(data_dir, damage: str) -> tuple[str, str, str]:
    """The demo case and a second case whose record or meeting is then damaged."""
    with Store.open(data_dir) as store:
        _, _, demo_id = demo_app(store)
        case = full_case()
        meeting = full_meeting(case)
        store.save_case(case)
        store.save_meeting(meeting)
    with sqlite3.connect(data_dir / DB_NAME) as db:
        db.execute(DAMAGE[damage], {"case": case.id, "meeting": meeting.id})
    return demo_id, case.id, meeting.id


def _rows(data_dir):
    with sqlite3.connect(data_dir / DB_NAME) as db:
        return [db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in ("cases", "meetings", "sip_revisions")]


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_list_shows_the_rest_and_export_of_the_damaged_one_exits_2(tmp_path, capsys, damage):
    data = tmp_path / "data"
    demo_id, case_id, meeting_id = _two_cases(data, damage)
    record, rid = ("ärende", case_id) if damage.startswith("case") else ("möte", meeting_id)
    before = _rows(data)
    assert main(["--data-dir", str(data), "list"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(demo_id[:8]) and len(out.splitlines()) == 1
    assert err == (
        f"facilitator: Skadat i databasen och utelämnat (finns kvar i filen): {record} {rid[:8]}. "
        "Resten går att använda.\n"
    )
    assert main(["--data-dir", str(data), "export", meeting_id[:8], "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and f"{rid[:8]} är skadat i databasen" in err
    assert not any(name in err for name in NAMES)
    assert main(["--data-dir", str(data), "export", demo_id[:8], "--format", "md"]) == 0
    capsys.readouterr()
    assert _rows(data) == before  # kept as it was


@pytest.mark.parametrize("version", ["0", "'x'"])
def test_a_database_version_that_is_none_is_unreadable(tmp_path, capsys, version):
    data = tmp_path / "data"
    _two_cases(data, "kind")
    with sqlite3.connect(data / DB_NAME) as db:
        db.execute(f"UPDATE schema_version SET version = {version}")
    assert main(["--data-dir", str(data), "list"]) == 2
    assert capsys.readouterr().err == (
        f"facilitator: {data / DB_NAME}: filen är skadad. Kör facilitator för att flytta undan den och börja om.\n"
    )


def test_an_empty_database_file_is_not_made_new_by_list(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_NAME).touch()
    assert main(["--data-dir", str(data), "list"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "filen är tom (0 byte)" in err
    assert (data / DB_NAME).stat().st_size == 0 and [p.name for p in data.iterdir()] == [DB_NAME]


@pytest.mark.parametrize("damage", ["kind", "case-data"])
async def test_the_start_screen_shows_the_rest_with_one_line_and_opens_them(tmp_path, damage):
    from facilitator.app import FacilitatorApp
    from facilitator.screens.meeting import MeetingScreen

    data = tmp_path / "data"
    demo_id, case_id, meeting_id = _two_cases(data, damage)
    rid = case_id if damage == "case-data" else meeting_id
    store = Store.open(data)
    app = FacilitatorApp(store=store, clock=ManualClock(START))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "Skadat i databasen" in screen_text(app))
        text = screen_text(app)
        assert "Traceback" not in text and not any(name in text for name in NAMES)
        assert f"{rid[:8]}. Resten går att använda." in " ".join(text.split())
        assert "Elsa" in text  # the demo case is listed
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, MeetingScreen))
        await pilot.press("ctrl+q")
    store.close()
    assert app.return_code == 0
    with sqlite3.connect(data / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM meetings").fetchone() == (2,)  # kept
