"""The case form and the new-meeting form keep what is typed until it is stored: Esc and
Ctrl+Q ask, a locked database keeps the form open and stores it once the lock goes, and a
draft left behind comes back at the next start."""

from __future__ import annotations

import asyncio
import sqlite3
import time

from textual.widgets import Input

from facilitator.agenda import ManualClock
from facilitator.app import FacilitatorApp
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.dialogs.kept import FormQuitDialog
from facilitator.dialogs.new_meeting import NewMeetingDialog
from facilitator.meeting.forms import CASE, MEETING, FormDraft, FormDrafts
from facilitator.screens.case import CaseScreen
from facilitator.store import Store
from facilitator.store.database import DB_NAME
from tests.screens_helpers import (
    START,
    demo_app,
    edit_case_form,
    notices,
    screen_lines,
    screen_text,
    type_text,
    until,
)

LOCKED_LINE = "Inte sparat: databasen är låst av ett annat program."


async def _new_case_form(app, pilot) -> CaseScreen:
    await pilot.pause()
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, CaseScreen))
    await pilot.pause()
    return app.screen


def _children(store) -> list[str]:
    return sorted(c.child.name for c in store.list_cases())


async def test_escape_closes_an_empty_form_at_once_and_asks_when_something_is_typed(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await _new_case_form(app, pilot)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
        form = await _new_case_form(app, pilot)
        await type_text(pilot, "Noah")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Stänga utan att spara?" in screen_text(app)
        await pilot.press("escape")  # no: go on typing
        await until(pilot, lambda: app.screen is form)
        await type_text(pilot, " L")
        assert form.query_one("#child-name", Input).value == "Noah L"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen | ConfirmDialog))
    assert _children(store) == ["Elsa Åkesson"]
    assert FormDrafts(store.path.parent).left_behind() == []  # thrown away on purpose


async def test_ctrl_q_asks_while_the_form_is_not_stored_and_quits_at_once_when_nothing_is(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await _new_case_form(app, pilot)
        await type_text(pilot, "Noah")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, FormQuitDialog))
        text = screen_text(app)
        assert "Det du skrivit om ärendet är inte sparat i databasen." in text
        assert "kommer tillbaka nästa gång programmet startar" in text
        await pilot.press("escape")  # stay
        await until(pilot, lambda: app.screen is form)
        assert app.is_running
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, FormQuitDialog))
        await pilot.click("#keep")
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 0
    (draft,) = FormDrafts(store.path.parent).left_behind()
    assert draft.values["child-name"] == "Noah"
    assert _children(store) == ["Elsa Åkesson"]

    again, _, _ = demo_app(store)
    shown = notices(again)
    async with again.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, CaseScreen))  # the draft, back
        await pilot.pause()
        assert again.screen.query_one("#child-name", Input).value == "Noah"
        assert any("Det du skrev om ärendet innan programmet stängdes" in n for n in shown)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(again.screen, FormQuitDialog))
        await pilot.click("#discard")
        await until(pilot, lambda: not again.is_running)
    assert FormDrafts(store.path.parent).left_behind() == []

    third, _, _ = demo_app(store)
    async with third.run_test(size=(120, 36)) as pilot:
        await _new_case_form(third, pilot)
        await pilot.press("ctrl+q")  # nothing typed: no question
        await until(pilot, lambda: not third.is_running)
    assert third.return_code == 0


