"""``facilitator serve``: the room view in a web browser, for those let in.

Each visitor gets a ``facilitator room`` process of their own, driven over a websocket
(textual-serve's ``AppService``). The room view shows a child's name and the meeting's
words, so:

- the address holds a random access token (a path no one can guess); every request for
  the page or its websocket without it is refused;
- the websocket is refused unless the browser says it comes from the page itself (its
  ``Origin`` is this server), so another web page open in the same browser cannot read it;
- at most a few viewers at once (each is a process of its own);
- the page loads nothing from outside this computer (the font comes with it);
- no request is logged (the address is the key).

Listening on anything but this computer prints a warning in Swedish and the addresses
others would open.
"""

from __future__ import annotations

import asyncio
import html
import ipaddress
import json
import secrets
import shlex
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web

from facilitator import strings as sv

MAX_VIEWERS = 3
TOKEN_BYTES = 18
PAGE = Path(__file__).with_name("web") / "room.html"
FONT_PX = 16
"""The page's smallest font, in CSS pixels (textual-serve's own size)."""
CELLS = (118, 30)
"""About how many columns and rows the room view gets in a browser window: the page's
font grows with the window to keep them (never below ``FONT_PX``), so that a large
window, or one shared with those taking part from a distance, shows the same view larger
instead of a small one with more room around it."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def addresses_for(host: str) -> list[str]:
    """The addresses another computer would use to reach ``host``: for 0.0.0.0 (or ::),
    this computer's own addresses on its networks."""
    if host not in ("0.0.0.0", "::"):
        return [host]
    found: list[str] = []
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(info[4][0])
    except OSError:
        pass
    try:  # the address of the route out, without sending anything
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    usable = [a for a in dict.fromkeys(found) if not ipaddress.ip_address(a).is_loopback]
    return usable or ["127.0.0.1"]


class RoomServer:
    def __init__(self, command: list[str], host: str, port: int, max_viewers: int = MAX_VIEWERS):
        self.command = shlex.join(command)
        self.host = host
        self.port = port
        self.max_viewers = max_viewers
        self.token = secrets.token_urlsafe(TOKEN_BYTES)
        self.viewers = 0

    # --- addresses ----------------------------------------------------------------------------

    def urls(self) -> list[str]:
        hosts = [self.host] if is_loopback(self.host) else addresses_for(self.host)
        return [f"http://{_netloc(h, self.port)}/{self.token}/" for h in hosts]

    # --- the web application ------------------------------------------------------------------

    def make_app(self) -> web.Application:
        import textual_serve

        app = web.Application()
        static = Path(textual_serve.__file__).parent / "static"
        app.add_routes(
            [
                web.get("/{token}/", self.page),
                web.get("/{token}/ws", self.websocket),
                web.static("/static", static),
            ]
        )
        return app

    def _check_token(self, request: web.Request) -> None:
        # As bytes: compare_digest refuses a str that is not ASCII (a TypeError, which
        # would answer 500 and print a traceback).
        given = request.match_info["token"].encode("utf-8", "surrogateescape")
        if not secrets.compare_digest(given, self.token.encode("ascii")):
            raise web.HTTPForbidden(text=sv.SERVE_REFUSED)

    async def page(self, request: web.Request) -> web.Response:
        self._check_token(request)
        scheme = "wss" if request.secure else "ws"
        values = {
            "title": sv.SERVE_TITLE,
            "opening": sv.SERVE_OPENING,
            "closed": sv.SERVE_CLOSED,
            "reopen": sv.SERVE_REOPEN,
            "static_url": "/static/",
            "websocket_url": f"{scheme}://{request.host}/{self.token}/ws",
            "font_size": str(FONT_PX),
            "columns": str(CELLS[0]),
            "rows": str(CELLS[1]),
        }
        text = PAGE.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{ " + key + " }}", html.escape(value, quote=True))
        return web.Response(
            text=text,
            content_type="text/html",
            headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
        )

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        from textual_serve.app_service import AppService
        from textual_serve.download_manager import DownloadManager

        self._check_token(request)
        origin = request.headers.get("Origin", "")
        if urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text=sv.SERVE_REFUSED)
        if self.viewers >= self.max_viewers:
            raise web.HTTPServiceUnavailable(text=sv.SERVE_FULL.format(count=self.max_viewers))
        self.viewers += 1
        socket_ = web.WebSocketResponse(heartbeat=15)
        service: AppService | None = None
        try:
            await socket_.prepare(request)
            service = AppService(
                self.command,
                write_bytes=socket_.send_bytes,
                write_str=socket_.send_str,
                close=socket_.close,
                download_manager=DownloadManager(),
                debug=False,
            )
            await service.start(_int(request.query.get("width"), 80), _int(request.query.get("height"), 24))
            await _relay(socket_, service)
        except asyncio.CancelledError:
            await socket_.close()
        finally:
            if service is not None:
                await service.stop()
                # AppService waits for the room view's output to end, not for the process:
                # wait for it here, so no process outlives its viewer.
                process = getattr(service, "_process", None)
                if process is not None:
                    await process.wait()
            self.viewers -= 1
        return socket_

    def serve(self, listening: Callable[[], None] = lambda: None) -> None:
        """Serve until interrupted; ``listening`` is called once the port is bound (so an
        address is never announced for a port that another program holds)."""
        web.run_app(self.make_app(), host=self.host, port=self.port, access_log=None, print=lambda *_: listening())


async def _relay(socket_: web.WebSocketResponse, service) -> None:
    """Keys and sizes from the browser to the room view (which changes nothing)."""
    async for message in socket_:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            kind, data = json.loads(message.data)[:2]
        except (ValueError, TypeError):
            continue
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(_int(data.get("width"), 80), _int(data.get("height"), 24))
        elif kind == "ping":
            await socket_.send_json(["pong", data])


def _int(value, default: int) -> int:
    try:
        return max(10, min(1000, int(value)))
    except (TypeError, ValueError):
        return default


def _netloc(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def announce(server: RoomServer, out=sys.stderr) -> None:
    """Say where the room view is, and warn when it is open to the network."""
    urls = server.urls()
    if is_loopback(server.host):
        print(sv.SERVE_AT.format(url=urls[0]), file=out)
    else:
        print(sv.SERVE_NETWORK_WARNING, file=out)
        for url in urls:
            print(f"  {url}", file=out)
    print(sv.SERVE_HOW_TO_STOP.format(count=server.max_viewers), file=out)
