"""When each content file last changed: from the build's one read of git history
(macros/content/history.py), the day its newest change reached the main line.

Without git history (a download, a shallow CI clone that cut the file's commits off) the page
falls back to its front-matter dates.
"""

import datetime
from collections.abc import Mapping

from macros.content.catalog import Item


def last_changed(item: Item, dates: Mapping[str, datetime.date]) -> datetime.date | None:
    """The date the page's file last changed, from git, else its review or creation date."""
    return dates.get(item.rel_path) or item.data.get("senast_granskad") or item.data.get("skapad")
