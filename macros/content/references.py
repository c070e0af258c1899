"""References between items: every id a field names is checked once every item is loaded, and backlinks
are recorded; a loop in the governance chart (`overordnad`) is an error.
"""

from collections.abc import Iterator

from macros.content import renames as renames_module
from macros.content import workflow
from macros.content.frontmatter import FieldPath
from macros.content.items import Catalog, Item, normalise_id
from macros.model.kinds import Kind
from macros.model.problems import WARNING, Problem
from macros.model.schema import TYPES_BY_KEY


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
