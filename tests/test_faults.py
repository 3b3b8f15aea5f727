"""Storage faults, recovery, one writer, unreadable files and deleting a case."""

import errno
import shutil
import sqlite3
import sys
from datetime import datetime

import pytest

from facilitator.agenda import NS_PER_S
from facilitator.app import FacilitatorApp
from facilitator.dialogs.confirm import ConfirmDialog
from facilitator.screens.meeting import MeetingScreen
from facilitator.screens.unreadable import UnreadableApp
from facilitator.store import DatabaseUnreadable, StorageFailure, Store
from facilitator.store.database import DB_NAME
from facilitator.store.lock import MeetingLock
from facilitator.store.recovery import move_aside
from tests.conftest import full_case, full_meeting, sqlite_error
from tests.screens_helpers import (
    demo_app,
    digits,
    notices,
    open_meeting,
    opened,
    saved,
    text_of,
    type_text,
    until,
)

FAULTS = {
    "full": sqlite_error("database or disk is full", sqlite3.SQLITE_FULL),
    "enospc": OSError(errno.ENOSPC, "No space left on device"),
    "readonly": sqlite_error("attempt to write a readonly database", sqlite3.SQLITE_READONLY),
    "locked": sqlite_error("database is locked", sqlite3.SQLITE_BUSY),
    "io": sqlite_error("disk I/O error", sqlite3.SQLITE_IOERR),
}
REASONS = {
    "full": "disken är full",
    "enospc": "disken är full",
    "readonly": "går inte att skriva till",
    "locked": "låst av ett annat program",
    "io": "disken svarar inte",
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_a_failed_write_shows_a_banner_keeps_the_text_and_retries(store, fault, monkeypatch):
    app, clock, meeting_id = demo_app(store)
    real_write = store.write_meeting
    failing = {"on": True}

    def write(prepared):
        if failing["on"]:
            raise FAULTS[fault]
        real_write(prepared)

    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        screen.live.writer.retry_seconds = 0.05
        await pilot.press("f5", "f4", "f4")
        monkeypatch.setattr(store, "write_meeting", write)
        await type_text(pilot, "Får inte försvinna")
        await pilot.press("ctrl+s")
        banner = screen.query_one("#save-banner")
        await until(pilot, lambda: banner.display)
        assert REASONS[fault] in text_of(screen, "#save-banner")
        assert "Inget av det du skrivit är borta" in text_of(screen, "#save-banner")
        assert screen.session.meeting.sip.purpose == "Får inte försvinna"
        await type_text(pilot, " alls")  # typing goes on while it fails
        failing["on"] = False
        screen.save()
        await saved(screen)
        await until(pilot, lambda: not banner.display)
    assert store.load_meeting(meeting_id).sip.purpose == "Får inte försvinna alls"


async def test_a_vanished_data_directory_is_recreated_with_the_meeting(tmp_path):
    data = tmp_path / "data"
    store = Store.open(data)
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5", "f4", "f4")
        shutil.rmtree(data)
        await type_text(pilot, "Mappen togs bort")
        await pilot.press("ctrl+s")
        await saved(screen)
        # The lock is in the new directory too: a second window still cannot write.
        assert not MeetingLock(data, meeting_id).acquire(patience=0)
    store.close()
    with Store.open(data) as again:
        assert again.load_meeting(meeting_id).sip.purpose == "Mappen togs bort"
        assert again.load_case(again.load_meeting(meeting_id).case_id).child.name == "Elsa Åkesson"


def test_a_real_lock_is_reported_as_locked(tmp_path):
    with Store(tmp_path / DB_NAME, timeout=0.05) as store:
        case = full_case()
        store.save_case(case)
        meeting = full_meeting(case)
        other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StorageFailure) as caught:
                store.save_meeting(meeting)
            assert caught.value.reason == "locked"
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.save_meeting(meeting)
        assert store.load_meeting(meeting.id) == meeting


