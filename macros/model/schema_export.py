"""The schema rendered for people and editors: JSON Schemas and the guide's field tables.

Both come from the fields' kinds (macros/model/kinds.py), the same objects the validator checks with;
tests/test_json_schemas.py validates every content file against these schemas to keep it so.
"""

import json

from macros.model.schema import CONTENT_TYPES, ContentType, is_required
from macros.model.names import slugify


def json_schema(content_type: ContentType) -> dict:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": f"Front matter för {content_type.name}", "description": content_type.description}
    schema.update(content_type.front_matter.json_schema(lambda f: is_required(content_type, f)))
    return schema


def schema_file_name(content_type: ContentType) -> str:
    return f"schemas/{slugify(content_type.name)}.json"


def site_files() -> dict:
    """Generated files published with the site: one JSON Schema per content type."""
    return {schema_file_name(t): json.dumps(json_schema(t), ensure_ascii=False, indent=2) for t in CONTENT_TYPES}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def field_table(content_type: ContentType) -> str:
    """A Markdown table of every field of a type, for the contributor guide."""
    rows = ["| Fält | Krävs | Typ | Beskrivning |", "| --- | --- | --- | --- |"]
    for f in content_type.all_fields:
        details = f.kind.details()
        kind = f.kind.label + (": " + details if details else "")
        required = "ja" if is_required(content_type, f) else "nej"
        rows.append(f"| `{f.name}` | {required} | {_cell(kind)} | {_cell(f.description)} |")
    return "\n".join(rows)
