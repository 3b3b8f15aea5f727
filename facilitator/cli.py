"""The ``facilitator`` command line.

Everything it prints is Swedish: help, messages and errors. Bad input exits 2 with one
line on stderr, never a traceback. argparse's own words never reach the user: the help is
built from Swedish titles and texts, and an argument it refuses is reported from what the
parser knows about that argument (its choices, its type), not from argparse's message. The
UI framework is imported only by the commands that open the app, so ``list`` and
``export`` start fast.
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from facilitator import __version__
from facilitator import strings as sv
from facilitator.agenda.clock import SystemClock
from facilitator.agenda.errors import TemplateError
from facilitator.paths import config_dir, data_dir
from facilitator.store import (
    DB_NAME,
    AlreadyStored,
    CaseOpen,
    DatabaseUnreadable,
    MeetingSummary,
    NoSuchMeeting,
    NotFound,
    RecordDamaged,
    StorageFailure,
    Store,
    StoreError,
    Unreadable,
)

EXIT_USAGE = 2
PROG = "facilitator"
COMMANDS = ("demo", "list", "export", "import", "schema", "room", "serve")
EXPORT_DOCUMENTS = ("sip", "kallelse", "rapport", "barn")
EXPORT_FORMATS = ("pdf", "docx", "md", "json", "ics")


class UsageError(Exception):
    """Bad input from the user: reported in one line, exit status 2."""


class ArgumentsRefused(UsageError):
    """The arguments do not fit the command: said with a pointer to its help."""

    def __init__(self, problem: str, prog: str):
        super().__init__(f"{problem} {sv.CLI_SEE_HELP.format(prog=prog)}")


class _Formatter(argparse.HelpFormatter):
    """argparse's layout with the Swedish word for "usage"."""

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, sv.CLI_USAGE if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """A parser whose help is Swedish and whose refusals are raised, not printed.

    Every argument goes into one of two groups with Swedish titles (argparse's own groups
    stay empty and are not printed); ``-h`` is added here with a Swedish text.
    Abbreviated options are off, so an unknown option is simply unknown."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.update(add_help=False, allow_abbrev=False, exit_on_error=False)
        super().__init__(*args, **kwargs)
        self.arguments = self.add_argument_group(sv.CLI_ARGUMENTS_TITLE)
        self.options = self.add_argument_group(sv.CLI_OPTIONS_TITLE)
        self.options.add_argument("-h", "--help", action="help", help=sv.CLI_HELP_HELP)
        self.known = _Registry()

    def error(self, message: str) -> NoReturn:
        # What the parser still refuses itself (its structure leaves little): one line,
        # in Swedish, whatever argparse's message says.
        raise ArgumentsRefused(sv.CLI_BAD_ARGUMENTS, self.prog)


def _name(action: argparse.Action) -> str:
    """The argument's name as argparse gives it in an ``ArgumentError``."""
    if action.option_strings:
        return "/".join(action.option_strings)
    return action.metavar if isinstance(action.metavar, str) else action.dest


class _Registry(dict[str, argparse.Action]):
    """Every argument of the parser and its commands, by the name an error carries."""

    def add(self, container, *names: str, **kwargs) -> argparse.Action:
        action = container.add_argument(*names, **kwargs)
        self.setdefault(_name(action), action)
        return action


def _add_data_dir(known: _Registry, parser: _Parser, default: object) -> None:
    known.add(
        parser.options,
        "--data-dir",
        metavar=sv.CLI_METAVAR["data_dir"],
        default=default,
        help=sv.CLI_DATA_DIR_HELP,
    )


def _command(commands, name: str, text: str, description: str | None = None) -> _Parser:
    return commands.add_parser(name, help=text, description=description or text[:1].upper() + text[1:] + ".")


