"""Where the app leans on Textual's private API, and why it may.

Two places override underscore methods, each kept because a benchmark showed its gain
on Textual 8.2.8 (see README, "What keeps the figures there"):

- ``screens/pacing.py`` (``PromptFrames``): the meeting screen's frames follow a key at
  once. ``python -m bench.keys`` on 2026-11-30, in a terminal, the override taken out in
  the same rounds (``bench/variant.py``): keystroke p99 14 ms with it and 19 ms without
  in 50,000 characters of paragraphs, 16 and 23 ms in one long paragraph.
- ``widgets/notes.py`` (``NotesArea``): the step's text area repaints only the rows a key
  changed. Same run, its drawing taken out: 14 ms with it and 43 ms without in
  paragraphs, 16 and 934 ms in one long paragraph.

One place sets a private attribute: ``widgets/footer.py`` (``KeyFooter``) marks the
footer's bindings ready (``Footer._bindings_ready``) when it is built, so the keys come
with the screen's first frame instead of a frame later. With it and the start screen
pushed once the app is ready, ``python -m bench.startup`` on 2026-11-30 measured the case
list in a terminal at 1.50 × bare Textual (510 against 333 ms), against 1.59 × before.

One place composes a Textual widget from the classes of its private module:
``widgets/select.py`` (``Select``) composes Textual's ``SelectCurrent`` and, in place of
its ``SelectOverlay``, a subclass whose Esc binding is described in Swedish (the footer
shows it while the list is open); Textual has no public way to describe another widget's
binding. It is not there for speed: a test here holds its compose to Textual's.

The tests read the screen as text (``screens_helpers.screen_lines``) the way
``App.export_screenshot`` renders it, through the screen's compositor, because Textual
offers that render only as SVG; a test here holds the two together.

When Textual moves, these tests fail first: measure again with and without the override
before keeping it.
"""

import inspect
from importlib import metadata

from textual.document._wrapped_document import WrappedDocument
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TextArea

MEASURED_ON = "8.2.8"


def test_the_textual_version_is_the_one_the_overrides_were_measured_on():
    assert metadata.version("textual") == MEASURED_ON


def test_prompt_frames_replaces_the_screens_update_timer_as_textual_makes_it():
    assert isinstance(inspect.getattr_static(Screen, "_update_timer"), property)
    assert "_on_timer_update" in vars(Screen)
    assert list(inspect.signature(Timer._tick).parameters) == ["self", "next_timer", "count"]
    assert inspect.iscoroutinefunction(Timer._run)
    assert "_active" in vars(Timer)  # an asyncio Event per timer


def test_the_notes_area_overrides_exist_in_textual():
    for name in ("_watch_selection", "_set_document", "_refresh_size", "_undo_batch", "_redo_batch"):
        assert callable(getattr(TextArea, name)), name
    for name in ("location_to_offset",):
        assert callable(getattr(WrappedDocument, name)), name
    assert isinstance(inspect.getattr_static(WrappedDocument, "height"), property)


async def test_the_meeting_screen_paints_with_the_paced_timer(store):
    from facilitator.screens.pacing import PacedTimer
    from tests.screens_helpers import demo_app, open_meeting

    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        assert isinstance(screen._update_timer, PacedTimer)


