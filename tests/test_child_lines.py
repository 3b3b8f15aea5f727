"""Each step of the three agendas in a child's words, and the fallback for a step run that
has no line of its own (a meeting stored before the lines existed, a user's own agenda)."""

from __future__ import annotations

import re
from datetime import datetime

import pytest

from facilitator import strings as sv
from facilitator.agenda.meetings import plan_meeting
from facilitator.agenda.models import Meeting, MeetingKind, StepRun
from facilitator.agenda.templates import default_template, load_template, step_runs
from facilitator.views.childview import child_line, default_child_lines

from .conftest import STOCKHOLM, full_case

LONGEST = 140
"""A child reads the line on the projector in one look: one or two short sentences."""

JARGON = (
    "sip",
    "huvudman",
    "huvudmän",
    "insats",
    "åtgärd",
    "verksamhet",
    "aktör",
    "sekretess",
    "samtycke",
    "medgivande",
    "vårdnadshavare",
    "profession",
    "nuläge",
    "samordn",
    "lotsprocess",
    "revider",
    "utredning",
    "bedömning",
    "frågeställning",
    "samtalsledare",
    "initiativtagare",
    "delaktighet",
    "nätverk",
)
"""Words of the adults' routine that a child of 8–15 does not know (word beginnings)."""

STEPS = [(kind, step.key) for kind in MeetingKind for step in default_template(kind).steps]


def _words(text: str) -> list[str]:
    return re.findall(r"[\wåäö]+", text.casefold())


@pytest.mark.parametrize(("kind", "key"), STEPS)
def test_every_step_of_every_agenda_has_a_childs_line(kind, key):
    line = default_template(kind).step(key).child
    assert line.strip(), f"{kind.value}.toml: step {key!r} has no child line"
    assert len(line) <= LONGEST, (key, len(line))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]
    assert 1 <= len(sentences) <= 2, line
    assert line.strip()[-1] in ".!?", line
    jargon = [w for w in _words(line) if w.startswith(JARGON)]
    assert not jargon, (key, jargon)


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_the_lines_speak_to_the_child(kind):
    """The child is "du": most lines say du, dig, din or dina, and none speaks of the
    child in the third person."""
    lines = [step.child for step in default_template(kind).steps]
    to_you = [line for line in lines if {"du", "dig", "din", "dina"} & set(_words(line))]
    assert len(to_you) >= len(lines) * 2 // 3
    assert not [line for line in lines if {"barnet", "barnets"} & set(_words(line))]


def test_the_lots_is_explained_where_it_is_chosen():
    line = default_template(MeetingKind.FIRST).step("navigator").child
    assert "lots" in _words(line) and "vuxen" in _words(line)


def test_a_word_at_a_word_beginning_is_found():
    assert [w for w in _words("Nu samordnas SIP:en.") if w.startswith(JARGON)] == ["samordnas", "sip"]
    assert [w for w in _words("Nu bestämmer vi vem.") if w.startswith(JARGON)] == []


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_a_planned_meeting_carries_the_lines(kind):
    meeting = plan_meeting(full_case(), kind, datetime(2026, 3, 24, 9, tzinfo=STOCKHOLM))
    template = default_template(kind)
    assert [s.child for s in meeting.steps] == [template.step(s.key).child for s in meeting.steps]
    assert all(child_line(s, kind) == s.child for s in meeting.steps)


def _run(key: str, child: str = "") -> StepRun:
    return StepRun(key=key, title="Ett steg", child=child, planned_ns=0, allotted_ns=0)


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_the_steps_own_line_comes_first(kind):
    line = "Nu leker vi en stund. Sedan fortsätter mötet."
    assert child_line(_run("introductions", line), kind) == line


@pytest.mark.parametrize(("kind", "key"), STEPS)
def test_a_step_without_a_line_gets_the_default_agendas_line(kind, key):
    assert child_line(_run(key), kind) == default_template(kind).step(key).child


