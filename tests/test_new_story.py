"""The story scaffolder, run as a communicator runs it (scripts/new_story.py), on a copy of the base fixture.

The scripts' main() run in this process (tests/scriptrun.py: the same arguments, environment, standard
input and captured output as the command line); the tests marked "the real command line" start Python.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import new_story as scaffolder
import pytest
import validate
from scriptrun import run_main
from sitebuild import FIXTURES, REGION_ENV, ROOT, article_of, build, make_fixture_project, text_of, unexpected_warnings

TODAY = "2026-11-23"
SLUG = "hemma-igen-esthers-forsta-vecka"
FLAGS = [
    "--titel",
    "Hemma igen: Esthers första vecka",
    "--beskrivning",
    "Esther kommer hem och vet vem hon ska ringa.",
    "--persona",
    "Esther",
    "--strategi",
    "K2",
    "--strategigrupp",
    "aldre",
    "--kommun",
    "vetlanda",
    "--slag",
    "illustrativ",
    "--forfattare",
    "Kommunikatör, Vetlanda kommun",
]


MAINS = {"new_story.py": scaffolder.main, "validate.py": validate.main}
ENV = {"KB_TODAY": TODAY, "PATH": "/usr/bin:/bin", **REGION_ENV}


def run_script(script: str, root: Path, *args: str, stdin: str = ""):
    """scripts/<script> --rot root args…, run in this process with stdin from a pipe."""
    return run_main(MAINS[script], ["--rot", str(root), *args], ENV, str(ROOT / "scripts" / script), stdin)


def run_command(script: str, root: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    """The real command line: a new Python running scripts/<script>."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--rot", str(root), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
    )


def new_story(root: Path, *args: str, stdin: str = ""):
    return run_script("new_story.py", root, "--idag", TODAY, *args, stdin=stdin)


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", root)
    return root


def test_flags_write_a_complete_draft_that_validates(repo):
    """The real command line, both scripts: exit codes and what they print."""
    result = run_command("new_story.py", repo, "--idag", TODAY, *FLAGS)
    assert result.returncode == 0, result.stdout + result.stderr
    text = (repo / "stories" / f"{SLUG}.md").read_text(encoding="utf-8")
    for line in (
        'titel: "Hemma igen: Esthers första vecka"',
        "status: utkast",
        "skapad: 2026-11-23",
        'ansvarig: "Vetlanda kommun"',
        "personas: [esther]",
        "strategier: [k2]",
        "strategigrupper: [aldre]",
        "kommuner: [vetlanda]",
        'text: "Egen berättelse, skriven av Kommunikatör, Vetlanda kommun"',
        "## Vad hände?",
        "## Vad gjorde skillnad?",
        "## Vad berättelsen visar",
    ):
        assert line in text
    assert "0 fel, 0 varningar." in result.stdout
    assert f"http://127.0.0.1:8000/berattelser/{SLUG}/" in result.stdout
    assert "make serve" in result.stdout and "pull request" in result.stdout
    check = run_command("validate.py", repo, str(repo / "stories" / f"{SLUG}.md"))
    assert check.returncode == 0 and check.stdout.strip() == "0 fel, 0 varningar.", check.stdout


