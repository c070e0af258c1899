"""The engine run in the test process builds what its own command builds, and leaves nothing behind.

Every build (macros/adapters/properdocs.build: `make build`, the scripts and the tests) runs ProperDocs in
this process, through macros/adapters/engine_in_process.run_engine_in_process, to save an interpreter and
its imports per build. Here it and the engine's own command line (tests/sitebuild.build_command) build
the same projects:
the exit code, every message and every file of the site must be the same, and a build must leave no
log handler, level or remembered message to the next one.
"""

import gzip
import logging
import re

import pytest
from sitebuild import FIXTURES, TODAY, build, build_command, make_fixture_project

from macros.adapters.properdocs import staging_dir_for

pytestmark = pytest.mark.langsam  # every test builds with the engine

# A story whose text holds an attribute the sanitizer removes: a warning, so a strict build stops.
STORY = (FIXTURES / "base" / "stories" / "trygg-hemgang.md").read_text(encoding="utf-8").split("\n---\n")[
    0
] + '\n---\n\nText <p class="md-dialog">falsk dialog</p>\n'


def site_files(site) -> dict:
    """Every file of a built site; .gz files unpacked (gzip's header holds the time it was written)."""
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = gzip.decompress(data) if path.suffix == ".gz" else data
    return files


def messages(result, site) -> tuple:
    """Exit code, stdout and stderr, with the site and staging folders and the build's duration left out."""

    def plain(text):
        text = text.replace(str(staging_dir_for(site)), "<staging>").replace(str(site.resolve()), "<site>")
        return re.sub(r"built in [\d.]+ seconds", "built in … seconds", text)

    return result.returncode, plain(result.stdout), plain(result.stderr)


def logging_state() -> tuple:
    engine_logger, legacy = logging.getLogger("properdocs"), logging.getLogger("mkdocs")
    from properdocs.commands import build as engine

    return (
        list(engine_logger.handlers),
        engine_logger.level,
        engine_logger.propagate,
        legacy.parent,
        legacy.level,
        list(engine.log.filters),
        list(logging.getLogger().handlers),
    )


def test_a_fixture_site_built_in_process_is_the_one_the_command_builds(fixture_sites, tmp_path):
    shared = fixture_sites.get("base", "sites/workflow")  # the build tests/test_fixture_sites.py reads
    command = build_command(shared.project, tmp_path / "site", today=TODAY)
    assert command.returncode == 0, command.stdout + command.stderr
    assert messages(shared.result, shared.site) == messages(command, tmp_path / "site")
    in_process, by_command = site_files(shared.site), site_files(tmp_path / "site")
    assert sorted(in_process) == sorted(by_command)
    assert [name for name in by_command if in_process[name] != by_command[name]] == []


def test_a_stopped_build_says_the_same_and_no_build_leaves_anything_for_the_next(tmp_path):
    project = make_fixture_project(tmp_path, FIXTURES / "base")
    (project / "stories" / "dialog.md").write_text(STORY, encoding="utf-8")
    build(project, tmp_path / "first", today=TODAY)  # the engine's modules imported, its loggers made
    before = logging_state()
    first = build(project, tmp_path / "again", today=TODAY)
    assert logging_state() == before
    command = build_command(project, tmp_path / "command", today=TODAY)
    assert command.returncode == 1
    assert 'stories/dialog.md: attributet class="md-dialog" på <p> togs bort' in command.stderr
    assert "Aborted with 1 warnings in strict mode!" in command.stdout
    # The second in-process build still tells the warning the first one told (no filter remembers it).
    assert messages(first, tmp_path / "again") == messages(command, tmp_path / "command")
    assert site_files(tmp_path / "again") == site_files(tmp_path / "command")
