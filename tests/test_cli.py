"""The command line: version, help, list, export, import; one-line errors with exit 2;
and Swedish in everything it prints."""

import contextlib
import io
import json
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
    for word in ("demo", "list", "export", "--data-dir", "användning: facilitator", "kommandon:", "flaggor:"):
        assert word in result.stdout
    assert "visa den här hjälpen och avsluta" in result.stdout


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
    assert "inledande" in out[0] and "planerat" in out[0] and "Elsa Åkesson" in out[0]


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
    assert captured.err == "inga möten ännu (prova: facilitator demo)\n"


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
    assert result.stderr.strip() == "facilitator: inget möte 'ffffffff'"


def test_export_into_a_missing_directory_exits_2(demo_dir, tmp_path):
    result = run("export", "latest", "--format", "md", "-o", str(tmp_path / "nope" / "x.md"), data_dir=demo_dir)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.strip() == f"facilitator: {tmp_path / 'nope' / 'x.md'}: finns inte"


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
    assert result.stderr.strip().startswith("facilitator: SIP:en är inte komplett, det saknas: ")
    assert not (tmp_path / "x.pdf").exists()
    relaxed = run("export", "latest", "-o", str(tmp_path / "x.pdf"), data_dir=demo_dir)
    assert relaxed.returncode == 0
    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE((tmp_path / "x.pdf").stat().st_mode) == 0o600


def test_ics_without_a_next_meeting_exits_2(demo_dir):
    result = run("export", "latest", "--format", "ics", data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "facilitator: SIP:en har inget datum för nästa möte, så det finns ingen kalenderinbjudan"
    )


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
        assert result.stderr.strip() == f"facilitator: {path} är ingen vanlig fil, så inget skrevs dit"
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
    assert "filen är skadad" in result.stderr and str(path) in result.stderr


# --- the documents: sip, kallelse, rapport -------------------------------------------


