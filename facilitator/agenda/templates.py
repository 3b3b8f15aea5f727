"""Agenda templates: the three meeting agendas as data files, validated on load.

The defaults ship in ``facilitator/agenda/templates/*.toml``. A file with the same name
in ``<config dir>/agendas/`` replaces the default for that meeting kind. People copy and
edit those files, so a file is read with care: only a regular file, at most
``MAX_AGENDA_BYTES``, and whatever is wrong with it is a ``TemplateError`` with a code
(and the line, where it can be told), never another exception. ``Agendas`` holds the
agendas as checked, so that what happens at the end of a meeting reads no file.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import tomllib
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from facilitator.agenda.apportion import apportion
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.errors import AgendaProblem, TemplateError
from facilitator.agenda.models import Capture, MeetingKind, Model, SkipRule, StepRun
from facilitator.agenda.text import Line, Sentence


class Phase(Model):
    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    title: Line


class StepTemplate(Model):
    key: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    title: Line
    minutes: Annotated[int, Field(ge=1, le=120)]
    phase: str
    captures: Annotated[list[Capture], Field(max_length=6)] = []
    guidance: Sentence = ""
    child: Sentence = ""
    """The step in words a child of 8–15 understands, for the child's view."""
    skip_unless: SkipRule | None = None


class AgendaTemplate(Model):
    kind: MeetingKind
    title: Line
    minutes: Annotated[int, Field(ge=15, le=240)]
    phases: Annotated[list[Phase], Field(min_length=1, max_length=6)]
    steps: Annotated[list[StepTemplate], Field(min_length=1, max_length=30)]

    @model_validator(mode="after")
    def _consistent(self) -> AgendaTemplate:
        # Custom errors: a code and numbers to say it from, and the step it is about.
        keys = [step.key for step in self.steps]
        if len(set(keys)) != len(keys):
            raise PydanticCustomError("duplicate_step", "two steps share a key")
        phase_keys = [phase.key for phase in self.phases]
        if len(set(phase_keys)) != len(phase_keys):
            raise PydanticCustomError("duplicate_phase", "two phases share a key")
        for index, step in enumerate(self.steps):
            if step.phase not in phase_keys:
                raise PydanticCustomError(
                    "unknown_phase",
                    "step {step} names an unknown phase {phase}",
                    {"step": step.key, "phase": step.phase, "index": index},
                )
        order = [phase_keys.index(step.phase) for step in self.steps]
        if order != sorted(order):
            raise PydanticCustomError("phase_order", "steps must follow the order of the phases")
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise PydanticCustomError(
                "minutes_sum",
                "the steps add up to {total} minutes, not {minutes}",
                {"total": total, "minutes": self.minutes},
            )
        return self

    def step(self, key: str) -> StepTemplate:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def phase_of(self, key: str) -> Phase:
        phase_key = self.step(key).phase
        return next(phase for phase in self.phases if phase.key == phase_key)




MAX_AGENDA_BYTES = 256 * 1024
"""The largest agenda file read: the shipped ones are a few kilobytes."""

_INCONSISTENT = {"duplicate_step", "duplicate_phase", "unknown_phase", "phase_order", "minutes_sum"}
_TOML_LINE = re.compile(r"at line (\d+)")


def _toml_line(exc: tomllib.TOMLDecodeError) -> int | None:
    """The line a TOML error is on: its ``lineno`` (Python 3.14), else the position the
    message carries."""
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    found = _TOML_LINE.search(str(exc))
    return int(found.group(1)) if found else None


def _key(line: str) -> str | None:
    return line.split("=", 1)[0].strip() if "=" in line else None


