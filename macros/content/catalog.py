"""The catalog: every content item loaded once, validated, cross-referenced, with backlinks.

The build, the macros, the scripts and the tests all ask this one catalog, so a
page is parsed once per build and every map costs time linear in the content. What an item is lives
in macros/content/items.py, which files are content in discovery.py, and the references between
items in references.py; the names those modules define are importable from here too.
"""

import datetime
from pathlib import Path

from macros.content import guards, structure, workflow
from macros.content import renames as renames_module
from macros.content.discovery import (
    ABBREVIATION,
    CONTENT_ROOTS,
    FLAT_ROOTS,
    content_files,
    glossary_problems,
)
from macros.content.frontmatter import FrontMatterError, parse
from macros.content.items import (
    Catalog,
    Item,
    directory_url,
    item_id,
    normalise_id,
)
from macros.content.references import parent_cycles, resolve
from macros.model import fields
from macros.model.names import (
    generated_list_problem,
)
from macros.model.problems import ERROR, WARNING, Problem
from macros.model.schema import STORY, site_path, type_for_path


def load_item(root: Path, rel_path: str, problems: list[Problem]) -> Item | None:
    content_type = type_for_path(rel_path)
    raw = (root / rel_path).read_bytes()
    try:
        front = parse(raw)
    except FrontMatterError as error:
        problems.append(Problem(rel_path, error.line, error.message))
        return None
    problems.extend(fields.check_fields(content_type, front.data, front.lines, rel_path))
    text = raw.decode("utf-8", errors="replace")
    for check in (
        guards.heavy_markup,
        structure.structure,
        guards.unsafe_markup,
        guards.snippet_lines,
        guards.personnummer,
    ):
        for line, message in check(text, 1):
            problems.append(Problem(rel_path, line, message))
    if content_type is STORY:  # the reason for named contact details is a rule on STORY, checked above
        named = front.data.get("kontaktuppgifter")
        allowed = {guards.contact_key(v) for v in named} if isinstance(named, list) else set()
        for line, message in guards.personal_data(text, 1, allowed):
            problems.append(Problem(rel_path, line, message))
    normalised = text.removeprefix("\ufeff").replace("\r\n", "\n")
    body_line = normalised.count("\n") - front.body.count("\n") + 1
    return Item(
        item_id(content_type, rel_path),
        content_type,
        rel_path,
        site_path(rel_path),
        front.data,
        front.lines,
        front.body,
        body_line,
    )


class LoadedFiles:
    """Each content file as it was last read and checked, by its size and time of change: `make serve`
    loads the catalog again on every save, and reads again only the files that changed (an item is
    never changed once loaded, so the same object serves the next load)."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[tuple[int, int], Item | None, list[Problem]]] = {}

    def load(self, root: Path, rel_path: str, problems: list[Problem]) -> Item | None:
        stat = (root / rel_path).stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        known = self.entries.get(rel_path)
        if known is None or known[0] != stamp:
            found: list[Problem] = []
            known = (stamp, load_item(root, rel_path, found), found)
            self.entries[rel_path] = known
        problems.extend(known[2])
        return known[1]


def load_catalog(
    root: Path,
    today: datetime.date | None = None,
    paths: list[str] | None = None,
    renames: dict[str, str] | None = None,
    files: LoadedFiles | None = None,
) -> Catalog:
    """Load, validate and cross-reference all content under root (optionally only report on `paths`).

    renames: old repository path -> path now, from git history (macros/content/history.py): what still refers
    to a renamed file by its old name is reported with the new one (macros/content/renames.py).
    files: the files as the last load read them, to read again only what changed (make serve).
    """
    catalog = Catalog(root=Path(root), today=today or datetime.date.today())
    problems: list[Problem] = []
    seen_src: dict[str, Item] = {}
    for rel_path in content_files(catalog.root, problems):
        item = files.load(catalog.root, rel_path, problems) if files else load_item(catalog.root, rel_path, problems)
        if item is None:
            continue
        other = catalog.items.get(item.id) or seen_src.get(item.src_uri)
        if other is not None:
            problems.append(
                Problem(
                    rel_path,
                    1,
                    (
                        f"Id:t '{item.id}' används redan av {other.rel_path}. Varje sida behöver ett unikt filnamn; "
                        f"byt namn på den här filen."
                    ),
                )
            )
            continue
        catalog.items[item.id] = item
        seen_src[item.src_uri] = item
    urls = {item.url for item in catalog.items.values()}
    for item in catalog.items.values():  # the whole lists' addresses (macros/model/names.py)
        taken = generated_list_problem(item.src_uri, urls)
        if taken:
            problems.append(Problem(item.rel_path, 1, taken))
    catalog.problems = problems
    renamed = renames_module.renamed_items(catalog, renames, item_id, site_path, directory_url) if renames else {}
    old_references = resolve(catalog, renamed)
    catalog.problems.extend(renames_module.rename_problems(catalog, renamed, old_references))
    parent_cycles(catalog)
    catalog.problems.extend(workflow.date_problems(catalog))
    if paths is not None:
        wanted = {Path(p).as_posix() for p in paths}
        catalog.problems = [p for p in catalog.problems if p.path in wanted]
    catalog.problems.sort()
    return catalog


__all__ = [
    "ABBREVIATION",
    "CONTENT_ROOTS",
    "ERROR",
    "FLAT_ROOTS",
    "WARNING",
    "Catalog",
    "Item",
    "LoadedFiles",
    "content_files",
    "directory_url",
    "glossary_problems",
    "item_id",
    "load_catalog",
    "load_item",
    "normalise_id",
    "parent_cycles",
    "resolve",
    "site_path",
]
