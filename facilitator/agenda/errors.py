"""Errors of the domain that the command line must know before it loads the models:
importing this module loads nothing else."""

from __future__ import annotations

from enum import StrEnum


class AgendaProblem(StrEnum):
    """Why an agenda file cannot be used: what a person is told is made from this."""

    NOT_A_FILE = "not_a_file"
    """A folder, a pipe, a device: only regular files are read."""
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    """The file system refused it (permissions, a broken disk)."""
    NOT_UTF8 = "not_utf8"
    NOT_TOML = "not_toml"
    TOO_DEEP = "too_deep"
    """Nested deeper than an agenda ever is."""
    BAD_VALUE = "bad_value"
    """A field is missing, of the wrong type or out of range."""
    INCONSISTENT = "inconsistent"
    """The fields do not fit together (the steps' minutes, the phases)."""
    WRONG_KIND = "wrong_kind"
    """The agenda of another kind of meeting."""


class TemplateError(Exception):
    """An agenda file could not be read or is not a valid agenda.

    ``code`` says what is wrong, ``line`` where (when known), ``field`` which field (a
    dotted path such as ``steps.2.minutes``), ``detail`` the code of the field's
    problem (``less_than_equal``, ``minutes_sum`` …) and ``context`` its numbers;
    ``problem`` is an English line for the developer."""

    def __init__(
        self,
        path: str,
        problem: str,
        code: AgendaProblem = AgendaProblem.BAD_VALUE,
        *,
        line: int | None = None,
        field: str = "",
        detail: str = "",
        context: dict[str, object] | None = None,
    ):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.code = code
        self.line = line
        self.field = field
        self.detail = detail
        self.context = dict(context or {})
