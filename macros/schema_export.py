"""The schema rendered for people and editors: JSON Schemas and the guide's field tables."""

import json

from .schema import CONTENT_TYPES, ContentType, Field, is_required
from .workflow import slugify

KIND_LABELS = {
    "text": "text", "texts": "lista med texter", "date": "datum ÅÅÅÅ-MM-DD", "int": "heltal", "number": "tal",
    "bool": "true eller false", "choice": "ett värde ur listan", "choices": "lista med värden ur listan",
    "ref": "id för en sida", "refs": "lista med id", "record": "underfält", "records": "lista med underfält",
}


def _json_field(f: Field) -> dict:
    kind = f.kind
    schema: dict
    if kind in ("text", "ref"):
        schema = {"type": "string", "minLength": 1}
    elif kind == "date":
        schema = {"type": "string", "format": "date"}
    elif kind == "int":
        schema = {"type": "integer"}
    elif kind == "number":
        schema = {"type": "number"}
    elif kind == "bool":
        schema = {"type": "boolean"}
    elif kind == "choice":
        schema = {"enum": list(f.vocabulary)}
    elif kind == "record":
        schema = _json_object(f.fields, lambda x: x.required)
    else:  # list kinds
        inner = Field(f.name, kind[:-1], f.description, vocabulary=f.vocabulary, fields=f.fields)
        schema = {"type": "array", "items": _json_field(inner)}
    schema["description"] = f.description
    return schema


def _json_object(fields, required) -> dict:
    return {
        "type": "object",
        "properties": {f.name: _json_field(f) for f in fields},
        "required": [f.name for f in fields if required(f)],
        "additionalProperties": False,
    }


def json_schema(content_type: ContentType) -> dict:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "title": f"Front matter för {content_type.name}", "description": content_type.description}
    schema.update(_json_object(content_type.all_fields, lambda f: is_required(content_type, f)))
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
        kind = KIND_LABELS[f.kind]
        if f.vocabulary:
            kind += ": " + ", ".join(f"`{k}`" for k in f.vocabulary)
        if f.fields:
            kind += ": " + ", ".join(f"`{x.name}`" for x in f.fields)
        required = "ja" if is_required(content_type, f) else "nej"
        rows.append(f"| `{f.name}` | {required} | {_cell(kind)} | {_cell(f.description)} |")
    return "\n".join(rows)
