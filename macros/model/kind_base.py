"""What every field kind shares: the Kind base class, the types its methods speak in, and the helpers
that word its Swedish messages (a value shown, an allow-list listed, a near match suggested, what
YAML made of an unquoted word).

Scalar kinds are in macros/model/scalar_kinds.py, lists and records in macros/model/composite_kinds.py,
rules between fields in macros/model/field_rules.py; macros/model/kinds.py names them all.
"""

import datetime
import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Protocol

from macros.model.problems import Problem

if TYPE_CHECKING:  # a Field is made from a kind; a Reference is a kind
    from macros.model.field_declaration import Field
    from macros.model.scalar_kinds import Reference

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


def vocabulary_label(vocabulary: Vocabulary, key: str) -> str:
    """The reader-facing label of an allow-listed id."""
    value = vocabulary[key]
    return value["label"] if isinstance(value, dict) else value


class Context(Protocol):
    """What a check needs from its caller (macros/model/fields.py): a field's name, and a Problem at its line."""

    def name(self, path: FieldPath) -> str: ...

    def problem(self, path: FieldPath, message: str) -> Problem: ...


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
