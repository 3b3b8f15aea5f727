"""The key footer, built again only when the keys it shows change.

Textual's ``Footer`` builds all its keys anew whenever the bindings may have changed,
which is on every change of focus. In the meeting, the focus moves with every step (the
cursor goes to the step's first field), and rebuilding a dozen key widgets took about as
long as showing the step itself. The keys shown are the screen's own and do not change
with the field, so this footer compares what it would show and keeps what it has when
nothing differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen) -> tuple:
    """What a footer on ``screen`` shows: each shown binding with whether it is enabled."""
    return tuple(
        (binding.key, binding.action, binding.description, binding.key_display, enabled, tooltip)
        for (_, binding, enabled, tooltip) in screen.active_bindings.values()
        if binding.show or binding.action == "app.command_palette"
    )


class KeyFooter(Footer):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    def compose(self):
        # Textual's footer shows no key until the screen first reports its bindings, a
        # frame after the screen is drawn: the footer then came in a frame of its own.
        # The screen's keys are known when the footer is built, so they are shown at once.
        if not self._bindings_ready:
            self._bindings_ready = True
            self._shown = shown_keys(self.screen)
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        shown = shown_keys(screen)
        if shown == self._shown:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # built from these now
        super().bindings_changed(screen)
