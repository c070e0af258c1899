"""What a new story may name, as the form, the scaffolder and the guide offer it: the allowed values of a
vocabulary, and the published items of a type listed by their titles (ids stored, titles shown).
"""

from macros.content.catalog import Catalog, Item
from macros.content.scaffold import LINKABLE
from macros.content.workflow import is_expired
from macros.model import vocabularies as v
from macros.model.schema import Field
from macros.views.markdown import display_title


def linkable(catalog: Catalog, type_key: str) -> list[Item]:
    """Items of a type that a new story may link to: published or under review, not expired."""
    found = [i for i in catalog.of_type(type_key) if i.status in LINKABLE and not is_expired(i, catalog.today)]
    return sorted(found, key=lambda i: display_title(i).lower())


def choices(field: Field, catalog: Catalog) -> dict[str, str] | None:
    """id -> label of the values a field accepts (its allow-list or the items it may name); None: free text."""
    if field.vocabulary:
        return {key: v.label(field.vocabulary, key) for key in field.vocabulary}
    if field.ref_types:
        return {i.id: display_title(i) for key in field.ref_types for i in linkable(catalog, key)}
    return None
