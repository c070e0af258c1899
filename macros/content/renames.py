"""What a rename leaves behind: files that still name a page by its old id or link to its old file.

An item's id is its file name (stories/trygg-hemgang.md is `trygg-hemgang`), and other files refer to
it in two ways: by id in their front matter (a story's `strategier`, a journey's `sidor`) and by path
in Markdown links in their text (`../berattelser/trygg-hemgang.md`). Both change when the file is
renamed. The ids are deliberately not made stable across renames (no separate `id` field): the file
name is the one name a communicator sees, in the address, the folder and the pull request, and a
second name could disagree with it. Instead, the renames in git history (macros/content/history.py) tell the
validator and the build what the old names were, so each referring file is named with the line and
the new id, and the redirect pages (macros/generate/redirects.py) keep old addresses working for readers.

Linear: one dictionary of old names, one pass over each body's links.
"""

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from macros.model.problems import Problem
from macros.model.schema import ContentType, type_for_path

if TYPE_CHECKING:  # the catalog imports this module
    from macros.content.catalog import Catalog, Item

# Inline links and images, ](target "title"), and reference definitions, [x]: target
INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
REFERENCE_LINK = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


@dataclass(frozen=True)
class Renamed:
    old_path: str  # the file as it was named (contributed: a file name; quoted in messages only)
    old_id: str
    old_src: str  # where it was published, berattelser/gammalt.md
    old_url: str  # and its address, berattelser/gammalt/
    item: "Item"  # the catalog item it is now


def renamed_items(
    catalog: "Catalog",
    renames: dict[str, str],
    item_id: Callable[[ContentType, str], str],
    site_path: Callable[[str], str],
    directory_url: Callable[[str], str],
) -> dict[str, Renamed]:
    """Old id -> Renamed, for renamed files that are in the catalog now under another id.

    An old id (or old site path) that a current item uses again is left out: references to it are
    valid and mean the page that has it now. item_id, site_path and directory_url are the catalog's.
    """
    by_path = {item.rel_path: item for item in catalog.items.values()}
    used_src = {item.src_uri for item in catalog.items.values()}
    found: dict[str, Renamed] = {}
    for old, now in (renames or {}).items():
        item = by_path.get(now)
        if item is None or not old.endswith(".md") or old in by_path:
            continue
        try:
            old_id, old_src = item_id(type_for_path(old), old), site_path(old)
        except (KeyError, ValueError):
            continue  # never a content path
        if old_id == item.id or old_id in catalog.items or old_src in used_src:
            continue
        found[old_id] = Renamed(old, old_id, old_src, directory_url(old_src), item)
    return found


def _link_targets(body: str) -> Iterator[tuple[int, str]]:
    """(line offset in the body, target) for every Markdown link target, in one pass over the body."""
    found = sorted(
        (m.start(1), m.group(1)) for pattern in (INLINE_LINK, REFERENCE_LINK) for m in pattern.finditer(body)
    )
    line, counted = 0, 0
    for start, target in found:
        line += body.count("\n", counted, start)  # only the text since the previous link: linear
        counted = start
        yield line, target


def _resolved(target: str, from_src: str) -> str | None:
    """A relative link as a site path (berattelser/x.md, or berattelser/x/ for an address), else None."""
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path or re.match(r"^[a-z][a-z0-9+.-]*:|^/", path, re.I):
        return None  # other hosts, mailto:, absolute paths (the strict build refuses those)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src), path))
    return joined + "/" if path.endswith("/") else joined


def _files(count: int) -> str:
    return "1 fil hänvisar" if count == 1 else f"{count} filer hänvisar"


def rename_problems(
    catalog: "Catalog", renamed: dict[str, Renamed], referrers: dict[str, list[tuple[str, int]]]
) -> list[Problem]:
    """Body links to the old files, and for each renamed file the list of files still to update.

    referrers: old id -> [(rel_path, line)] that the catalog's reference check found in front matter.
    """
    if not renamed:
        return []
    by_target: dict[str, Renamed] = {}
    for each in renamed.values():
        by_target[each.old_src] = by_target[each.old_url] = each
    problems: list[Problem] = []
    found = {old_id: list(places) for old_id, places in referrers.items() if old_id in renamed}
    for item in catalog.items.values():
        for offset, target in _link_targets(item.body):
            entry = by_target.get(_resolved(target, item.src_uri) or "")
            if entry is None:
                continue
            line = item.body_line + offset
            new_link = posixpath.relpath(entry.item.src_uri, posixpath.dirname(item.src_uri) or ".")
            problems.append(
                Problem(
                    item.rel_path,
                    line,
                    (
                        f"Länken '{target[:80]}' går till {entry.old_path}, som har bytt namn till {entry.item.rel_path}. "
                        f"Ändra länken till '{new_link}'."
                    ),
                )
            )
            found.setdefault(entry.old_id, []).append((item.rel_path, line))
    for old_id, places in sorted(found.items()):
        entry = renamed[old_id]
        places = sorted(set(places))
        files = ", ".join(f"{path} (rad {line})" for path, line in places)
        problems.append(
            Problem(
                entry.item.rel_path,
                1,
                (
                    f"Filen hette tidigare {entry.old_path} (id '{entry.old_id}') och har bytt namn till "
                    f"{entry.item.rel_path} (id '{entry.item.id}'). {_files(len({p for p, _ in places}))} fortfarande "
                    f"till det gamla namnet och behöver uppdateras: {files}. Byt '{entry.old_id}' mot "
                    f"'{entry.item.id}' i fälten och länkarna. Gamla adresser på webbplatsen leder vidare av sig själva."
                ),
            )
        )
    return problems
