"""The layers hold because a test holds them: the import-linter contracts in
pyproject.toml pass, and they fail as soon as the core imports the user interface."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path, config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT), "--no-cache", "--no-logo", str(config)],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": str(LINT.parent)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_contracts_hold():
    result = lint(REPOSITORY, REPOSITORY / "pyproject.toml")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("views/sipview.py", "from textual.widgets import Static"),
        # cycles: the domain naming the words, the words naming a document view
        ("agenda/kinds.py", "from facilitator import strings"),
        ("strings.py", "from facilitator.views import sipview"),
        ("paths.py", "from facilitator.store import Store"),
        ("store/database.py", "import rich.text"),
        ("export/markdown.py", "from facilitator.screens.room import RoomScreen"),
        ("widgets/label.py", "from facilitator.screens.meeting import MeetingScreen"),
    ],
)
def test_a_forbidden_import_breaks_them(tmp_path, module, line):
    copy = tmp_path / "facilitator"
    shutil.copytree(REPOSITORY / "facilitator", copy, ignore=shutil.ignore_patterns("__pycache__"))
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}  # a layer crossed\n", encoding="utf-8")
    shutil.copy(REPOSITORY / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint(tmp_path, tmp_path / "pyproject.toml")
    assert result.returncode != 0
    assert "BROKEN" in result.stdout


def test_every_module_of_the_package_is_in_a_layer():
    import tomllib

    config = tomllib.loads((REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    package = REPOSITORY / "facilitator"
    modules = {f"facilitator.{path.stem}" for path in package.glob("*.py") if path.stem != "__init__"}
    modules |= {f"facilitator.{path.parent.name}" for path in package.glob("*/__init__.py")}
    assert modules - named == set(), "in no layer of the contract"
    assert named - modules == set(), "named in the contract but not in the package"