async def test_a_locked_database_keeps_the_form_and_stores_it_once_the_lock_goes(tmp_path):
    data = tmp_path / "data"
    with Store(data / DB_NAME, timeout=0.2) as store:
        app, _, _ = demo_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            form = await _new_case_form(app, pilot)
            other = sqlite3.connect(data / DB_NAME, isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")
            try:
                await type_text(pilot, "Noah Lindqvist")
                await pilot.press("ctrl+s")
                await until(pilot, lambda: LOCKED_LINE in screen_text(app))
                (line,) = [line for line in screen_lines(app) if "Inte sparat" in line]
                assert line.strip() == (
                    "Inte sparat: databasen är låst av ett annat program. Det du skrivit finns kvar "
                    "och sparas så snart det går."
                )
                assert "EJ SPARAT" in screen_text(app)
                assert "Traceback" not in screen_text(app)
                await asyncio.sleep(1.5)  # retried, and still failing
                assert app.screen is form
                assert form.query_one("#child-name", Input).value == "Noah Lindqvist"
                draft = FormDrafts(data).read(form.kept.key)  # kept beside the failing database
                assert draft.values["child-name"] == "Noah Lindqvist"
            finally:
                other.execute("ROLLBACK")
                other.close()
            # No key: the retry stores it, the form closes and the new meeting is asked for.
            await until(pilot, lambda: isinstance(app.screen, NewMeetingDialog))
            await pilot.pause()
            assert "Noah Lindqvist" in _children(store)
            assert FormDrafts(data).left_behind() == []
            assert not list((data / "forms").glob("*.json"))


async def test_a_locked_database_does_not_stop_the_screen_from_redrawing(tmp_path):
    data = tmp_path / "data"
    with Store(data / DB_NAME, timeout=3.0) as store:  # each attempt waits 3 s for the lock
        app, _, _ = demo_app(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await _new_case_form(app, pilot)
            other = sqlite3.connect(data / DB_NAME, isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")
            gaps: list[float] = []
            try:
                await type_text(pilot, "Noah")
                await pilot.press("ctrl+s")
                started = time.monotonic()
                last = started
                typed = "Noah"
                # Through one whole attempt to store (3 s) and until the typing is done.
                while len(typed) < 12 or time.monotonic() - started < 3.5:
                    await asyncio.sleep(0.02)
                    now = time.monotonic()
                    gaps.append(now - last)
                    last = now
                    if len(typed) < 12 and len(gaps) % 10 == 0:
                        typed += "x"
                        await pilot.press("x")
                        await until(pilot, lambda: typed in screen_text(app), timeout=2.0)
                await until(pilot, lambda: LOCKED_LINE in screen_text(app))
            finally:
                other.execute("ROLLBACK")
                other.close()
            assert len(typed) == 12
            # The event loop never waited for the lock: that would be a gap of 3 s, an attempt's
            # wait (a busy machine makes gaps of some tenths of a second of its own).
            assert max(gaps) < 1.5, max(gaps)
            # "Noah" is stored once the lock goes; what was typed after Ctrl+S is not yet,
            # so the form stays until it is saved too.
            await until(pilot, lambda: "Noah" in _children(store), timeout=15)
            assert isinstance(app.screen, CaseScreen)
            await pilot.press("ctrl+s")
            await until(pilot, lambda: isinstance(app.screen, NewMeetingDialog))
            await pilot.pause()
        assert _children(store) == ["Elsa Åkesson", "Noahxxxxxxxx"]  # one case, stored twice


async def test_a_new_meeting_form_left_behind_comes_back_with_its_choices(store):
    app, _, _ = demo_app(store)
    case = store.list_cases()[0]
    drafts = FormDrafts(store.path.parent)
    values = {"kind": "closing", "day": "2026-03-10", "clock": "13.15", "minutes": "75", "place": "Skolan, rum 4",
              "interpreter": []}
    drafts.write(FormDraft("abc123", MEETING, case.id, None, values, 0))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, NewMeetingDialog))
        await pilot.pause()
        dialog = app.screen
        assert {k: dialog.query_one(f"#{k}", Input).value for k in ("day", "clock", "minutes", "place")} == {
            "day": "2026-03-10", "clock": "13.15", "minutes": "75", "place": "Skolan, rum 4",
        }
        assert "Avslutande möte" in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, NewMeetingDialog))
    (meeting,) = [m for m in store.meetings_of(case.id) if m.place == "Skolan, rum 4"]
    assert meeting.planned_minutes == 75
    assert f"{meeting.planned_start:%Y-%m-%d %H.%M}" == "2026-03-10 13.15"
    assert drafts.left_behind() == []


