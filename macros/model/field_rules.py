"""Rules between the fields of one record (RequiredWhen, ExactlyOne, MaxLength), declared next to the
fields they relate, each with its Swedish message and its JSON Schema.

In JSON Schema a field that is present is also given: an empty value fails the field's own schema,
as it fails the validator's field check.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from macros.model.kind_base import JsonSchema, Value, is_given


class Rule(Protocol):
    """A rule between the fields of a record (RequiredWhen, ExactlyOne, MaxLength)."""

    @property
    def at(self) -> str: ...

    @property
    def message(self) -> str: ...

    def violated(self, data: dict[str, Value]) -> bool: ...

    def json_schema(self) -> JsonSchema: ...


@dataclass(frozen=True)
class Condition:
    """What a rule's trigger field must hold: a Python test and the same test in JSON Schema."""

    holds: Callable[[Value], bool]
    schema: JsonSchema


IS_TRUE = Condition(lambda value: value is True, {"const": True})
IS_GIVEN = Condition(is_given, {})
NON_EMPTY_LIST = Condition(lambda value: isinstance(value, list) and len(value) > 0, {"type": "array", "minItems": 1})


@dataclass(frozen=True)
class RequiredWhen:
    """`needed` must be given when the field `trigger` meets `condition`; reported at the field `at`."""

    needed: str
    trigger: str
    condition: Condition
    message: str
    at: str = ""

    def violated(self, data: dict[str, Value]) -> bool:
        return self.condition.holds(data.get(self.trigger)) and not is_given(data.get(self.needed))

    def json_schema(self) -> JsonSchema:
        return {
            "description": self.message,
            "if": {"properties": {self.trigger: self.condition.schema}, "required": [self.trigger]},
            "then": {"required": [self.needed]},
        }


@dataclass(frozen=True)
class ExactlyOne:
    """Exactly one of `names` is given; reported at the record itself (or at the field `at`)."""

    names: tuple[str, ...]
    message: str
    at: str = ""

    def violated(self, data: dict[str, Value]) -> bool:
        return sum(is_given(data.get(name)) for name in self.names) != 1

    def json_schema(self) -> JsonSchema:
        return {"description": self.message, "oneOf": [{"required": [name]} for name in self.names]}


@dataclass(frozen=True)
class MaxLength:
    """The text in `name` has at most `limit` characters (code points, as JSON Schema's maxLength counts)."""

    name: str
    limit: int
    message: str

    @property
    def at(self) -> str:
        return self.name

    def violated(self, data: dict[str, Value]) -> bool:
        value = data.get(self.name)
        return isinstance(value, str) and len(value) > self.limit

    def json_schema(self) -> JsonSchema:
        return {"description": self.message, "properties": {self.name: {"maxLength": self.limit}}}
