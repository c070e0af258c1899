"""Writing Markdown: contributed text made safe for a place in generated Markdown, how an item is named
there (display_title), and the relative links and addresses from one page to another, as the engine
checks and rewrites them.

Every view that writes a link or a contributed value into a page comes through here.
"""

import re

from macros.content.items import Item, directory_url


def relative_url(target: str, here: str) -> str:
    """From one directory URL (berattelser/x/, or '' for the start page) to another, as
    posixpath.relpath would give it, ending in '/' ('./' for the page itself)."""
    if target == here:
        return "./"
    to, at = target.split("/")[:-1], here.split("/")[:-1]
    common = 0
    while common < len(at) and common < len(to) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:]) + "/"


def markdown_link(target_src: str, from_src: str) -> str:
    """A relative .md link from one site file to another, which MkDocs checks and rewrites.

    posixpath.relpath(target_src, dirname(from_src)) for the normalised paths of the site's file set,
    without its absolute-path work: every generated link passes here.
    """
    target = target_src.split("/")
    here = from_src.split("/")[:-1]
    common = 0
    while common < len(here) and common < len(target) - 1 and target[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + target[common:])


def display_title(item: Item) -> str:
    """How an item is named in lists, maps and tags; strategies as "K1 · Kortnamn" (code and short name)."""
    if item.type.key != "strategy" or not item.data.get("kod"):
        return item.title
    return f"{item.data['kod']} · {item.data.get('kortnamn') or item.title}"


def link_to(item: Item, from_src: str) -> str:
    """A Markdown link target to an item, relative to the page at from_src."""
    return markdown_link(item.src_uri, from_src)


def url_to(item: Item, from_src: str) -> str:
    """A relative URL to an item's page for raw HTML, from the page built from from_src."""
    return relative_url(item.url, directory_url(from_src))


# Characters that Markdown, its extensions or HTML read as syntax anywhere in a line; written as
# numeric character references, contributed text stays text: a title never becomes a link, a tag,
# an attribute list or a table cell break.
MARKDOWN_SPECIAL = frozenset('\\`*_{}[]()<>|&"')
_MARKDOWN_TEXT = {ord(c): f"&#{ord(c)};" for c in MARKDOWN_SPECIAL} | {ord("\r"): " ", ord("\n"): " "}
# Read as syntax only where a line starts (headings, lists, quotes, definitions, "1." lists).
LINE_START = re.compile(r"^(\s*)(?:([#+=:>~-])|(\d+)([.)]))")


def _escape_start(match: re.Match[str]) -> str:
    mark = match.group(2) or match.group(4)
    return f"{match.group(1)}{match.group(3) or ''}&#{ord(mark)};"


def md_text(value: object) -> str:
    """Contributed text for a place in generated Markdown (link text, table cell, list item)."""
    return LINE_START.sub(_escape_start, str(value).translate(_MARKDOWN_TEXT), count=1)
