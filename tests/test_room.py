"""The room view follows the writer within half a second and changes nothing."""

import asyncio
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from textual.widgets import Static

from facilitator.room import RoomApp
from facilitator.screens.room import RoomScreen, WaitingScreen
from facilitator.store import Store
from tests.screens_helpers import demo_app, digits, open_meeting, saved, type_text


def _room_text(room: RoomApp) -> str:
    return str(room.screen.query_one("#room-text", Static).visual)


async def _until(condition, timeout: float = 0.5) -> float:
    """Seconds until ``condition()`` holds; fails after ``timeout``."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            raise AssertionError("the room view did not follow in time")
        await asyncio.sleep(0.01)
    return time.monotonic() - start


async def test_the_room_view_follows_the_writer_and_changes_nothing(store, tmp_path):
    writer, clock, meeting_id = demo_app(store)
    room_store = Store.open(store.path.parent)
    room = RoomApp(room_store, clock)
    async with writer.run_test(size=(120, 36)) as wp, room.run_test(size=(160, 45)) as rp:
        await rp.pause()
        assert isinstance(room.screen, WaitingScreen)
        screen = await open_meeting(writer, wp)
        await wp.press("f5")
        await saved(screen)
        await _until(lambda: isinstance(room.screen, RoomScreen))
        for step in range(2, 5):
            await wp.press("f4")
            await saved(screen)
            await _until(lambda step=step: room.screen.timebox.current_index == step - 1)
            assert f"{step}/10" in str(room.screen.query_one("#step-title").visual)
        # Step 4, the family's story: each typed line reaches the room.
        for line in ["Elsa berättar om morgnarna.", "Pappa fyller i."]:
            await type_text(wp, line)
            await wp.press("enter")
            screen.save()
            await saved(screen)
            await _until(lambda line=line: line in _room_text(room))
        clock.advance(95)
        screen._tick()
        room.screen._tick()
        await rp.pause()
        assert digits(room.screen) == digits(screen)
        # Keys in the room view change nothing in the store.
        before = store.load_meeting(meeting_id)
        await rp.press("f4", "f5", "f8", "f9", "f3", "ctrl+s", "f2", "a", "enter", "space")
        await rp.pause()
        assert store.load_meeting(meeting_id) == before
        assert room.screen.timebox.current_index == 3
    room_store.close()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_serve_gives_the_page(tmp_path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--data-dir", str(tmp_path), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200
                    assert b"<html" in response.read().lower()
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(10)
