"""The date each commit reached the main line: the date the site shows for a change.

A commit's own dates (author and committer) are whatever its author set: a commit dated 2099 would put
its page first in Nytt och ändrat and the feed until 2099, even after a merge, and a date in the past
would hide a real change. So the site dates a change by when it landed, which the main line records:

- walk the first-parent chain from HEAD (the main line: merges, and commits made on it directly);
- a commit that came in through a merge carries the committer date of the chain commit (the merge)
  that first brought it in; a commit on the chain carries its own;
- along the chain, newest to oldest, no commit carries a later date than a newer one (running
  minimum), and none is after the build's today (clamped to the end of that day).

One git call lists every commit reachable from HEAD with its parents and dates; the rest is one pass
in Python, linear in the number of commits: the chain is dated oldest first, and each chain commit
gives its date to every commit it reaches that no older chain commit reached (a walk that stops at
commits already dated). A commit reached by no chain commit (outside the graph, a shallow clone's
edge) keeps its own date, clamped to today.
"""

import datetime
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from macros.model.problems import WARNING, Problem

if TYPE_CHECKING:  # the history imports this module
    from macros.content.history import Commit, History

GRAPH_FORMAT = "--format=%H%x1f%P%x1f%cI%x1f%aI"
TOLERANCE = datetime.timedelta(days=1)  # a future date within a day is a time zone, not a forgery


@dataclass
class Graph:
    """Every commit reachable from HEAD: its parents and its own committer date; `head` first."""

    head: str = ""
    parents: dict[str, list[str]] = field(default_factory=dict)  # hash -> [parent hashes], first parent first
    committed: dict[str, datetime.datetime] = field(default_factory=dict)  # hash -> committer date as git recorded it


def graph_command() -> list[str]:
    # --topo-order: children before parents, so the first record is HEAD itself.
    return ["log", "--topo-order", "--no-color", GRAPH_FORMAT, "HEAD"]


def parse_graph(out: str) -> Graph:
    """The Graph from graph_command's output; records that are not sound are left out."""
    graph = Graph()
    for line in out.splitlines():
        parts = line.split("\x1f")
        if len(parts) != 4:
            continue
        try:
            when = datetime.datetime.fromisoformat(parts[2])
        except ValueError:
            continue
        graph.parents[parts[0]] = parts[1].split()
        graph.committed[parts[0]] = when
        graph.head = graph.head or parts[0]
    return graph


def end_of(day: datetime.date, tzinfo: datetime.tzinfo | None) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=tzinfo)


def clamp(when: datetime.datetime, today: datetime.date) -> datetime.datetime:
    """Never after the build's today: a later date becomes the end of today, in the date's own offset."""
    return end_of(today, when.tzinfo) if when.date() > today else when


def first_parent_chain(graph: Graph) -> list[str]:
    """HEAD, its first parent, that one's first parent, …: newest first."""
    chain: list[str] = []
    seen: set[str] = set()
    current = graph.head
    while current in graph.parents and current not in seen:
        chain.append(current)
        seen.add(current)
        parents = graph.parents[current]
        current = parents[0] if parents else ""
    return chain


def landed(graph: Graph, today: datetime.date) -> dict[str, datetime.datetime]:
    """Hash -> the date the commit reached the main line (monotonic along the chain, never after today)."""
    chain = first_parent_chain(graph)
    chain_dates: list[datetime.datetime] = []
    limit: datetime.datetime | None = None
    for commit in chain:  # newest first: a running minimum
        when = clamp(graph.committed[commit], today)
        if limit is not None and when > limit:
            when = limit
        chain_dates.append(when)
        limit = when
    dates: dict[str, datetime.datetime] = {}
    for commit, when in reversed(list(zip(chain, chain_dates, strict=True))):  # oldest first
        stack = [commit]
        while stack:
            current = stack.pop()
            if current in dates:
                continue
            dates[current] = when
            stack.extend(p for p in graph.parents.get(current, ()) if p not in dates)
    return dates


def in_future(when: datetime.datetime | None, today: datetime.date) -> bool:
    """A date more than the tolerance after today, by calendar date (not time, so no time zone alarms)."""
    return when is not None and when.date() > today + TOLERANCE


def future_dated(history: "History", today: datetime.date, paths: Collection[str] | None = None) -> list[Problem]:
    """A warning for each commit that touches content and says it was made after today (author or
    committer date): the site ignores that date, and the author should know why theirs is not shown.

    paths: only commits touching these files (the validator's own selection); None for all.
    The day measured against is the later of today (KB_TODAY) and the clock's: with today pinned in
    the past (tests, a look back), the commits made since are real, not forged.
    """
    today = max(today, datetime.date.today())
    touched: dict[str, tuple[Commit, list[str]]] = {}  # hash -> (commit, [files as they are named now])
    for path, changes in history.changes.items():
        if paths is not None and path not in paths:
            continue
        for change in changes:
            commit = change.commit
            if in_future(commit.committed, today) or in_future(commit.authored, today):
                touched.setdefault(commit.hash, (commit, []))[1].append(path)
    found: list[Problem] = []
    for commit, files in touched.values():
        files = sorted(set(files))
        dated = max(d for d in (commit.committed, commit.authored) if d is not None).date()
        found.append(
            Problem(
                files[0],
                1,
                (
                    f"Commit {commit.short} är daterad {dated.isoformat()}, efter dagens datum ({today.isoformat()}), och "
                    f"ändrar {', '.join(files)}. Webbplatsen bortser från datumet och visar i stället dagen då ändringen "
                    "kom in i huvudgrenen (main). Rätta datumet med git commit --amend --no-edit --date=now (eller "
                    "git rebase --ignore-date för flera commits)."
                ),
                WARNING,
            )
        )
    return found
