"""The command palette: every action of the current screen by its Swedish name, with the
key that does the same shown from the screen's own binding."""

from __future__ import annotations

from functools import partial
from inspect import isawaitable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from facilitator import strings as sv


class MeetingCommands(Provider):
    """Offers the actions of the screen below the palette, named as in ``strings``."""

    def _keys(self) -> dict[str, str]:
        """Action id → the key that runs it on this screen."""
        keys: dict[str, str] = {}
        for binding in getattr(self.screen, "BINDINGS", []):
            if isinstance(binding, Binding):
                keys.setdefault(binding.action, self.app.get_key_display(binding))
        return keys

    def _commands(self):
        screen = self.screen
        keys = self._keys()
        for entry, (name, help_text) in sv.PALETTE.items():
            action, *arguments = entry if isinstance(entry, tuple) else (entry,)
            if not hasattr(screen, f"action_{action}") or screen.check_action(action, ()) is False:
                continue
            if action in keys:
                help_text = f"{help_text} ({keys[action]})"
            yield name, help_text, partial(self._run, action, tuple(arguments))

    async def _run(self, action: str, arguments: tuple[str, ...]) -> None:
        result = getattr(self.screen, f"action_{action}")(*arguments)
        if isawaitable(result):
            await result

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                found = True
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        if found or any(matcher.match(command[0]) > 0 for command in self.app.get_system_commands(self.screen)):
            return
        # Nothing by that name: said here, in Swedish (Textual's palette would say
        # "No matches found").
        yield Hit(
            0.0001, sv.PALETTE_NO_MATCH, _nothing, text=sv.PALETTE_NO_MATCH, help=sv.PALETTE_NO_MATCH_HELP
        )


def _nothing() -> None:
    """What the no-match line does when chosen: nothing."""
