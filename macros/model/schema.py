"""The content model, declared once: every content type, its folder and its fields.

The catalog, the validator, the scaffolder, the JSON Schemas and the contributor
guide's field tables are all generated from these declarations, so none of
them can drift from the others. What a field accepts is its kind (macros/model/kinds.py):
one object that checks a value, describes it in JSON Schema and names it in Swedish.
Rules between fields are declared with the fields they relate.

Where each part is declared: a field in macros/model/field_declaration.py, the fields every type has
in macros/model/common_fields.py, a content type in macros/model/content_type.py, the story and the
fields each entry point asks in macros/model/story_type.py, the other types in
macros/model/knowledge_types.py. This module puts the types in order, finds the type of a file and
where it is published, and names the whole model, so the rest of the code imports it from one place.
"""

from macros.model.common_fields import COMMON_FIELDS, SOURCE_FIELDS, SOURCE_RULES, TIMELINE_FIELDS
from macros.model.content_type import ContentType
from macros.model.field_declaration import Field
from macros.model.knowledge_types import (
    CHECK_QUESTION_FIELDS,
    DATA_POINT_FIELDS,
    GOVERNANCE_BODY,
    INDICATOR,
    JOURNEY,
    PAGE,
    PERSONA,
    PRINCIPLE,
    STEP_FIELDS,
    STRATEGY,
)
from macros.model.story_type import (
    FORM_ASKS,
    ISSUE_FORM_ASKS,
    SCAFFOLD_ASKS,
    STORY,
    STORY_DESCRIPTION_MAX,
    STORY_TITLE_MAX,
)

# Order matters: the first type whose folder contains a file owns it; PAGE is the fallback.
CONTENT_TYPES = (STORY, STRATEGY, PERSONA, PRINCIPLE, GOVERNANCE_BODY, INDICATOR, JOURNEY, PAGE)
TYPES_BY_KEY = {t.key: t for t in CONTENT_TYPES}

# Fields a plain page may leave out: start pages and guides have no owner or sources.
PAGE_OPTIONAL = {"ansvarig", "skapad", "kallor", "status"}


def is_required(content_type: ContentType, f: Field) -> bool:
    return f.required and not (content_type is PAGE and f.name in PAGE_OPTIONAL)


def type_for_path(rel_path: str) -> ContentType:
    """The content type that owns a repository-relative path (posix separators)."""
    folder, _, name = rel_path.rpartition("/")
    for content_type in CONTENT_TYPES[:-1]:
        if folder == content_type.folder and name != "index.md":
            return content_type
    return PAGE


# A content type by its Swedish name ("berättelse", as macros and commands say it) or its key.
TYPE_BY_NAME = {t.name: t for t in CONTENT_TYPES} | {t.key: t for t in CONTENT_TYPES}


def site_path(rel_path: str) -> str:
    """Where a repository file is published in the site's file set, by the folder and address each
    content type declares: stories/x.md -> berattelser/x.md, docs/personas/esther.md -> personas/esther.md."""
    top, _, rest = rel_path.partition("/")
    for content_type in CONTENT_TYPES:
        if top == content_type.folder:  # a top-level folder of its own (stories/, strategies/)
            return f"{content_type.url_prefix}/{rest}" if content_type.url_prefix else rest
    if top == PAGE.folder:
        return rest
    raise ValueError(f"{rel_path} is not in a content folder")


__all__ = [
    "CHECK_QUESTION_FIELDS",
    "COMMON_FIELDS",
    "CONTENT_TYPES",
    "DATA_POINT_FIELDS",
    "FORM_ASKS",
    "GOVERNANCE_BODY",
    "INDICATOR",
    "ISSUE_FORM_ASKS",
    "JOURNEY",
    "PAGE",
    "PAGE_OPTIONAL",
    "PERSONA",
    "PRINCIPLE",
    "SCAFFOLD_ASKS",
    "SOURCE_FIELDS",
    "SOURCE_RULES",
    "STEP_FIELDS",
    "STORY",
    "STORY_DESCRIPTION_MAX",
    "STORY_TITLE_MAX",
    "STRATEGY",
    "TIMELINE_FIELDS",
    "TYPES_BY_KEY",
    "TYPE_BY_NAME",
    "ContentType",
    "Field",
    "is_required",
    "site_path",
    "type_for_path",
]
