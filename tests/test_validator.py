"""The validator, run as a person runs it (scripts/validate.py), on one fixture per rule.

Each folder in tests/fixtures/validator/ is named after a behaviour; its files/ are laid
over the small valid site in tests/fixtures/base/, and expected.yml gives the exit code
and the lines (or parts of lines) the output must contain.

The rules run the script's main() in this process (tests/scriptrun.py: the same environment,
arguments and captured output as the command line); the tests marked "the real command line" run
`python scripts/validate.py` itself, for its exit code and what it prints.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import validate
import yaml
from scriptrun import run_main
from sitebuild import REGION_ENV, ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SCENARIOS = sorted(p.name for p in (FIXTURES / "validator").iterdir() if p.is_dir())


VALIDATE = ROOT / "scripts" / "validate.py"


def run_validator(root: Path, *args: str, today: str = "2026-11-23"):
    """scripts/validate.py --rot root args…, run in this process."""
    return run_main(
        validate.main, ["--rot", str(root), *args], {"KB_TODAY": today, "PATH": "/usr/bin:/bin"}, str(VALIDATE)
    )


def run_validator_command(root: Path, *args: str, today: str = "2026-11-23") -> subprocess.CompletedProcess:
    """The real command line: a new Python running scripts/validate.py."""
    return subprocess.run(
        [sys.executable, str(VALIDATE), "--rot", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"KB_TODAY": today, "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **REGION_ENV},
    )


def overlay(tmp_path: Path, scenario: str) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    shutil.copytree(FIXTURES / "validator" / scenario / "files", root, dirs_exist_ok=True)
    return root


def test_base_fixture_is_valid(tmp_path):
    """The real command line: exit code 0 and the one-line report on stdout."""
    result = run_validator_command(FIXTURES / "base")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "0 fel, 0 varningar."


def test_validator_measures_review_dates_against_kb_today():
    """The base fixture's reviews are due 2099-01-10: the day before they are not overdue, the day after
    every one of them is, exactly as the build and the review page would see it on that day."""
    before = run_validator(FIXTURES / "base", today="2099-01-10")
    after = run_validator(FIXTURES / "base", today="2099-01-11")
    assert before.returncode == after.returncode == 0, before.stdout + after.stdout
    assert "har passerat" not in before.stdout
    overdue = [
        line
        for line in after.stdout.splitlines()
        if "varning: Granskningen var planerad till 2099-01-10 och har passerat" in line
    ]
    assert "stories/trygg-hemgang.md:16: varning" in after.stdout
    assert len(overdue) == 8, after.stdout


def test_a_malformed_kb_today_is_named_in_swedish():
    """The real command line: an error on stderr, a non-zero exit code, no traceback."""
    result = run_validator_command(FIXTURES / "base", today="23/11/2026")
    assert result.returncode != 0
    assert "KB_TODAY ska vara ett datum som ÅÅÅÅ-MM-DD, inte '23/11/2026'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_validator_scenario(tmp_path, scenario):
    expected = yaml.safe_load((FIXTURES / "validator" / scenario / "expected.yml").read_text(encoding="utf-8"))
    result = run_validator(overlay(tmp_path, scenario))
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == expected["exit"], output
    for fragment in expected["expect"]:
        assert fragment in output, f"saknas i utdata: {fragment!r}\n--- utdata ---\n{output}"


def test_huge_file_is_refused_without_traceback(tmp_path):
    root = overlay(tmp_path, "empty-file")
    (root / "stories" / "a.md").write_text("---\ntitel: Stor\n---\n" + "lorem ipsum " * 450_000, encoding="utf-8")
    result = run_validator(root)
    assert result.returncode == 1
    assert "stories/a.md:1: fel: Filen är 5400 kB, större än gränsen 1000 kB" in result.stdout


def test_only_named_files_are_reported(tmp_path):
    """The real command line, with a file named on it: exit code 1 and only that file's problems."""
    root = overlay(tmp_path, "every-problem-reported-at-once")
    result = run_validator_command(root, str(root / "stories" / "b.md"))
    assert result.returncode == 1
    assert "stories/b.md:" in result.stdout and "stories/a.md" not in result.stdout


@pytest.mark.parametrize(
    "junk",
    [
        b"---\n",
        b"---\n---\n",
        b"---\n: : :\n---\n",
        b"---\n[\n---\n",
        b"\xff\xfe\x00",
        b"---\ntitel: !!python/object:os.system x\n---\n",
        b"---\n&a [*a]\n---\n",
        b"---\ntitel:\n  - - - [\n---\n",
        "---\ntitel: ✓\n---\n".encode("utf-16"),
    ],
)
def test_no_input_produces_a_traceback(tmp_path, junk):
    root = overlay(tmp_path, "empty-file")
    (root / "stories" / "a.md").write_bytes(junk)
    result = run_validator(root)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert "stories/a.md:" in result.stdout