@pytest.mark.langsam
def test_published_story_builds_and_appears_on_its_strategy_page(repo, tmp_path):
    assert new_story(repo, *FLAGS).returncode == 0
    path = repo / "stories" / f"{SLUG}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("status: utkast", "status: publicerad"), encoding="utf-8")
    project = make_fixture_project(tmp_path, repo)
    result = build(project, tmp_path / "site", today=TODAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert unexpected_warnings(result.stdout + result.stderr) == []
    assert f'href="../../berattelser/{SLUG}/"' in article_of(tmp_path / "site", "strategier/k2")
    story = article_of(tmp_path / "site", f"berattelser/{SLUG}")
    assert "Vad gjorde skillnad?" in story and 'href="../../strategier/k2/"' in story
    shown = re.sub(r"<!--.*?-->", "", text_of(tmp_path / "site", f"berattelser/{SLUG}"), flags=re.S)
    assert "Skriv med egna ord" not in shown  # the writing hints are comments that readers never see


def test_same_title_again_refuses_and_changes_nothing(repo):
    assert new_story(repo, *FLAGS).returncode == 0
    path = repo / "stories" / f"{SLUG}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMin egen text.\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (repo / "stories").iterdir()}
    again = new_story(repo, *FLAGS[:4], "--slag", "verklig", "--kommun", "habo", "--forfattare", "Någon annan")
    assert again.returncode == 1
    assert f"stories/{SLUG}.md finns redan och skrivs inte över" in again.stderr
    assert "Traceback" not in again.stdout + again.stderr
    assert {p.name: p.read_bytes() for p in (repo / "stories").iterdir()} == before


def test_interactive_run_offers_numbers_and_asks_again_after_a_bad_choice(repo):
    answers = [
        "Trygg natt i Habo",
        "En natt då hemtjänsten och vårdcentralen samarbetade.",
        "1",  # personas: esther
        "9",
        "1, 2",  # strategier: 9 is not a choice, then k2 and r2
        "abc",
        "2",  # strategigrupper: not a number, then aldre
        "",
        "6",  # kommuner are required: Enter is refused, then habo
        "3",  # slag: illustrativ
        "Kommunikatör, Habo kommun",
    ]
    result = new_story(repo, stdin="\n".join(answers) + "\n")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "   1. K2 · Samverkan och kontinuitet (k2)" in output
    assert "Ogiltigt svar: '9' är inget av valen för 'strategier'. Skriv ett nummer mellan 1 och 2." in output
    assert "Ogiltigt svar: 'abc' är inget av valen för 'strategigrupper'. Skriv ett nummer mellan 1 och 3." in output
    assert "Ogiltigt svar: 'kommuner' krävs." in output
    text = (repo / "stories" / "trygg-natt-i-habo.md").read_text(encoding="utf-8")
    for line in (
        "personas: [esther]",
        "strategier: [k2, r2]",
        "strategigrupper: [aldre]",
        "kommuner: [habo]",
        "slag: illustrativ",
        'ansvarig: "Habo kommun"',
    ):
        assert line in text
    assert "0 fel, 0 varningar." in result.stdout


@pytest.mark.parametrize("stdin", ["", "Bara en titel\n"])
def test_end_of_input_stops_cleanly_without_writing(repo, stdin):
    before = sorted(p.name for p in (repo / "stories").iterdir())
    result = new_story(repo, stdin=stdin)
    assert result.returncode == 1
    assert "Avbrutet innan alla frågor var besvarade. Ingen fil skrevs." in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.name for p in (repo / "stories").iterdir()) == before


def test_bad_and_missing_flags_name_the_field_and_the_value(repo):
    result = new_story(
        repo,
        "--titel",
        "Ny berättelse",
        "--beskrivning",
        "Text.",
        "--strategi",
        "k9",
        "--kommun",
        "Jönköping",
        "--forfattare",
        "Test",
    )
    assert result.returncode == 1
    assert "fel: --strategi: 'k9' är inget giltigt värde för 'strategier'. Giltiga värden: k2 (K2 " in result.stderr
    assert "fel: --slag saknas: Vilken sorts berättelse det är." in result.stderr
    assert not (repo / "stories" / "ny-berattelse.md").exists()


