"""Lint and format: ruff over macros/, scripts/ and tests/, with the settings in pyproject.toml.

The rules (pyflakes, pycodestyle, import order, bugbear, pyupgrade) and the formatter run as a
developer runs them (`python -m ruff check`, `python -m ruff format --check`), so a change that
lints or formats differently fails here, in make test-snabb and make test alike.
"""

import subprocess
import sys

import pytest
from sitebuild import ROOT


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=["check", "format"])
def test_ruff_finds_nothing(command):
    result = subprocess.run([sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
