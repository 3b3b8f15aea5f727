"""No traceback reaches a terminal: an unexpected error leaves one Swedish line and an
owner-only file in the data directory with the error's type and frames — no message, no
local variables, nothing typed."""

from __future__ import annotations

import stat
import sys
import textwrap

import pytest

from facilitator.screens.start import StartScreen
from facilitator.store import Store
from tests.screens_helpers import demo_app

SECRET = "Hemlig Persson"
"""A name that only an error's message or a frame's local variables would show."""


def _crash_files(folder):
    return sorted(folder.glob("krasch-*.txt"))


def _check_report(folder) -> str:
    (path,) = _crash_files(folder)
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    report = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in report
    assert SECRET not in report and "Elsa" not in report  # neither the message nor the data
    return report


async def test_an_error_in_the_app_leaves_one_line_and_a_private_report(tmp_path, monkeypatch):
    data = tmp_path / "data"
    store = Store.open(data)
    app, clock, meeting_id = demo_app(store)

    def broken(self):
        child = SECRET  # a local variable Textual's traceback would print
        raise ValueError(child)

    monkeypatch.setattr(StartScreen, "action_overview", broken)
    with pytest.raises(ValueError):  # a test run still sees the error
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await pilot.pause()
    store.close()
    assert app.return_code == 1
    (path,) = _crash_files(data)
    assert app.crash_message == (
        "Programmet stannade av ett oväntat fel (ValueError). Det som sparats finns kvar. "
        f"Detaljer utan personuppgifter: {path}"
    )
    report = _check_report(data)
    assert "tests.test_crash_guard:test_an_error_in_the_app_leaves_one_line_and_a_private_report.<locals>.broken" in report


async def test_an_error_in_a_worker_of_the_room_view_is_reported_the_same_way(tmp_path):
    from facilitator.room import RoomApp

    data = tmp_path / "data"
    store = Store.open(data)
    demo_app(store)
    app = RoomApp(store)

    def broken():
        raise ValueError(SECRET)

    app.feed.poll = broken
    with pytest.raises(ValueError):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
    store.close()
    assert app.return_code == 1 and app.crash_message.startswith("Programmet stannade av ett oväntat fel")
    _check_report(data)


def test_the_command_line_says_one_line_and_writes_the_report(tmp_path, monkeypatch, capsys):
    from facilitator import cli

    data = tmp_path / "data"
    Store.open(data).close()

    def broken(args):
        raise ValueError(SECRET)

    monkeypatch.setattr(cli, "_cmd_list", broken)
    assert cli.main(["--data-dir", str(data), "list"]) == 1
    err = capsys.readouterr().err
    (path,) = _crash_files(data)
    assert err == f"facilitator: Programmet stannade av ett oväntat fel (ValueError). Det som sparats finns kvar. Detaljer utan personuppgifter: {path}\n"
    _check_report(data)
    # No data directory: the line without a file, and nothing made.
    missing = tmp_path / "nowhere"
    assert cli.main(["--data-dir", str(missing), "list"]) == 1
    assert capsys.readouterr().err == "facilitator: Programmet stannade av ett oväntat fel (ValueError). Det som sparats finns kvar.\n"
    assert not missing.exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals")
def test_in_a_terminal_the_crash_shows_one_line_and_no_traceback(tmp_path):
    from bench.terminal import Terminal

    program = textwrap.dedent(f"""
        import sys
        from facilitator import cli
        from facilitator.screens.start import StartScreen

        def broken(self):
            child = {SECRET!r}
            raise ValueError(child)

        StartScreen.action_overview = broken
        sys.exit(cli.main(["demo"]))
    """)
    env = {"FACILITATOR_DATA_DIR": str(tmp_path), "FACILITATOR_CONFIG_DIR": str(tmp_path / "config"),
           "TZ": "Europe/Stockholm"}
    # Wide enough for the line and its path in one row.
    term = Terminal([sys.executable, "-c", program], (250, 36), env)
    try:
        term.wait_for("Ärenden och möten")
        term.type("o")
        term.wait_for("Detaljer utan personuppgifter")
        assert term.wait_exit() == 1
        term.catch_up()
        shown = term.text()
    finally:
        term.close(quit_key=None)
    assert "Traceback" not in shown and SECRET not in shown and "locals" not in shown
    (path,) = _crash_files(tmp_path)
    # The line may wrap where the path is long: read it without the breaks.
    assert f"Detaljerutanpersonuppgifter:{path}" in "".join(shown.split())
    _check_report(tmp_path)
