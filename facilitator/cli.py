"""The ``facilitator`` command line.

Bad input exits 2 with one line in English on stderr, never a traceback. The UI
framework is imported only by the commands that open the app, so ``list`` and
``export`` start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from facilitator import __version__
from facilitator.agenda.clock import SystemClock
from facilitator.agenda.errors import TemplateError
from facilitator.paths import config_dir, data_dir
from facilitator.store import DB_NAME, DatabaseUnreadable, MeetingSummary, Store, StoreError

EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def _add_data_dir(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="where the database lives (default: $FACILITATOR_DATA_DIR or the "
        "platform's user data directory)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description="Lotsmöte facilitator: a time-boxed agenda on the projector and the "
        "SIP typed live. Without a command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    _add_data_dir(parser, None)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="create the fictional demo case once and open it")
    _add_data_dir(demo, argparse.SUPPRESS)

    listing = commands.add_parser("list", help="one line per meeting: id, date, kind, status, child")
    _add_data_dir(listing, argparse.SUPPRESS)

    export = commands.add_parser("export", help="write the SIP of a meeting")
    export.add_argument("meeting", metavar="MEETING", help="a meeting id (or its start) or 'latest'")
    export.add_argument(
        "--format",
        choices=["pdf", "docx", "md", "json", "ics"],
        default="pdf",
        help="the file format (default: pdf)",
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write (default: md, json and ics to stdout; pdf and docx to a file "
        "named after the meeting in the current directory)",
    )
    export.add_argument(
        "--strict",
        action="store_true",
        help="exit 2 instead of exporting when the SIP lacks what the law or routine requires",
    )
    _add_data_dir(export, argparse.SUPPRESS)

    importing = commands.add_parser("import", help="add a case from a JSON file made by 'export --format json'")
    importing.add_argument("file", metavar="FILE.json", help="the case document to read")
    _add_data_dir(importing, argparse.SUPPRESS)

    commands.add_parser("schema", help="print the JSON Schema of the case document")

    room = commands.add_parser("room", help="read-only room view for the projector, following the meeting")
    room.add_argument("meeting", metavar="MEETING", nargs="?", help="a meeting id (default: the running one)")
    _add_data_dir(room, argparse.SUPPRESS)

    serve = commands.add_parser("serve", help="the room view in a web browser")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument("--max-viewers", type=int, default=3, help="browsers at once (default: 3)")
    _add_data_dir(serve, argparse.SUPPRESS)
    return parser


def _open_store(args: argparse.Namespace) -> Store:
    return Store.open(data_dir(args.data_dir))


def _open_existing_store(args: argparse.Namespace) -> Store:
    """The store of a command that only reads: a data directory that is not there is
    said, not made."""
    folder = data_dir(args.data_dir)
    if not (folder / DB_NAME).is_file():
        raise UsageError(f"no data in {folder} (start with: facilitator demo, or give --data-dir)")
    return Store.open(folder)


def short_ids(ids: Sequence[str], minimum: int = 8) -> dict[str, str]:
    """The shortest prefix of each id (at least ``minimum``) that no other id shares."""
    result = {}
    for mid in ids:
        length = minimum
        while length < len(mid) and any(o != mid and o.startswith(mid[:length]) for o in ids):
            length += 1
        result[mid] = mid[:length]
    return result


def format_listing(meetings: Sequence[MeetingSummary]) -> list[str]:
    prefixes = short_ids([m.id for m in meetings])
    width = max((len(p) for p in prefixes.values()), default=8)
    return [
        f"{prefixes[m.id]:<{width}}  {m.planned_start:%Y-%m-%d %H:%M}  {m.kind.value:<9}  "
        f"{m.status.value:<8}  {m.child}"
        for m in meetings
    ]


def _cmd_list(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        lines = format_listing(store.list_meetings())
    if lines:
        print("\n".join(lines))
    else:
        print("no meetings yet (try: facilitator demo)", file=sys.stderr)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from facilitator.agenda.clock import from_ns
    from facilitator.documents import NotARegularFile, export_meeting, write_private
    from facilitator.export.ics import NoNextMeeting

    with _open_existing_store(args) as store:
        meeting_id = store.resolve_meeting(args.meeting)
        try:
            exported = export_meeting(store, meeting_id, args.format, from_ns(SystemClock().wall_ns()))
        except NoNextMeeting as exc:
            raise UsageError(str(exc)) from None
    if args.strict and exported.missing:
        raise UsageError(f"the SIP is not complete: missing {exported.missing[0]}")
    if args.output or args.format in ("pdf", "docx"):
        path = Path(args.output).expanduser() if args.output else Path(exported.filename)
        if path.is_dir():
            path = path / exported.filename
        try:
            write_private(path, exported.data)
        except NotARegularFile as exc:
            raise UsageError(str(exc)) from None
        print(f"wrote {path}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(exported.data)
        sys.stdout.flush()
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from facilitator.export import DocumentError, read_document

    path = Path(args.file).expanduser()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None
    try:
        document = read_document(data)
    except DocumentError as exc:
        raise UsageError(f"{path}: {exc}") from None
    with _open_store(args) as store:
        store.add_case(document.case, document.meetings)
    count = len(document.meetings)
    print(f"imported the case with {count} meeting{'s' if count != 1 else ''}", file=sys.stderr)
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from facilitator.export import document_schema

    print(json.dumps(document_schema(), indent=2, ensure_ascii=False))
    return 0


def _cmd_room(args: argparse.Namespace) -> int:
    from facilitator.room import RoomApp

    with _open_existing_store(args) as store:
        meeting = store.resolve_meeting(args.meeting) if args.meeting else None
        app = RoomApp(store, SystemClock(), meeting, config_dir())
        app.run()
    return app.return_code or 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from facilitator.serve import RoomServer, announce
    from facilitator.strings import SERVE_BAD_PORT, SERVE_BAD_VIEWERS

    if not 0 < args.port < 65536:
        raise UsageError(SERVE_BAD_PORT.format(port=args.port))
    if not 1 <= args.max_viewers <= 20:
        raise UsageError(SERVE_BAD_VIEWERS)
    folder = data_dir(args.data_dir)
    command = [sys.executable, "-m", "facilitator", "--data-dir", str(folder), "room"]
    server = RoomServer(command, args.host, args.port, args.max_viewers)
    announce(server)
    server.serve()
    return 0


def _open_store_for_app(
    args: argparse.Namespace, clock: SystemClock
) -> tuple[Store | None, str | None]:
    """The store (and a notice for the app); if the database cannot be read, the user
    decides whether to set it aside and start afresh."""
    try:
        return _open_store(args), None
    except DatabaseUnreadable as error:
        from facilitator.agenda.clock import from_ns
        from facilitator.screens.unreadable import UnreadableApp
        from facilitator.store.recovery import move_aside
        from facilitator.strings import UNREADABLE_MOVED

        if not sys.stdin.isatty() or not UnreadableApp(error).run():
            _say(str(error))
            return None, None
        moved = move_aside(error.path, from_ns(clock.wall_ns()))
        return _open_store(args), UNREADABLE_MOVED.format(path=moved)


def _run_app(args: argparse.Namespace, *, demo: bool) -> int:
    from facilitator.app import FacilitatorApp

    clock = SystemClock()
    store, notice = _open_store_for_app(args, clock)
    if store is None:
        return EXIT_USAGE
    try:
        focus = None
        if demo:
            from facilitator.demo import DEMO_MEETING_ID, ensure_demo  # the models: only for the demo

            ensure_demo(store, clock)
            focus = DEMO_MEETING_ID
        app = FacilitatorApp(
            store=store, clock=clock, config_dir=config_dir(), focus_meeting=focus, notice=notice
        )
        app.run()
    finally:
        store.close()
    return app.return_code or 0


def _say(problem: str) -> None:
    """One line on stderr, whatever the problem's text holds (SQLite's reports span lines)."""
    print(f"facilitator: {' '.join(problem.split())}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        match args.command:
            case "list":
                return _cmd_list(args)
            case "export":
                return _cmd_export(args)
            case "import":
                return _cmd_import(args)
            case "schema":
                return _cmd_schema(args)
            case "room":
                return _cmd_room(args)
            case "serve":
                return _cmd_serve(args)
            case "demo":
                return _run_app(args, demo=True)
            case _:
                return _run_app(args, demo=False)
    except DatabaseUnreadable as exc:
        _say(f"{exc}; run 'facilitator' to set it aside")
        return EXIT_USAGE
    except (UsageError, StoreError, TemplateError) as exc:
        _say(str(exc))
        return EXIT_USAGE
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _say(f"{where}{exc.strerror or exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        _say(f"internal error ({type(exc).__name__}): {exc}")
        return 1
