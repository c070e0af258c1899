"""Field kinds as objects: one class per kind, with its check, its JSON Schema and its Swedish label.

Modelled on MkDocs' `config_options` and Plone Dexterity fields: the kind of a field knows how
to check a value (Swedish messages that name the field, the value and the fix), how to describe
itself in JSON Schema (for editors, published under /schemas/), what the contributor guide calls
it, and how the scaffolder writes a value. Lists, references and records are built by composition
(`ListOf(Reference(("persona",)))`, `ListOf(Record(fields, rules))`); rules between the fields of
one record are small objects declared next to the fields, with their own message and JSON Schema.

Two decisions hold for every kind, in the validator and in the schemas alike:

- An empty value (a blank `fält:`, "" or []) is never a value. A required field reports it as
  missing, an optional one asks to write a value or remove the field.
- A text is a YAML string. `titel: 2026` or `kod: 010` is refused with a request to quote it,
  because YAML 1.1 silently turns such words into numbers (010 becomes 8, 1.10 becomes 1.1,
  12:30 becomes 750), into true/false (yes, on) or into dates; accepting and converting them
  would publish something other than what the author wrote.

JSON has no dates and does not tell 1 from 1.0, so there the validator, which reads YAML, is
stricter than any JSON Schema can be; tests/test_json_schemas.py lists those cases.

Where each lives: the base class and what every kind shares in macros/model/kind_base.py, the
scalar kinds in macros/model/scalar_kinds.py, lists and records in macros/model/composite_kinds.py,
the rules between fields in macros/model/field_rules.py. This module names them all, so the rest of
the code imports kinds from one place.
"""

from macros.model.composite_kinds import ListOf, Record, property_schema
from macros.model.field_rules import (
    IS_GIVEN,
    IS_TRUE,
    NON_EMPTY_LIST,
    Condition,
    ExactlyOne,
    MaxLength,
    RequiredWhen,
    Rule,
)
from macros.model.kind_base import (
    Context,
    FieldPath,
    JsonSchema,
    Kind,
    Value,
    Vocabulary,
    YamlStyle,
    is_given,
    listing,
    show,
    suggest,
    vocabulary_label,
    yaml_reading,
)
from macros.model.scalar_kinds import (
    BOOLEAN_OPTIONS,
    ISO_DATE_PATTERN,
    NOT_BLANK_PATTERN,
    WEB_ADDRESS,
    WEB_ADDRESS_PATTERN,
    Boolean,
    Choice,
    Date,
    Integer,
    Number,
    Reference,
    Text,
    WebAddress,
)

__all__ = [
    "BOOLEAN_OPTIONS",
    "IS_GIVEN",
    "IS_TRUE",
    "ISO_DATE_PATTERN",
    "NON_EMPTY_LIST",
    "NOT_BLANK_PATTERN",
    "WEB_ADDRESS",
    "WEB_ADDRESS_PATTERN",
    "Boolean",
    "Choice",
    "Condition",
    "Context",
    "Date",
    "ExactlyOne",
    "FieldPath",
    "Integer",
    "JsonSchema",
    "Kind",
    "ListOf",
    "MaxLength",
    "Number",
    "Record",
    "Reference",
    "RequiredWhen",
    "Rule",
    "Text",
    "Value",
    "Vocabulary",
    "WebAddress",
    "YamlStyle",
    "is_given",
    "listing",
    "property_schema",
    "show",
    "suggest",
    "vocabulary_label",
    "yaml_reading",
]
