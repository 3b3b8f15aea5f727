"""The domain, the store and the exporters load no UI framework."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["facilitator.agenda", "facilitator.store", "facilitator.export"])
def test_core_imports_no_textual(module):
    code = (
        f"import sys, {module}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
