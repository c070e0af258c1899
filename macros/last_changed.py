"""When each content file last changed: from the build's one read of git history (macros/history.py).

Without git history (a download, a shallow CI clone that cut the file's commits off) the page
falls back to its front-matter dates.
"""

from pathlib import Path

from . import history


def git_dates(root: Path) -> dict:
    """Repository path -> date of the newest commit that touched it ({} without git)."""
    return history.read(root).dates


def last_changed(item, dates: dict):
    """The date the page's file last changed, from git, else its review or creation date."""
    return dates.get(item.rel_path) or item.data.get("senast_granskad") or item.data.get("skapad")
