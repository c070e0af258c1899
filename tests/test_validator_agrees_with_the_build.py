"""What the strict build stops on, the validator reports first, in Swedish; what it accepts, the build builds.

A communicator's pull request is checked by `make validate` before anything is built: if the two
disagreed, the first word a person would read is the engine's English about a staging copy. Each
scenario here is a validator fixture (tests/fixtures/validator/) built as `make build` builds it.
"""

import shutil

import pytest
import yaml
from sitebuild import FIXTURES, build, make_fixture_project
from test_validator import run_validator

pytestmark = pytest.mark.langsam  # every case is built

# The classes where the strict build used to be first to say no (links, names, addresses the site owns),
# and every scenario the validator accepts.
REFUSED_BY_BOTH = [
    "links-the-strict-build-would-stop-on-are-reported-first",
    "addresses-the-site-owns-are-refused",
    "addresses-of-the-whole-lists-are-refused",
    "file-names-with-markup-are-refused-in-every-content-folder",
]
ACCEPTED = sorted(
    p.parent.name
    for p in (FIXTURES / "validator").glob("*/expected.yml")
    if yaml.safe_load(p.read_text(encoding="utf-8"))["exit"] == 0
)


@pytest.mark.parametrize("scenario", REFUSED_BY_BOTH + ACCEPTED)
def test_the_validator_and_the_strict_build_agree(tmp_path, scenario):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    shutil.copytree(FIXTURES / "validator" / scenario / "files", project, dirs_exist_ok=True)
    validated = run_validator(project)
    built = build(project, tmp_path / "site")
    assert (validated.returncode == 0) == (built.returncode == 0), validated.stdout + built.stdout + built.stderr
    assert (validated.returncode == 0) == (scenario in ACCEPTED)
    assert "Traceback" not in built.stdout + built.stderr
