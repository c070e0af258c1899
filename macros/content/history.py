"""The content's git history, read once per build: every file's commits and every rename.

One `git log` over docs/, stories/ and strategies/, newest first, with rename detection (and one
more call for the commit graph, which dates the changes). Three
features read it: "Senast ändrad" and Nytt och ändrat (the newest commit per file), the page's
Historik (its recent commits), and the redirects from old addresses (the renames). Reading the
log once keeps the cost linear in the history instead of one git call per page.

Renames are followed while the log is read: walking from the newest commit back, a rename
old → new means that older commits of `old` belong to the file now known as `new`, so a chain
a → b → c ends at c, and a file deleted later, or a path reused by another file, is told apart.

Each commit is dated by the day it reached the main line, not by the dates its author set
(macros/content/landed_dates.py: one more git call, for the commit graph); its own dates are kept
beside it for the validator, which warns about dates in the future.

Commit messages and file names are contributed text: they are kept as data here (control
characters removed) and escaped by every view that prints them. Without git, or outside a
repository, the history is unavailable and every reader falls back as it did before; in a
shallow clone the commits at the cut-off (which git shows as adding every file) are left out
and the history is marked incomplete.
"""

import dataclasses
import datetime
import re
import secrets
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from macros.content import change_notes, landed_dates

CONTENT_ROOTS = ("docs", "stories", "strategies")
HASH = re.compile(r"^[0-9a-f]{40}$")
STATUS = re.compile(r"^([ACDMRTUXB])\d*$")
# C0 and C1 controls, and what XML 1.0 cannot carry: a subject stays one line of plain characters.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
MAX_SUBJECT = 300
GIT_TIMEOUT = 120


@dataclass(frozen=True)
class Commit:
    hash: str  # 40 hex digits, checked: it goes into addresses
    short: str
    when: datetime.datetime  # when the change reached the main line (landed_dates), with its offset
    subject: str  # contributed text: escape wherever it is printed
    committed: datetime.datetime | None = None  # the committer date the author set: never shown
    authored: datetime.datetime | None = None  # the author date the author set: never shown

    @property
    def date(self) -> datetime.date:
        return self.when.date()


@dataclass(frozen=True)
class Change:
    commit: Commit
    status: str  # A added, M modified, R renamed to this path, D deleted, …
    old_path: str = ""  # for R: the path before the commit
    path: str = ""  # the file's path in this commit (before later renames)
    note: str = ""  # what the change meant for a reader (macros/content/change_notes.py); "" if nothing


@dataclass
class History:
    """What git knows about the content files; `available` False when there is no git history."""

    available: bool = False
    complete: bool = True  # False in a shallow clone: older commits are missing
    changes: dict[str, list[Change]] = field(default_factory=dict)  # path now -> [Change], newest first
    renames: dict[str, str] = field(default_factory=dict)  # old path -> path it has now (chains resolved)
    deleted: set[str] = field(default_factory=set)  # old paths whose file was deleted since (no redirect)

    def of(self, rel_path: str) -> list[Change]:
        return self.changes.get(rel_path, [])

    def for_readers(self, rel_path: str) -> list[Change]:
        """The changes a reader is told of (those with a note), newest first."""
        return [c for c in self.changes.get(rel_path, []) if c.note]

    def latest(self, rel_path: str) -> Change | None:
        """The newest change a reader is told of (Nytt och ändrat, the feed), or None."""
        found = self.for_readers(rel_path)
        return found[0] if found else None

    @property
    def dates(self) -> dict[str, datetime.date]:
        """Path -> date of its newest change for readers, as macros/content/last_changed.py reads it: a
        developer's change to markup does not make a page "Senast ändrad"."""
        dated: dict[str, datetime.date] = {}
        for path in self.changes:
            latest = self.latest(path)
            if latest is not None:
                dated[path] = latest.commit.date
        return dated


class _Gone:
    """The identity of a file that no longer exists under a path (deleted, or the path was reused)."""

    __slots__ = ("path",)

    def __init__(self, path: str):
        self.path = path


def clean_subject(text: str) -> str:
    return CONTROL.sub(" ", text).strip()[:MAX_SUBJECT]


def _git(root: Path, *args: str) -> str | None:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=GIT_TIMEOUT,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def log_command(marker: str) -> list[str]:
    # -z: paths as they are, never quoted; --relative: paths from the project folder even when it
    # sits inside a bigger repository; --date-order: no commit before its children, which the rename
    # walk needs. The marker is new on every read, so no commit message can start a record.
    return [
        "log",
        "-z",
        "--date-order",
        "--relative",
        "-M",
        "--name-status",
        "--no-color",
        f"--format={marker}%x1f%H%x1f%h%x1f%cI%x1f%aI%x1f%P%x1f%s",
        "--",
        *CONTENT_ROOTS,
    ]


