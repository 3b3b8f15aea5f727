"""The key footer keeps its keys while the focus moves, and shows a change of keys."""

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from facilitator.widgets.footer import KeyFooter
from tests.screens_helpers import demo_app, open_meeting, screen_lines


class Keys(Screen):
    BINDINGS = [Binding("f4", "next", "Nästa steg"), Binding("f5", "pause", "Paus")]
    paused_allowed = True

    def compose(self):
        yield Input(id="a")
        yield Input(id="b")
        yield KeyFooter()

    def check_action(self, action, parameters):
        return None if action == "pause" and not self.paused_allowed else True

    def action_next(self) -> None:
        pass

    def action_pause(self) -> None:
        pass


class KeysApp(App):
    def on_mount(self) -> None:
        self.push_screen(Keys())


async def test_moving_the_focus_keeps_the_keys_and_a_change_of_keys_shows():
    app = KeysApp()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        keys = list(screen.query("FooterKey"))
        assert [key.description for key in keys][:2] == ["Nästa steg", "Paus"]
        await pilot.press("tab")
        await pilot.pause()
        assert list(screen.query("FooterKey")) == keys  # the same widgets, not built again
        screen.paused_allowed = False
        screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        now = list(screen.query("FooterKey"))
        assert now != keys
        assert [key.description for key in now if key.has_class("-disabled")] == ["Paus"]
        assert "Nästa steg" in screen_lines(app)[-1]


async def test_the_meeting_footer_is_not_rebuilt_by_a_step_change(store):
    app, _, _ = demo_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        keys = list(screen.query("FooterKey"))
        await pilot.press("f4", "f4")
        await pilot.pause()
        assert list(screen.query("FooterKey")) == keys
        bottom = screen_lines(app)[-1]
        for key in ("f4 Nästa steg", "f5 Start/paus", "f8 +1 min", "f9 Fördela om", "f1 Hjälp"):
            assert key in bottom, bottom