async def test_an_edited_case_left_behind_comes_back_over_the_stored_case(store, clock):
    app, clock, _ = demo_app(store)
    case = store.list_cases()[0]
    drafts = FormDrafts(store.path.parent)
    drafts.write(FormDraft("def456", CASE, case.id, None, {"guardian1-contact": "070-999"}, 0))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        await pilot.pause()
        form = app.screen
        assert form.query_one("#child-name", Input).value == case.child.name
        assert form.query_one("#guardian1-contact", Input).value == "070-999"
        assert "Ändra ärende" in screen_text(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    assert store.load_case(case.id).guardians[0].contact == "070-999"
    assert drafts.left_behind() == []


def test_a_draft_file_is_owner_only_and_a_stranger_file_is_not_a_draft(tmp_path):
    drafts = FormDrafts(tmp_path)
    drafts.write(FormDraft("k1", CASE, None, "n1", {"child-name": "Åsa"}, 5))
    assert drafts.path("k1").stat().st_mode & 0o777 == 0o600
    assert drafts.folder.stat().st_mode & 0o777 == 0o700
    (drafts.folder / "form-k2.json").write_text("[1, 2]")
    (drafts.folder / "form-k3.json").write_text('{"key": "../x", "form": "case", "values": {}}')
    assert [d.key for d in drafts.left_behind()] == ["k1"]
    lock = drafts.lock("k1")
    try:
        assert drafts.left_behind() == []  # open in a window: left alone
    finally:
        lock.release()


def test_the_draft_outlives_a_failing_store_and_goes_once_it_is_stored(tmp_path, clock):
    from facilitator.meeting.forms import KeptForm
    from facilitator.store import StorageFailure

    stored: list[str] = []
    failing = {"on": True}

    def write(record: str) -> None:
        if failing["on"]:
            raise StorageFailure("locked", "database is locked")
        stored.append(record)

    drafts = FormDrafts(tmp_path)
    values = {"child-name": "Noah"}
    kept = KeptForm(drafts, CASE, write, clock, new_id="n1", retry_seconds=0.02)
    failures = []
    done = []
    kept.attach(lambda: dict(values), on_stored=lambda v, r: done.append(r), on_failed=failures.append, handed={})
    try:
        kept.store("Noah", dict(values))
        deadline = time.monotonic() + 5
        while not failures and time.monotonic() < deadline:
            time.sleep(0.01)
        assert failures[0].reason == "locked" and kept.storing
        deadline = time.monotonic() + 15  # the draft is written on a thread of its own
        while drafts.read(kept.key) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert drafts.read(kept.key).values == {"child-name": "Noah"}  # beside the failing store
        failing["on"] = False
        deadline = time.monotonic() + 5
        while not done and time.monotonic() < deadline:
            time.sleep(0.01)
        assert stored == ["Noah"] and not kept.storing
        values["child-name"] = "Noah L"  # typed after the save: a draft of its own
        kept.edited()
        clock.advance(1.0)
        kept.tick()
    finally:
        kept.close()
    assert drafts.read(kept.key).values == {"child-name": "Noah L"}


async def test_escape_asks_when_a_verksamhet_was_added_though_it_is_not_ticked(store):
    """A verksamhet added in "Ny verksamhet" and then unticked, or one of the case's given
    a legal body by its name, is typing not stored: Esc asks before throwing it away."""
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#new-organisation").focus()
        await pilot.pause()
        await type_text(pilot, "Skolhälsan Ängby\n")
        choices = form.query_one("#consent-organisations")
        choices.focus()
        await pilot.press("end", "enter")  # not covered after all
        await pilot.pause()
        assert "☐ Skolhälsan Ängby" in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("escape")  # no: go on
        await until(pilot, lambda: app.screen is form)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    (case,) = store.list_cases()
    assert "Skolhälsan Ängby" in [o.name for o in case.organisations]
    assert case.organisations[-1].id not in case.consent.covered


async def test_escape_asks_when_a_verksamhet_of_the_case_was_given_a_body(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#new-organisation-body").focus()
        await pilot.pause()
        await type_text(pilot, "Region Skåne, BUP")
        form.query_one("#new-organisation").focus()
        await pilot.pause()
        await type_text(pilot, "bup öst\n")  # already covered: only its body changes
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen | ConfirmDialog))
    (case,) = store.list_cases()
    assert {o.name: o.body for o in case.organisations}["BUP Öst"] == "Region Exempel"


async def test_a_verksamhet_added_in_the_form_comes_back_with_its_draft(store):
    """A verksamhet typed in "Ny verksamhet" is in no field: the draft keeps it, so a form
    left behind (a crash, Ctrl+Q kept for later) comes back with it, ticked as it was."""
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, CaseScreen))
        app.screen.query_one("#new-organisation").focus()
        await pilot.pause()
        await type_text(pilot, "Skolhälsan Ängby\n")
        await until(pilot, lambda: "☑ Skolhälsan Ängby" in screen_text(app))
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, FormQuitDialog))
        await pilot.click("#keep")
        await until(pilot, lambda: not app.is_running)
    (case,) = store.list_cases()
    assert "Skolhälsan Ängby" not in [o.name for o in case.organisations]  # not stored: kept

    again = FacilitatorApp(store=store, clock=ManualClock(START))  # the same case, as stored
    async with again.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, CaseScreen))

        def ticked_in_view() -> bool:
            found = again.screen.query("#consent-organisations")
            if not found:
                return False  # the form is still being built
            if again.focused is not found.first():
                found.first().focus()  # scrolled into view (the draft may still be going back in)
                return False
            return "☑ Skolhälsan Ängby" in screen_text(again)

        await until(pilot, ticked_in_view, timeout=20)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(again.screen, CaseScreen))
    (case,) = store.list_cases()
    added = next(o for o in case.organisations if o.name == "Skolhälsan Ängby")
    assert added.id in case.consent.covered
    assert FormDrafts(store.path.parent).left_behind() == []


async def test_unticking_a_widened_verksamhet_is_refused_with_the_way_to_revoke_it(store):
    """A verksamhet the consent was widened to at a meeting is a record of what the family
    agreed: unticked in the case form it would be undone at once, so the form says in one
    line that taking it back is a revocation, and stores nothing."""
    from datetime import date

    app, _, _ = demo_app(store)
    case = store.list_cases()[0]
    last = case.organisations[-1]
    case.consent.covered = [i for i in case.consent.covered if i != last.id]
    case.widen(last.id, date(2026, 1, 13), agreed_by="Maria Åkesson")
    store.save_case(case)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        choices = form.query_one("#consent-organisations")
        choices.focus()
        await pilot.press("end", "enter")  # the last one: the widened verksamhet
        await until(pilot, lambda: f"☐ {last.name}" in screen_text(app))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Att ta bort det är en återkallelse" in " ".join(screen_text(app).split()))
        assert app.screen is form
    stored = store.load_case(case.id)
    assert [w.organisation_id for w in stored.consent.widened] == [last.id]
    assert stored.consent.covers(last.id, date(2026, 1, 14))
