"""A new story's file, generated from the schema: the scaffolder writes it, the guide shows it.

Which fields an author is asked for, the values offered and the front matter written all
come from schema.STORY, its vocabularies and the catalog, so none of them can drift.
"""

import datetime
import json
from collections.abc import Mapping
from typing import Any

from macros.content.catalog import Catalog, Item, display_title
from macros.content.workflow import is_expired
from macros.model import vocabularies as v
from macros.model.schema import SCAFFOLD_ASKS, STORY, Field

ASKED = SCAFFOLD_ASKS  # the questions of make new-story (macros/model/schema.py records every entry point's)
DEFAULTS: dict[str, object] = {
    "status": "utkast",
    "verkliga_personer": False,
}  # written with their description as a comment
LINKABLE = ("publicerad", "granskning")  # a new story may only name items that have a public page
SKELETON = (  # (heading, hint); the hints are Markdown comments that readers never see
    ("", "Skriv med egna ord: konkret, ur en persons perspektiv, och utan uppgifter som kan peka ut någon."),
    ("Vad hände?", "Beskriv situationen och vad som hände, steg för steg."),
    ("Vad gjorde skillnad?", "Vem gjorde vad, och vad var det som gjorde att det blev bättre?"),
    ("Vad berättelsen visar", "Vad visar berättelsen om omställningen? Nämn gärna strategin eller principen."),
)


def is_list(field: Field) -> bool:
    return field.kind.is_list


def linkable(catalog: Catalog, type_key: str) -> list[Item]:
    """Items of a type that a new story may link to: published or under review, not expired."""
    found = [i for i in catalog.of_type(type_key) if i.status in LINKABLE and not is_expired(i, catalog.today)]
    return sorted(found, key=lambda i: display_title(i).lower())


def choices(field: Field, catalog: Catalog) -> dict[str, str] | None:
    """id -> label of the values a field accepts (its allow-list or the items it may name); None: free text."""
    if field.vocabulary:
        return {key: v.label(field.vocabulary, key) for key in field.vocabulary}
    if field.ref_types:
        return {i.id: display_title(i) for key in field.ref_types for i in linkable(catalog, key)}
    return None


def owner(author: str) -> str:
    """The organisation in "Kommunikatör, Region Jönköpings län", or the author when none is named."""
    return author.rpartition(",")[2].strip() or author.strip()


def skeleton() -> str:
    """A new story's body: the headings with a writing hint under each, as Markdown comments."""
    lines = []
    for heading, hint in SKELETON:
        lines += ([f"## {heading}", ""] if heading else []) + [f"<!-- {hint} -->", ""]
    return "\n".join(lines)


def body_text(body: str) -> str:
    """A body as the file holds it: Unix line ends, no blank lines first, one line end last.
    The form editor (macros/generate/cms_story.js) writes the body it is given the same way."""
    return body.replace("\r\n", "\n").lstrip("\n").rstrip() + "\n"


def story_text(values: Mapping[str, Any], today: datetime.date, body: str | None = None) -> str:
    """The complete Markdown file: front matter in schema order, then the body (the heading skeleton
    unless one is given, as the form editor gives it)."""
    author = values["forfattare"]
    given = {name: value for name, value in values.items() if value not in (None, "", [])}
    data = {
        **DEFAULTS,
        "ansvarig": owner(author),
        "skapad": today.isoformat(),
        **given,
        "kallor": "Egen berättelse, skriven av " + author,
    }
    lines = ["---"]
    left_out: list[str] = []
    for f in STORY.all_fields:
        value = data.get(f.name)
        if value in (None, "", []):
            left_out.append(f.name)
        elif f.name == "kallor":
            lines += ["kallor:", "  - text: " + json.dumps(value, ensure_ascii=False)]
        else:
            comment = f"  # {f.description}" if f.name in DEFAULTS else ""
            lines.append(f"{f.name}: {f.kind.yaml(value)}{comment}")
    lines += ["# Fler fält finns i bidragsguiden: " + ", ".join(left_out) + ".", "---", ""]
    return "\n".join(lines) + "\n" + (skeleton() if body is None else body_text(body))


def example_values(catalog: Catalog) -> dict[str, object]:
    """The guide's sample answers: each asked field's schema example (or description), valid ids only."""
    values: dict[str, object] = {}
    for name in ASKED:
        f = STORY.field(name)
        if f is None:
            raise KeyError(f"ASKED names '{name}', which is no field of STORY")
        valid = choices(f, catalog)
        if valid is not None:
            examples = f.example if isinstance(f.example, list) else [f.example]
            picked = [x for x in examples if x in valid]
            values[name] = picked if is_list(f) else (picked or list(valid))[0]
        else:
            values[name] = f.example or f.description
    return values


def template(catalog: Catalog) -> str:
    return story_text(example_values(catalog), catalog.today)
