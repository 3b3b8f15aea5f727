"""Keys that arrive together — a fast typist, a paste, a remote terminal — are stored in
the order typed, even when F4, F3, Ctrl+S or Ctrl+Q is among them.

The real program in a pseudo-terminal; each burst is one write, as a terminal delivers
it. What counts is what was stored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench.terminal import KEYS, Terminal
from facilitator.demo import DEMO_MEETING_ID
from facilitator.store import Store

pytestmark = pytest.mark.slow


def writer(data_dir: Path) -> Terminal:
    env = {
        "FACILITATOR_DATA_DIR": str(data_dir),
        "FACILITATOR_CONFIG_DIR": str(data_dir / "config"),
        "TZ": "Europe/Stockholm",
    }
    return Terminal([sys.executable, "-m", "facilitator", "demo"], (120, 36), env)


def stored_sip(data_dir: Path):
    with Store.open(data_dir) as store:
        return store.load_meeting(DEMO_MEETING_ID).sip


def to_step_three(term: Terminal) -> None:
    term.wait_for("Ärenden och möten")
    term.press("enter", pause=0.5)
    term.wait_for("1/10")
    term.press("f5", "f4", "f4", pause=0.4)
    term.wait_for("3/10")


def test_text_around_f4_and_ctrl_q_in_one_write_is_all_stored_in_order(tmp_path):
    purpose = "Syftet skrevs precis före F4."
    story = "W0abc Elsa började berätta direkt."
    more = " Och slutade precis före Ctrl+Q."
    with writer(tmp_path) as term:
        to_step_three(term)
        term.write(purpose.encode() + KEYS["f4"] + story.encode())
        term.wait_for("4/10")
        term.write(more.encode() + KEYS["ctrl+q"])
        assert term.wait_exit() == 0
    sip = stored_sip(tmp_path)
    assert sip.purpose == purpose
    assert sip.family_story == story + more


def test_text_around_a_step_back_and_a_save_in_one_write(tmp_path):
    with writer(tmp_path) as term:
        to_step_three(term)
        term.write(b"Del ett." + KEYS["f4"] + b"Del tv\xc3\xa5." + KEYS["f3"] + b" Tillagt." + KEYS["ctrl+s"])
        term.wait_for("3/10")
        term.wait_for("Sparat.")
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    sip = stored_sip(tmp_path)
    assert sip.purpose == "Del ett. Tillagt."
    assert sip.family_story == "Del två."


def test_a_hidden_character_pasted_in_the_middle_keeps_the_order(tmp_path):
    with writer(tmp_path) as term:
        to_step_three(term)
        term.write("Hello wo\u202erld\u200b AFTER".encode() + KEYS["ctrl+s"])
        term.wait_for("Sparat.")
        term.write(b" och mer")
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    assert stored_sip(tmp_path).purpose == "Hello world AFTER och mer"


def test_a_participant_typed_in_one_burst_lands_field_by_field(tmp_path):
    """Name, verksamhet and title with Enter between them, a role chosen with the arrows
    and Enter, and Ctrl+S: all in one write, as a paste or a remote terminal delivers it."""
    with writer(tmp_path) as term:
        term.wait_for("Ärenden och möten")
        term.press("enter", pause=0.5)
        term.wait_for("1/10")
        term.press("tab", pause=0.3)  # to the attendance table
        term.press("ctrl+n", pause=0.3)
        term.wait_for("Ny deltagare")
        burst = "Vera Holm\rBUP Öst\rkurator\r".encode() + KEYS["down"] * 4 + KEYS["enter"] + KEYS["ctrl+s"]
        term.write(burst)
        term.wait_for(lambda text: "Vera Holm" in text and "Ny deltagare" not in text)
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    with Store.open(tmp_path) as store:
        vera = store.load_meeting(DEMO_MEETING_ID).attendance[-1]
    assert (vera.name, vera.organisation, vera.title, [r.value for r in vera.roles]) == (
        "Vera Holm", "BUP Öst", "kurator", ["professional"]
    )


def test_fields_of_a_step_typed_with_tabs_in_one_write_land_field_by_field(tmp_path):
    """The summary, the line for the child and the missing actors, Tab between them, in one
    write: each text in the field it was typed for, not all of them in the first."""
    with writer(tmp_path) as term:
        to_step_three(term)
        for step in range(4, 10):
            term.press("f4", pause=0.3)
            term.wait_for(f"{step}/10")
        term.wait_for("Saknas någon aktör som bör kallas?")
        term.write("Skolan anpassar.\tDu får hjälp.\tHabiliteringen.".encode() + KEYS["ctrl+q"])
        assert term.wait_exit() == 0
    sip = stored_sip(tmp_path)
    assert (sip.summary, sip.child_summary, sip.missing_actors) == (
        "Skolan anpassar.", "Du får hjälp.", "Habiliteringen."
    )


def test_keys_right_behind_f4_into_the_choice_of_lots_land_in_its_text(tmp_path):
    """Val av lots begins with a choice: what is typed in the same burst as F4 goes into
    the family's view of the choice, not nowhere."""
    from tests.test_kill import in_terminal

    words = "Familjen vill ha Ahmed som lots"
    term = in_terminal(tmp_path, "demo")
    try:
        term.wait_for("Ärenden och möten")
        term.press("enter", pause=1.0)
        term.wait_for("Presentationsrunda")
        term.press("f5", *["f4"] * 6, pause=0.3)
        term.wait_for("7/10")
        term.write(b"\x1bOS" + words.encode("utf-8"))  # F4 and the words in one write
        term.wait_for(words)
        assert "8/10" in term.text() and "Traceback" not in term.text()
        term.press("ctrl+q", pause=0.5)
        assert term.wait_exit() == 0
    finally:
        term.close(quit_key=None)
    with Store.open(tmp_path) as store:
        assert store.load_meeting(DEMO_MEETING_ID).sip.navigator_view == words


def test_a_new_case_typed_in_one_burst_lands_field_by_field(tmp_path):
    """The child's name, the year of birth and a guardian, Tab between them, and Ctrl+S: in
    one write, as a paste or a remote terminal delivers it."""
    with writer(tmp_path) as term:
        term.wait_for("Ärenden och möten")
        term.type("n")
        term.wait_for("namn och födelseår")
        term.write("Anna Berg\t2015\tMamma Berg".encode() + KEYS["ctrl+s"])
        term.wait_for("Nytt möte")  # stored: the form for the case's first meeting opens
        term.press("escape", pause=0.3)
        term.press("ctrl+q")
        assert term.wait_exit() == 0
    with Store.open(tmp_path) as store:
        case = next(c for c in store.list_cases() if c.child.name != "Elsa Åkesson")
    assert (case.child.name, case.child.birth_year, [g.name for g in case.guardians]) == (
        "Anna Berg", 2015, ["Mamma Berg"]
    )