def _line_of(text: str, loc: tuple[object, ...]) -> int | None:
    """The line of ``text`` that holds the field at ``loc`` (``("steps", 2, "minutes")``,
    ``("minutes",)``), for agendas written as the shipped ones are: keys at the top, then
    ``[[phases]]`` and ``[[steps]]`` tables; the table's own line when the key is not in
    it. None when it cannot be told."""
    if not loc or not isinstance(loc[0], str):
        return None
    if len(loc) >= 2 and isinstance(loc[1], int):
        table, index = loc[0], loc[1]
        key = loc[2] if len(loc) >= 3 and isinstance(loc[2], str) else None
    else:
        table, index, key = None, None, loc[0]
    section, count, header = None, -1, None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):
            section = line.strip("[] ")
            if line.startswith("[[") and section == table:
                count += 1
                if count == index:
                    header = number
            continue
        if key is None or _key(line) != key:
            continue
        if table is None and section is None:
            return number
        if table is not None and section == table and count == index:
            return number
    return header


def _parse(text: str, origin: str, kind: MeetingKind) -> AgendaTemplate:
    try:
        data = tomllib.loads(text)
        template = AgendaTemplate.model_validate(data)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(origin, f"not valid TOML ({exc})", AgendaProblem.NOT_TOML, line=_toml_line(exc)) from None
    except RecursionError:
        raise TemplateError(origin, "nested too deep", AgendaProblem.TOO_DEEP) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        detail = error["type"]
        context = {k: v for k, v in (error.get("ctx") or {}).items() if isinstance(v, int | str)}
        if detail in _INCONSISTENT:
            if detail == "minutes_sum":
                loc = ("minutes",)
            elif detail == "unknown_phase":
                loc = ("steps", context.get("index", 0), "phase")
            code = AgendaProblem.INCONSISTENT
        else:
            code = AgendaProblem.BAD_VALUE
        where = ".".join(str(part) for part in error["loc"]) or "agenda"
        raise TemplateError(
            origin, f"{where}: {error['msg']}", code,
            line=_line_of(text, loc), field=".".join(str(part) for part in loc),
            detail=detail, context=context,
        ) from None
    if template.kind != kind:
        raise TemplateError(
            origin, f"kind is {template.kind.value!r}, expected {kind.value!r}", AgendaProblem.WRONG_KIND,
            line=_line_of(text, ("kind",)), field="kind", context={"kind": template.kind.value},
        )
    return template


def default_template(kind: MeetingKind) -> AgendaTemplate:
    resource = resources.files("facilitator.agenda") / "templates" / f"{kind.value}.toml"
    return _parse(resource.read_text(encoding="utf-8"), f"<built-in {kind.value}.toml>", kind)


def agenda_path(kind: MeetingKind, config_dir: Path) -> Path:
    """Where the user's own agenda for ``kind`` is looked for."""
    return config_dir / "agendas" / f"{kind.value}.toml"