async def test_the_resume_notice_counts_from_when_the_program_was_last_alive(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        screen.save()
        await saved(screen)
        clock.advance(70)  # quiet: nothing typed, nothing saved, the program alive
        screen.refresh_time()  # a tick notes it
        screen.live.writer.abandon()  # killed
        screen.live.lock.release()
    app2 = FacilitatorApp(store=store, clock=clock.restarted(gap_seconds=4))
    shown = notices(app2)
    async with app2.run_test(size=(120, 36)) as pilot:
        await open_meeting(app2, pilot)
        messages = shown
        assert any("återupptogs" in m and "4 s" in m and "min" not in m for m in messages), messages


async def test_resuming_after_a_crash_says_so_and_counts_the_gap(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        clock.advance(60)
        await pilot.press("f4")  # step 2 of 3 minutes starts
        clock.advance(30)
        screen.save()
        await saved(screen)
        screen.live.writer.abandon()  # as if killed: no shutdown, no final save
        screen.live.lock.release()
    # Three minutes later the app starts again on the same data.
    later = clock.restarted(gap_seconds=180)
    app2 = FacilitatorApp(store=store, clock=later)
    shown = notices(app2)
    async with app2.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert "Pågående möte" in text_of(app2.screen, "#running")
        screen = await open_meeting(app2, pilot)
        assert screen.timebox.current_index == 1
        assert screen.timebox.elapsed_ns() == 210 * NS_PER_S
        assert digits(screen) == "+00:30"
        messages = shown
        assert any("återupptogs vid steg 2" in m and "3 min 0 s" in m for m in messages)


async def test_a_second_writer_gets_read_only(store):
    app, clock, meeting_id = demo_app(store)
    other_window = MeetingLock(store.path.parent, meeting_id)
    assert other_window.acquire()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("enter")
            await opened(app, pilot)
            assert isinstance(app.screen, ConfirmDialog)
            assert "redan öppet" in text_of(app.screen, "#question")
            await pilot.press("tab", "enter")  # the other button: open read-only
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, MeetingScreen) and screen.read_only
            assert "Skrivskyddat" in text_of(screen, "#save-banner")
            await pilot.press("f5", "f4", "f8", "f9", "ctrl+s")
            await pilot.pause()
            assert not screen.timebox.started
        stored = store.load_meeting(meeting_id)
        assert not stored.timer.running and stored.timer.current == 0
    finally:
        other_window.release()


def test_the_lock_goes_with_the_holder(tmp_path):
    folder = tmp_path
    first = MeetingLock(folder, "abc")
    second = MeetingLock(folder, "abc")
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()


def test_a_truncated_database_is_unreadable(tmp_path):
    path = tmp_path / DB_NAME
    with Store(path) as store:
        case = full_case()
        store.save_case(case)
        for _ in range(20):
            store.save_meeting(full_meeting(case))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DatabaseUnreadable) as caught:
        Store(path)
    assert str(path) in str(caught.value)


def test_moving_aside_never_overwrites(tmp_path):
    path = tmp_path / DB_NAME
    now = datetime(2026, 11, 23, 14, 15, 0)
    path.write_bytes(b"first")
    path.with_name(DB_NAME + "-wal").write_bytes(b"wal")
    moved = move_aside(path, now)
    assert moved.name == f"{DB_NAME}.unreadable-20261123-141500"
    assert moved.read_bytes() == b"first"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal"
    path.write_bytes(b"second")
    again = move_aside(path, now)
    assert again != moved and again.read_bytes() == b"second"
    assert moved.read_bytes() == b"first"
    assert not path.exists()


async def test_the_unreadable_screen_changes_nothing_unless_asked(tmp_path):
    error = DatabaseUnreadable(tmp_path / DB_NAME, "is not a facilitator database")
    app = UnreadableApp(error)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the focused, safe button
    assert app.return_value is False
    app = UnreadableApp(error)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("tab", "enter")
    assert app.return_value is True


async def test_deleting_a_case_removes_its_text_from_disk_and_its_exports(store):
    from facilitator.documents import export_folder, export_meeting, write_private
    from facilitator.paths import ensure_private_dir

    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    meeting = store.load_meeting(meeting_id)
    meeting.sip.family_story = "Hemlig berättelse om Elsas morgnar"
    store.save_meeting(meeting)
    other = full_case()  # another child, with an export of the same day and kind
    store.save_case(other)
    other_meeting = full_meeting(other)
    other_meeting.planned_start = meeting.planned_start
    store.save_meeting(other_meeting)
    folder = ensure_private_dir(export_folder(store))
    names = set()
    for mid, fmt in ((meeting_id, "pdf"), (meeting_id, "md"), (other_meeting.id, "pdf")):
        exported = export_meeting(store, mid, fmt, meeting.planned_start)
        write_private(folder / exported.filename, exported.data)
        names.add(exported.filename)
    assert len(names) == 3  # two meetings of the same day never share a file
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.screen.query_one("#meetings").move_cursor(row=[m.id for m in store.list_meetings()].index(meeting_id))
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Elsa Åkesson" in text_of(app.screen, "#question")
        assert "exporterats" in text_of(app.screen, "#question")
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert [m.id for m in store.list_meetings()] == [other_meeting.id]
        messages = shown
        assert any("2 exporterade filer" in m for m in messages)
    left = [p.name for p in folder.iterdir()]
    assert len(left) == 1 and other_meeting.id[:8] in left[0]
    for path in store.path.parent.rglob("*"):
        if path.is_file() and path.parent != folder:
            data = path.read_bytes()
            for secret in ("Hemlig berättelse", "Elsa Åkesson", "Åkesson"):
                assert secret.encode("utf-8") not in data, (path.name, secret)