def test_the_default_line_is_the_one_of_the_meetings_kind():
    """The same step key says different things at different meetings."""
    first = child_line(_run("confidentiality"), MeetingKind.FIRST)
    closing = child_line(_run("confidentiality"), MeetingKind.CLOSING)
    assert first != closing and "sista" in closing


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_a_step_no_agenda_knows_gets_the_plain_line(kind):
    assert child_line(_run("fika"), kind) == sv.CHILD_STEP_GENERIC
    assert child_line(_run("fika", "   "), kind) == sv.CHILD_STEP_GENERIC
    assert len(sv.CHILD_STEP_GENERIC) <= LONGEST


def test_the_default_lines_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        default_child_lines(MeetingKind.FIRST)["introductions"] = "x"  # type: ignore[index]


def test_a_meeting_stored_before_the_lines_existed_falls_back():
    meeting = plan_meeting(full_case(), MeetingKind.FOLLOW_UP, datetime(2026, 3, 24, 9, tzinfo=STOCKHOLM))
    stored = meeting.model_dump(mode="json")
    for step in stored["steps"]:
        del step["child"]
    old = Meeting.model_validate(stored)
    assert all(s.child == "" for s in old.steps)
    assert [child_line(s, old.kind) for s in old.steps] == [s.child for s in meeting.steps]


def test_a_users_agenda_without_child_lines_loads_and_falls_back(tmp_path):
    agendas = tmp_path / "agendas"
    agendas.mkdir()
    text = (
        'kind = "closing"\ntitle = "Eget avslut"\nminutes = 30\n'
        '[[phases]]\nkey = "all"\ntitle = "Allt"\n'
        '[[steps]]\nkey = "family_story"\ntitle = "Familjen berättar"\nminutes = 10\nphase = "all"\n'
        '[[steps]]\nkey = "talk"\ntitle = "Samtal"\nminutes = 15\nphase = "all"\n'
        '[[steps]]\nkey = "sign"\ntitle = "Underskrift"\nminutes = 5\nphase = "all"\n'
        'child = "Nu skriver vi under."\n'
    )
    (agendas / "closing.toml").write_text(text, encoding="utf-8")
    runs = step_runs(load_template(MeetingKind.CLOSING, tmp_path))
    assert [s.child for s in runs] == ["", "", "Nu skriver vi under."]
    assert [child_line(s, MeetingKind.CLOSING) for s in runs] == [
        default_template(MeetingKind.CLOSING).step("family_story").child,
        sv.CHILD_STEP_GENERIC,
        "Nu skriver vi under.",
    ]



@pytest.mark.parametrize("kind", list(MeetingKind))
def test_the_sekretess_line_says_the_child_said_yes_only_when_the_childs_consent_is_recorded(kind):
    from datetime import date

    from facilitator.agenda.kinds import Capture, ConsentParty
    from facilitator.agenda.models import Consent, ConsentGiver

    steps = step_runs(default_template(kind))
    (step,) = [s for s in steps if Capture.CONSENT in s.captures]
    assert sv.CHILD_CONSENT_BOTH in step.child  # what the agendas say
    parents = Consent(givers=[ConsentGiver(name="Maria Åkesson", on=date(2026, 3, 1))], given_on=date(2026, 3, 1))
    child = parents.model_copy(
        update={"givers": [*parents.givers, ConsentGiver(party=ConsentParty.CHILD, name="Elsa", on=date(2026, 3, 1))]}
    )
    assert child_line(step, kind, child) == step.child
    said = child_line(step, kind, parents)
    assert sv.CHILD_CONSENT_BOTH not in said and sv.CHILD_CONSENT_PARENTS in said
    assert said == step.child.replace("du och dina föräldrar", "dina föräldrar")
    assert sv.CHILD_CONSENT_BOTH not in child_line(_run(step.key), kind, Consent())  # the default line too
    assert child_line(step, kind) == step.child  # no case to read the consent from: the line as written
    assert [child_line(s, kind, parents) for s in steps if s is not step] == [s.child for s in steps if s is not step]
