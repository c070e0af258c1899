"""The Plone-style workflow: utkast -> granskning -> publicerad, plus arkiverad and expiry.

Drafts are left out of the production build entirely; archived and expired items
stay reachable but leave listings, maps and search; overdue reviews are warned about.
"""

import datetime
from typing import TYPE_CHECKING

from macros.model.names import SLUG, valid_slug  # noqa: F401  (one naming rule, kept in the model)
from macros.model.problems import WARNING, Problem

if TYPE_CHECKING:  # the catalog imports this module
    from macros.content.catalog import Catalog, Item


def is_draft(item: "Item") -> bool:
    return item.status == "utkast"


def is_expired(item: "Item", today: datetime.date) -> bool:
    expires = item.data.get("upphor")
    return isinstance(expires, datetime.date) and expires < today  # YAML gives nothing else with a year


def is_retired(item: "Item", today: datetime.date) -> bool:
    """Archived or expired: the page stays, but leaves listings, maps and search."""
    return item.status == "arkiverad" or is_expired(item, today)


def is_listed(item: "Item", today: datetime.date, preview: bool = False) -> bool:
    if is_draft(item):
        return preview
    return not is_retired(item, today)


def review_due(item: "Item", today: datetime.date) -> bool:
    due = item.data.get("nasta_granskning")
    return isinstance(due, datetime.date) and due < today and not is_retired(item, today)


def date_problems(catalog: "Catalog") -> list[Problem]:
    found: list[Problem] = []
    for item in catalog.items.values():
        if review_due(item, catalog.today):
            found.append(
                Problem(
                    item.rel_path,
                    item.line("nasta_granskning"),
                    (
                        f"Granskningen var planerad till {item.data['nasta_granskning']} och har passerat. Granska "
                        "innehållet och uppdatera senast_granskad och nasta_granskning."
                    ),
                    WARNING,
                )
            )
        created, reviewed = item.data.get("skapad"), item.data.get("senast_granskad")
        if isinstance(created, datetime.date) and isinstance(reviewed, datetime.date) and reviewed < created:
            found.append(
                Problem(
                    item.rel_path,
                    item.line("senast_granskad"),
                    (f"senast_granskad ({reviewed}) är före skapad ({created}). Rätta datumet."),
                    WARNING,
                )
            )
    return found


# Where a story made in the form is, one sentence each: the form shows them above its fields
# (macros/generate/cms_config.py), the guide with {{ formularets_lagen() }}. Decap's third workflow status
# (ready to publish) is the reviewer's: publishing is merging the reviewed pull request.
FORM_STATES = [
    {
        "term": "Utkast",
        "text": "Berättelsen är sparad men syns inte på webbplatsen, och ingen granskar den ännu; "
        "du kan fortsätta skriva.",
    },
    {
        "term": "Under granskning",
        "text": "Du är klar och en granskare läser berättelsen; du kan fortfarande ändra i den.",
    },
    {
        "term": "Publicerad",
        "text": "Granskaren har godkänt berättelsen och lagt ut den, och den syns på webbplatsen inom en kvart.",
    },
    {
        "term": "Så byter du",
        "text": "Välj Status överst i formuläret. Publicera kan bara granskaren; i formuläret finns ingen sådan knapp.",
    },
]