def test_only_published_items_are_offered(repo):
    draft = (repo / "strategies" / "k2.md").read_text(encoding="utf-8").replace("status: publicerad", "status: utkast")
    (repo / "strategies" / "k3.md").write_text(draft.replace("kod: K2", "kod: K3"), encoding="utf-8")
    listing = new_story(repo, stdin="Titel\nText.\n\n")
    assert "(k2)" in listing.stdout and "(k3)" not in listing.stdout
    refused = new_story(
        repo, *FLAGS[:4], "--strategi", "k3", "--slag", "verklig", "--kommun", "habo", "--forfattare", "Test"
    )
    assert refused.returncode == 1 and "'k3' är inget giltigt värde för 'strategier'" in refused.stderr


ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message",
    "error:",
    "unrecognized",
    "required:",
    "expected one argument",
    "invalid",
)


def test_help_is_swedish_including_argparse_own_texts(repo):
    result = new_story(repo, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("användning: new_story.py")
    assert "\nflaggor:\n" in result.stdout and "-h, --help            visa den här hjälpen och avsluta" in result.stdout
    assert "--beskrivning BESKRIVNING" in result.stdout and "Dagens datum, ÅÅÅÅ-MM-DD" in result.stdout
    assert [word for word in ARGPARSE_ENGLISH if word in result.stdout.lower()] == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--okand"], "new_story.py: fel: okända flaggor: --okand"),
        (["--titel"], "new_story.py: fel: flaggan --titel: ett värde krävs efter flaggan"),
        (["--idag", "i morgon"], "new_story.py: fel: flaggan --idag: 'i morgon' är inget datum. Skriv ÅÅÅÅ-MM-DD"),
    ],
)
def test_argparse_errors_are_swedish(repo, args, message):
    result = run_script("new_story.py", repo, *args)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert result.stderr.startswith("användning: ")
    assert [word for word in ARGPARSE_ENGLISH if word in result.stderr.lower()] == []


def test_without_a_terminal_all_missing_flags_are_named_at_once(repo):
    result = new_story(repo, "--titel", "Bara en titel", "--strategi", "k2")
    assert result.returncode == 1
    named = re.findall(r"^fel: (--\w+) saknas: ", result.stderr, flags=re.M)
    assert named == ["--beskrivning", "--kommun", "--slag", "--forfattare"], result.stderr
    assert "kör skriptet i en terminal så frågar det efter dem" in result.stderr
    assert not (repo / "stories" / "bara-en-titel.md").exists()


def test_in_a_terminal_missing_flags_are_asked_for(repo):
    import os

    leader, follower = os.openpty()
    try:
        os.write(leader, b"Esther kommer hem och vet vem hon ska ringa.\n")
        flags = [f for i, f in enumerate(FLAGS) if i not in (2, 3)]  # without --beskrivning and its value
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "new_story.py"), "--rot", str(repo), "--idag", TODAY, *flags],
            stdin=follower,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **REGION_ENV},
            timeout=60,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Några obligatoriska fält saknas bland flaggorna." in result.stdout
    assert "\nbeskrivning: En eller två meningar" in result.stdout and "\ntitel:" not in result.stdout
    text = (repo / "stories" / f"{SLUG}.md").read_text(encoding="utf-8")
    assert 'beskrivning: "Esther kommer hem och vet vem hon ska ringa."' in text and "strategier: [k2]" in text


def test_python_without_the_project_packages_gets_a_swedish_hint(repo):
    bare = [sys.executable, "-I", "-S"]  # no site-packages: PyYAML and the rest are missing, as for plain python3
    assert subprocess.run([*bare, "-c", "import yaml"], capture_output=True).returncode != 0
    result = subprocess.run(
        [*bare, str(ROOT / "scripts" / "new_story.py"), "--rot", str(repo), *FLAGS],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("fel: projektets kod (paketet macros) är inte installerad")
    assert "Kör make new-story, eller .venv/bin/python scripts/new_story.py" in result.stderr
    # The project's code found, but not PyYAML (a Python with the source on its path and nothing else).
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-S", str(ROOT / "scripts" / "new_story.py"), "--rot", str(repo), *FLAGS],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("fel: Python-paketet 'yaml' saknas")
    assert list((repo / "stories").glob("hemma-igen*")) == []
