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
"""

import datetime
import difflib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from macros.model.problems import Problem

if TYPE_CHECKING:  # schema.py builds Fields from these kinds
    from macros.model.schema import Field

# Where a value stands in the front matter: field names and list indexes, ("kallor", 0, "url").
FieldPath = tuple[str | int, ...]
JsonSchema = dict[str, Any]
# A value as YAML gives it (str, int, float, bool, date, list, dict or None): its kind checks it.
Value = Any
# An allow-list: id -> its label, or a record with the label and more (macros/model/vocabularies.py).
Vocabulary = Mapping[str, str | dict[str, str]]
# How the form editor's file writer (macros/generate/cms_story.js) writes a value, as Kind.yaml does:
# "plain", "json", "boolean", "number", {"list": style} or {"record": [{"name": …, "yaml": style}, …]}.
YamlStyle = str | dict[str, Any]
# The GitHub issue form's answers for a yes/no field: "Nej" first, the default (a story is de-identified
# unless the author says otherwise).
BOOLEAN_OPTIONS = ["Nej (false)", "Ja (true)"]


def vocabulary_label(vocabulary: Vocabulary, key: str) -> str:
    """The reader-facing label of an allow-listed id."""
    value = vocabulary[key]
    return value["label"] if isinstance(value, dict) else value


class Context(Protocol):
    """What a check needs from its caller (macros/model/fields.py): a field's name, and a Problem at its line."""

    def name(self, path: FieldPath) -> str: ...

    def problem(self, path: FieldPath, message: str) -> Problem: ...


class Rule(Protocol):
    """A rule between the fields of a record (RequiredWhen, ExactlyOne, MaxLength)."""

    @property
    def at(self) -> str: ...

    @property
    def message(self) -> str: ...

    def violated(self, data: dict[str, Value]) -> bool: ...

    def json_schema(self) -> JsonSchema: ...


# A public web address as a browser shows it: http or https (in any case), no spaces, quotes,
# angle brackets or character references (which would turn "&#74;avascript:" into a script link).
# Written so that Python and ECMA 262 (JSON Schema's `pattern`) read it alike: no flags, and
# (?![\s\S]) for the true end of the text, where Python's $ would also allow a final line break.
WEB_ADDRESS_PATTERN = r"^(?![\s\S]*&[#a-zA-Z]\w*;)[hH][tT][tT][pP][sS]?://[^\s<>\"'`\\]+(?![\s\S])"
NOT_BLANK_PATTERN = r"\S"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])"
WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN)


def is_given(value: Value) -> bool:
    """A value an author has written: not missing, not a blank field, not "" and not []."""
    return value is not None and not (isinstance(value, (str, list)) and len(value) == 0)


def show(value: Value) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "…'"


def listing(vocabulary: Vocabulary, limit: int = 16) -> str:
    keys = list(vocabulary)
    shown = ", ".join(keys[:limit])
    return shown + (f" … ({len(keys)} i allt)" if len(keys) > limit else "")


def suggest(word: Value, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(word).lower(), list(options), n=1, cutoff=0.6)
    return f" Menade du '{close[0]}'?" if close else ""


def yaml_reading(value: Value) -> tuple[str, str, str] | None:
    """What YAML made of an unquoted word meant as text: (what it read, a quoted example, why), in Swedish."""
    if isinstance(value, bool):
        return (
            f"sant/falskt-värdet {str(value).lower()}",
            '"yes" eller "on"',
            "Utan citattecken läser YAML yes, no, on och off som true eller false.",
        )
    if isinstance(value, (int, float)):
        return (
            f"talet {value!r}",
            '"2030" eller "1.10"',
            "Utan citattecken kan YAML ändra det: 010 blir 8 och 1.10 blir 1.1.",
        )
    if isinstance(value, datetime.date):
        return (f"datumet {value.isoformat()}", '"2026-01-01"', "Utan citattecken läser YAML ÅÅÅÅ-MM-DD som ett datum.")
    return None


def _required(f: "Field") -> bool:
    return f.required


