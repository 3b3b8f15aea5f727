"""Agenda templates: the three meeting agendas as data files, validated on load.

The defaults ship in ``facilitator/agenda/templates/*.toml``. A file with the same name
in ``<config dir>/agendas/`` replaces the default for that meeting kind.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, model_validator

from facilitator.agenda.apportion import apportion
from facilitator.agenda.clock import NS_PER_MIN
from facilitator.agenda.errors import TemplateError
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
        keys = [step.key for step in self.steps]
        if len(set(keys)) != len(keys):
            raise ValueError("two steps share a key")
        phase_keys = [phase.key for phase in self.phases]
        if len(set(phase_keys)) != len(phase_keys):
            raise ValueError("two phases share a key")
        for step in self.steps:
            if step.phase not in phase_keys:
                raise ValueError(f"step {step.key!r} names an unknown phase {step.phase!r}")
        order = [phase_keys.index(step.phase) for step in self.steps]
        if order != sorted(order):
            raise ValueError("steps must follow the order of the phases")
        total = sum(step.minutes for step in self.steps)
        if total != self.minutes:
            raise ValueError(f"the steps add up to {total} minutes, not {self.minutes}")
        return self

    def step(self, key: str) -> StepTemplate:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)

    def phase_of(self, key: str) -> Phase:
        phase_key = self.step(key).phase
        return next(phase for phase in self.phases if phase.key == phase_key)




def _parse(text: str, origin: str, kind: MeetingKind) -> AgendaTemplate:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(origin, f"not valid TOML ({exc})") from None
    try:
        template = AgendaTemplate.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "agenda"
        raise TemplateError(origin, f"{where}: {error['msg']}") from None
    if template.kind != kind:
        raise TemplateError(origin, f"kind is {template.kind.value!r}, expected {kind.value!r}")
    return template


def default_template(kind: MeetingKind) -> AgendaTemplate:
    resource = resources.files("facilitator.agenda") / "templates" / f"{kind.value}.toml"
    return _parse(resource.read_text(encoding="utf-8"), f"<built-in {kind.value}.toml>", kind)


def load_template(kind: MeetingKind, config_dir: Path | None = None) -> AgendaTemplate:
    """The agenda for ``kind``: the user's file in ``config_dir/agendas`` if there is one."""
    if config_dir is not None:
        path = config_dir / "agendas" / f"{kind.value}.toml"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            pass
        except (OSError, UnicodeDecodeError) as exc:
            raise TemplateError(str(path), f"cannot be read ({exc})") from None
        else:
            return _parse(text, str(path), kind)
    return default_template(kind)


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
