"""The three agendas of the design, as shipped data, validated; scaling keeps exact sums."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.agenda import (
    NS_PER_MIN,
    Capture,
    MeetingKind,
    TemplateError,
    default_template,
    load_template,
    scale_minutes,
    scaled,
    step_runs,
)

DESIGN = {
    MeetingKind.FIRST: [
        ("Presentationsrunda", 5, ["attendance"]),
        ("Sekretess", 3, ["consent"]),
        ("Modellens struktur och mötets syfte", 5, ["purpose"]),
        ("Familjens berättelse (ostört)", 15, ["family_story"]),
        ("Professionernas berättelse (ostört)", 10, ["professionals_story"]),
        ("Frågestund", 10, ["notes"]),
        ("Dialog", 20, ["reflection", "goals", "actions"]),
        ("Val av lots", 5, ["navigator", "lead_authority"]),
        ("Sammanfattning", 10, ["summary", "views", "participation", "next_attendees"]),
        ("Uppföljning, underskrift och utdelning SIP", 7, ["next_meeting", "signatures"]),
    ],
    MeetingKind.FOLLOW_UP: [
        ("Presentationsrunda", 5, None),
        ("Inledning och sekretess", 3, None),
        ("Familjens berättelse (sedan förra mötet)", 10, None),
        ("Nya aktörer", 5, None),
        ("Professionernas redogörelse", 10, None),
        ("Frågestund", 5, None),
        ("Dialog", 12, ["reflection", "goal_status", "actions"]),
        ("Sammanfattning (SIP revideras)", 5, None),
        ("Uppföljning, underskrift och utdelning", 5, None),
    ],
    MeetingKind.CLOSING: [
        ("Presentationsrunda", 5, None),
        ("Inledning och sekretess", 3, None),
        ("Familjens berättelse", 10, None),
        ("Professionernas redogörelse", 10, None),
        ("Frågestund", 5, None),
        ("Gemensam reflektion", 12, ["reflection", "goal_status", "evaluation"]),
        ("Om bekymmer uppstår igen", 5, ["if_worse"]),
        ("Sammanfattning och avslut", 5, None),
        ("Underskrift och utdelning", 5, None),
    ],
}


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_agendas_match_the_design(kind):
    template = default_template(kind)
    assert template.kind is kind
    assert [(s.title, s.minutes) for s in template.steps] == [(t, m) for t, m, _ in DESIGN[kind]]
    for step, (_, _, captures) in zip(template.steps, DESIGN[kind], strict=True):
        if captures is not None:
            assert [c.value for c in step.captures] == captures
        assert step.guidance, f"{step.key} has no guidance"
    assert template.minutes == {MeetingKind.FIRST: 90}.get(kind, 60)


def test_first_meeting_phases_frame_the_steps_as_designed():
    template = default_template(MeetingKind.FIRST)
    assert [p.title for p in template.phases] == [
        "Inledning, sekretess och berättelse",
        "Dialog, mål och handlingsplan",
        "Sammanfattning, SIP och praktiska detaljer",
    ]
    groups = [template.phase_of(s.key).key for s in template.steps]
    assert groups == ["opening"] * 5 + ["dialogue"] * 3 + ["summary"] * 2


def test_new_participants_step_is_skippable_and_status_is_captured():
    template = default_template(MeetingKind.FOLLOW_UP)
    assert template.step("new_participants").skip_unless == "new_participants"
    assert Capture.ACTION_STATUS in template.step("professionals_report").captures


@pytest.mark.parametrize("kind", list(MeetingKind))
def test_scaling_to_own_length_is_identity(kind):
    template = default_template(kind)
    assert scaled(template, template.minutes) == [s.minutes for s in template.steps]


def test_scaling_first_meeting_to_an_hour():
    assert sum(scaled(default_template(MeetingKind.FIRST), 60)) == 60


@given(
    weights=st.lists(st.integers(min_value=1, max_value=60), min_size=1, max_size=20),
    total=st.integers(min_value=0, max_value=240),
)
def test_scale_keeps_whole_minutes_and_exact_sum(weights, total):
    minutes = scale_minutes(weights, total)
    assert sum(minutes) == total
    assert len(minutes) == len(weights)
    if total >= len(weights):
        assert min(minutes) >= 1
    # No step is more than two minutes off its exact share (one for rounding, one for
    # the minimum of one minute).
    exact = [total * w / sum(weights) for w in weights]
    assert all(abs(m - e) < 2 + len(weights) for m, e in zip(minutes, exact, strict=True))


def test_step_runs_carry_nanoseconds():
    runs = step_runs(default_template(MeetingKind.CLOSING), 60)
    assert sum(r.planned_ns for r in runs) == 60 * NS_PER_MIN
    assert all(r.allotted_ns == r.planned_ns for r in runs)


def test_user_override_from_config_dir(tmp_path):
    agendas = tmp_path / "agendas"
    agendas.mkdir()
    text = (
        'kind = "closing"\ntitle = "Eget avslut"\nminutes = 30\n'
        '[[phases]]\nkey = "all"\ntitle = "Allt"\n'
        '[[steps]]\nkey = "talk"\ntitle = "Samtal"\nminutes = 25\nphase = "all"\n'
        '[[steps]]\nkey = "sign"\ntitle = "Underskrift"\nminutes = 5\nphase = "all"\n'
        'captures = ["signatures"]\n'
    )
    (agendas / "closing.toml").write_text(text, encoding="utf-8")
    template = load_template(MeetingKind.CLOSING, tmp_path)
    assert template.title == "Eget avslut"
    assert [s.key for s in template.steps] == ["talk", "sign"]
    # Other kinds still come from the package.
    assert load_template(MeetingKind.FIRST, tmp_path).minutes == 90


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("kind = ", "not valid TOML"),
        ('kind = "closing"\ntitle = "x"\nminutes = 60\nphases = []\nsteps = []', "phases"),
        (
            'kind = "closing"\ntitle = "x"\nminutes = 60\n[[phases]]\nkey="a"\ntitle="A"\n'
            '[[steps]]\nkey="s"\ntitle="S"\nminutes=50\nphase="a"\n',
            "add up to 50 minutes, not 60",
        ),
        (
            'kind = "closing"\ntitle = "x"\nminutes = 15\n[[phases]]\nkey="a"\ntitle="A"\n'
            '[[steps]]\nkey="s"\ntitle="S"\nminutes=15\nphase="b"\n',
            "unknown phase",
        ),
        (
            'kind = "first"\ntitle = "x"\nminutes = 15\n[[phases]]\nkey="a"\ntitle="A"\n'
            '[[steps]]\nkey="s"\ntitle="S"\nminutes=15\nphase="a"\n',
            "expected 'closing'",
        ),
        (
            'kind = "closing"\ntitle = "x"\nminutes = 15\n[[phases]]\nkey="a"\ntitle="A"\n'
            '[[steps]]\nkey="s"\ntitle="S"\nminutes=15\nphase="a"\ncaptures=["magic"]\n',
            "steps.0.captures.0",
        ),
    ],
)
def test_bad_override_is_reported_with_its_path(tmp_path, text, problem):
    (tmp_path / "agendas").mkdir()
    path = tmp_path / "agendas" / "closing.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(MeetingKind.CLOSING, tmp_path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)