def build_parser() -> _Parser:
    parser = _Parser(prog=PROG, description=sv.CLI_DESCRIPTION)
    known = parser.known
    known.add(
        parser.options, "--version", action="version", version=f"{PROG} {__version__}", help=sv.CLI_VERSION_HELP
    )
    _add_data_dir(known, parser, None)
    commands = parser.add_subparsers(
        title=sv.CLI_COMMANDS_TITLE, dest="command", metavar=sv.CLI_METAVAR["command"], parser_class=_Parser
    )
    known.setdefault(_name(commands), commands)

    demo = _command(commands, "demo", sv.CLI_DEMO_HELP)
    _add_data_dir(known, demo, argparse.SUPPRESS)

    listing = _command(commands, "list", sv.CLI_LIST_HELP)
    _add_data_dir(known, listing, argparse.SUPPRESS)

    export = _command(commands, "export", sv.CLI_EXPORT_HELP, sv.CLI_EXPORT_DESCRIPTION)
    meeting = known.add(export.arguments, "meeting", metavar=sv.CLI_METAVAR["meeting"], help=sv.CLI_MEETING_HELP)
    meeting.required = False  # checked in _cmd_export: a missing meeting gets its own line
    known.add(
        export.options,
        "--document",
        choices=EXPORT_DOCUMENTS,
        default="sip",
        metavar=sv.CLI_METAVAR["document"],
        help=sv.CLI_DOCUMENT_HELP,
    )
    known.add(
        export.options,
        "--format",
        choices=EXPORT_FORMATS,
        default="pdf",
        metavar=sv.CLI_METAVAR["format"],
        help=sv.CLI_FORMAT_HELP,
    )
    known.add(export.options, "-o", "--output", metavar=sv.CLI_METAVAR["output"], help=sv.CLI_OUTPUT_HELP)
    known.add(export.options, "--strict", action="store_true", help=sv.CLI_STRICT_HELP)
    _add_data_dir(known, export, argparse.SUPPRESS)

    importing = _command(commands, "import", sv.CLI_IMPORT_HELP)
    file = known.add(importing.arguments, "file", metavar=sv.CLI_METAVAR["file"], help=sv.CLI_FILE_HELP)
    file.required = False  # checked in _cmd_import
    known.add(importing.options, "--replace", action="store_true", help=sv.CLI_REPLACE_HELP)
    _add_data_dir(known, importing, argparse.SUPPRESS)

    _command(commands, "schema", sv.CLI_SCHEMA_HELP)

    room = _command(commands, "room", sv.CLI_ROOM_HELP)
    known.add(room.arguments, "meeting", metavar=sv.CLI_METAVAR["meeting"], nargs="?", help=sv.CLI_ROOM_MEETING_HELP)
    known.add(room.options, "--barn", action="store_true", help=sv.CLI_ROOM_CHILD_HELP)
    _add_data_dir(known, room, argparse.SUPPRESS)

    serve = _command(commands, "serve", sv.CLI_SERVE_HELP)
    known.add(serve.options, "--host", default="127.0.0.1", metavar=sv.CLI_METAVAR["host"], help=sv.CLI_HOST_HELP)
    known.add(serve.options, "--port", type=int, default=8000, metavar=sv.CLI_METAVAR["port"], help=sv.CLI_PORT_HELP)
    known.add(
        serve.options,
        "--max-viewers",
        type=int,
        default=3,
        metavar=sv.CLI_METAVAR["max_viewers"],
        help=sv.CLI_VIEWERS_HELP,
    )
    _add_data_dir(known, serve, argparse.SUPPRESS)
    return parser


def _prog(argv: Sequence[str]) -> str:
    """The program and the command the arguments name, for the pointer to its help."""
    command = next((a for a in argv if a in COMMANDS), None)
    return f"{PROG} {command}" if command else PROG


def _refused(parser: _Parser, error: argparse.ArgumentError) -> str:
    """One Swedish line for an argument argparse refused, from what the argument is."""
    action = parser.known.get(error.argument_name or "")
    if action is None:
        return sv.CLI_BAD_ARGUMENTS
    if action.dest == "command":
        return sv.CLI_UNKNOWN_COMMAND.format(choices=", ".join(COMMANDS))
    option = max(action.option_strings, key=len) if action.option_strings else _name(action)
    if action.choices:
        return sv.CLI_BAD_CHOICE.format(option=option, choices=", ".join(action.choices))
    if action.type is int:
        return sv.CLI_NOT_A_NUMBER.format(option=option)
    if action.nargs == 0:
        return sv.CLI_TAKES_NO_VALUE.format(option=option)
    return sv.CLI_NEEDS_VALUE.format(option=option, metavar=action.metavar or "")


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments as the commands read them; ``ArgumentsRefused`` when they do not fit
    (``--help`` and ``--version`` print and exit, as argparse does)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(arguments)
    except argparse.ArgumentError as error:
        raise ArgumentsRefused(_refused(parser, error), _prog(arguments)) from None
    if unknown:
        raise ArgumentsRefused(sv.CLI_UNKNOWN_ARGUMENTS.format(arguments=" ".join(unknown)), _prog(arguments))
    if isinstance(getattr(args, "data_dir", None), str) and not args.data_dir.strip():
        # Not the default place in silence: an empty variable in a script, most likely.
        raise ArgumentsRefused(sv.CLI_EMPTY_DATA_DIR, _prog(arguments))
    return args


