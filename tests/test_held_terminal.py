"""A whole meeting held as the room holds it, in a pseudo-terminal: planned for another day
and held today, with an interpreter, one professional by video, a guardian who leaves
early, the child there for part of it, and an actor called for next time; a guardian's
signature and the oral approval of the one by video marked in the last step. The SIP is
read back from the PDF and the Markdown the command line exports."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.terminal import Terminal
from facilitator.agenda.clock import SystemClock
from facilitator.agenda.kinds import ChildParticipation, ChildUnderstood, Presence
from facilitator.demo import DEMO_MEETING_ID, ensure_demo
from facilitator.store import Store

pytestmark = pytest.mark.slow

ENV_KEYS = ("FACILITATOR_DATA_DIR", "FACILITATOR_CONFIG_DIR", "TZ")


def _environment(data_dir: Path) -> dict[str, str]:
    return dict(zip(ENV_KEYS, (str(data_dir), str(data_dir / "config"), "Europe/Stockholm"), strict=True))


def _planned_in_six_weeks(data_dir: Path) -> date:
    with Store.open(data_dir) as store:
        ensure_demo(store, SystemClock())
        meeting = store.load_meeting(DEMO_MEETING_ID)
        meeting.planned_start += timedelta(weeks=6)
        store.save_meeting(meeting)
        return meeting.planned_start.date()


def _edit_presence(term: Terminal, moves: list[str], choice: int, at: str = "", title: str = "") -> None:
    """Enter on the attendance row ``moves`` away, give a title if one is given, and
    choose how they took part."""
    term.press(*moves, pause=0.1)
    term.press("enter", pause=0.3)
    term.wait_for("Ändra deltagare")
    term.press("tab", "tab", pause=0.1)  # verksamhet, titel
    if title:
        term.type(title)
        term.wait_for(title)
    term.press("tab", "tab", pause=0.1)  # roller, deltar
    term.press(*["down"] * choice, "enter", pause=0.1)
    if at:
        term.wait_for("Klockan (TT.MM)")  # the field for the time shows once the choice is made
        term.press("tab", pause=0.3)
        term.type(at)
        term.wait_for(at)
    term.press("ctrl+s", pause=0.4)


def _fields(term: Terminal, *texts: str) -> None:
    """A person's name, verksamhet and title, Enter after each, as the secretary types."""
    for text in texts:
        term.type(text)
        term.press("enter", pause=0.3)


def _hold_the_meeting(term: Terminal) -> None:
    term.wait_for("Ärenden och möten")
    term.press("enter", pause=0.5)
    term.wait_for("SIP:en får dagens datum")
    term.press("tab", "enter", pause=0.5)  # "Öppna mötet nu"
    term.wait_for("1/10")

    # 1 Presentationsrunda: an interpreter for the mother, one by video, one leaves early.
    term.type("Alla presenterade sig.")
    term.press("tab", pause=0.3)
    term.press("ctrl+n", pause=0.5)
    term.wait_for("Ny deltagare")
    _fields(term, "Amal Haddad", "Tolkcentralen", "kontakttolk")
    term.press(*["down"] * 8, "enter", pause=0.1)  # the ninth role: tolk
    term.press("tab", pause=0.2)
    term.type("arabiska")
    term.press("tab", pause=0.2)
    term.press("enter", pause=0.3)  # for Maria Åkesson
    term.press("ctrl+s", pause=0.5)
    term.wait_for("tolk (arabiska)")
    _edit_presence(term, ["up"] * 10 + ["down"] * 5, 2, title="psykolog")  # Ahmed Şahin: per video
    term.wait_for("per video")
    _edit_presence(term, ["up"] * 10 + ["down"], 4, "10.40")  # Jonas Åkesson: gick tidigare
    term.wait_for("gick kl. 10.40")

    term.press("f5", pause=0.3)
    for step in range(2, 10):
        term.press("f4", pause=0.3)
        term.wait_for(f"{step}/10")

    # 9 Sammanfattning: the views, the child in part of it, someone called for next time.
    term.wait_for("Saknas någon aktör som bör kallas?")
    term.type("Skolan anpassar, BUP följer upp.")
    term.press("tab", pause=0.2)
    term.type("Skolan och BUP hjälper dig.")  # for the child
    term.press("tab", pause=0.2)
    term.type("Habiliteringen.")
    term.press("tab", pause=0.2)
    term.type("Elsa vill börja senare.")
    term.press("tab", pause=0.2)  # who said it: the child herself (left empty)
    term.press("tab", pause=0.2)
    term.type("Föräldrarna är nöjda.")
    term.press("tab", pause=0.2)
    term.press("down", "enter", pause=0.2)  # en del av mötet
    term.press("tab", pause=0.3)
    term.type("Elsa var med under berättelserna.")
    term.press("tab", pause=0.3)
    term.press("down", "enter", pause=0.2)  # the child wants to know more
    term.press("tab", pause=0.3)
    term.type("Om BUP.")
    term.press("tab", pause=0.3)
    term.press("ctrl+n", pause=0.5)
    term.wait_for("Kallas till nästa möte")
    _fields(term, "Märta Ödegård", "Habiliteringen", "arbetsterapeut")
    term.press(*["down"] * 4, "enter", pause=0.3)  # verksamhetsaktör
    term.press("ctrl+s", pause=0.5)
    term.wait_for("Märta Ödegård – Habiliteringen (kallas, var inte här)")
    term.press("f4", pause=0.3)
    term.wait_for("10/10")

    # 10 Underskrift: Maria Åkesson has signed, Ahmed Şahin approved orally by video.
    term.press("tab", "tab", "tab", "tab", "tab", pause=0.2)  # tid, längd, plats, slag, underskrifter
    term.press("enter", pause=0.3)
    term.wait_for("☑ Maria Åkesson")
    term.press(*["down"] * 5, "enter", pause=0.3)
    term.wait_for("☑ Ahmed Şahin")
    term.press("f4", pause=0.5)  # the review
    term.press("f4", pause=0.5)  # and the end of the meeting
    term.wait_for("Mötet är avslutat")
    term.press("ctrl+q")
    assert term.wait_exit() == 0