async def test_a_case_open_for_writing_elsewhere_is_not_deleted(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    other_window = MeetingLock(store.path.parent, meeting_id)
    assert other_window.acquire()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("d")
            await until(pilot, lambda: any("öppet för att skriva i ett annat fönster" in m for m in shown))
            assert not isinstance(app.screen, ConfirmDialog)
            messages = shown
            assert any("öppet för att skriva i ett annat fönster" in m for m in messages)
            assert [m.id for m in store.list_meetings()] == [meeting_id]
    finally:
        other_window.release()


class DiskFull:
    """Every write of the store fails, as on a full disk, until ``clear``."""

    def __init__(self, monkeypatch, store):
        self.on = True
        for name in ("write_case", "write_meeting", "write_draft"):
            monkeypatch.setattr(store, name, self._failing(getattr(store, name)))

    def _failing(self, real):
        def write(*args):
            if self.on:
                raise sqlite_error("database or disk is full", sqlite3.SQLITE_FULL)
            real(*args)

        return write

    def clear(self) -> None:
        self.on = False


async def _typed_on_a_full_disk(app, pilot, store, monkeypatch) -> DiskFull:
    screen = await open_meeting(app, pilot)
    screen.live.writer.retry_seconds = 0.05
    await pilot.press("f5", "f4", "f4")
    disk = DiskFull(monkeypatch, store)
    await type_text(pilot, "Får inte försvinna")
    await pilot.press("ctrl+q")
    await pilot.pause()
    return disk


async def test_quitting_on_a_full_disk_asks_and_staying_keeps_typing(store, monkeypatch):
    from facilitator.dialogs.unsaved import UnsavedDialog

    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        disk = await _typed_on_a_full_disk(app, pilot, store, monkeypatch)
        assert isinstance(app.screen, UnsavedDialog)
        assert "disken är full" in text_of(app.screen, "#question")
        assert "Senast sparat kl. 08.50" in text_of(app.screen, "#since")
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.is_running
        await type_text(pilot, " alls")
        disk.clear()
        app.screen.save()
        assert app.screen.live.wait_saved(5)
    assert store.load_meeting(meeting_id).sip.purpose == "Får inte försvinna alls"


async def test_choosing_to_wait_quits_once_the_disk_works_again(store, monkeypatch):
    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        disk = await _typed_on_a_full_disk(app, pilot, store, monkeypatch)
        await pilot.click("#wait")
        await pilot.pause()
        assert app.is_running  # nothing saved yet: still here
        disk.clear()
        await until(pilot, lambda: not app.is_running)
    assert store.load_meeting(meeting_id).sip.purpose == "Får inte försvinna"


@pytest.mark.slow
async def test_a_copy_in_a_chosen_file_is_written_before_quitting(store, monkeypatch, tmp_path):
    from facilitator.dialogs.unsaved import UnsavedDialog
    from facilitator.export import read_document

    taken = tmp_path / "finns.json"
    taken.write_text("något annat")
    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await _typed_on_a_full_disk(app, pilot, store, monkeypatch)
        app.screen.query_one("#copy-path").value = str(taken)
        await pilot.click("#copy")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)  # never over another file
        assert "finns redan" in text_of(app.screen, "#problem")
        assert taken.read_text() == "något annat"
        copy = tmp_path / "kopia.json"
        app.screen.query_one("#copy-path").value = str(copy)
        await pilot.click("#copy")
        await pilot.pause()
        assert not app.is_running
    assert copy.stat().st_mode & 0o777 == 0o600
    assert read_document(copy.read_bytes()).meetings[0].sip.purpose == "Får inte försvinna"


@pytest.mark.slow
async def test_a_copy_on_a_full_disk_says_so_in_swedish_and_the_name_can_be_used_again(store, monkeypatch, tmp_path):
    import errno

    from facilitator.dialogs.unsaved import UnsavedDialog
    from facilitator.export import read_document
    from facilitator.meeting import live as live_module

    real_fsync = live_module.os.fsync
    tries = []

    def full_once(fd):
        # Only the copy's own write: the journal kept beside the database syncs too.
        if sys._getframe(1).f_code.co_filename == live_module.__file__:
            tries.append(fd)
            if len(tries) == 1:
                raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    app, _, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await _typed_on_a_full_disk(app, pilot, store, monkeypatch)
        monkeypatch.setattr(live_module.os, "fsync", full_once)
        copy = tmp_path / "kopia.json"
        app.screen.query_one("#copy-path").value = str(copy)
        await pilot.click("#copy")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedDialog)
        assert text_of(app.screen, "#problem") == "Kopian kunde inte sparas där: disken är full"
        assert not copy.exists()
        await pilot.click("#copy")  # the same name again
        await pilot.pause()
        assert not app.is_running
    assert read_document(copy.read_bytes()).meetings[0].sip.purpose == "Får inte försvinna"


async def test_deleting_while_another_program_reads_says_the_text_is_not_wiped_yet(store):
    import sqlite3

    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    reader = sqlite3.connect(store.path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM meetings").fetchone()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("d")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("tab", "enter")
            await until(pilot, lambda: bool(shown))
            assert store.list_meetings() == []
            (said,) = shown
            assert said.startswith("Ärendet för Elsa Åkesson är borttaget, och 0 exporterade filer i export/")
            assert "med -o finns kvar" in said
            assert said.endswith("så texten är inte raderad från disken än; det blir den när programmet stänger filen.")
    finally:
        reader.close()
