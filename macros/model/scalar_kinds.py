"""The scalar kinds: one value each (a text, a web address, a reference, a date, a number, a yes/no
or one value from an allow-list), with its check, its JSON Schema and its Swedish label."""

import datetime
import json
import math
import re
from collections.abc import Iterator
from typing import Any

from macros.model.kind_base import (
    FieldPath,
    JsonSchema,
    Kind,
    Value,
    Vocabulary,
    YamlStyle,
    listing,
    show,
    suggest,
    vocabulary_label,
    yaml_reading,
)

# The GitHub issue form's answers for a yes/no field: "Nej" first, the default (a story is de-identified
# unless the author says otherwise).
BOOLEAN_OPTIONS = ["Nej (false)", "Ja (true)"]

# A public web address as a browser shows it: http or https (in any case), no spaces, quotes,
# angle brackets or character references (which would turn "&#74;avascript:" into a script link).
# Written so that Python and ECMA 262 (JSON Schema's `pattern`) read it alike: no flags, and
# (?![\s\S]) for the true end of the text, where Python's $ would also allow a final line break.
WEB_ADDRESS_PATTERN = r"^(?![\s\S]*&[#a-zA-Z]\w*;)[hH][tT][tT][pP][sS]?://[^\s<>\"'`\\]+(?![\s\S])"
NOT_BLANK_PATTERN = r"\S"
ISO_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\s\S])"
WEB_ADDRESS = re.compile(WEB_ADDRESS_PATTERN)


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
