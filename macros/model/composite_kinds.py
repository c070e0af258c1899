"""The composite kinds: a list of values of one kind (ListOf) and a record of named subfields with
rules between them (Record), built from other kinds by composition."""

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from macros.model.field_rules import Rule
from macros.model.kind_base import Context, FieldPath, JsonSchema, Kind, Value, YamlStyle, is_given, show, suggest
from macros.model.problems import Problem

if TYPE_CHECKING:  # a Record's subfields are Fields, made from kinds
    from macros.model.field_declaration import Field
    from macros.model.scalar_kinds import Reference


def _required(f: "Field") -> bool:
    return f.required


class ListOf(Kind):
    is_list = True

    def __init__(self, item: Kind):
        # A list speaks of its items: their allow-list, types and subfields (kinds do not change once made).
        self.item = item
        self.label = f"lista med {item.plural}"
        self.vocabulary = item.vocabulary
        self.types = item.types
        self.fields = item.fields
        self.block_example = item.block_example

    @property
    def element(self) -> Kind:
        return self.item

    def yaml_style(self) -> YamlStyle:
        return {"list": self.item.yaml_style()}

    def form_widget(self, many: bool) -> dict[str, Any] | None:
        return self.item.form_widget(True)

    def issue_form_hint(self, many: bool, example: str) -> str:
        return self.item.issue_form_hint(True, example)

    def issue_form_options(self) -> tuple[list[str], int | None] | None:
        return self.item.issue_form_options()

    def check(self, value: Value, path: FieldPath, context: Context) -> list[Problem]:
        if not isinstance(value, list):
            return [
                context.problem(
                    path,
                    f"Fältet '{context.name(path)}' ska vara en lista (en rad per värde som "
                    f"börjar med '- '), men är {show(value)}.",
                )
            ]
        return [p for index, item in enumerate(value) for p in self.item.check(item, path + (index,), context)]

    def json_schema(self) -> JsonSchema:
        return {"type": "array", "items": self.item.json_schema()}

    def details(self) -> str:
        return self.item.details()

    def yaml(self, value: Value) -> str:
        return "[" + ", ".join(self.item.yaml(x) for x in value) + "]"

    def __repr__(self) -> str:
        return f"ListOf({self.item!r})"

    def references(self, value: Value, path: FieldPath) -> Iterator[tuple["Reference", FieldPath, Value]]:
        if isinstance(value, list):
            for index, item in enumerate(value):
                yield from self.item.references(item, path + (index,))


class Record(Kind):
    """Named subfields, with rules between them; a content type's front matter is one too."""

    label, plural = "underfält", "underfält"
    block_example = True

    def __init__(self, fields: Iterable["Field"], rules: Iterable[Rule] = (), noun: str = "post"):
        self.fields = tuple(fields)
        self.rules: tuple[Rule, ...] = tuple(rules)
        self.noun = noun  # one record, as the issue form names it: "Skriv en källa per rad."

    def yaml_style(self) -> YamlStyle:
        return {"record": [{"name": f.name, "yaml": f.kind.yaml_style()} for f in self.fields]}

    def issue_form_hint(self, many: bool, example: str) -> str:
        return f"Skriv en {self.noun} per rad."

    def check(self, value: Value, path: FieldPath, context: Context) -> list[Problem]:
        if not isinstance(value, dict):
            return [
                context.problem(
                    path,
                    f"'{context.name(path)}' ska ha underfält "
                    f"({', '.join(f.name for f in self.fields)}), men är {show(value)}.",
                )
            ]
        return self.check_mapping(value, path, context)

    def check_mapping(
        self, data: dict[str, Value], path: FieldPath, context: Context, required: Callable[["Field"], bool] = _required
    ) -> list[Problem]:
        known = {f.name: f for f in self.fields}
        found = []
        for key in data:
            if key not in known:
                where = f" i '{context.name(path)}'" if path else ""
                found.append(
                    context.problem(
                        path + (key,),
                        f"Okänt fält '{key}'{where}.{suggest(key, known)} Tillåtna fält: {', '.join(known)}.",
                    )
                )
        for f in self.fields:
            value = data.get(f.name)
            if is_given(value):
                found += f.kind.check(value, path + (f.name,), context)
            elif required(f):
                found.append(
                    context.problem(
                        path or (f.name,), f"Fältet '{f.name}' saknas eller är tomt. Lägg till det: {f.description}"
                    )
                )
            elif f.name in data:
                found.append(
                    context.problem(
                        path + (f.name,),
                        f"Fältet '{context.name(path + (f.name,))}' är tomt. Skriv ett värde eller ta bort fältet.",
                    )
                )
        for rule in self.rules:
            if rule.violated(data):
                at: FieldPath = (rule.at,) if rule.at else ()
                found.append(context.problem(path + at, rule.message))
        return found

    def json_schema(self, required: Callable[["Field"], bool] = _required) -> JsonSchema:
        schema = {
            "type": "object",
            "properties": {f.name: property_schema(f, required(f)) for f in self.fields},
            "required": [f.name for f in self.fields if required(f)],
            "additionalProperties": False,
        }
        if self.rules:
            schema["allOf"] = [rule.json_schema() for rule in self.rules]
        return schema

    def details(self) -> str:
        return ", ".join(f"`{f.name}`" for f in self.fields)

    def yaml(self, value: Value) -> str:
        return json.dumps(value, ensure_ascii=False, default=str)  # a JSON object is a YAML flow mapping

    def references(self, value: Value, path: FieldPath) -> Iterator[tuple["Reference", FieldPath, Value]]:
        if isinstance(value, dict):
            for f in self.fields:
                yield from f.kind.references(value.get(f.name), path + (f.name,))


def property_schema(f: "Field", required: bool) -> JsonSchema:
    """One field's JSON Schema: its description, its kind's schema, a non-empty list, and its example."""
    schema = {"description": f.description, **f.kind.json_schema()}
    if isinstance(f.kind, ListOf):
        schema["minItems"] = 1  # an empty list is never a value (see macros/model/kinds.py)
    if f.example is not None:
        schema["examples"] = [f.example]
    return schema