class Kind:
    """A field kind. Scalar kinds override `problem`; composite kinds override `check`.

    Each kind also knows its projections, so no other module asks which kind a field has: its JSON
    Schema, its label in the field reference, how the scaffolder writes it (`yaml`) and how the form's
    file writer does (`yaml_style`), its form widget, and its element in the GitHub issue form.
    """

    is_list = False  # a list of values (ListOf)
    is_date = False  # written as a YAML date (Date)
    block_example = False  # its example takes a block of lines in front matter (a record, or a list of them)

    label = ""  # Swedish, in the guide's field table: "text", "datum ÅÅÅÅ-MM-DD"
    plural = ""  # Swedish, after "lista med" when the kind is a list's item: "texter"
    vocabulary: Vocabulary | None = None  # the allow-list of a Choice (also through ListOf)
    types: tuple[str, ...] = ()  # the content types a Reference may name; empty: any
    fields: tuple["Field", ...] = ()  # the subfields of a Record

    def check(self, value: Value, path: FieldPath, context: Context) -> list[Problem]:
        """Problems with a given value at `path`; `context` makes problems with the value's line."""
        message = self.problem(value, context.name(path))
        return [context.problem(path, message)] if message else []

    def problem(self, value: Value, name: str) -> str | None:
        raise NotImplementedError

    def json_schema(self) -> JsonSchema:
        raise NotImplementedError

    def details(self) -> str:
        """What the guide's table adds after the label: the allowed values or the subfields."""
        return ""

    def yaml(self, value: Value) -> str:
        """The value as the scaffolder writes it in front matter."""
        return str(value)

    def references(self, value: Value, path: FieldPath) -> Iterator[tuple["Reference", FieldPath, Value]]:
        """(reference kind, path, value) for each id this value names, for the catalog to resolve."""
        return iter(())

    @property
    def element(self) -> "Kind":
        """The kind of one value: a list's item, else the kind itself."""
        return self

    def yaml_style(self) -> YamlStyle:
        raise ValueError(f"no YAML style for {self!r}")

    def form_widget(self, many: bool) -> dict[str, Any] | None:
        """The form editor's widget for a value with no list of choices, or None if the form cannot show it."""
        return None

    def issue_form_hint(self, many: bool, example: str) -> str:
        """What the GitHub issue form adds to a field's description: how to answer in a form, not in YAML."""
        return ""

    def issue_form_options(self) -> tuple[list[str], int | None] | None:
        """The issue form's dropdown for this kind: (options, default index), or None for a text answer."""
        return None

    def __repr__(self) -> str:  # readable in test ids and error messages: Choice(aldre, barn-och-unga)
        inner = ", ".join(list(self.vocabulary or ()) or list(self.types) or [f.name for f in self.fields])
        return f"{type(self).__name__}({inner})"


class Text(Kind):
    label, plural = "text", "texter"

    def problem(self, value: Value, name: str) -> str | None:
        if isinstance(value, str):
            return None if value.strip() else f"Fältet '{name}' är tomt. Skriv ett värde eller ta bort fältet."
        reading = yaml_reading(value)
        if reading:
            read, example, why = reading
            return (
                f"Fältet '{name}' ska vara en text, men YAML läser värdet som {read}. Sätt citattecken runt "
                f"värdet precis som du skrev det, till exempel {example}. {why}"
            )
        return f"Fältet '{name}' ska vara en text, men är {show(value)}."

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "pattern": NOT_BLANK_PATTERN}

    def yaml(self, value: Value) -> str:
        return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a safe YAML string

    def yaml_style(self) -> YamlStyle:
        return "json"

    def form_widget(self, many: bool) -> dict[str, Any] | None:
        if many:  # texts separated by commas in the form, a list in the file
            return {"widget": "kb-list", "hint": " Skriv flera med kommatecken emellan."}
        return {
            "widget": "kb-text",
            "pattern": [self.json_schema()["pattern"], "Skriv något annat än mellanslag, eller lämna fältet tomt."],
        }

    def issue_form_hint(self, many: bool, example: str) -> str:
        return "Skriv orden med komma emellan." if many else ""


class WebAddress(Text):
    label = "webbadress (https://…)"
    plural = "webbadresser"

    def problem(self, value: Value, name: str) -> str | None:
        text_problem = super().problem(value, name)
        if text_problem:
            return text_problem
        if not WEB_ADDRESS.match(value):
            return (
                f"Webbadressen {show(value)} går inte att använda. Skriv hela adressen som den står i "
                f"webbläsaren, med https:// (eller http://) först och utan mellanslag."
            )
        return None

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "pattern": WEB_ADDRESS_PATTERN}


