"""The catalog: every content item loaded once, validated, cross-referenced, with backlinks.

The build, the macros, the scripts and the tests all ask this one catalog, so a
page is parsed once per build and every map costs time linear in the content.
"""

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from macros.content import change_notes, guards, structure, workflow
from macros.content import renames as renames_module
from macros.content.frontmatter import FieldPath, FrontMatterError, parse
from macros.model import fields
from macros.model.kinds import Kind
from macros.model.names import (
    DOCS_ASSET_SUFFIXES,
    GLOSSARY_FOLDER,
    generated_list_problem,
    name_problem,
    printable,
    reserved_problem,
    slugify,
)
from macros.model.problems import ERROR, WARNING, Problem
from macros.model.schema import PAGE, STORY, TYPES_BY_KEY, ContentType, site_path, type_for_path

CONTENT_ROOTS = ("docs", "stories", "strategies")


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


FLAT_ROOTS = ("stories", "strategies")  # one Markdown file per item, no subfolders
ABBREVIATION = re.compile(r"^\*\[[^\]\n]{1,40}\]: [^<>\n]{1,300}$")


def glossary_problems(rel: str, text: str) -> list[Problem]:
    """The glossary is appended to every page after the sanitizer's fence: only abbreviation lines."""
    return [
        Problem(
            rel,
            number,
            f"Raden '{line[:40]}' är ingen förkortning. Skriv varje rad som *[FÖRK]: förklaring, utan HTML.",
        )
        for number, line in enumerate(text.split("\n"), 1)
        if line.strip() and not ABBREVIATION.match(line)
    ]


def content_files(root: Path, problems: list[Problem] | None = None) -> list[str]:
    """Every Markdown content file, repository-relative; folders starting with _ or . hold snippets.

    What cannot be published safely is reported in `problems`, never skipped silently: symlinks,
    files in subfolders of stories/ and strategies/, files with other endings, and every file or
    folder whose name breaks the one naming rule or lies at an address the site owns
    (macros/model/names.py). A file with a bad name is still read, so its other problems are
    reported at once too; the build stops on the name before anything is rendered.
    """
    problems = [] if problems is None else problems
    found: list[str] = []
    for top in CONTENT_ROOTS:
        base = root / top
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(root).as_posix()
            shown = printable(rel)
            if path.is_symlink():
                problems.append(
                    Problem(
                        shown,
                        1,
                        f"'{shown}' är en symbolisk länk. Länkar är inte tillåtna i "
                        f"innehållsmapparna; lägg in själva filen i stället.",
                    )
                )
                continue
            parts = rel.split("/")
            if path.is_dir():
                if not any(part.startswith(("_", ".")) for part in parts[1:-1]):
                    problem = name_problem(top, parts[1:], is_file=False)
                    if problem and not parts[-1].startswith(("_", ".")):
                        problems.append(Problem(shown, 1, problem))
                continue
            if top in FLAT_ROOTS:
                if len(parts) > 2:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            f"Filen ligger i en undermapp. Flytta filen till {top}/ "
                            f"(till exempel {top}/{printable(path.name)}).",
                        )
                    )
                    continue
                if path.suffix != ".md":
                    fixed = slugify(path.stem if path.suffix.lower() in (".md", ".markdown") else path.name)
                    problems.append(
                        Problem(
                            shown,
                            1,
                            f"Filen '{printable(path.name)}' är ingen sida: filer i {top}/ "
                            f"ska sluta på .md. Döp om till {fixed}.md.",
                        )
                    )
                    continue
            elif any(part.startswith(("_", ".")) for part in parts[1:]):
                if parts[1] == GLOSSARY_FOLDER and len(parts) == 3 and path.suffix == ".md":
                    problems.extend(glossary_problems(rel, path.read_text(encoding="utf-8", errors="replace")))
                elif Path(rel) == change_notes.REGISTER:  # notes for the history, never published
                    problems.extend(
                        Problem(rel, line, message) for line, message in change_notes.register_problems(root)
                    )
                else:
                    problems.append(
                        Problem(
                            shown,
                            1,
                            (
                                f"Filen ligger i en mapp som börjar med _ eller . och kan inte publiceras säkert. Flytta den "
                                f"till en vanlig mapp under {top}/ (bara {top}/{GLOSSARY_FOLDER}/ är till för förkortningar)."
                            ),
                        )
                    )
                continue
            elif path.suffix != ".md" and path.suffix.lower() not in DOCS_ASSET_SUFFIXES:
                problems.append(
                    Problem(
                        shown,
                        1,
                        (
                            f"Filen '{printable(path.name)}' kan inte publiceras: i {top}/ får bara sidor (.md) och bilder eller "
                            f"dokument ({', '.join(DOCS_ASSET_SUFFIXES)}) ligga. Döp om sidan till "
                            f"{slugify(path.stem)}.md, eller ta bort filen."
                        ),
                    )
                )
                continue
            for problem in (name_problem(top, parts[1:], is_file=True), reserved_problem(site_path(rel))):
                if problem:
                    problems.append(Problem(shown, 1, problem))
            if path.suffix == ".md":
                found.append(rel)
    return found


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


def _reference_fields(item: Item) -> Iterator[tuple[Kind, FieldPath, object]]:
    """(reference kind, path of the value, value) for every id the item names, in any field or record."""
    for f in item.type.all_fields:
        yield from f.kind.references(item.data.get(f.name), (f.name,))


