"""Content items and the catalog that holds them, and the addresses and link text made from them.

An Item is one content file as loaded (macros/content/catalog.py loads them); the Catalog holds every
item of a build with its problems and backlinks. The address helpers turn an item's place in the site's
file set into directory URLs and relative links, as the engine will publish them.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.content.frontmatter import FieldPath
from macros.model.problems import Problem
from macros.model.schema import PAGE, ContentType, site_path


@dataclass(eq=False)  # identity: items are unique objects, used in sets and as dict keys
class Item:
    id: str
    type: ContentType
    rel_path: str  # repository path, e.g. stories/trygg-hemgang.md
    src_uri: str  # path in the site's file set, e.g. berattelser/trygg-hemgang.md
    data: dict[str, Any]  # the front matter, as YAML gives it
    lines: dict[FieldPath, int]
    body: str
    body_line: int = 1  # the file's line the body starts on

    @property
    def title(self) -> str:
        return str(self.data.get("titel") or self.id)

    @property
    def status(self) -> str:
        return self.data.get("status") or "publicerad"

    @property
    def url(self) -> str:
        """Site path with directory URLs: berattelser/trygg-hemgang/."""
        return directory_url(self.src_uri)

    def url_from(self, src_uri: str) -> str:
        """A relative URL to this page for raw HTML, from the page built from src_uri."""
        return relative_url(self.url, directory_url(src_uri))

    def line(self, name: str) -> int:
        return self.lines.get((name,), 2)

    def link_from(self, src_uri: str) -> str:
        """A Markdown link target to this item, relative to the page at src_uri."""
        return markdown_link(self.src_uri, src_uri)


@dataclass
class Catalog:
    root: Path
    today: datetime.date
    items: dict[str, Item] = field(default_factory=dict)  # id -> Item
    problems: list[Problem] = field(default_factory=list)
    backlinks: dict[str, list[tuple[str, Item]]] = field(default_factory=dict)  # id -> list of (field name, Item)
    _by_src: dict[str, Item] | None = None

    def of_type(self, key: str) -> list[Item]:
        return [i for i in self.items.values() if i.type.key == key]

    def refs(self, item: Item, name: str) -> list[Item]:
        value = item.data.get(name) or []
        ids = value if isinstance(value, list) else [value]
        return [self.items[normalise_id(i)] for i in ids if normalise_id(i) in self.items]

    def referrers(self, item: Item, type_key: str | None = None) -> list[Item]:
        found = [source for _, source in self.backlinks.get(item.id, [])]
        unique = list(dict.fromkeys(found))
        return [i for i in unique if type_key is None or i.type.key == type_key]

    def related(self, item: Item, type_key: str, name: str) -> list[Item]:
        """Both directions of a link: what item names in `name`, and what names item, of one type."""
        both = [i for i in self.refs(item, name) if i.type.key == type_key] + self.referrers(item, type_key)
        return list(dict.fromkeys(both))

    def item_at(self, src_uri: str) -> Item | None:
        """The item published at a site path, or None (built once: pages ask for it one by one)."""
        if self._by_src is None:
            self._by_src = {i.src_uri: i for i in self.items.values()}
        return self._by_src.get(src_uri)


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


def directory_url(src_uri: str) -> str:
    stem = src_uri[:-3]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def normalise_id(value: object) -> str:
    return str(value).strip().lower()


def item_id(content_type: ContentType, rel_path: str) -> str:
    if content_type is PAGE:
        stem = site_path(rel_path)[:-3]
        return stem[: -len("/index")] if stem.endswith("/index") else stem
    return Path(rel_path).stem


def display_title(item: Item) -> str:
    """How an item is named in lists, maps and tags; strategies as "K1 · Kortnamn" (code and short name)."""
    if item.type.key != "strategy" or not item.data.get("kod"):
        return item.title
    return f"{item.data['kod']} · {item.data.get('kortnamn') or item.title}"
