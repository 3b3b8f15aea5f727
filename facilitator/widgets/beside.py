"""A form's problem shown where the cursor is: just below the field it is about."""

from __future__ import annotations

from textual.widget import Widget


def show_beside(problem: Widget, field: Widget | None) -> None:
    """Move ``problem`` (a line in the form's scrolling box) to just below ``field``, or
    below the row that holds it, and bring it into view once laid out; with no field it
    stays where it is and is brought into view."""
    parent = problem.parent
    if field is not None and isinstance(parent, Widget):
        holder: Widget | None = field
        while holder is not None and holder.parent is not parent:
            holder = holder.parent if isinstance(holder.parent, Widget) else None
        if holder is not None and holder is not problem:
            parent.move_child(problem, after=holder)
    problem.call_after_refresh(problem.scroll_visible, animate=False)
