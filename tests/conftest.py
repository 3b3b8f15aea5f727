from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from facilitator.agenda import (
    Action,
    ActionStatus,
    Authority,
    Case,
    Child,
    Goal,
    Guardian,
    LeadAuthority,
    ManualClock,
    MeetingKind,
    Navigator,
    NextMeeting,
    Person,
    Role,
    Signature,
    plan_meeting,
)
from facilitator.agenda.kinds import ChildParticipation, Presence
from facilitator.store import Store

STOCKHOLM = timezone(timedelta(hours=1))

# The product is used in Sweden: tests see times as a Swedish machine shows them,
# whatever the zone of the machine they run on.
os.environ["TZ"] = "Europe/Stockholm"
time.tzset()


REPOSITORY = Path(__file__).resolve().parent.parent
RUN_PREFIX = "facilitator-run-"
BASETEMP = "basetemp"
"""The run's own temporary directory: TMPDIR for the suite, its workers and every program
they start, so what is left behind is told from what other programs on the machine make
meanwhile. Test files go under its ``basetemp``; anything else left in it is a leftover."""


def _repository_status() -> str:
    try:
        return subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=REPOSITORY, capture_output=True, text=True, timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ""


def pytest_configure(config):
    """Every test's files go under one folder of this run, removed when the run ends, so
    the suite leaves nothing in the temporary directory (pytest keeps its last three runs
    otherwise). Workers get a folder each inside it, and inherit the run's TMPDIR."""
    if config.option.basetemp is None and not hasattr(config, "workerinput"):
        root = Path(tempfile.mkdtemp(prefix=RUN_PREFIX))
        config._facilitator_run = root
        config._facilitator_repository = _repository_status()
        config._facilitator_tmpdir = os.environ.get("TMPDIR")
        os.environ["TMPDIR"] = str(root)
        tempfile.tempdir = str(root)
        config.option.basetemp = str(root / BASETEMP)


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name != BASETEMP)


def pytest_unconfigure(config):
    root = getattr(config, "_facilitator_run", None)
    if root:
        shutil.rmtree(root, ignore_errors=True)
        tempfile.tempdir = None
        if config._facilitator_tmpdir is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = config._facilitator_tmpdir


