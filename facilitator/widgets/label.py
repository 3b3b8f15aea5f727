"""Updating a one-line label without laying out the whole screen."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def relabel(label: Static, content: str | Content) -> None:
    """Show ``content`` (text, never markup) in ``label``.

    ``Static.update`` lays out the whole screen each time, which during a meeting costs
    a stall every save and every minute. A label that keeps its width only needs a
    repaint; the screen is laid out only when the width changes.
    """
    new = content if isinstance(content, Content) else Content(content)
    old = label.visual
    same_width = isinstance(old, Content) and old.cell_length == new.cell_length
    label.update(new, layout=not same_width)