def read_agenda_file(path: Path) -> str | None:
    """The text of a user's agenda file, None when there is none. Only a regular file is
    read (a pipe would wait for ever, a device never end), and at most
    ``MAX_AGENDA_BYTES``; it must be UTF-8."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise TemplateError(str(path), "is not a regular file", AgendaProblem.NOT_A_FILE) from None
        raise TemplateError(str(path), f"cannot be read ({exc.strerror})", AgendaProblem.UNREADABLE) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise TemplateError(str(path), "is not a regular file", AgendaProblem.NOT_A_FILE)
        if info.st_size > MAX_AGENDA_BYTES:
            raise TemplateError(
                str(path), f"is larger than {MAX_AGENDA_BYTES} bytes", AgendaProblem.TOO_LARGE,
                context={"limit": MAX_AGENDA_BYTES},
            )
        chunks, size = [], 0
        while size <= MAX_AGENDA_BYTES:
            chunk = os.read(fd, MAX_AGENDA_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise TemplateError(str(path), f"cannot be read ({exc.strerror})", AgendaProblem.UNREADABLE) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_AGENDA_BYTES:  # it grew while it was read
        raise TemplateError(
            str(path), f"is larger than {MAX_AGENDA_BYTES} bytes", AgendaProblem.TOO_LARGE,
            context={"limit": MAX_AGENDA_BYTES},
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(
            str(path), "is not UTF-8", AgendaProblem.NOT_UTF8, line=data[: exc.start].count(b"\n") + 1
        ) from None


def load_template(kind: MeetingKind, config_dir: Path | None = None) -> AgendaTemplate:
    """The agenda for ``kind``: the user's file in ``config_dir/agendas`` if there is one.
    Raises ``TemplateError`` (and nothing else) when that file cannot be used."""
    if config_dir is not None:
        path = agenda_path(kind, config_dir)
        text = read_agenda_file(path)
        if text is not None:
            return _parse(text, str(path), kind)
    return default_template(kind)


class Agendas:
    """The agendas of the three kinds of meeting as checked: each user's file is checked
    when it is read — at start (``check_all``) and before each use (``fresh``) — and a
    broken one gives way to the shipped agenda, its problem kept. ``held`` gives the
    agenda last checked without reading any file: for what must not fail at the end of
    a meeting. Safe to use from a worker thread and the UI thread."""

    def __init__(self, config_dir: Path | None):
        self.config_dir = config_dir
        self._lock = threading.Lock()
        self._held: dict[MeetingKind, AgendaTemplate] = {}
        self.problems: dict[MeetingKind, TemplateError] = {}

    def fresh(self, kind: MeetingKind) -> tuple[AgendaTemplate, TemplateError | None]:
        """The agenda of ``kind`` read now, and the problem of the user's file if it has
        one (the shipped agenda is given then)."""
        try:
            template, problem = load_template(kind, self.config_dir), None
        except TemplateError as exc:
            template, problem = default_template(kind), exc
        with self._lock:
            self._held[kind] = template
            if problem is None:
                self.problems.pop(kind, None)
            else:
                self.problems[kind] = problem
        return template, problem

    def check_all(self) -> list[TemplateError]:
        """Check every kind's file; the problems found, in the order of the kinds."""
        return [problem for kind in MeetingKind if (problem := self.fresh(kind)[1]) is not None]

    def held(self, kind: MeetingKind) -> AgendaTemplate:
        """The agenda of ``kind`` as last checked; read (safely) only if it never was."""
        with self._lock:
            template = self._held.get(kind)
        return template if template is not None else self.fresh(kind)[0]


def scale_minutes(weights: list[int], total: int) -> list[int]:
    """Whole minutes in proportion to ``weights`` that add up to exactly ``total``.

    Largest-remainder rounding, so the template's own length gives back its own
    minutes. When there are enough minutes to go round, no step gets less than one:
    a step rounded to zero takes a minute from the longest step.
    """
    if not weights:
        raise ValueError("nothing to scale")
    shares = apportion(total, weights)
    if total >= len(shares):
        for i, share in enumerate(shares):
            if share == 0:
                donor = max(range(len(shares)), key=lambda j: (shares[j], -j))
                shares[donor] -= 1
                shares[i] = 1
    return shares


def scaled(template: AgendaTemplate, minutes: int) -> list[int]:
    """The template's step minutes scaled to a meeting of ``minutes``."""
    return scale_minutes([step.minutes for step in template.steps], minutes)


def step_runs(template: AgendaTemplate, minutes: int | None = None) -> list[StepRun]:
    """Fresh, unstarted step runs for a meeting of ``minutes`` (default: the template's)."""
    plan = scaled(template, minutes if minutes is not None else template.minutes)
    return [
        StepRun(
            key=step.key,
            title=step.title,
            phase=template.phase_of(step.key).title,
            guidance=step.guidance,
            child=step.child,
            captures=step.captures,
            skip_unless=step.skip_unless,
            planned_ns=m * NS_PER_MIN,
            allotted_ns=m * NS_PER_MIN,
        )
        for step, m in zip(template.steps, plan, strict=True)
    ]
