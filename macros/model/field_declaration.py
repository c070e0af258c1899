"""A field as a content type declares it: its name, its kind (macros/model/kinds.py), the Swedish
description and title authors read, whether it is required, and its example."""

from dataclasses import dataclass

from macros.model.kind_base import Kind, Vocabulary


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    example: object = None
    title: str = ""  # Swedish, short: the name forms and the field reference show for the field

    @property
    def vocabulary(self) -> Vocabulary | None:
        """The allow-list of a choice or a list of choices; None for other kinds."""
        return self.kind.vocabulary

    @property
    def ref_types(self) -> tuple[str, ...]:
        """The content types a reference may name; empty for any type (and for other kinds)."""
        return self.kind.types

    @property
    def fields(self) -> tuple["Field", ...]:
        """The subfields of a record or a list of records."""
        return self.kind.fields
