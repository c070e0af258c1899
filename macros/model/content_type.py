"""A content type: its names, its folder and address, its fields (after the common ones) and the rules
between them, and its whole front matter as one record."""

from dataclasses import dataclass, field

from macros.model.common_fields import COMMON_FIELDS
from macros.model.field_declaration import Field
from macros.model.kinds import Record, Rule


@dataclass(frozen=True)
class ContentType:
    key: str  # English identifier used in code
    name: str  # Swedish name shown to authors
    folder: str  # repository folder the files live in
    url_prefix: str  # site path the pages are published under
    description: str
    fields: tuple[Field, ...] = field(default=())
    # Rules between fields (kinds.RequiredWhen, kinds.ExactlyOne, kinds.MaxLength), checked after the fields.
    rules: tuple[Rule, ...] = ()

    def field(self, name: str) -> Field | None:
        return next((f for f in self.all_fields if f.name == name), None)

    def field_named(self, name: str) -> Field:
        """The field `name`, which the caller knows the type has (a KeyError naming both if not)."""
        found = self.field(name)
        if found is None:
            raise KeyError(f"{self.key} has no field {name!r}")
        return found

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.fields

    @property
    def front_matter(self) -> Record:
        """The whole front matter as one record: every field and the type's rules."""
        return Record(self.all_fields, self.rules)
