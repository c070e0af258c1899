"""Content items and the catalog that holds them, and the addresses made from them.

An Item is one content file as loaded (macros/content/catalog.py loads them); the Catalog holds every
item of a build with its problems and backlinks. directory_url turns an item's place in the site's file
set into the address the engine will publish it at; links and text written into Markdown are the views'
(macros/views/markdown.py).
"""

import datetime
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

    def line(self, name: str) -> int:
        return self.lines.get((name,), 2)


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
