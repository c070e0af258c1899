"""Types: mypy --strict over the layers the rest stands on (the files in pyproject.toml's [tool.mypy])."""

import subprocess
import sys

from sitebuild import ROOT


def test_mypy_strict_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
