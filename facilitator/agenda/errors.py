"""Errors of the domain that the command line must know before it loads the models:
importing this module loads nothing else."""

from __future__ import annotations


class TemplateError(Exception):
    """An agenda file could not be read or is not a valid agenda."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
