"""The room view in a browser is for those let in: the token, the Origin, the number of
viewers, nothing loaded from outside, and a warning when it is open to the network."""

from __future__ import annotations

import asyncio
import io
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from aiohttp import WSMsgType, WSServerHandshakeError
from aiohttp.test_utils import TestClient, TestServer

from facilitator import strings as sv
from facilitator.serve import RoomServer, announce
from tests.screens_helpers import demo_app

_ESCAPE = re.compile(r"\x1b(?:\[[0-9;?<>=:$]*[A-Za-z~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[()][A-Z0-9]|[=>78])")


def _shown(output: bytes) -> str:
    """The text of a terminal's output, its escape sequences (colours, moves) left out."""
    return _ESCAPE.sub("", output.decode("utf-8", "replace"))


def room_server(data_dir, max_viewers: int = 3) -> RoomServer:
    command = [sys.executable, "-m", "facilitator", "--data-dir", str(data_dir), "room"]
    return RoomServer(command, "127.0.0.1", 0, max_viewers)


@pytest.fixture
async def client(store):
    demo_app(store)  # a case and a meeting in the data directory
    server = room_server(store.path.parent, max_viewers=1)
    async with TestClient(TestServer(server.make_app())) as http:
        http.room = server
        yield http


async def test_the_page_needs_the_token(client):
    token = client.room.token
    assert (await client.get("/")).status == 404
    assert (await client.get("/nope/")).status == 403
    assert (await client.get(f"/{token[:-1]}x/")).status == 403
    page = await client.get(f"/{token}/")
    assert page.status == 200
    text = await page.text()
    assert "Rumsvyn öppnas" in text and f"/{token}/ws" in text
    assert page.headers["Cache-Control"] == "no-store"


async def test_the_page_loads_nothing_from_outside(client):
    text = await (await client.get(f"/{client.room.token}/")).text()
    assert "googleapis" not in text
    for reference in re.findall(r'(?:src=|href=|url\()"([^"]+)"', text):
        assert reference.startswith("/static/"), reference  # this computer, nothing outside
    font = await client.get("/static/fonts/RobotoMono-VariableFont_wght.ttf")
    assert font.status == 200


async def test_the_pages_font_grows_with_the_window(client):
    """A large window, or one shared in a call, shows the room view larger, not smaller in
    more room: the page sizes its font for about 118 × 30 cells, at least textual-serve's
    16 px (at 1280 × 720 that is 18 px, at 1920 × 1080 27 px)."""
    text = await (await client.get(f"/{client.room.token}/")).text()
    assert 'data-font-size="16"' in text
    assert 'data-columns="118"' in text and 'data-rows="30"' in text
    assert "{{" not in text  # every value filled in
    script = text.split("<script>")[1].split("</script>")[0]
    assert "innerWidth" in script and "innerHeight" in script and "Math.max(least" in script


async def test_the_websocket_needs_the_token_and_the_pages_own_origin(client):
    token = client.room.token
    own = f"http://{client.host}:{client.port}"
    for path, origin in [
        ("/nope/ws", own),
        (f"/{token}/ws", "http://evil.example"),
        (f"/{token}/ws", None),
    ]:
        headers = {"Origin": origin} if origin else {}
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect(path, headers=headers)
        assert refused.value.status == 403


@pytest.mark.slow
async def test_the_room_view_reaches_a_let_in_browser_and_no_more_than_allowed(client):
    token = client.room.token
    own = {"Origin": f"http://{client.host}:{client.port}"}
    first = await client.ws_connect(f"/{token}/ws?width=100&height=30", headers=own)
    try:
        received = b""
        deadline = time.monotonic() + 30
        while sv.ROOM_WAITING_HINT not in _shown(received) and time.monotonic() < deadline:
            message = await first.receive(timeout=30)
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.ERROR):
                break  # the room view ended
            if isinstance(message.data, bytes | str):
                received += message.data if isinstance(message.data, bytes) else message.data.encode()
        # The room view itself, as the browser draws it: no meeting is open in the demo's
        # data, so it waits for one, in Swedish; not an error of its own or of the server.
        shown = _shown(received)
        assert sv.ROOM_WAITING in shown and sv.ROOM_WAITING_HINT in shown, shown[:400]
        assert "Traceback" not in shown and "Error" not in shown
        with pytest.raises(WSServerHandshakeError) as full:
            await client.ws_connect(f"/{token}/ws", headers=own)
        assert full.value.status == 503
    finally:
        await first.close()
        for _ in range(200):  # the server ends the viewer's room view process
            if client.room.viewers == 0:
                break
            await asyncio.sleep(0.05)
    assert client.room.viewers == 0


def test_on_this_computer_it_prints_one_address_with_its_token():
    server = RoomServer(["true"], "127.0.0.1", 8123)
    out = io.StringIO()
    announce(server, out)
    text = out.getvalue()
    assert f"http://127.0.0.1:8123/{server.token}/" in text
    assert "Varning" not in text
    assert len(server.token) >= 20


def test_on_the_network_it_warns_in_swedish_and_gives_real_addresses():
    server = RoomServer(["true"], "0.0.0.0", 8123)
    out = io.StringIO()
    announce(server, out)
    text = out.getvalue()
    assert "Varning" in text and "personuppgifter" in text
    assert "0.0.0.0" not in text
    assert all(server.token in url for url in server.urls())
    ipv6 = RoomServer(["true"], "::1", 8123)
    assert ipv6.urls() == [f"http://[::1]:8123/{ipv6.token}/"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_serve_prints_its_address_and_gives_the_page_only_there(tmp_path):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "--data-dir", str(tmp_path), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stderr.readline()
        url = re.search(r"http://\S+", line).group(0)
        assert url.startswith(f"http://127.0.0.1:{port}/")
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    assert response.status == 200
                    assert b"<html" in response.read().lower()
                    break
            except urllib.error.URLError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
        assert refused.value.code == 404
    finally:
        process.terminate()
        process.wait(10)


async def test_a_token_that_is_not_ascii_is_refused_quietly(client, caplog):
    for path in ("/å/", "/%C3%A5%E2%80%AE/", "/\u00e9t\u00e9/ws"):
        response = await client.get(path)
        assert response.status in (403, 404), path
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")]


@pytest.mark.slow
def test_a_port_in_use_is_said_in_one_line_and_no_address_is_printed(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "facilitator", "--data-dir", str(tmp_path), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert result.stderr == (
        f"facilitator: porten {port} används redan av ett annat program; välj en annan med --port\n"
    )
    assert "http://" not in result.stdout + result.stderr
