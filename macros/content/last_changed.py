"""When each content file last changed: one `git log` for the whole repository per build.

Asking git once and reading every file's newest commit keeps the cost linear in the
history, instead of one git call per page. Without git history (a download, a shallow
CI clone of one commit) the page falls back to its front-matter dates.
"""

import datetime
import subprocess
from pathlib import Path


def git_dates(root: Path) -> dict:
    """Repository path -> date of the newest commit that touched it ({} without git)."""
    try:
        out = subprocess.run(["git", "log", "--format=#%cs", "--name-only", "--no-renames", "--", "docs", "stories",
                              "strategies"], cwd=root, capture_output=True, text=True, encoding="utf-8",
                             timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict = {}
    current = None
    for line in out.splitlines():
        if line.startswith("#"):
            current = datetime.date.fromisoformat(line[1:])
        elif line and current and line not in dates:
            dates[line] = current  # git log is newest first, so the first date seen is the latest
    return dates


def last_changed(item, dates: dict):
    """The date the page's file last changed, from git, else its review or creation date."""
    return dates.get(item.rel_path) or item.data.get("senast_granskad") or item.data.get("skapad")
