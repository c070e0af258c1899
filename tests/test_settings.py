"""The environment is read once, at a command line, into one Settings (macros/model/settings.py) that is
passed down: what each KB_* variable becomes, and that no module below the command lines reads it."""

import ast
import datetime
from pathlib import Path

import pytest
from sitebuild import ROOT

from macros.model.settings import Settings, from_environment

# The edge: the engine adapters (which also hand the engine its environment) and the generator's own
# command line `kb-generera` (staging.main).
# And the region a process runs on (macros/model/region_file.py): chosen before any module is imported, as its
# lists are declarations like the schema; KB_REGION only lets the tests run the code on their own region.
EDGES = ("macros/adapters/", "macros/generate/staging.py", "macros/model/region_file.py")


def test_every_setting_is_read_from_its_variable():
    settings = from_environment(
        {
            "KB_TODAY": " 2026-11-23 ",
            "KB_CMS_OAUTH_URL": "https://inloggning.example.org",
            "KB_CMS_DIR": "/tmp/cms",
            "KB_CHANGED_FILES": "stories/a.md\n\n docs/b.md \n",
            "KB_SITE_URL": "https://example.org/kb/",
            "KB_ZENSICAL": "/opt/zensical",
            "KB_REPO_URL": "https://github.com/a/b",
        }
    )
    assert settings.today == settings.day() == datetime.date(2026, 11, 23)
    assert settings.cms_oauth_url == "https://inloggning.example.org"
    assert settings.cms_dir == Path("/tmp/cms")
    assert settings.changed_files == ("stories/a.md", "docs/b.md")
    assert settings.site_url == "https://example.org/kb/" and settings.zensical == "/opt/zensical"
    assert settings.environment["KB_REPO_URL"] == "https://github.com/a/b"  # for mkdocs.yml's !ENV


def test_an_empty_environment_is_the_defaults_and_today_is_the_day_it_runs():
    assert from_environment({}) == Settings()
    assert Settings().day() == datetime.date.today()


def test_a_malformed_day_is_named_in_swedish():
    with pytest.raises(ValueError, match="KB_TODAY ska vara ett datum som ÅÅÅÅ-MM-DD, inte '23/11/2026'"):
        from_environment({"KB_TODAY": "23/11/2026"})


def test_settings_cannot_change_once_read():
    with pytest.raises(AttributeError):
        Settings().cms_oauth_url = "https://annan.example.org"  # type: ignore[misc]


def reads_the_environment(path: Path) -> list[int]:
    """Lines that name os.environ, os.getenv or os.putenv (read from the syntax tree, not the text)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "getenv", "putenv"):
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append(node.lineno)
    return sorted(found)


def test_no_module_below_the_command_lines_reads_the_environment():
    below = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "macros").rglob("*.py"))
        if not path.relative_to(ROOT).as_posix().startswith(EDGES)
        for line in reads_the_environment(path)
    ]
    assert below == [], "läser miljövariabler i stället för att få en Settings"


def test_the_check_sees_a_read(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import os\nA = os.environ.get('KB_TODAY')\nB = os.getenv('X')\n", encoding="utf-8")
    assert reads_the_environment(bad) == [2, 3]
