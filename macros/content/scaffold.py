"""A new story's file format, generated from the schema: the scaffolder writes it, the form writes the same
(macros/generate/cms_story.js), the guide shows it (macros/views/story_template.py).

Which fields an author is asked for and the front matter written come from schema.STORY, and the values
offered from its vocabularies and the catalog (macros/views/story_choices.py), so none of them can drift.
"""

import datetime
import json
from collections.abc import Mapping
from typing import Any

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


def owner(author: str) -> str:
    """The organisation in "Kommunikatör, Organisationen", or the author when none is named."""
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
