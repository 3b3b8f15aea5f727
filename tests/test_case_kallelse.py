"""The kallelse from the case screen: F9 (or the palette) writes the kallelse of the case's
next planned meeting into the export folder, from the form as it stands, and says where."""

import io
import re
import stat
from datetime import date

from pypdf import PdfReader
from textual.widgets import Input, TextArea

from facilitator.documents import export_folder
from facilitator.screens.case import CaseScreen
from tests.screens_helpers import demo_app, edit_case_form, notices, type_text, until


def _pdf_text(path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))


async def test_f9_writes_the_kallelse_of_the_next_planned_meeting(store):
    app, _, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#question", TextArea).load_text("Frågan som den står i formuläret.")
        await pilot.press("f9")
        await until(pilot, lambda: any(n.startswith("Kallelsen är sparad") for n in shown))
        (path,) = export_folder(store).iterdir()
        assert path.name == f"Kallelse-2026-01-13-inledande-{meeting_id[:8]}.pdf"
        assert shown[-1] == f"Kallelsen är sparad som {path} (bara du kan läsa filen)."
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert app.screen is form  # still editing the case
    text = _pdf_text(path)
    for expected in (
        "Kallelse till inledande Lotsmöte",
        "Elsa Åkesson",
        "Maria Åkesson, Jonas Åkesson",
        "Frågan som den står i formuläret.",
        "Sekretessmedgivande",
        "till del eller i sin helhet",
        "Underskrift och namnförtydligande",
    ):
        assert expected in text, expected
    # Written from the form; the case itself is saved only with Ctrl+S.
    (case,) = store.list_cases()
    assert case.question.startswith("Elsa har haft svårt")


async def test_the_kallelse_from_the_command_palette(store):
    app, _, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await edit_case_form(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "kallelsen")
        await until(pilot, lambda: app.screen.query_one("CommandList").option_count > 0)
        await pilot.press("enter")
        await until(pilot, lambda: any(n.startswith("Kallelsen är sparad") for n in shown))
    (path,) = export_folder(store).iterdir()
    assert path.name.endswith(f"-{meeting_id[:8]}.pdf") and path.name.startswith("Kallelse-")


async def test_a_case_without_a_planned_meeting_says_so(store):
    app, _, _ = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseScreen)
        await type_text(pilot, "Noah Lindqvist")
        await pilot.press("f9")
        await until(pilot, lambda: bool(shown))
        assert shown == [
            "Ärendet har inget planerat möte, så det finns ingen kallelse att skriva. Spara "
            "ärendet och planera ett möte först (M på startsidan)."
        ]
        assert app.screen is form
    assert not export_folder(store).exists()


async def test_a_field_that_cannot_be_read_is_said_at_the_field(store):
    app, _, _ = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        form.query_one("#kallelse", Input).value = "13/1"
        await pilot.press("f9")
        await pilot.pause()
        assert str(form.query_one("#case-problem").visual).startswith("Datumet går inte att läsa")
        assert form.focused is form.query_one("#kallelse", Input)
    assert shown == []
    assert not export_folder(store).exists()


async def test_the_key_is_in_the_footer(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        form = await edit_case_form(app, pilot)
        keys = {binding.action: binding.description for (_, binding, _, _) in form.active_bindings.values()}
        assert keys["kallelse"] == "Kallelse (PDF)"


async def test_the_kallelse_from_f9_is_kept_as_sent_with_the_case(store):
    app, clock, meeting_id = demo_app(store)
    shown = notices(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await edit_case_form(app, pilot)
        await pilot.press("f9")
        await until(pilot, lambda: any(n.startswith("Kallelsen är sparad") for n in shown))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaseScreen))
    (path,) = export_folder(store).iterdir()
    assert "Skickad 2026-01-13" in _pdf_text(path)
    (case,) = store.list_cases()
    (sent,) = case.kallelser
    assert (sent.meeting_id, sent.on) == (meeting_id, date(2026, 1, 13))
    assert sent.sender.startswith("Karin Öberg, Solbackens skola, elevhälsan (initiativtagare)")
    assert case.history[-1].kind.value == "kallelse_sent"
