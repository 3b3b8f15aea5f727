"""Export never prints stale text: with the database locked by another program, the SIP
exported from the meeting screen holds the words typed last, or the export is refused in
one line; the screen never calls a file that lacks them saved."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from pypdf import PdfReader

from facilitator.store import DB_NAME
from tests.screens_helpers import demo_app, notices, open_meeting, screen_text, type_text, until

LAST_WORDS = "Sista orden innan utskriften"


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


async def _export_from_palette(pilot, app) -> float:
    """The export chosen in the palette; the moment it was chosen (after the typing)."""
    await pilot.press("ctrl+p")
    await type_text(pilot, "Exportera SIP som PDF")
    await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
    chosen = time.monotonic()
    await pilot.press("enter")
    return chosen


PATIENT_SECONDS = 30.0
"""The busy timeout of this test's store: an export that waited for the database would
take at least this long, however busy the machine."""


async def test_an_export_while_the_database_is_locked_holds_the_words_typed_last(tmp_path):
    from facilitator.store import Store

    store = Store(tmp_path / "data" / DB_NAME, timeout=PATIENT_SECONDS)
    app, _, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        assert screen.live.wait_saved(5.0)
        other = sqlite3.connect(store.path.parent / DB_NAME, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            await type_text(pilot, LAST_WORDS)
            started = await _export_from_palette(pilot, app)
            await until(pilot, lambda: any(n.startswith("SIP:en") for n in shown), timeout=15)
            took = time.monotonic() - started
            said = next(n for n in shown if n.startswith("SIP:en"))
            seen = " ".join(screen_text(app).split())
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert screen.live.wait_saved(10.0)
    stored = store.load_meeting(meeting_id).sip.model_dump_json()
    store.close()
    assert "sparad som" not in said
    assert said.startswith("SIP:en är skriven till ")
    assert "Inget som skrivits går förlorat" in said
    assert "sparad som" not in seen
    path = Path(said.removeprefix("SIP:en är skriven till ").split(" med allt")[0])
    assert path.parent == store.path.parent / "export"
    assert LAST_WORDS in _pdf_text(path)
    assert took < PATIENT_SECONDS / 2  # the file does not wait for the database
    assert LAST_WORDS in stored


async def test_an_export_says_saved_when_the_database_holds_it_too(store):
    app, _, _ = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_meeting(app, pilot)
        await type_text(pilot, LAST_WORDS)
        await _export_from_palette(pilot, app)
        await until(pilot, lambda: any(n.startswith("SIP:en") for n in shown))
    said = next(n for n in shown if n.startswith("SIP:en"))
    assert said.startswith("SIP:en är sparad som ")
    path = Path(said.removeprefix("SIP:en är sparad som ").split(" (")[0])
    assert LAST_WORDS in _pdf_text(path)


async def test_an_export_the_store_cannot_serve_is_refused_in_one_line(store, monkeypatch):
    from facilitator.store.errors import StorageFailure

    app, _, _ = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        screen.session.revisions = None  # read at export time, and that read fails

        def fails(case_id):
            raise StorageFailure("locked", "database is locked")

        monkeypatch.setattr(store, "revisions", fails)
        await type_text(pilot, LAST_WORDS)
        await _export_from_palette(pilot, app)
        await until(pilot, lambda: any(n.startswith("SIP:en") for n in shown))
    said = next(n for n in shown if n.startswith("SIP:en"))
    assert said == (
        "SIP:en exporterades inte: databasen är låst av ett annat program. Inget som skrivits går "
        "förlorat; det finns kvar i programmet och sparas så snart det går."
    )
    assert not (store.path.parent / "export").exists() or not any((store.path.parent / "export").iterdir())
