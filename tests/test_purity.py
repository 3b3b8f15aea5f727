"""The domain, the live meeting, the store and the exporters load no UI framework.

Every submodule is imported (the packages load their names lazily, so importing only
the package would prove nothing), in a fresh interpreter."""

import subprocess
import sys

import pytest

CORE = ["facilitator.agenda", "facilitator.meeting", "facilitator.store", "facilitator.export"]


@pytest.mark.parametrize("package", CORE)
def test_core_imports_no_textual(package):
    code = (
        "import importlib, pkgutil, sys\n"
        f"package = importlib.import_module({package!r})\n"
        "names = [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + '.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(len(names), ','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    count, bad = out.stdout.strip().split(" ", 1) if " " in out.stdout.strip() else (out.stdout.strip(), "")
    assert int(count) >= 3
    assert bad == ""