def read(root: Path, today: datetime.date | None = None) -> History:
    """The history of the content under root; an unavailable History without git or a repository.

    today: the build's today (Settings.day() at the edge; the real today if not given); no change is dated after it.
    """
    root = Path(root)
    today = today or datetime.date.today()
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History()
    marker = "kb-" + secrets.token_hex(8)
    out = _git(root, *log_command(marker))
    if out is None:
        return History()
    graph = _git(root, *landed_dates.graph_command())
    dates = landed_dates.landed(landed_dates.parse_graph(graph), today) if graph else {}
    notes = _git(root, *change_notes.note_command(marker))
    history = land(parse(out, marker, shallow.strip() == "true"), dates, today)
    return annotate(history, change_notes.parse_notes(notes or "", marker), change_notes.read_register(root))


def annotate(history: History, notes: dict[tuple[str, str], str], register: dict[str, dict[str, str]]) -> History:
    """Each change with its note for readers: the `andring` value the commit gave the file, else the
    register's note for the commit, else "Sidan publicerades." for the file's first commit; else none."""
    for path, changes in history.changes.items():
        annotated = []
        for change in changes:
            note = (
                notes.get((change.commit.hash, change.path))
                or change_notes.register_note(register, change.commit.hash, change.path)
                or change_notes.register_note(register, change.commit.hash, path)
            )
            if not note and change.status in "AC":
                note = change_notes.PUBLISHED
            annotated.append(dataclasses.replace(change, note=note))
        history.changes[path] = annotated
    return history


def land(history: History, dates: dict[str, datetime.datetime], today: datetime.date) -> History:
    """Each commit dated by when it reached the main line (`dates`, hash -> date; a commit missing there
    keeps its own date, never after today), each file's changes newest first by that date."""
    landed: dict[str, Commit] = {}

    def relanded(commit: Commit) -> Commit:
        if commit.hash not in landed:
            when = dates.get(commit.hash) or landed_dates.clamp(commit.committed or commit.when, today)
            landed[commit.hash] = dataclasses.replace(commit, when=when)
        return landed[commit.hash]

    for path, changes in history.changes.items():
        moved = [dataclasses.replace(c, commit=relanded(c.commit)) for c in changes]
        # Stable: commits that landed together keep the log's order (never a parent before its child).
        history.changes[path] = sorted(moved, key=lambda c: c.commit.when, reverse=True)
    return history


def _header(token: str, marker: str) -> tuple[Commit | None, bool]:
    """A commit from its header record, and whether it has parents; None if the record is not sound."""
    parts = token.split("\x1f", 6)
    if len(parts) != 7 or parts[0] != marker or not HASH.match(parts[1]):
        return None, False
    try:
        when, authored = datetime.datetime.fromisoformat(parts[3]), datetime.datetime.fromisoformat(parts[4])
    except ValueError:
        return None, False
    short = parts[2] if re.fullmatch(r"[0-9a-f]{4,40}", parts[2]) else parts[1][:7]
    return Commit(parts[1], short, when, clean_subject(parts[6]), when, authored), bool(parts[5].strip())


def parse(out: str, marker: str, shallow: bool = False) -> History:
    """The History from `git log -z --name-status` output (log_command), in one pass."""
    history = History(available=True, complete=not shallow)
    identity: dict[str, str | _Gone] = {}  # path at this point of the walk -> the file's path now, or a _Gone
    tokens = out.split("\0")
    commit, keep = None, False
    i = 0
    while i < len(tokens):
        token = tokens[i].lstrip("\n")
        i += 1
        if token.startswith(marker + "\x1f"):
            commit, has_parents = _header(token, marker)
            # At a shallow clone's cut-off, git shows the commit as adding every file: not a change.
            keep = commit is not None and (has_parents or not shallow)
            continue
        status = STATUS.match(token)
        if status is None or commit is None:
            continue
        letter = status.group(1)
        paths = tokens[i : i + (2 if letter in "RC" else 1)]
        i += len(paths)
        if not keep or len(paths) < (2 if letter in "RC" else 1):
            continue
        _record(history, identity, commit, letter, paths)
    history.changes = {p: c for p, c in history.changes.items() if isinstance(p, str)}
    return history


def _record(history: History, identity: dict[str, str | _Gone], commit: Commit, letter: str, paths: list[str]) -> None:
    if any(CONTROL.search(p) for p in paths):
        return  # never a publishable file name, and not to be printed in any message
    path = paths[-1]
    key = identity.get(path, path)
    if letter == "D":
        key = _Gone(path)  # older commits of this path belong to a file that is gone
        identity[path] = key
        history.deleted.add(path)
        return
    if isinstance(key, str):
        history.changes.setdefault(key, []).append(Change(commit, letter, paths[0] if letter == "R" else "", path))
    if letter in "ARC":
        # Before this commit the path did not hold this file: older commits of it are another file's.
        identity[path] = _Gone(path)
    if letter == "R":
        old = paths[0]
        identity[old] = key
        if isinstance(key, str):
            history.renames.setdefault(old, key)  # the newest rename away from a path wins
        else:
            history.deleted.add(old)
