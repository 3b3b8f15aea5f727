"""The real app in a pseudo-terminal, killed with SIGKILL while a child's name is typed in
the new-case form: started again, the form comes back with the typing, at most the last
second of it lost."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from bench.terminal import Terminal, shows_words
from facilitator.meeting.forms import FormDrafts

pytestmark = pytest.mark.slow

NAME = "Noah Lindqvist-Åberg"


def in_terminal(data_dir: Path) -> Terminal:
    env = {
        "FACILITATOR_DATA_DIR": str(data_dir),
        "FACILITATOR_CONFIG_DIR": str(data_dir / "config"),
        "TZ": "Europe/Stockholm",
    }
    return Terminal([sys.executable, "-m", "facilitator"], (120, 36), env)


def test_a_kill_while_typing_a_new_case_costs_at_most_the_last_second(tmp_path):
    sent: list[float] = []
    term = in_terminal(tmp_path)
    try:
        term.wait_for("Ärenden och möten")
        term.type("n")
        term.wait_for("namn och födelseår")  # the form (the start screen's footer names it too)
        for char in NAME:
            sent.append(term.type(char))
            time.sleep(0.05)
        term.wait_for(NAME)  # on the screen: every key was read
        killed = time.perf_counter()
        term.kill()
    finally:
        term.close(quit_key=None)
    (draft,) = FormDrafts(tmp_path).left_behind()
    kept = draft.values["child-name"]
    assert NAME.startswith(kept)
    lost_since = sent[len(kept)] if len(kept) < len(NAME) else killed
    assert killed - lost_since <= 1.0, (kept, killed - lost_since)
    assert (tmp_path / "forms").stat().st_mode & 0o777 == 0o700
    assert FormDrafts(tmp_path).path(draft.key).stat().st_mode & 0o777 == 0o600

    again = in_terminal(tmp_path)
    try:
        again.wait_for("namn och födelseår")
        again.wait_for(kept)
        again.wait_for(shows_words("innan programmet stängdes"), timeout=40)
        assert "Traceback" not in again.text()
    finally:
        again.close(quit_key=None)