def _open_store(args: argparse.Namespace) -> Store:
    return Store.open(data_dir(args.data_dir))


def _open_existing_store(args: argparse.Namespace) -> Store:
    """The store of a command that only reads: a data directory that is not there is
    said, not made."""
    folder = data_dir(args.data_dir)
    if not (folder / DB_NAME).is_file():
        raise UsageError(sv.CLI_NO_DATA.format(folder=folder))
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


def shown(value: str) -> str:
    """A stored value as the command line prints it: every character that a terminal
    could take as a control (ESC and the other C0 and C1 controls, format characters such
    as bidi overrides, unassigned code points) written as its escape, ``\\x1b``, so
    that a value another program wrote into the database can never act on the terminal
    (an OSC 52 sequence writing to the clipboard, say)."""
    import unicodedata

    if value.isprintable() and value.isascii():
        return value
    return "".join(
        c if c.isprintable() and unicodedata.category(c)[0] != "C" else _escape(c) for c in value
    )


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def format_listing(meetings: Sequence[MeetingSummary]) -> list[str]:
    prefixes = {mid: shown(prefix) for mid, prefix in short_ids([m.id for m in meetings]).items()}
    width = max((len(p) for p in prefixes.values()), default=8)
    kind_width = max(len(k) for k in sv.CLI_KIND.values())
    status_width = max(len(s) for s in sv.MEETING_STATUS.values())
    return [
        f"{prefixes[m.id]:<{width}}  {m.start:%Y-%m-%d %H.%M}  {sv.CLI_KIND[m.kind]:<{kind_width}}  "
        f"{sv.MEETING_STATUS[m.status]:<{status_width}}  {shown(m.child)}"
        for m in meetings
    ]


def _cmd_list(args: argparse.Namespace) -> int:
    with _open_existing_store(args) as store:
        lines = format_listing(store.list_meetings())
        damaged = dict(store.damaged)
    if lines:
        print("\n".join(lines))
    elif not damaged:
        print(sv.CLI_NO_MEETINGS, file=sys.stderr)
    if damaged:
        _say(sv.records_damaged(damaged))
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from facilitator.agenda.clock import from_ns
    from facilitator.documents import (
        CHILD_PLAN_FORMATS,
        SIP_ONLY,
        NotARegularFile,
        export_meeting,
        write_private,
    )
    from facilitator.export.ics import NoNextMeeting

    if args.meeting is None:
        raise ArgumentsRefused(sv.CLI_MISSING_MEETING, f"{PROG} export")
    if args.document == "barn" and args.format not in CHILD_PLAN_FORMATS:
        raise UsageError(sv.CLI_CHILD_PLAN_FORMATS.format(format=args.format))
    if args.document != "sip" and args.format in SIP_ONLY:
        raise UsageError(sv.CLI_ONLY_SIP.format(format=args.format))
    with _open_existing_store(args) as store:
        meeting_id = store.resolve_meeting(args.meeting)
        try:
            exported = export_meeting(
                store, meeting_id, args.format, from_ns(SystemClock().wall_ns()), args.document, args.strict
            )
        except NoNextMeeting:
            raise UsageError(sv.CLI_NO_NEXT_MEETING) from None
    if args.strict and exported.unprintable:
        raise UsageError(
            sv.CLI_UNPRINTABLE.format(document=sv.DOCUMENT_NAME[args.document], chars=sv.characters(exported.unprintable))
        )
    if args.strict and exported.missing:
        raise UsageError(
            sv.CLI_NOT_COMPLETE.format(document=sv.DOCUMENT_NAME[args.document], missing=exported.missing[0])
        )
    if args.output or args.format in ("pdf", "docx"):
        path = Path(args.output).expanduser() if args.output else Path(exported.filename)
        if path.is_dir():
            path = path / exported.filename
        try:
            write_private(path, exported.data)
        except NotARegularFile:
            raise UsageError(sv.CLI_NOT_A_FILE.format(path=path)) from None
        print(sv.CLI_WROTE.format(path=path), file=sys.stderr)
    else:
        sys.stdout.buffer.write(exported.data)
        sys.stdout.flush()
    return 0


