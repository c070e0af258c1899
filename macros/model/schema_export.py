"""The schema rendered for editors: one JSON Schema per content type, published under /schemas/.

They come from the fields' kinds (macros/model/kinds.py), the same objects the validator checks with;
tests/test_json_schemas.py validates every content file against these schemas to keep it so. The field
reference page for people is macros/views/field_reference.py.
"""

import json
from typing import Any

from macros.model.names import slugify
from macros.model.schema import CONTENT_TYPES, ContentType, is_required


def json_schema(content_type: ContentType) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Front matter för {content_type.name}",
        "description": content_type.description,
    }
    schema.update(content_type.front_matter.json_schema(lambda f: is_required(content_type, f)))
    return schema


def schema_file_name(content_type: ContentType) -> str:
    return f"schemas/{slugify(content_type.name)}.json"


def site_files() -> dict[str, str]:
    """Generated files published with the site: one JSON Schema per content type."""
    return {schema_file_name(t): json.dumps(json_schema(t), ensure_ascii=False, indent=2) for t in CONTENT_TYPES}
