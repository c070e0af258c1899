"""The validator in GitHub Actions: annotations on the lines, a Swedish job summary, and no way for a
contributed value to smuggle in a workflow command of its own.

The validator runs in this process (tests/scriptrun.py) with the environment Actions gives it; the
test of the whole step (annotations and summary) uses the real command line."""

import subprocess
import sys
from pathlib import Path

import validate
from scriptrun import run_main
from sitebuild import REGION_ENV, ROOT
from test_validator import VALIDATE, overlay

from macros.model.problems import WARNING, Problem
from macros.views.github_annotations import github_annotations, job_summary, split_message

HOSTILE = "x\n::error file=evil.md,line=1::pwned\r\n::add-mask::y"


def commands_github_runs(stdout: str) -> list[str]:
    """The workflow commands GitHub would act on: lines starting with '::', except while commands are
    stopped (between ::stop-commands::TOKEN and ::TOKEN::)."""
    run, stopped_by = [], None
    for line in stdout.split("\n"):
        if stopped_by is not None:
            if line == f"::{stopped_by}::":
                stopped_by = None
            continue
        if line.startswith("::"):
            run.append(line)
            if line.startswith("::stop-commands::"):
                stopped_by = line.removeprefix("::stop-commands::")
    return run


def actions_env(summary: Path, changed: str) -> dict:
    return {
        "KB_TODAY": "2026-11-23",
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": str(ROOT),
        **REGION_ENV,
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "KB_CHANGED_FILES": changed,
    }


def run_in_actions(root: Path, summary: Path, *args: str, changed: str = ""):
    """scripts/validate.py as a step in Actions runs it, in this process."""
    return run_main(validate.main, ["--rot", str(root), *args], actions_env(summary, changed), str(VALIDATE))


