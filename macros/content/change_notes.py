"""What a change meant for a reader, in Swedish: the note the page's history shows, as Plone shows the
change note its editor wrote.

A commit subject is a developer's line ("Answer-first page anatomy …"), and a change to markup moves
nothing a reader sees. So a page's history lists only the changes that carry a reader's note:

- the field `andring` in the page's front matter: the author writes one sentence about what changed
  (the form, `make new-story` and the pull-request template ask for it). A commit that gives the
  field a new value is a change with that note; its date is the day it reached the main line;
- the register `docs/_historik/andringar.yml` (reviewed by developers, CODEOWNERS): notes for commits
  made before the field existed, by commit hash and file (or `*` for every file the commit changed);
- a file's first commit is the page's publication ("Sidan publicerades.").

Any other commit (a developer's change to markup, a moved caveat, a renamed field) is left out of the
page's history and its dates. The notes are contributed text: kept as data, escaped where printed.
"""

import re
from pathlib import Path

import yaml

NOTE_FIELD = "andring"
MAX_NOTE = 200
REGISTER = Path("docs", "_historik", "andringar.yml")
PUBLISHED = "Sidan publicerades."
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
NOTE_LINE = re.compile(r"^\+" + NOTE_FIELD + r":[ \t]*(.*)$")
FILE_LINE = re.compile(r"^\+\+\+ b/(.+)$")
HASH_PREFIX = re.compile(r"^[0-9a-f]{7,40}$")


def note_command(marker: str) -> list[str]:
    """One git call: the commits that changed an `andring:` line, with just those lines (-G, -U0).
    Paths unquoted (core.quotePath=false), from the project folder (--relative)."""
    return [
        "-c",
        "core.quotePath=false",
        "log",
        "-G",
        f"^{NOTE_FIELD}:",
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "-M",
        "--relative",
        f"--format={marker}%x1f%H",
        "--",
        "docs",
        "stories",
        "strategies",
    ]


def clean_note(value: object) -> str:
    """A note as one short line of plain characters ('' for nothing)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(CONTROL.sub(" ", str(value)).split())[:MAX_NOTE]


def _scalar(text: str) -> str:
    """The YAML scalar on an `andring:` line, as the front-matter loader reads it ('' if it is not one)."""
    try:
        value = yaml.safe_load(text) if text.strip() else ""
    except yaml.YAMLError:
        return ""
    return clean_note(value)


def parse_notes(out: str, marker: str) -> dict[tuple[str, str], str]:
    """(commit hash, path at that commit) -> the note the commit gave the file, from note_command's output."""
    notes: dict[tuple[str, str], str] = {}
    commit: str | None = None
    path: str | None = None
    for line in out.split("\n"):
        if line.startswith(marker + "\x1f"):
            commit, path = line.split("\x1f", 1)[1].strip(), None
            continue
        found = FILE_LINE.match(line)
        if found:
            path = found.group(1)
            continue
        found = NOTE_LINE.match(line)
        if found and commit and path:
            note = _scalar(found.group(1))
            if note:
                notes[(commit, path)] = note
    return notes


def read_register(root: Path) -> dict[str, dict[str, str]]:
    """Commit hash prefix -> {file path or '*': note} from the register; {} when there is none."""
    path = Path(root) / REGISTER
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    register: dict[str, dict[str, str]] = {}
    for commit, files in data.items() if isinstance(data, dict) else ():
        commit = str(commit)
        if not HASH_PREFIX.match(commit):
            continue
        if isinstance(files, str):
            files = {"*": files}
        if isinstance(files, dict):
            register[commit] = {str(k): clean_note(v) for k, v in files.items() if clean_note(v)}
    return register


def register_note(register: dict[str, dict[str, str]], commit_hash: str, path: str) -> str:
    for prefix, files in register.items():
        if commit_hash.startswith(prefix):
            return files.get(path) or files.get("*", "")
    return ""


def register_problems(root: Path) -> list[tuple[int, str]]:
    """What is wrong with the register, as (line, message) in Swedish: it must be a mapping of commit
    hashes to a note, or to file paths and notes."""
    path = Path(root) / REGISTER
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        return [(line, f"Registret över ändringar är ingen giltig YAML ({error}). Rätta raden.")]
    if data is None:
        return []
    if not isinstance(data, dict):
        return [(1, "Registret över ändringar ska vara en lista av commit-id med en anteckning var.")]
    found: list[tuple[int, str]] = []
    for commit, files in data.items():
        if not HASH_PREFIX.match(str(commit)):
            found.append((1, f"'{commit}' är inget commit-id (7–40 tecken 0–9 och a–f)."))
        elif not isinstance(files, (str, dict)):
            found.append((1, f"Anteckningen för {commit} ska vara en mening, eller filer med en mening var."))
    return found