@pytest.mark.parametrize("document", ["kallelse", "rapport"])
@pytest.mark.parametrize("fmt", ["pdf", "docx", "md"])
def test_export_of_each_document_in_each_format(demo_dir, tmp_path, document, fmt):
    out = tmp_path / "ut"
    out.mkdir()
    result = run("export", "latest", "--document", document, "--format", fmt, "-o", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    prefix = {"kallelse": "Kallelse", "rapport": "Motesrapport"}[document]
    (written,) = out.iterdir()
    assert written.name == f"{prefix}-2026-01-01-inledande-{DEMO_MEETING_ID[:8]}.{fmt}"
    assert result.stderr == f"Sparade {written}\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    data = written.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    elif fmt == "docx":
        assert data.startswith(b"PK")
    else:
        title = {"kallelse": "# Kallelse till inledande Lotsmöte", "rapport": "# Mötesrapport"}[document]
        assert data.decode("utf-8").startswith(title)


def test_the_kallelse_in_markdown_to_stdout(demo_dir):
    result = run("export", "latest", "--document", "kallelse", "--format", "md", data_dir=demo_dir)
    assert result.returncode == 0
    assert result.stdout.startswith("# Kallelse till inledande Lotsmöte")
    for text in ("Maria Åkesson, Jonas Åkesson", "Sekretessmedgivande", "Dagordning", "Ahmed Şahin"):
        assert text in result.stdout
    assert result.stderr == ""


def test_the_sip_is_the_default_document(demo_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("export", "latest", data_dir=demo_dir)
    assert result.returncode == 0
    name = f"SIP-2026-01-01-inledande-{DEMO_MEETING_ID[:8]}.pdf"
    assert (tmp_path / name).read_bytes().startswith(b"%PDF")
    assert result.stderr == f"Sparade {name}\n"


@pytest.mark.parametrize("document", ["kallelse", "rapport"])
@pytest.mark.parametrize("fmt", ["json", "ics"])
def test_json_and_ics_only_with_the_sip(demo_dir, tmp_path, document, fmt):
    result = run("export", "latest", "--document", document, "--format", fmt, "-o", str(tmp_path / "x"), data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr == (
        f"facilitator: --format {fmt} finns bara för sip; kallelse och rapport skrivs som pdf, docx eller md\n"
    )
    assert not (tmp_path / "x").exists()


def test_an_unknown_document_exits_2(demo_dir):
    result = run("export", "latest", "--document", "protokoll", data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr == (
        "facilitator: --document ska vara ett av: sip, kallelse, rapport, barn (se facilitator export --help)\n"
    )


@pytest.mark.parametrize("fmt", ["pdf", "md"])
def test_the_plan_for_the_child(demo_dir, tmp_path, fmt):
    out = tmp_path / "ut"
    out.mkdir()
    result = run("export", "latest", "--document", "barn", "--format", fmt, "-o", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    (written,) = out.iterdir()
    assert written.name == f"Barnets-plan-2026-01-01-inledande-{DEMO_MEETING_ID[:8]}.{fmt}"
    assert result.stderr == f"Sparade {written}\n"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    data = written.read_bytes()
    if fmt == "pdf":
        assert data.startswith(b"%PDF")
    else:
        assert data.decode("utf-8").startswith("# Din plan\n")
        assert "- **Till:** Elsa" in data.decode("utf-8")


def test_the_plan_for_the_child_in_markdown_to_stdout_and_strict(demo_dir, tmp_path, monkeypatch):
    result = run("export", "latest", "--document", "barn", "--format", "md", data_dir=demo_dir)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("# Din plan")
    assert "Saknas" not in result.stdout
    monkeypatch.chdir(tmp_path)
    strict = run("export", "latest", "--document", "barn", "--strict", data_dir=demo_dir)
    assert strict.returncode == 0  # the child's plan asks for nothing: it leaves off what is not there
    assert (tmp_path / f"Barnets-plan-2026-01-01-inledande-{DEMO_MEETING_ID[:8]}.pdf").is_file()


@pytest.mark.parametrize("fmt", ["docx", "json", "ics"])
def test_the_plan_for_the_child_only_in_pdf_and_markdown(demo_dir, tmp_path, fmt):
    result = run("export", "latest", "--document", "barn", "--format", fmt, "-o", str(tmp_path / "x"), data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr == (
        f"facilitator: --format {fmt} finns inte för barnets plan; den skrivs som pdf eller md\n"
    )
    assert not (tmp_path / "x").exists()


def test_strict_refuses_a_kallelse_that_lacks_what_it_needs(demo_dir, tmp_path):
    # The demo calls Fritidsgården Kometen, which the case's consent does not name.
    result = run("export", "latest", "--document", "kallelse", "--strict", "-o", str(tmp_path / "k.pdf"), data_dir=demo_dir)
    assert result.returncode == 2
    assert result.stderr == (
        "facilitator: kallelsen är inte komplett, det saknas: Sekretessmedgivande: "
        "Fritidsgården Kometen kallas men finns inte med i ärendets samtycke\n"
    )
    assert not (tmp_path / "k.pdf").exists()
    report = run("export", "latest", "--document", "rapport", "--strict", "-o", str(tmp_path / "r.md"), data_dir=demo_dir)
    assert report.returncode == 0  # the report asks for nothing


@pytest.mark.parametrize(
    ("kind", "slug"),
    [("first", "inledande"), ("follow_up", "uppfoljande"), ("closing", "avslutande")],
)
def test_file_names_are_swedish_and_end_with_the_meeting_id(kind, slug):
    from datetime import datetime

    from facilitator.agenda.meetings import plan_meeting
    from facilitator.agenda.models import MeetingKind
    from facilitator.documents import ID_CHARS, file_name
    from tests.conftest import STOCKHOLM, full_case

    meeting = plan_meeting(full_case(), MeetingKind(kind), datetime(2026, 3, 24, 9, tzinfo=STOCKHOLM))
    mark = meeting.id[:ID_CHARS]
    assert file_name(meeting, "sip", "pdf") == f"SIP-2026-03-24-{slug}-{mark}.pdf"
    assert file_name(meeting, "kallelse", "docx") == f"Kallelse-2026-03-24-{slug}-{mark}.docx"
    assert file_name(meeting, "rapport", "md") == f"Motesrapport-2026-03-24-{slug}-{mark}.md"
    assert file_name(meeting, "barn", "md") == f"Barnets-plan-2026-03-24-{slug}-{mark}.md"
    for document in ("sip", "kallelse", "rapport", "barn"):
        name = file_name(meeting, document, "pdf")
        assert name.isascii() and name.endswith(f"-{mark}.pdf")


def test_exported_documents_are_found_by_the_meeting_id(demo_dir, tmp_path):
    from facilitator.documents import exports_of

    for document in ("sip", "kallelse", "rapport", "barn"):
        assert run("export", "latest", "--document", document, "-o", str(tmp_path), data_dir=demo_dir).returncode == 0
    assert len(exports_of(tmp_path, [DEMO_MEETING_ID])) == 4


# --- import ----------------------------------------------------------------------------


def test_import_says_how_many_meetings_in_swedish(demo_dir, tmp_path):
    exported = run("export", "latest", "--format", "json", data_dir=demo_dir)
    path = tmp_path / "case.json"
    path.write_text(exported.stdout)
    fresh = tmp_path / "fresh"
    result = run("import", str(path), data_dir=fresh)
    assert result.returncode == 0
    assert result.stderr == "Importerade ärendet med 1 möte\n"
    again = run("import", str(path), data_dir=fresh)
    assert again.returncode == 2
    assert again.stderr == "facilitator: ärendet finns redan i databasen och är likadant som i filen, så inget ändrades\n"


def test_import_of_what_is_not_a_case_file(tmp_path):
    path = tmp_path / "inte.json"
    path.write_text("{ inte json")
    result = run("import", str(path), data_dir=tmp_path / "data")
    assert result.returncode == 2
    assert result.stderr == (
        f"facilitator: {path}: filen är ingen ärendefil i JSON (en sådan görs med facilitator export --format json)\n"
    )
    missing = run("import", str(tmp_path / "saknas.json"), data_dir=tmp_path / "data")
    assert missing.stderr == f"facilitator: {tmp_path / 'saknas.json'}: finns inte\n"


# --- Swedish everywhere ----------------------------------------------------------------

ENGLISH = frozenset(
    """
    a an the is are was be been not no yes and or of to for with from in on at by as it this that
    there here yet try give found file files error errors usage options option arguments
    show help message exit missing meeting meetings invalid choose choice case cases imported
    import wrote written required unrecognized unrecognised unknown expected value values
    ambiguous could match matches allowed positional database damaged see complete incomplete
    date next directory such regular cannot can must should has have had more than one only
    command commands default where write read print prints new none nothing set aside run
    """.split()
)
# Not in the list, being Swedish words too: argument, format, status, version, program, data,
# port, start, id.
NAMES = frozenset(
    "facilitator demo list export import schema room serve latest sip kallelse rapport barn pdf docx md json ics".split()
)


def english_words(line: str) -> list[str]:
    """The common English words in a line the command line printed. Option names, paths,
    file names, ids and the program's own names are not words."""
    found = []
    for token in line.split():
        token = token.strip(".,:;()[]{}'\"!?«»”")
        if not token or token.startswith("-") or token.lower() in NAMES:
            continue
        if any(c in token for c in "/\\._=$@") or any(c.isdigit() for c in token):
            continue
        found += [part for part in token.lower().split("-") if part in ENGLISH]
    return found


def test_english_words_are_found():
    assert english_words("wrote x.pdf") == ["wrote"]
    assert english_words("facilitator: no meeting 'ffffffff'") == ["no", "meeting"]
    assert english_words("usage: facilitator [-h] --data-dir DIR") == ["usage"]
    assert english_words("Sparade /tmp/x/SIP-2026-01-01-inledande-de000000.pdf") == []


def test_the_command_line_speaks_no_english(demo_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "tom"
    Store.open(empty).close()
    out = tmp_path / "ut"
    out.mkdir()
    case_file = tmp_path / "case.json"
    case_file.write_text(run("export", "latest", "--format", "json", data_dir=demo_dir).stdout)
    bad_json = tmp_path / "fel.json"
    bad_json.write_text("[1, 2")
    damaged = tmp_path / "skadad"
    damaged.mkdir()
    (damaged / "facilitator.sqlite3").write_bytes(b"not a database at all" * 50)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    d = ["--data-dir", str(demo_dir)]
    runs = [
        ["--help"],
        ["-h"],
        *[[command, "--help"] for command in ("demo", "list", "export", "import", "schema", "room", "serve")],
        [*d, "list"],
        ["--data-dir", str(empty), "list"],
        ["--data-dir", str(tmp_path / "finns-inte"), "list"],
        ["--data-dir", str(damaged), "list"],
        *[
            [*d, "export", "latest", "--document", document, "--format", fmt, "-o", str(out)]
            for document in ("sip", "kallelse", "rapport")
            for fmt in ("pdf", "docx", "md")
        ],
        *[[*d, "export", "latest", "--document", "barn", "--format", fmt, "-o", str(out)] for fmt in ("pdf", "md")],
        *[[*d, "export", "latest", "--document", "barn", "--format", fmt] for fmt in ("docx", "json", "ics")],
        [*d, "export", "latest", "--format", "json", "-o", str(out)],
        [*d, "export", "latest", "--format", "ics"],
        [*d, "export", "latest", "--document", "kallelse", "--format", "json"],
        [*d, "export", "latest", "--document", "rapport", "--format", "ics"],
        [*d, "export", "latest", "--strict", "-o", str(out)],
        [*d, "export", "latest", "--document", "kallelse", "--strict", "-o", str(out)],
        [*d, "export", "ffffffff"],
        [*d, "export", "xy"],
        [*d, "export", "latest", "--format", "exe"],
        [*d, "export", "latest", "--format"],
        [*d, "export", "latest", "-o"],
        [*d, "export", "latest", "--strict=ja"],
        [*d, "export", "latest", "--format", "md", "-o", str(fifo)],
        [*d, "export", "latest", "--format", "md", "-o", str(tmp_path / "nej" / "x.md")],
        [*d, "export"],
        [*d, "import"],
        ["--data-dir", str(tmp_path / "ny"), "import", str(case_file)],
        ["--data-dir", str(tmp_path / "ny"), "import", str(case_file)],
        [*d, "import", str(bad_json)],
        [*d, "import", str(tmp_path / "saknas.json")],
        ["schema"],
        ["frobnicate"],
        ["--no-such-flag"],
        ["list", "extra"],
        [*d, "list", "--verbose"],
        ["serve", "--port", "x"],
        ["serve", "--port", "0"],
        ["serve", "--max-viewers", "99"],
        ["room", "--data-dir", str(tmp_path / "finns-inte")],
        ["room", "--barn", "--data-dir", str(tmp_path / "finns-inte")],
        ["room", "--barn=ja"],
    ]
    for args in runs:
        result = run(*args)
        assert result.returncode in (0, 2), (args, result)
        assert "Traceback" not in result.stderr, args
        said = result.stderr.splitlines()
        if result.returncode == 2:
            assert len(said) == 1 and said[0].startswith("facilitator: "), (args, result.stderr)
        # What the command line itself prints: help and list on stdout, everything on
        # stderr (documents and the JSON schema are data, checked elsewhere).
        printed = said + (result.stdout.splitlines() if args[-1] in ("--help", "-h", "list") else [])
        assert printed or args == ["schema"], args
        for line in printed:
            assert not english_words(line), (args, line, english_words(line))
    assert json.loads(run("schema").stdout)["title"] == "CaseDocument"


# --- stored values and the terminal; odd arguments ----------------------------------------


def test_list_prints_a_stored_id_with_its_control_characters_escaped(demo_dir):
    import sqlite3

    osc52 = "de\x1b]52;c;cm0gLXJmIH4=\x07\u202e"
    with sqlite3.connect(demo_dir / "facilitator.sqlite3") as db:
        row = db.execute("SELECT case_id, kind, planned_start, status, data FROM meetings").fetchone()
        db.execute(
            "INSERT INTO meetings (id, case_id, kind, planned_start, status, data) VALUES (?, ?, ?, ?, ?, ?)",
            (osc52, *row),
        )
    db.close()
    result = run("list", data_dir=demo_dir)
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout and "\u202e" not in result.stdout
    assert result.stdout.startswith("de\\x1b]52;c  ")  # the id's first eight characters, escaped
    assert len(result.stdout.splitlines()) == 2


@pytest.mark.parametrize("command", [["list"], ["import", "x.json"], ["export", "latest"]])
def test_an_empty_data_dir_is_refused_not_taken_for_the_default(tmp_path, command):
    result = run("--data-dir", "", *command, env={"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 2
    assert result.stderr.startswith("facilitator: --data-dir är tom; ange en mapp")
    assert len(result.stderr.splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
