"""User text is cleaned on the way in: no controls, escapes, bidi overrides or hidden marks."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from facilitator.agenda import Person, Sip, clean_line, clean_multiline
from facilitator.agenda.cleaning import LONG_MAX, SHORT_MAX


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Åsa Öberg", "Åsa Öberg"),
        ("Đorđević Şahin Łukasz", "Đorđević Şahin Łukasz"),
        ("\x1b[31mröd\x1b[0m", "röd"),
        ("\x1b]0;titel\x07namn", "namn"),
        ("\x1b]8;;http://x\x1b\\länk\x1b]8;;\x1b\\", "länk"),
        ("a\x00b\x07c\x7fd\x85e\x9b31mf", "abcdef"),
        ("\u202eevil\u202c", "evil"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("\u2066iso\u2069", "iso"),
        ("[b]x[/b]", "[b]x[/b]"),
        ("[@click=app.quit]x", "[@click=app.quit]x"),
        ("Emoji 👨\u200d👩\u200d👧", "Emoji 👨\u200d👩\u200d👧"),
        ("a\u0308", "ä"),  # composed to NFC
    ],
)
def test_clean_multiline_removes_only_what_is_unsafe(raw, expected):
    assert clean_multiline(raw) == expected


def test_multiline_keeps_newlines_and_tabs_and_normalises_carriage_returns():
    assert clean_multiline("rad 1\r\nrad 2\rrad 3\n\tindrag") == "rad 1\nrad 2\nrad 3\n\tindrag"


def test_line_folds_whitespace_and_trims():
    assert clean_line("  Karin \n\t Öberg  ") == "Karin Öberg"


@given(st.text())
def test_cleaned_text_has_no_control_or_format_characters(raw):
    import unicodedata

    cleaned = clean_multiline(raw)
    for ch in cleaned:
        assert ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs", "Co")
        assert ch not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff"
    assert clean_multiline(cleaned) == cleaned  # idempotent


_TRICKY = "aåÄö Z\n\t\r\u00a0\u0301e\u200d\u200c\u200b\u202e\x1b[]\x9b\x07\x85👍\ue000\u0308\uac00\u1100\u1161"


@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(_TRICKY))))
def test_the_quick_check_never_lets_through_what_cleaning_would_change(raw):
    from facilitator.agenda.cleaning import _clean_multiline, is_clean

    if is_clean(raw):
        assert _clean_multiline(raw) == raw
    assert clean_multiline(raw) == _clean_multiline(raw)


def test_typed_notes_take_the_quick_path():
    from facilitator.agenda.cleaning import is_clean

    assert is_clean("Elsa berättar om morgnarna.\n\tPappa: ”bättre nu”, säger han – 3 gånger.")
    assert not is_clean("röd\x1b[31m")
    assert not is_clean("a\u0308")  # not NFC


def test_models_clean_their_text_fields():
    person = Person(name="\x1b[1mAnna\x1b[0m\nÖberg", organisation="BUP\u202e")
    assert person.name == "Anna Öberg"
    assert person.organisation == "BUP"
    sip = Sip(family_story="Rad ett\r\nRad två\x1b[2J")
    assert sip.family_story == "Rad ett\nRad två"


def test_assignment_is_cleaned_too():
    sip = Sip()
    sip.notes = "ok\x1b[31m"
    assert sip.notes == "ok"


def test_length_limits():
    Person(name="x" * SHORT_MAX)
    with pytest.raises(ValidationError):
        Person(name="x" * (SHORT_MAX + 1))
    Sip(notes="y" * LONG_MAX)
    with pytest.raises(ValidationError):
        Sip(notes="y" * (LONG_MAX + 1))
