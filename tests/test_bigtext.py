"""Big letters for the child's view: every line of the shipped agendas can be drawn, and
what is drawn reads back as the same words."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from facilitator.widgets.bigtext import CELL_WIDTH, LINE_ROWS, big_text, read_big
from facilitator.widgets.childroom import RESERVED_ROWS

TEMPLATES = Path(__file__).parent.parent / "facilitator" / "agenda" / "templates"
CHILD_LINES = [
    step["child"]
    for path in sorted(TEMPLATES.glob("*.toml"))
    for step in tomllib.loads(path.read_text(encoding="utf-8"))["steps"]
    if step.get("child")
]


def _drawn(text: str) -> str:
    return " ".join(text.split()).upper().replace("–", "-")


@pytest.mark.parametrize(("width", "height"), [(88, 30), (148, 45)])  # the line's room at 100×30, 160×45
def test_every_childs_line_of_the_agendas_is_drawn_big_and_reads_back(width, height):
    assert len(CHILD_LINES) >= 25
    for line in CHILD_LINES:
        rows = big_text(line, width)
        assert rows is not None, line
        assert len(rows) <= height - RESERVED_ROWS, line  # fits beside the marks, the bar and "Sedan"
        assert len(rows) % LINE_ROWS == 0 and all(len(row) == width for row in rows)
        assert read_big(rows) == _drawn(line)


def test_a_line_is_three_rows_and_a_letter_four_cells():
    rows = big_text("Paus", 40)
    assert len(rows) == LINE_ROWS
    assert len("".join(rows).strip()) > 0
    assert big_text("Hej du", 4 * CELL_WIDTH) is not None  # one word a line
    assert big_text("Sammanfattning", 4 * CELL_WIDTH) is None  # a word wider than the room
    assert big_text("Ω", 40) is None  # no glyph: shown as text instead
    assert read_big(big_text("Café", 40)) == "CAFE"


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäö ABCÅÄÖ0123456789.,!?:-()'", min_size=1, max_size=80))
def test_any_words_read_back_as_drawn(text):
    words = text.split()
    assume(words and all(len(w) <= 22 and any(c.isalnum() for c in w) for w in words))
    rows = big_text(text, 88)
    assert rows is not None
    assert read_big(rows) == _drawn(text)
