"""The real app in a pseudo-terminal, killed while another program holds the database
locked: the journal beside the database keeps the text, and the next start stores it."""

from __future__ import annotations

import sqlite3
import time

import pytest

from bench.terminal import shows_words
from facilitator import strings as sv
from facilitator.demo import DEMO_MEETING_ID
from facilitator.store import Store
from facilitator.store.database import DB_NAME
from facilitator.store.journal import journal_path
from tests.test_kill import _open_third_step, in_terminal

pytestmark = pytest.mark.slow

TYPING_SECONDS = 10.0
PAUSE = 0.05


def _purpose(data_dir) -> str:
    with Store.open(data_dir) as store:
        return store.load_meeting(DEMO_MEETING_ID).sip.purpose


def test_a_kill_while_the_database_is_locked_costs_at_most_the_last_second(tmp_path):
    term = in_terminal(tmp_path, "demo")
    other = None
    sent: list[float] = []
    text = ""
    try:
        _open_third_step(term)
        time.sleep(0.5)
        other = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # another program holds the database
        words = "Elsa vill gå till skolan på måndagar och äta lunch med Åsa. "
        start = time.perf_counter()
        while time.perf_counter() - start < TYPING_SECONDS:
            char = words[len(text) % len(words)]
            sent.append(term.type(char))
            text += char
            time.sleep(PAUSE)
        killed = time.perf_counter()
        assert "låst av ett annat program" in term.text()  # the banner says why
    finally:
        term.kill()
        term.close(quit_key=None)
        if other is not None:
            other.execute("ROLLBACK")
            other.close()
    journal = journal_path(tmp_path, DEMO_MEETING_ID)
    assert journal.is_file()
    assert journal.stat().st_mode & 0o777 == 0o600
    assert _purpose(tmp_path) == ""  # the database holds nothing of it: the fault was real

    again = in_terminal(tmp_path)
    try:
        again.wait_for(shows_words(sv.JOURNAL_REPLAYED[:40]), timeout=40)
        assert "Traceback" not in again.text()
        stored = _purpose(tmp_path)
        again.press("ctrl+q", pause=0.5)
        assert again.wait_exit() == 0
    finally:
        again.close(quit_key=None)
    assert text.startswith(stored)
    before_the_last_second = sum(1 for moment in sent if moment <= killed - 1.0)
    assert len(stored) >= before_the_last_second, (len(stored), before_the_last_second, len(text))
    assert not journal.exists()
    assert _purpose(tmp_path) == stored
