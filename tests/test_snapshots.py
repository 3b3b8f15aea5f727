"""How the screens look, at a projector's size and at the smallest supported one."""

import pytest

from facilitator.agenda import ManualClock
from facilitator.app import FacilitatorApp
from facilitator.demo import DEMO_MEETING_ID, demo_case
from tests.conftest import STOCKHOLM


@pytest.fixture
def demo_app(store):
    from datetime import datetime

    case, meeting = demo_case(datetime(2026, 1, 13, 8, 50, tzinfo=STOCKHOLM))
    store.save_case(case)
    store.save_meeting(meeting)
    return FacilitatorApp(store=store, clock=ManualClock(), focus_meeting=DEMO_MEETING_ID)


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
def test_start_screen(snap_compare, demo_app, size):
    assert snap_compare(demo_app, terminal_size=size)
