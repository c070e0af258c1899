"""Bounds on every list that grows with the stories, and where the whole list lives instead.

A page never lists more than a bounded number of stories, however many the knowledge base holds.
Below the thresholds nothing changes (today's site of ten stories looks as it did); above them a
list shows its newest items and ends with a link to the whole list, which the build writes as its
own paged pages (macros/views/full_lists.py): 50 a page, linked to each other with Föregående/Nästa.

- MAX_LISTED: relations (Kopplingar), each value on a tag page and each group of a grouped lista()
  show at most this many, newest first, then "Visar 25 av N. Visa alla N";
- LIST_PAGE_SIZE: items on one page of a whole list;
- MAP_MAX_STORIES: above this many stories the map opens on its overview (macros/views/strategy_map.py):
  per strategy the MAP_STORIES_PER_STRATEGY newest stories and a link to all of them;
- MATRIX_MAX_ROWS: the matrix shows at most this many stories (the newest), with a link to all.

Only paths and link lines live here, so every view can use them without importing another view.
"""

from macros.model.names import ALL_STORIES_SRC, STORY_LIST_NAME, slugify  # noqa: F401  (the rule is the model's)
from macros.views.markdown import markdown_link

MAX_LISTED = 25
LIST_PAGE_SIZE = 50
MAP_MAX_STORIES = 40
MAP_STORIES_PER_STRATEGY = 3
MATRIX_MAX_ROWS = 50


def newest_key(item):
    return str(item.data.get("skapad", "")), item.title


def newest(items) -> list:
    return sorted(items, key=newest_key, reverse=True)


def item_list_src(item) -> str:
    """The whole list of stories that name `item`: strategier/k2.md -> strategier/k2/berattelser.md."""
    return f"{item.url}{STORY_LIST_NAME}.md"


def tag_list_src(listing_url: str, value: str) -> str:
    """The whole list of a tag value, under its tag page: amnen/strategigrupper/aldre.md."""
    return f"{listing_url}{slugify(value)}.md"


def page_src(base_src: str, number: int) -> str:
    """Page `number` (from 1) of a paged list: the base itself, then <base>/sida-2.md, …"""
    return base_src if number == 1 else f"{base_src[:-3]}/sida-{number}.md"


def page_count(total: int) -> int:
    return max(1, -(-total // LIST_PAGE_SIZE))


def is_cut(items) -> bool:
    return len(items) > MAX_LISTED


def more_line(total: int, target_src: str, from_src: str, what: str = "") -> str:
    """Markdown: how much a cut list shows and the link to the whole list."""
    label = f"Visa alla {total}" + (f" {what}" if what else "")
    return f"Visar {MAX_LISTED} av {total}, de nyaste. [{label}]({markdown_link(target_src, from_src)})."