class Reference(Text):
    """The id of another item; whether it exists is checked by the catalog once every item is loaded."""

    label, plural = "id för en sida", "id"

    def __init__(self, types: tuple[str, ...] = ()):
        self.types = tuple(types)

    def yaml(self, value: Value) -> str:
        return str(value)

    def yaml_style(self) -> YamlStyle:
        return "plain"

    def issue_form_hint(self, many: bool, example: str) -> str:
        example = f" till exempel {example}" if example else ""
        return (
            f"Skriv id:na med komma emellan,{example}. Giltiga id står på sidan Alla fält i en berättelse; "
            "vet du inte id:t räcker namnet."
        )

    def references(self, value: Value, path: FieldPath) -> Iterator[tuple["Reference", FieldPath, Value]]:
        yield self, path, value


class Date(Kind):
    label, plural = "datum ÅÅÅÅ-MM-DD", "datum"
    is_date = True

    def yaml_style(self) -> YamlStyle:
        return "plain"

    def problem(self, value: Value, name: str) -> str | None:
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return None
        message = (
            f"Fältet '{name}' ska vara ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2026-11-23, "
            f"men är {show(str(value))}."
        )
        if isinstance(value, str) and _is_iso_date(value.strip()):
            message += " Ta bort citattecknen runt datumet."
        return message

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "format": "date", "pattern": ISO_DATE_PATTERN}


def _is_iso_date(text: str) -> bool:
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


class Integer(Kind):
    label, plural = "heltal", "heltal"

    def problem(self, value: Value, name: str) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"Fältet '{name}' ska vara ett heltal, men är {show(value)}."
        return None

    def json_schema(self) -> JsonSchema:
        return {"type": "integer"}

    def yaml_style(self) -> YamlStyle:
        return "number"


class Number(Kind):
    """A finite number: YAML's .inf and .nan would break charts and have no form in JSON."""

    label, plural = "tal", "tal"

    def problem(self, value: Value, name: str) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return (
                f"Fältet '{name}' ska vara ett tal med punkt som decimaltecken (till exempel 2.5), "
                f"men är {show(value)}."
            )
        return None

    def json_schema(self) -> JsonSchema:
        return {"type": "number"}

    def yaml_style(self) -> YamlStyle:
        return "number"


class Boolean(Kind):
    label, plural = "true eller false", "true eller false"

    def problem(self, value: Value, name: str) -> str | None:
        if isinstance(value, bool):
            return None
        return f"Fältet '{name}' ska vara true eller false, men är {show(value)}."

    def json_schema(self) -> JsonSchema:
        return {"type": "boolean"}

    def yaml(self, value: Value) -> str:
        return str(bool(value)).lower()

    def yaml_style(self) -> YamlStyle:
        return "boolean"

    def form_widget(self, many: bool) -> dict[str, Any] | None:
        return {"widget": "kb-boolean"}

    def issue_form_hint(self, many: bool, example: str) -> str:
        return "Välj Ja (true) eller Nej (false)."

    def issue_form_options(self) -> tuple[list[str], int | None] | None:
        return list(BOOLEAN_OPTIONS), 0


class Choice(Kind):
    label, plural = "ett värde ur listan", "värden ur listan"

    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary: Vocabulary = vocabulary

    def problem(self, value: Value, name: str) -> str | None:
        vocabulary = self.vocabulary or {}
        if isinstance(value, str) and value in vocabulary:
            return None
        return (
            f"Ogiltigt värde {show(value)} i '{name}'.{suggest(value, vocabulary)} Välj ett av: {listing(vocabulary)}."
        )

    def json_schema(self) -> JsonSchema:
        return {"type": "string", "enum": list(self.vocabulary or {})}

    def details(self) -> str:
        return ", ".join(f"`{key}`" for key in self.vocabulary or {})

    def yaml_style(self) -> YamlStyle:
        return "plain"

    def issue_form_options(self) -> tuple[list[str], int | None] | None:
        vocabulary = self.vocabulary or {}
        return [vocabulary_label(vocabulary, key) for key in vocabulary], None


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
        schema["minItems"] = 1  # an empty list is never a value (see the module docstring)
    if f.example is not None:
        schema["examples"] = [f.example]
    return schema


# Rules between fields. In JSON Schema a field that is present is also given: an empty value
# fails the field's own schema, as it fails the validator's field check.


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
