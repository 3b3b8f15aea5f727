"""The command line: version, help, list, export, and one-line errors with exit 2."""

import contextlib
import io
import os
import stat
import subprocess
import sys

import pytest

from facilitator import __version__
from facilitator.agenda import ManualClock
from facilitator.cli import main, short_ids
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.store import Store


def run(*args, data_dir=None, env=None, spawn=False):
    """The command line as a user runs it: its exit status, what it printed and what it
    said. In this process (``main`` as the console script calls it), or with ``spawn`` in
    a process of its own, as ``python -m facilitator``."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FACILITATOR_DATA_DIR", None)
    if data_dir is not None:
        full_env["FACILITATOR_DATA_DIR"] = str(data_dir)
    if spawn:
        return subprocess.run(
            [sys.executable, "-m", "facilitator", *args],
            capture_output=True,
            text=True,
            env=full_env,
            timeout=60,
        )
    out, err = io.BytesIO(), io.StringIO()
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(full_env)
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as leaving:
                code = leaving.code
    finally:
        os.environ.clear()
        os.environ.update(saved)
    stdout.flush()
    return subprocess.CompletedProcess(args, code, out.getvalue().decode("utf-8"), err.getvalue())


@pytest.fixture
def demo_dir(tmp_path):
    with Store.open(tmp_path) as store:
        ensure_demo(store, ManualClock())
    return tmp_path


def test_version():
    result = run("--version", spawn=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"facilitator {__version__}"


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for word in ("demo", "list", "export", "--data-dir"):
        assert word in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["export"],
        ["export", "latest", "--format", "exe"],
        ["--no-such-flag"],
        ["list", "extra"],
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, tmp_path):
    result = run(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("facilitator")
    assert "Traceback" not in result.stderr


def test_list_prints_one_line_per_meeting(demo_dir, capsys):
    assert main(["--data-dir", str(demo_dir), "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(DEMO_MEETING_ID[:8])
    assert "first" in out[0] and "planned" in out[0] and "Elsa Åkesson" in out[0]


def test_data_dir_after_the_command_and_from_the_environment(demo_dir, capsys, monkeypatch):
    assert main(["list", "--data-dir", str(demo_dir)]) == 0
    assert "Elsa Åkesson" in capsys.readouterr().out
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(demo_dir))
    assert main(["list"]) == 0
    assert "Elsa Åkesson" in capsys.readouterr().out


def test_list_on_an_empty_store(tmp_path, capsys):
    Store.open(tmp_path).close()
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no meetings" in captured.err


def test_export_markdown_to_stdout_and_file(demo_dir, tmp_path, capsys):
    assert main(["--data-dir", str(demo_dir), "export", "latest", "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("# Samordnad individuell plan (SIP)")
    assert "Elsa Åkesson" in text and "Ahmed Şahin" in text and "Łukasz Nowak" in text
    target = tmp_path / "sip.md"
    assert main(["--data-dir", str(demo_dir), "export", DEMO_MEETING_ID[:8], "--format", "md", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in capsys.readouterr().err


def test_export_of_unknown_meeting_exits_2(demo_dir):
    result = run("export", "ffffffff", data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == "facilitator: no meeting 'ffffffff'"


def test_export_into_a_missing_directory_exits_2(demo_dir, tmp_path):
    result = run("export", "latest", "--format", "md", "-o", str(tmp_path / "nope" / "x.md"), data_dir=demo_dir)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "No such file or directory" in result.stderr


def test_a_damaged_database_exits_2_with_its_path(tmp_path):
    (tmp_path / "facilitator.sqlite3").write_bytes(b"not a database at all" * 50)
    result = run("list", data_dir=tmp_path)
    assert result.returncode == 2
    assert str(tmp_path / "facilitator.sqlite3") in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_list_and_export_do_not_load_the_ui(demo_dir):
    code = (
        "import sys\n"
        "from facilitator.cli import main\n"
        f"main(['--data-dir', {str(demo_dir)!r}, 'export', 'latest', '--format', 'md'])\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().endswith("False")


def test_demo_is_created_once(tmp_path):
    with Store.open(tmp_path) as store:
        _, created = ensure_demo(store, ManualClock())
        _, again = ensure_demo(store, ManualClock())
        assert (created, again) == (True, False)
        assert len(store.list_meetings()) == 1


def test_short_ids_are_unique_prefixes():
    ids = ["abcdef0011", "abcdef0022", "12345678ff"]
    assert short_ids(ids) == {"abcdef0011": "abcdef001", "abcdef0022": "abcdef002", "12345678ff": "12345678"}


def test_strict_export_refuses_an_incomplete_sip(demo_dir, tmp_path):
    result = run("export", "latest", "--strict", "-o", str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("facilitator: the SIP is not complete: missing ")
    assert not (tmp_path / "x.pdf").exists()
    relaxed = run("export", "latest", "-o", str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert relaxed.returncode == 0
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE((tmp_path / "x.pdf").stat().st_mode) == 0o600


def test_ics_without_a_next_meeting_exits_2(demo_dir):
    result = run("export", "latest", "--format", "ics", data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == "facilitator: the SIP has no date for the next meeting"


def test_export_refuses_anything_but_a_regular_file(demo_dir, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = tmp_path / "real.md"
    target.write_text("orört")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    for path in (fifo, link):
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        result = run("export", "latest", "--format", "md", "-o", str(path), data_dir=demo_dir)
        assert result.returncode == 2, path
        assert len(result.stderr.strip().splitlines()) == 1
        assert "not a regular file" in result.stderr
        assert stat.S_IMODE(os.lstat(path).st_mode) == mode
    assert target.read_text() == "orört"


def test_list_on_a_missing_directory_says_so_and_makes_nothing(tmp_path):
    missing = tmp_path / "finns-inte"
    result = run("list", "--data-dir", str(missing))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(missing) in result.stderr
    assert not missing.exists()


def test_control_sequences_written_by_another_program_never_reach_the_terminal(demo_dir):
    import sqlite3

    db = sqlite3.connect(demo_dir / "facilitator.sqlite3")
    db.execute(
        "UPDATE cases SET data = json_set(data, '$.child.name', ?)",
        ("Elsa\x1b]52;c;aGVq\x07\x1b[2J Åkesson",),
    )
    db.commit()
    db.close()
    result = run("list", data_dir=demo_dir)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Elsa Åkesson" in result.stdout


@pytest.mark.parametrize(
    "bad",
    ["", "x" * 1_000_000, "../../x", "DE000000000000000000000000000001"],
    ids=["empty", "a million characters", "a path", "upper-case hex"],
)
def test_import_refuses_an_id_the_app_would_not_make(demo_dir, tmp_path, bad):
    import json

    exported = run("export", "latest", "--format", "json", data_dir=demo_dir)
    document = json.loads(exported.stdout)
    document["case"]["id"] = bad
    for meeting in document["meetings"]:
        meeting["case_id"] = bad
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document))
    fresh = tmp_path / "fresh"
    result = run("import", str(path), "--data-dir", str(fresh))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "case.id" in result.stderr


def test_a_damaged_page_is_one_line(demo_dir):
    import sqlite3

    db = sqlite3.connect(demo_dir / "facilitator.sqlite3")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    path = demo_dir / "facilitator.sqlite3"
    data = bytearray(path.read_bytes())
    data[4096 * 3 + 8 : 4096 * 3 + 400] = b"A" * 392  # a table page's cells overwritten
    path.write_bytes(bytes(data))
    result = run("list", data_dir=demo_dir)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "is damaged" in result.stderr and str(path) in result.stderr
