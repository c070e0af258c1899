"""What `make serve` keeps from one generation of the staging tree to the next, so that a save costs what it
changes: each content file as it was read and checked (macros/content/catalog.py LoadedFiles), and each
page as it was staged.

A staged page depends on its own file, on the other pages' front matter (titles, links, lists), on the
git history and on the build's settings; never on another page's text. So a page is staged again when its
own file changed or when any of the rest changed (the signature below); a save that changes only the text
of a story stages that story alone. tests/test_preview_memory.py holds the memory to writing exactly what
a generation without it writes.
"""

import hashlib
import json

from macros.content.build import Build
from macros.content.catalog import Item, LoadedFiles
from macros.generate.staged_manifest import PageSource

Staged = tuple[str, PageSource]  # a page's staged text and where it came from (staged_pages.stage_page)


class PreviewMemory:
    def __init__(self) -> None:
        self.files = LoadedFiles()
        self.staged: dict[str, tuple[Item, str, Staged]] = {}  # src_uri -> (item, signature, staged page)

    @staticmethod
    def signature(state: Build) -> str:
        """Everything a page's staging reads besides its own file: the build's settings, every page's front
        matter and the history's dates and renames."""
        digest = hashlib.sha256()
        settings = (state.preview, state.today.isoformat(), state.nonce, repr(state.site))
        digest.update(repr(settings).encode("utf-8"))
        for item in sorted(state.catalog.items.values(), key=lambda i: i.rel_path):
            digest.update(json.dumps([item.rel_path, item.data], sort_keys=True, default=str).encode("utf-8"))
        digest.update(repr(sorted(state.changed.items())).encode("utf-8"))
        digest.update(repr(sorted(state.history.renames.items())).encode("utf-8"))
        return digest.hexdigest()

    def recall(self, item: Item, signature: str) -> Staged | None:
        known = self.staged.get(item.src_uri)
        return known[2] if known and known[0] is item and known[1] == signature else None

    def keep(self, item: Item, signature: str, staged: Staged) -> None:
        self.staged[item.src_uri] = (item, signature, staged)