def resolve(
    catalog: Catalog, renamed: dict[str, renames_module.Renamed] | None = None
) -> dict[str, list[tuple[str, int]]]:
    """Check every reference and record backlinks; an unknown id lists the valid ones.

    renamed: old id -> renames.Renamed, from git history: a reference to a renamed page's old id
    names the new id instead. Returns old id -> [(rel_path, line)] of those references.
    """
    renamed = renamed or {}
    old_references: dict[str, list[tuple[str, int]]] = {}
    for item in catalog.items.values():
        for kind, where, raw in _reference_fields(item):
            if not isinstance(raw, (str, int)) or isinstance(raw, bool):
                continue  # the field check has reported it
            path = where[:-1] if isinstance(where[-1], int) else where  # the field, without a list index
            line = item.lines.get(where, item.lines.get(path, 2))
            target = catalog.items.get(normalise_id(raw))
            allowed = [TYPES_BY_KEY[k] for k in kind.types] if kind.types else None
            moved = renamed.get(normalise_id(raw)) if target is None else None
            if moved is not None and (not allowed or moved.item.type in allowed):
                catalog.problems.append(
                    Problem(
                        item.rel_path,
                        line,
                        (
                            f"'{path[-1]}' hänvisar till '{raw}', men {moved.old_path} har bytt namn till "
                            f"{moved.item.rel_path}, så id:t är nu '{moved.item.id}'. Byt '{raw}' mot '{moved.item.id}'."
                        ),
                    )
                )
                old_references.setdefault(moved.old_id, []).append((item.rel_path, line))
                continue
            if target is None or (allowed and target.type not in allowed):
                valid = [i for i in catalog.items.values() if not allowed or i.type in allowed]
                listing = ", ".join(f"{i.id} ({i.title})" for i in sorted(valid, key=lambda i: i.id)[:20])
                wanted = " eller ".join(t.name for t in allowed) if allowed else "sida"
                catalog.problems.append(
                    Problem(
                        item.rel_path,
                        line,
                        (
                            f"'{path[-1]}' hänvisar till '{raw}', men det finns ingen {wanted} med det id:t. "
                            f"Giltiga id: {listing or '(inga ännu)'}."
                        ),
                    )
                )
                continue
            if target is item:
                catalog.problems.append(Problem(item.rel_path, line, f"'{path[-1]}' hänvisar till sidan själv."))
                continue
            if workflow.is_draft(target) and not workflow.is_draft(item):
                catalog.problems.append(
                    Problem(
                        item.rel_path,
                        line,
                        (
                            f"'{path[-1]}' hänvisar till '{target.id}', som är ett utkast och inte publiceras. "
                            f"Publicera {target.rel_path} först eller ta bort hänvisningen."
                        ),
                    )
                )
            elif workflow.is_retired(target, catalog.today) and not workflow.is_retired(item, catalog.today):
                catalog.problems.append(
                    Problem(
                        item.rel_path,
                        line,
                        (
                            f"'{path[-1]}' hänvisar till '{target.id}' ({target.rel_path}), som är arkiverad eller har "
                            f"upphört och därför inte visas i listor och kartor. Ta bort hänvisningen eller hänvisa "
                            f"till det som ersatt den."
                        ),
                        WARNING,
                    )
                )
            catalog.backlinks.setdefault(target.id, []).append((str(path[0]), item))  # the field's name
    return old_references


def parent_cycles(catalog: Catalog) -> None:
    """A loop in `overordnad` would drop every body in it from the organisation chart: an error."""
    reported: set[str] = set()
    for start in catalog.of_type("body"):
        trail: list[Item] = []
        seen: set[str] = set()
        node: Item | None = start
        while node is not None and node.id not in seen and node.id not in reported:
            seen.add(node.id)
            trail.append(node)
            parents = catalog.refs(node, "overordnad")
            node = parents[0] if parents else None
        if node is not None and node.id in seen:
            loop = trail[[i.id for i in trail].index(node.id) :]
            reported.update(i.id for i in loop)
            names = " → ".join(f"{i.id} ({i.rel_path})" for i in loop + [node])
            catalog.problems.append(
                Problem(
                    node.rel_path,
                    node.line("overordnad"),
                    (
                        f"'overordnad' bildar en slinga: {names}. Ett organ kan inte vara överordnat sig självt; "
                        f"ändra 'overordnad' i ett av organen så att kedjan slutar i ett organ utan överordnat."
                    ),
                )
            )
        reported.update(i.id for i in trail)


def load_catalog(
    root: Path,
    today: datetime.date | None = None,
    paths: list[str] | None = None,
    renames: dict[str, str] | None = None,
) -> Catalog:
    """Load, validate and cross-reference all content under root (optionally only report on `paths`).

    renames: old repository path -> path now, from git history (macros/content/history.py): what still refers
    to a renamed file by its old name is reported with the new one (macros/content/renames.py).
    """
    catalog = Catalog(root=Path(root), today=today or workflow.today())
    problems: list[Problem] = []
    seen_src: dict[str, Item] = {}
    for rel_path in content_files(catalog.root, problems):
        item = load_item(catalog.root, rel_path, problems)
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


__all__ = ["Catalog", "Item", "load_catalog", "ERROR", "WARNING"]


def display_title(item: Item) -> str:
    """How an item is named in lists, maps and tags; strategies as "K2 · Samverkan och kontinuitet"."""
    if item.type.key != "strategy" or not item.data.get("kod"):
        return item.title
    return f"{item.data['kod']} · {item.data.get('kortnamn') or item.title}"