IMPORT_MAX_BYTES = 64 * 1024 * 1024
"""The largest case file read: many times a whole case of long meetings, far below what
the program can hold in memory."""


def _document_problem(path: Path, location: str, code: str) -> str:
    """Why a case file cannot be imported, from where it first goes wrong and how."""
    from facilitator.agenda.kinds import NOT_A_LEAD_AUTHORITY
    from facilitator.export.jsondoc import NOT_OF_THE_CASE, SHARED_ID, UNRESOLVED

    if location == "file":
        return sv.CLI_FILE_NOT_A_CASE.format(path=path)
    if location == "document" or code == NOT_OF_THE_CASE:
        return sv.CLI_BAD_DOCUMENT.format(path=path)
    if code == SHARED_ID:
        return sv.CLI_SHARED_ID.format(path=path, location=location)
    if code == UNRESOLVED:
        return sv.CLI_UNRESOLVED.format(path=path, location=location)
    if code == "missing":
        return sv.CLI_MISSING_FIELD.format(path=path, location=location)
    if code == NOT_A_LEAD_AUTHORITY:
        return sv.CLI_LEAD_NOT_KOMMUN_OR_REGION.format(path=path, location=location)
    return sv.CLI_BAD_FIELD.format(path=path, location=location)


def _read_case_file(path: Path) -> bytes:
    from facilitator.paths import NotARegularFile, TooLarge, read_regular_file

    try:
        return read_regular_file(path, IMPORT_MAX_BYTES)
    except NotARegularFile:
        raise UsageError(sv.CLI_IMPORT_NOT_A_FILE.format(path=path)) from None
    except TooLarge:
        raise UsageError(sv.CLI_IMPORT_TOO_LARGE.format(path=path, limit=IMPORT_MAX_BYTES // 2**20)) from None
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise  # said in main, with the path


def _ask(question: str) -> bool:
    """A yes or no on the terminal; no when nothing is answered."""
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().casefold() in sv.CLI_YES


def _cmd_import(args: argparse.Namespace) -> int:
    from facilitator.export import DocumentError, read_document

    if args.file is None:
        raise ArgumentsRefused(sv.CLI_MISSING_FILE, f"{PROG} import")
    path = Path(args.file).expanduser()
    data = _read_case_file(path)
    try:
        document = read_document(data)
    except DocumentError as exc:
        raise UsageError(_document_problem(path, exc.location, exc.code)) from None
    count = len(document.meetings)
    with _open_store(args) as store:
        if not store.has_case(document.case.id):
            store.add_case(document.case, document.meetings)
            print(sv.CLI_IMPORTED.format(meetings=sv.count(count, "möte", "möten")), file=sys.stderr)
            return 0
        _replace_case(args, store, document)
    print(sv.CLI_REPLACED.format(meetings=sv.count(count, "möte", "möten")), file=sys.stderr)
    return 0


class _Declined(Exception):
    """The user chose not to replace the stored case."""


def _replace_case(args: argparse.Namespace, store: Store, document) -> None:
    """The file holds a case that is stored already: replace it if the user says so
    (``--replace``, or yes on the terminal), saying first how the two differ."""
    from facilitator.agenda.compare import difference
    from facilitator.documents import case_is_open

    stored = store.load_case(document.case.id)
    from facilitator.export.jsondoc import resolved

    # The stored meetings as an export writes them: a file made from them is the same.
    diff = difference(stored, [resolved(m) for m in store.meetings_of(stored.id)], document.case, document.meetings)
    if diff.none:
        raise UsageError(sv.CLI_SAME_CASE)
    said = sv.case_difference(diff)
    if not args.replace:
        if not sys.stdin.isatty():
            raise UsageError(sv.CLI_CASE_DIFFERS.format(difference=said))
        print(sv.CLI_REPLACE_DIFFERS.format(difference=said), file=sys.stderr)
        if not _ask(sv.CLI_REPLACE_QUESTION):
            raise _Declined
    if case_is_open(store, stored.id):
        raise CaseOpen(f"a meeting of case {stored.id} is open for writing")
    store.replace_case(document.case, document.meetings)


def _cmd_schema(args: argparse.Namespace) -> int:
    import json

    from facilitator.export import document_schema

    print(json.dumps(document_schema(), indent=2, ensure_ascii=False))
    return 0


def _cmd_room(args: argparse.Namespace) -> int:
    from facilitator.room import RoomApp

    with _open_existing_store(args) as store:
        meeting = store.resolve_meeting(args.meeting) if args.meeting else None
        app = RoomApp(store, SystemClock(), meeting, config_dir(), child=args.barn)
        app.run()
    return app.return_code or 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from facilitator.serve import RoomServer, announce

    if not 0 < args.port < 65536:
        raise UsageError(sv.SERVE_BAD_PORT.format(port=args.port))
    if not 1 <= args.max_viewers <= 20:
        raise UsageError(sv.SERVE_BAD_VIEWERS)
    folder = data_dir(args.data_dir)
    command = [sys.executable, "-m", "facilitator", "--data-dir", str(folder), "room"]
    server = RoomServer(command, args.host, args.port, args.max_viewers)
    try:
        server.serve(lambda: announce(server))
    except OSError as exc:
        if exc.errno in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", errno.EADDRINUSE)):
            raise UsageError(sv.SERVE_PORT_TAKEN.format(port=args.port)) from None
        raise
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

        if not sys.stdin.isatty() or not UnreadableApp(error).run():
            _say(store_problem(error))
            return None, None
        moved = move_aside(error.path, from_ns(clock.wall_ns()))
        return _open_store(args), sv.UNREADABLE_MOVED.format(path=moved)


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


def store_problem(error: StoreError) -> str:
    """A problem of the store as one Swedish line, decided on its type and code."""
    if isinstance(error, NoSuchMeeting):
        return sv.CLI_NO_SUCH_MEETING[error.reason.value].format(ref=f"'{error.ref}'")
    if isinstance(error, RecordDamaged):
        return sv.record_damaged(error.record.value, error.record_id)
    if isinstance(error, DatabaseUnreadable):
        hint = sv.CLI_UNREADABLE_NEWER_HINT if error.reason is Unreadable.NEWER else sv.CLI_UNREADABLE_HINT
        return sv.CLI_UNREADABLE.format(path=error.path, reason=sv.UNREADABLE_REASON[error.reason.value], hint=hint)
    if isinstance(error, StorageFailure):
        return sv.CLI_STORE_FAILED.format(reason=sv.SAVE_FAILED_REASON[error.reason])
    if isinstance(error, AlreadyStored):
        return sv.CLI_ALREADY_STORED
    if isinstance(error, CaseOpen):
        return sv.STORE_CASE_OPEN
    if isinstance(error, NotFound):
        return sv.STORE_NOT_FOUND
    return sv.CLI_STORE_OTHER


def os_problem(error: OSError) -> str:
    """A failing file operation as one Swedish line, decided on its error number."""
    where = f"{error.filename}: " if error.filename else ""
    return where + sv.os_reason(error.errno)


def _say(problem: str) -> None:
    """One line on stderr, whatever the problem's text holds (a path or a reference given
    with a control character in it is escaped too)."""
    print(f"{PROG}: {shown(' '.join(problem.split()))}", file=sys.stderr)


def _crash_folder(args: argparse.Namespace | None) -> Path | None:
    """The data directory, for the details of an unexpected error; None when unknown."""
    try:
        return data_dir(args.data_dir) if args is not None else data_dir()
    except Exception:  # noqa: BLE001 - asked while reporting an error
        return None


def main(argv: Sequence[str] | None = None) -> int:
    args = None
    try:
        args = parse_arguments(argv)
        match args.command:
            case "list":
                return _cmd_list(args)
            case "export":
                return _cmd_export(args)
            case "import":
                try:
                    return _cmd_import(args)
                except _Declined:
                    print(sv.CLI_REPLACE_DECLINED, file=sys.stderr)
                    return 0
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
    except UsageError as exc:
        _say(str(exc))
        return EXIT_USAGE
    except StoreError as exc:
        _say(store_problem(exc))
        return EXIT_USAGE
    except TemplateError as exc:
        _say(sv.agenda_problem(exc))
        return EXIT_USAGE
    except OSError as exc:
        _say(os_problem(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        from facilitator.crash import crash_line

        _say(crash_line(_crash_folder(args), exc))
        return 1