def _export(data_dir: Path, fmt: str, *out: str) -> None:
    command = [sys.executable, "-m", "facilitator", "export", DEMO_MEETING_ID[:8], "--format", fmt, *out]
    done = subprocess.run(command, env={**_environment(data_dir), "PATH": ""}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_a_meeting_held_on_another_day_with_an_interpreter_is_on_paper_as_held(tmp_path):
    data_dir = tmp_path / "data"
    planned = _planned_in_six_weeks(data_dir)
    with Terminal([sys.executable, "-m", "facilitator"], (120, 36), _environment(data_dir)) as term:
        _hold_the_meeting(term)

    with Store.open(data_dir) as store:
        meeting = store.load_meeting(DEMO_MEETING_ID)
        [summary] = store.list_meetings()
    held = meeting.day
    assert held != planned and summary.start.date() == held
    by_name = {p.name: p for p in meeting.attendance}
    assert by_name["Amal Haddad"].language == "arabiska"
    assert by_name["Amal Haddad"].interprets_for == [by_name["Maria Åkesson"].id]
    assert by_name["Ahmed Şahin"].presence is Presence.VIDEO
    assert (by_name["Jonas Åkesson"].presence, f"{by_name['Jonas Åkesson'].presence_at:%H.%M}") == (
        Presence.LEFT_EARLY, "10.40"
    )
    assert meeting.sip.child_participation is ChildParticipation.PART
    assert (meeting.sip.child_understood, meeting.sip.child_understood_note) == (ChildUnderstood.WANTS_MORE, "Om BUP.")
    assert (meeting.sip.child_summary, meeting.sip.child_view_relayed_by) == ("Skolan och BUP hjälper dig.", "")
    assert [p.presence for p in meeting.sip.next_meeting.called] == [None]
    assert {(s.name, s.oral) for s in meeting.sip.signatures} == {("Maria Åkesson", False), ("Ahmed Şahin", True)}

    _export(data_dir, "md", "-o", str(tmp_path / "sip.md"))
    (tmp_path / "out").mkdir()
    _export(data_dir, "pdf", "-o", str(tmp_path / "out"))  # into a folder, named by the day it was held
    [exported] = (tmp_path / "out").iterdir()
    assert exported.name.startswith(f"SIP-{held:%Y-%m-%d}-inledande-")
    markdown = (tmp_path / "sip.md").read_text(encoding="utf-8")
    pdf = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(exported.read_bytes())).pages)
    for text in (markdown.replace("\\", ""), pdf):
        flat = " ".join(text.replace("*", "").replace("|", " ").split())
        assert f"Datum {held:%Y-%m-%d} kl." in flat.replace(":", "")
        assert f"{planned:%Y-%m-%d}" not in text
        assert "tolk (arabiska) för Maria Åkesson" in text
        assert "per video" in text and "gick kl. 10.40" in text and "på plats" in text
        assert "Barnet deltog i en del av mötet: Elsa var med under berättelserna. Barnet fick veta vad" in text
        # The called actor under "Deltar nästa gång", in that line.
        following = flat[flat.index("Deltar nästa gång") :][:200]
        assert "Märta Ödegård, Habiliteringen (kallas)" in following.split("Kopior och original")[0]
        # The title typed on the attendance, in the contact list.
        contacts = flat[flat.index("Kontaktuppgifter") :]
        assert "Ahmed Şahin psykolog BUP Öst" in contacts[: contacts.index("Ahmed Şahin") + 60]
        # Signed in the program, yet no mark of it on paper.
        assert "Skrev under" not in text and "✓" not in text
    assert "- Maria Åkesson, vårdnadshavare: ______________________ (Ort och datum)" in markdown
    # Each signer in the room has "Ort och datum" under the line; the interpreter signs nothing.
    signatures = pdf[pdf.rindex("Underskrifter") :]
    # Two guardians, the child and two professionals; the one by video approves orally and
    # the one the consent does not cover (Fritidsgården) gets no line.
    assert signatures.count("Ort och datum") == 5
    assert "Amal Haddad" not in signatures
    # Maria Åkesson, who signed in the program, still has her empty line and "Ort och datum".
    maria = signatures[signatures.index("Maria Åkesson") :]
    assert maria.split("Jonas Åkesson")[0].strip() == "Maria Åkesson vårdnadshavare Ort och datum"
    # Ahmed Şahin, by video: his title, and the oral approval the secretary noted, no line.
    ahmed = signatures[signatures.index("Ahmed Şahin") :]
    assert ahmed.startswith(
        f"Ahmed Şahin psykolog verksamhetsaktör, BUP Öst Godkänt muntligt {held:%Y-%m-%d}, antecknat av Ana Đorđević"
    ), ahmed[:200]