def run_in_actions_command(root: Path, summary: Path, *args: str, changed: str = "") -> subprocess.CompletedProcess:
    """The same with the real command line: a new Python running scripts/validate.py."""
    return subprocess.run(
        [sys.executable, str(VALIDATE), "--rot", str(root), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=actions_env(summary, changed),
    )


def test_one_annotation_per_problem_on_its_file_and_line():
    problems = [
        Problem("stories/b.md", 4, "Granskningen har passerat.", WARNING),
        Problem("stories/a.md", 7, "Fältet 'titel' saknas. Skriv en titel."),
    ]
    assert github_annotations(problems).split("\n") == [
        "::error file=stories/a.md,line=7,title=Fel i innehållet::Fältet 'titel' saknas. Skriv en titel.",
        "::warning file=stories/b.md,line=4,title=Varning i innehållet::Granskningen har passerat.",
    ]


def test_properties_and_message_use_githubs_escapes():
    line = github_annotations([Problem("docs/a,b:c%.md", 2, "100% klart\r\nnu")])
    assert line == "::error file=docs/a%2Cb%3Ac%25.md,line=2,title=Fel i innehållet::100%25 klart%0D%0Anu"


def test_a_newline_in_a_value_cannot_start_a_second_command():
    text = github_annotations(
        [Problem("stories/a.md", 7, f"Ogiltigt värde '{HOSTILE}'."), Problem(f"stories/{HOSTILE}.md", 1, "Fel.")]
    )
    assert "\n" not in text.split("\n", 1)[0] and len(text.split("\n")) == 2
    assert commands_github_runs(text) == text.split("\n")
    assert all(line.startswith("::error file=stories/") for line in text.split("\n"))


def test_summary_is_swedish_and_splits_problem_from_fix():
    summary = job_summary(
        [Problem("stories/a.md", 7, "Fältet 'titel' saknas. Skriv en titel.")],
        ["stories/a.md", "macros/x.py"],
        {"stories/a.md": "/berattelser/a/"},
    )
    assert summary.startswith("## Kontroll av innehållet\n")
    assert "1 fel och 0 varningar." in summary
    assert "| Fil | Rad | Vad är fel | Så rättar du |" in summary
    assert "| stories/a.md | 7 | Fältet 'titel' saknas. | Skriv en titel. |" in summary
    assert "### Sidor som ändras\n\n- stories/a.md: /berattelser/a/\n" in summary
    assert "macros/x.py" not in summary  # not a page


def test_summary_without_problems_says_all_is_well():
    summary = job_summary([], [], {})
    assert "Allt ser bra ut" in summary and "| Fil |" not in summary and "Inga sidor ändras." in summary


def test_a_pipe_newline_or_tag_in_a_value_stays_inside_its_cell():
    summary = job_summary([Problem("stories/a.md", 3, "Ogiltigt värde 'a | b\n| c <script>'. Välj ett annat.")], [], {})
    row = next(line for line in summary.split("\n") if line.startswith("| stories/a.md"))
    assert row.count("|") == 5  # four cells: the value's pipes are written as &#124;
    assert "<script>" not in summary and "&#60;script&#62;" in row
    assert "&#124; c" in row


def test_a_sentence_end_inside_a_quoted_value_is_not_the_fix():
    assert split_message("Ogiltigt värde 'a. Hej'. Välj ett av: x.") == ("Ogiltigt värde 'a. Hej'.", "Välj ett av: x.")
    assert split_message("Texten ser ut att innehålla ett telefonnummer ('070…')") == (
        "Texten ser ut att innehålla ett telefonnummer ('070…')",
        "",
    )


def test_validator_in_actions_annotates_and_writes_the_summary(tmp_path):
    """The real command line, as the workflow step runs it."""
    root = overlay(tmp_path, "phone-number-in-story")
    summary = tmp_path / "summary.md"
    summary.write_text("# Tidigare steg\n", encoding="utf-8")  # GitHub's file is appended to, never replaced
    result = run_in_actions_command(root, summary, changed="stories/a.md\nmacros/x.py\n")
    assert result.returncode == 1, result.stdout + result.stderr
    # The plain report is kept, for the log
    assert "stories/a.md:16: fel: Texten ser ut att innehålla ett telefonnummer" in result.stdout
    annotations = [c for c in commands_github_runs(result.stdout) if c.startswith(("::error", "::warning"))]
    assert len(annotations) == 1
    assert annotations[0].startswith(
        "::error file=stories/a.md,line=16,title=Fel i innehållet::Texten ser ut att innehålla ett telefonnummer"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Tidigare steg\n## Kontroll av innehållet\n")
    assert "| stories/a.md | 16 | Texten ser ut att innehålla ett telefonnummer" in text
    assert "- stories/a.md: /berattelser/a/" in text and "macros/x.py" not in text


def test_changed_files_can_be_named_on_the_command_line(tmp_path):
    summary = tmp_path / "summary.md"
    result = run_in_actions(ROOT / "tests" / "fixtures" / "base", summary, "--andrade", "stories/trygg-hemgang.md")
    assert result.returncode == 0, result.stdout + result.stderr
    text = summary.read_text(encoding="utf-8")
    assert "Allt ser bra ut" in text and "- stories/trygg-hemgang.md: /berattelser/trygg-hemgang/" in text


def test_a_hostile_value_cannot_run_a_command_through_the_validators_output(tmp_path):
    """The plain report prints the value as it is, newline and all, so in Actions it is printed with
    commands stopped; the annotation escapes the newline. GitHub runs only our own commands."""
    root = overlay(tmp_path, "invalid-choice-suggests-and-lists-valid")
    story = root / "stories" / "a.md"
    quoted = HOSTILE.replace("\r", "\\r").replace("\n", "\\n")
    story.write_text(story.read_text(encoding="utf-8").replace("[aldr]", f'["{quoted}"]'), encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = run_in_actions(root, summary)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "\n::error file=evil.md" in result.stdout  # the raw value did reach the output ...
    run = commands_github_runs(result.stdout)
    assert len(run) == 2, run  # ... but GitHub acts only on our two commands
    token = run[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and token not in HOSTILE
    assert f"\n::{token}::\n" in result.stdout  # commands are switched back on for the annotations
    assert run[1].startswith("::error file=stories/a.md,line=7,") and "%0A::error file=evil.md" in run[1]
    row = next(line for line in summary.read_text(encoding="utf-8").split("\n") if line.startswith("| stories/a.md"))
    assert row.count("|") == 5


def test_a_story_with_errors_can_be_changed_in_the_form_and_the_summary_links_to_it():
    problems = [
        Problem("stories/hemma-igen.md", 9, "Texten ser ut att innehålla ett telefonnummer ('070…'). Ta bort det."),
        Problem("docs/om.md", 2, "Fältet 'titel' saknas. Skriv en titel."),
    ]
    summary = job_summary(problems, [], {}, "https://kb.example.se/redigera/")
    assert "Skrev du berättelsen i formuläret? Då ändrar du den där" in summary
    assert "(https://kb.example.se/redigera/#/collections/stories/entries/hemma-igen)" in summary
    assert "entries/om" not in summary  # only stories are made in the form
    assert "i formuläret" not in job_summary(problems[1:], [], {}, "https://kb.example.se/redigera/")
