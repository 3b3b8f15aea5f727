"""A whole first meeting, driven with the keys the secretary uses, on an injected clock."""

from datetime import date

import pytest
from textual.widgets import Input, Select, TextArea

from facilitator.agenda import ActionStatus, Authority, MeetingStatus, Role, StepStatus
from facilitator.agenda.kinds import ChildParticipation, MissingCode
from facilitator.dialogs.action import ActionDialog
from facilitator.dialogs.person import PersonDialog
from facilitator.screens.review import ReviewScreen
from facilitator.screens.summary import SummaryScreen
from facilitator.widgets.lists import EditTable
from tests.screens_helpers import demo_app, open_meeting, paste, saved, text_of, type_text


async def _close(pilot, clock, minutes: float) -> None:
    clock.advance(minutes * 60)
    await pilot.press("f4")
    await pilot.pause()


@pytest.mark.slow
async def test_a_whole_first_meeting_is_stored_field_by_field(store):
    app, clock, meeting_id = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        assert screen.timebox.running

        # 1 Presentationsrunda: the cursor is in the round's notes; the table adds a person
        # with Ctrl+N, whose role is chosen (Enter on "verksamhetsaktör").
        assert app.focused.id == "f-introductions"
        await type_text(pilot, "Alla presenterade sig.")
        screen.query_one("#attendance", EditTable).focus()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, PersonDialog)
        await type_text(pilot, "Märta Ödegård")
        await pilot.press("enter")
        await type_text(pilot, "Habilitering")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Välj minst en roll" in text_of(app.screen, "#problem")  # never assumed
        app.screen.query_one("#person-roles").focus()
        await pilot.press(*["down"] * 4, "enter", "ctrl+s")
        await pilot.pause()
        assert screen.session.meeting.attendance[-1].name == "Märta Ödegård"
        assert screen.session.meeting.attendance[-1].roles == [Role.PROFESSIONAL]
        await _close(pilot, clock, 6)

        # 2 Sekretess: the person outside the consent is named; confirm with Enter.
        assert "Łukasz Nowak" in text_of(screen, "#consent-flags")
        assert "Märta Ödegård" in text_of(screen, "#consent-flags")
        await pilot.press("enter")
        await _close(pilot, clock, 3)

        # 3–6: free text, typed at once because the focus is in the field.
        texts = {
            "purpose": "Samordna stödet för Elsa.",
            "family_story": "Morgnarna är svåra.\nPappa är orolig.",
            "professionals_story": "Hög frånvaro i skolan.",
            "notes": "Skolskjuts? Ja, från v. 6.",
        }
        pasted = "\nUr BUP:s bedömning: ångest, ingen ADHD-utredning ännu. Đorđe på BUP följer upp."
        for field, text in texts.items():
            assert isinstance(app.focused, TextArea)
            assert app.focused.field == field
            await type_text(pilot, text)
            if field == "professionals_story":
                await paste(pilot, pasted)
                texts[field] = text + pasted
            await _close(pilot, clock, 5)

        # 7 Dialog: the reflection first, then two goals, three actions.
        assert app.focused.field == "reflection"
        await type_text(pilot, "Alla ser samma mönster.")
        screen.query_one("#goal-text").focus()
        await type_text(pilot, "Skolan 3 dagar/vecka")
        await pilot.press("enter")
        await type_text(pilot, "Mindre oro på kvällarna")
        await pilot.press("tab", "tab")  # past the horizon to the line for the child
        assert app.focused.id == "goal-child"
        await type_text(pilot, "Du är mindre orolig på kvällarna")
        await pilot.press("enter")
        assert app.focused.id == "goal-text"
        assert [g.text for g in screen.session.meeting.sip.goals] == [
            "Skolan 3 dagar/vecka",
            "Mindre oro på kvällarna",
        ]
        actions = screen.query_one("#actions", EditTable)
        actions.focus()
        people = {p.name: p for p in screen.session.meeting.attendance}
        plan = [
            ("Anpassat schema", "Karin Öberg", Authority.KOMMUN, "2026-02-01"),
            ("Samtal på BUP", "Ahmed Şahin", Authority.REGION, "2026-02-15"),
            ("Föräldrastöd", "Ana Đorđević", Authority.KOMMUN, ""),
        ]
        for what, who, authority, due in plan:
            await pilot.press("ctrl+n")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ActionDialog)
            await type_text(pilot, what)
            if what == "Samtal på BUP":
                await pilot.press("tab")
                assert app.focused.id == "action-child"
                await type_text(pilot, "Du pratar med Ahmed om oron")
            dialog.query_one("#action-who", Select).value = people[who].id
            dialog.query_one("#action-authority", Select).value = authority
            await pilot.pause()
            assert dialog.query_one("#action-organisation", Input).value == people[who].organisation
            dialog.query_one("#action-due", Input).value = due
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert len(screen.session.meeting.sip.actions) == 3
        await _close(pilot, clock, 22)

        # 8 Val av lots, and the authority with overall responsibility.
        screen.query_one("#navigator", Select).value = people["Ahmed Şahin"].id
        await pilot.pause()
        assert screen.query_one("#navigator-phone", Input).value == "010-111 22 33"
        screen.query_one("#lead-authority", Select).value = Authority.KOMMUN
        screen.query_one("#lead-organisation", Input).focus()
        await type_text(pilot, "Socialtjänsten")
        await _close(pilot, clock, 5)

        # 9 Sammanfattning: the summary and whether an actor is missing, views, the
        # child's absence explained, who comes next time.
        assert app.focused.field == "summary"
        await type_text(pilot, "Skolan anpassar, BUP följer upp.")
        await pilot.press("tab")
        assert app.focused.field == "child_summary"
        await type_text(pilot, "Skolan och BUP hjälper dig.")
        await pilot.press("tab")
        assert app.focused.field == "missing_actors"
        await type_text(pilot, "Skolsköterskan.")
        await pilot.press("tab")
        assert app.focused.field == "child_view"
        await type_text(pilot, "Börja senare på morgonen.")
        await pilot.press("tab")
        assert app.focused.field == "child_view_relayed_by"
        await type_text(pilot, "pappa")  # the child was not there: her father told her view
        await pilot.press("tab")
        await type_text(pilot, "Nöjda med planen.")
        await pilot.press("tab")
        assert app.focused.id == "participation"
        await pilot.press("down", "down", "down", "enter")  # the whole, part, remote, not at all
        await pilot.pause()
        await pilot.press("tab")
        assert app.focused.id == "f-child_absence_reason"
        await type_text(pilot, "Orkade inte; hördes före.")
        screen.query_one("#next-attendees").focus()
        await pilot.press("enter", "down", "enter")
        await _close(pilot, clock, 10)

        # 10 Uppföljning: next meeting, signatures.
        assert app.focused.id == "next-date"
        await type_text(pilot, "2026-03-03")
        await pilot.press("tab")
        await pilot.press("ctrl+u")
        await type_text(pilot, "13.15")
        screen.query_one("#next-place").focus()
        await type_text(pilot, "Skolan")
        assert "Nästa möte: 2026-03-03 kl. 13.15" in text_of(screen, "#next-status")
        screen.query_one("#signatures").focus()
        await pilot.press("enter", "down", "enter")
        clock.advance(7 * 60)

        # The last F4 shows the review first; nothing is missing; F4 ends the meeting.
        await pilot.press("f4")
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        # Only the two the consent does not cover: the demo's fritidsgård and the
        # habilitering added in the presentation round.
        assert [(p.code, p.detail) for p in review.missing] == [
            (MissingCode.NOT_COVERED, "Łukasz Nowak (Fritidsgården Kometen)"),
            (MissingCode.NOT_COVERED, "Märta Ödegård (Habilitering)"),
        ]
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert "Totalt: planerat 90:00, faktiskt 73:00" in text_of(app.screen, "#bars")
        await saved(screen)

    stored = store.load_meeting(meeting_id)
    sip = stored.sip
    assert stored.status is MeetingStatus.FINISHED
    assert all(step.status is StepStatus.DONE for step in stored.steps)
    assert [round(s.elapsed_ns / 60e9) for s in stored.steps] == [6, 3, 5, 5, 5, 5, 22, 5, 10, 7]
    assert stored.attendance[-1].name == "Märta Ödegård"
    assert stored.attendance[-1].organisation == "Habilitering"
    assert sip.consent_confirmed is True
    for field, text in texts.items():
        assert getattr(sip, field) == text
    assert [g.text for g in sip.goals][1] == "Mindre oro på kvällarna"
    assert [(a.what, a.responsible, a.organisation, a.authority, a.due) for a in sip.actions] == [
        ("Anpassat schema", "Karin Öberg", "Solbackens skola, elevhälsan", Authority.KOMMUN, date(2026, 2, 1)),
        ("Samtal på BUP", "Ahmed Şahin", "BUP Öst", Authority.REGION, date(2026, 2, 15)),
        ("Föräldrastöd", "Ana Đorđević", "Socialtjänsten, familjeenheten", Authority.KOMMUN, None),
    ]
    assert all(a.status is ActionStatus.PLANNED for a in sip.actions)
    assert sip.navigator.name == "Ahmed Şahin"
    assert sip.navigator.phone == "010-111 22 33"
    assert sip.lead_authority.authority is Authority.KOMMUN
    assert sip.lead_authority.organisation == "Socialtjänsten"
    assert sip.reflection == "Alla ser samma mönster."
    assert (sip.summary, sip.missing_actors) == ("Skolan anpassar, BUP följer upp.", "Skolsköterskan.")
    assert sip.child_view == "Börja senare på morgonen."
    assert (sip.child_summary, sip.child_view_relayed_by) == ("Skolan och BUP hjälper dig.", "pappa")
    assert [g.child for g in sip.goals] == ["", "Du är mindre orolig på kvällarna"]
    assert [a.child for a in sip.actions] == ["", "Du pratar med Ahmed om oron", ""]
    assert sip.child_focus == sip.actions[-1].id  # the insats added last
    assert sip.guardians_view == "Nöjda med planen."
    assert sip.child_participation is ChildParticipation.NONE
    assert sip.child_absence_reason == "Orkade inte; hördes före."
    assert sip.next_meeting.attendees == ["Maria Åkesson", "Jonas Åkesson"]
    assert f"{sip.next_meeting.start:%Y-%m-%d %H.%M}" == "2026-03-03 13.15"
    assert sip.next_meeting.place == "Skolan"
    assert [s.name for s in sip.signatures] == ["Maria Åkesson", "Jonas Åkesson"]
    assert store.revisions(stored.case_id)[0].sip == sip