async def test_the_screen_as_text_is_the_screenshot_textual_takes(store):
    import html
    import re

    from tests.screens_helpers import demo_app, screen_lines

    app, _, _ = demo_app(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        svg = html.unescape(app.export_screenshot()).replace("\xa0", " ")
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, text in re.findall(r'<text class="[^"]*-r\d+" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg):
        rows.setdefault(float(y), []).append((float(x), text))
    drawn = ["".join(text for _, text in sorted(row)) for _, row in sorted(rows.items())]
    assert len(lines) == 30
    assert any("Elsa Åkesson" in line for line in lines)
    def squeeze(rows):
        return ["".join(row.split()) for row in rows if row.strip()]

    assert squeeze(lines) == squeeze(drawn)


def test_the_footer_waits_for_its_bindings_as_the_key_footer_expects():
    from textual.reactive import Reactive
    from textual.widgets import Footer

    assert isinstance(inspect.getattr_static(Footer, "_bindings_ready"), Reactive)
    compose = inspect.getsource(Footer.compose)
    assert "if not self._bindings_ready:" in compose and "return" in compose
    assert "self._bindings_ready = True" in inspect.getsource(Footer.bindings_changed)


async def test_the_start_screens_footer_has_its_keys_when_first_composed(store):
    from facilitator.widgets.footer import KeyFooter
    from tests.screens_helpers import demo_app

    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        assert footer._shown is not None and len(footer.children) > 1


def test_the_crash_guard_replaces_the_method_textual_sends_every_unhandled_error_to():
    """``screens/guard.py`` (``CrashGuard``) replaces ``App._handle_exception``, the one
    place Textual's app, screens, widgets and workers send an unhandled error to, so that
    no traceback with local variables is printed; it keeps what Textual's does besides."""
    from textual.app import App

    source = inspect.getsource(App._handle_exception)
    for name in ("self._return_code = 1", "self._exception = error", "self._exception_event.set()", "_fatal_error"):
        assert name in source, name
    assert list(inspect.signature(App.panic).parameters) == ["self", "renderables"]


def test_the_select_composes_as_textuals_with_the_swedish_list():
    from textual.widgets import Select as TextualSelect
    from textual.widgets._select import SelectCurrent, SelectOverlay

    from facilitator import strings as sv
    from facilitator.widgets.select import ChoicesOverlay, Select

    source = inspect.getsource(TextualSelect.compose)
    assert "yield SelectCurrent(self.prompt)" in source
    assert "yield SelectOverlay(type_to_search=self._type_to_search)" in source
    assert list(inspect.signature(SelectOverlay.__init__).parameters) == ["self", "type_to_search"]
    assert issubclass(ChoicesOverlay, SelectOverlay) and issubclass(Select, TextualSelect)
    assert SelectCurrent.__module__ == SelectOverlay.__module__
    (escape,) = [b for b in ChoicesOverlay.BINDINGS if b.key == "escape"]
    assert escape.action == "dismiss" and escape.description == sv.KEY_CLOSE_LIST
    assert [b[1] for b in SelectOverlay.BINDINGS if b[0] == "escape"] == ["dismiss"]


# --- textual-serve and Rich -------------------------------------------------------------------
#
# The browser room view (``serve.py``) runs the room view through textual-serve's
# ``AppService``, which its own server uses and which is not documented as public, and
# waits for the service's ``_process`` so that no room view outlives its viewer. The page
# (``web/room.html``) loads textual-serve's static files. ``NotesArea`` depends on how Rich
# builds a line of text (the characters Rich removes). Each is held to the version it was
# written against.

SERVE_ON = "1.1.3"
RICH_ON = "15.0.0"


def test_textual_serve_and_rich_are_the_versions_the_app_was_written_against():
    assert metadata.version("textual-serve") == SERVE_ON
    assert metadata.version("rich") == RICH_ON


def test_the_app_service_is_made_and_driven_as_the_room_server_does():
    from textual_serve.app_service import AppService
    from textual_serve.download_manager import DownloadManager

    init = inspect.signature(AppService.__init__)
    assert list(init.parameters)[:2] == ["self", "command"]
    assert {"write_bytes", "write_str", "close", "download_manager", "debug"} <= set(init.parameters)
    assert list(inspect.signature(DownloadManager.__init__).parameters) == ["self"]
    for name, parameters in (
        ("start", ["self", "width", "height"]),
        ("stop", ["self"]),
        ("send_bytes", ["self", "data"]),
        ("set_terminal_size", ["self", "width", "height"]),
    ):
        method = getattr(AppService, name)
        assert inspect.iscoroutinefunction(method), name
        assert list(inspect.signature(method).parameters) == parameters, name
    # The process the server waits for once the viewer has gone.
    assert "self._process =" in inspect.getsource(AppService)


def test_the_page_finds_textual_serves_static_files():
    from pathlib import Path

    import textual_serve

    static = Path(textual_serve.__file__).parent / "static"
    page = (Path(__file__).resolve().parents[1] / "facilitator" / "web" / "room.html").read_text(encoding="utf-8")
    for name in ("css/xterm.css", "js/textual.js", "fonts/RobotoMono-VariableFont_wght.ttf"):
        assert "{{ static_url }}" + name in page
        assert (static / name).is_file(), name
