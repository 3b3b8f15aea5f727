"""The command palette: every action of the current screen by its Swedish name."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from facilitator import strings as sv


class MeetingCommands(Provider):
    """Offers the actions of the screen below the palette, named as in ``strings``."""

    def _commands(self):
        screen = self.screen
        for action, (name, help_text) in sv.PALETTE.items():
            method = action.partition("(")[0]
            if hasattr(screen, f"action_{method}") and screen.check_action(method, ()) is not False:
                yield name, help_text, partial(screen.run_action, action)

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
