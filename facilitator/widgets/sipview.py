"""The SIP view's sections as screen text: the review screen and the room view lay them
out, never the widgets that edit them. User text is plain ``Content``, never markup."""

from __future__ import annotations

from textual.content import Content

from facilitator.views.sipview import Section


def section_body(section: Section, empty: str) -> Content:
    """The section's text: paragraphs, then items as bullets, then the table's rows (the
    first column plain, the rest muted); ``empty`` (muted) when it holds nothing."""
    parts: list[Content] = [Content(paragraph) for paragraph in section.paragraphs]
    if section.items:
        parts.append(Content("\n").join(Content("• ") + Content(item) for item in section.items))
    if section.table is not None and section.table.rows:
        rows = []
        for first, *rest in section.table.rows:
            row = Content(first)
            details = " · ".join(value for value in rest if value)
            if details:
                row += Content("  ") + Content.styled(details, "$text-muted")
            rows.append(row)
        parts.append(Content("\n").join(rows))
    if not parts:
        if section.heading_only:
            return Content("")
        return Content.styled(empty, "italic $text-muted")
    return Content("\n\n").join(parts)


def section_heading(section: Section) -> Content:
    if section.level > 1:
        return Content.styled(section.heading, "bold")
    return Content.styled(section.heading, "bold $text-secondary")


def sections_text(sections: list[Section], empty: str) -> Content:
    """Several sections one after the other, each under its heading."""
    return Content("\n\n").join(
        section_heading(section)
        if section.heading_only
        else section_heading(section) + Content("\n") + section_body(section, empty)
        for section in sections
    )