def pytest_collection_modifyitems(config, items):
    """The slow tests first, so that the workers end together instead of one of them
    starting a long test at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(trylast=True)  # after the snapshot plugin has removed its own folder
def pytest_sessionfinish(session, exitstatus):
    """The run fails when a test, a program it started or a benchmark left files in the
    run's temporary directory, or changed the repository's files. Other programs on the
    machine make and remove their own temporary files meanwhile: they are not looked at."""
    config = session.config
    root = getattr(config, "_facilitator_run", None)
    if root is None:
        return
    left = _leftovers(root)
    if left or _repository_status() != config._facilitator_repository:
        session.exitstatus = 1
        print(f"\nthe test run left files behind: {left} (or changed the repository)", file=sys.stderr)


@pytest.fixture(autouse=True)
def no_blinking_cursors(monkeypatch):
    """A blinking cursor is on or off at the instant a snapshot is taken: tests see it on."""
    from textual.widgets import Input, TextArea

    for widget in (TextArea, Input):
        original = widget.__init__

        def steady(self, *args, _original=original, **kwargs):
            _original(self, *args, **kwargs)
            self.cursor_blink = False

        monkeypatch.setattr(widget, "__init__", steady)


@pytest.fixture(autouse=True)
def nothing_outlives_its_test():
    """What a test's app set going ends with the test, as it ends with the program: a
    meeting's writer still retrying a store that failed (and its journal, which syncs the
    folder at every attempt) would otherwise go on in this worker through every later
    test, and Pilot, which waits for the process to fall idle after each key, would wait
    its full second a key. The collector and the switch interval a meeting screen took
    over are given back too, should its app have ended without unmounting it."""
    import gc
    import threading

    from facilitator.meeting.writer import Writer

    interval = sys.getswitchinterval()
    yield
    for thread in threading.enumerate():
        writer = getattr(getattr(thread, "_target", None), "__self__", None)
        if isinstance(writer, Writer) and not writer.stopped:
            writer.abandon(timeout=2.0)
    sys.setswitchinterval(interval)
    if not gc.isenabled():
        gc.unfreeze()
        gc.enable()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 1, 13, 9, 0, tzinfo=STOCKHOLM))


@pytest.fixture
def store(tmp_path) -> Store:
    with Store.open(tmp_path / "data") as opened:
        yield opened


def full_case() -> Case:
    """A case with every field filled, Swedish and Latin Extended text included."""
    case = Case(
        child=Child(name="Åsa Öberg-Şahin", birth_year=2014),
        guardians=[Guardian(name="Mia Öberg", contact="070-1"), Guardian(name="Emre Şahin")],
        question="Skolfrånvaro och oro.\nBehov av samordning.",
        kallelse_date=date(2025, 12, 15),
        created_at=datetime(2025, 12, 15, 10, 0, tzinfo=STOCKHOLM),
    )
    case.give_consent(["BUP", "Skolan", "Socialtjänsten"], date(2025, 12, 15), question="Samordning kring skolgång")
    case.revoke(date(2026, 2, 1), case.choose_organisation("BUP").id, by="Mia Öberg", note="Byte av klinik")
    return case


def full_meeting(case: Case):
    people = [
        Person(name="Mia Öberg", roles=[Role.GUARDIAN], contact="070-1"),
        Person(name="Åsa Öberg-Şahin", roles=[Role.CHILD], presence=Presence.ABSENT),
        Person(name="Đorđe Đorđević", organisation="Socialtjänsten", roles=[Role.SECRETARY, Role.PROFESSIONAL]),
        Person(name="Łukasz Wójcik", organisation="BUP", roles=[Role.NAVIGATOR, Role.PROFESSIONAL]),
    ]
    meeting = plan_meeting(
        case,
        MeetingKind.FIRST,
        datetime(2026, 1, 13, 9, 0, tzinfo=STOCKHOLM),
        place="Skolan, rum 2",
        attendance=people,
    )
    sip = meeting.sip
    sip.purpose = "Samordna stödet"
    sip.family_story = "Åsa mår dåligt på morgnarna.\n\nHon vill gå till skolan."
    sip.professionals_story = "Utredning pågår."
    sip.notes = "Fråga om [b]schema[/b]"
    sip.goals = [Goal(text="Åsa går till skolan tre dagar i veckan"), Goal(text="# Mindre oro", horizon="long")]
    sip.actions = [
        Action(what="Anpassat schema", responsible="Đorđe Đorđević", organisation="Skolan",
               authority=Authority.KOMMUN, due=date(2026, 2, 1)),
        Action(what="Samtalskontakt *varje* vecka", responsible="Łukasz Wójcik", organisation="BUP",
               authority=Authority.REGION, status=ActionStatus.ONGOING),
        Action(what="Fritidsaktivitet", responsible="Mia Öberg", authority=Authority.OTHER),
    ]
    sip.navigator = Navigator(person_id=people[3].id, name="Łukasz Wójcik", organisation="BUP", phone="010-1")
    sip.lead_authority = LeadAuthority(authority=Authority.KOMMUN, organisation="Socialtjänsten")
    sip.child_participation = ChildParticipation.NONE
    sip.child_absence_reason = "Åsa orkade inte komma."
    sip.summary = "Skolan anpassar schemat; BUP har samtal varje vecka."
    sip.child_view = "Vill ha färre möten."
    sip.guardians_view = "Positiva."
    sip.next_meeting = NextMeeting(
        start=datetime(2026, 3, 3, 9, 0, tzinfo=STOCKHOLM), place="Skolan", attendees=["Mia Öberg"]
    )
    sip.signatures = [Signature(name="Mia Öberg", role=Role.GUARDIAN, signed_on=date(2026, 1, 13))]
    case.adopt(meeting)
    return meeting


def stored_process(store):
    """A stored case with its first meeting and a follow-up that starts from its SIP."""
    case = full_case()
    store.save_case(case)
    first = full_meeting(case)
    store.save_meeting(first)
    second = plan_meeting(case, MeetingKind.FOLLOW_UP, datetime(2026, 3, 3, 9, tzinfo=STOCKHOLM))
    second.sip = first.sip.model_copy(deep=True)
    return case, first, second


def sqlite_error(message: str, code: int) -> sqlite3.OperationalError:
    """An SQLite error as SQLite raises it: with its code, which is what the store reads."""
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code
    return error
