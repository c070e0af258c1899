"""The editors' page ("Att granska"): what waits for review, is overdue or is about to expire.

Built from the catalog on every build, so the list is as fresh as the last published build.
"""

import datetime

from macros.content.workflow import is_draft, review_due
from macros.views.markdown import display_title, link_to, md_text
from macros.views.sources import swedish_date

EXPIRING_WITHIN_DAYS = 60


def under_review(item, today) -> bool:
    return item.status == "granskning"


def expiring(item, today) -> bool:
    ends = item.data.get("upphor")
    soon = today + datetime.timedelta(days=EXPIRING_WITHIN_DAYS)
    return item.status != "arkiverad" and hasattr(ends, "year") and today <= ends <= soon


# (heading, the date field shown and its column heading, which items, text when there are none)
SECTIONS = (
    ("Under granskning", "skapad", "Skapad", under_review, "Ingen sida har status granskning."),
    (
        "Granskningsdatum har passerat",
        "nasta_granskning",
        "Skulle granskas",
        review_due,
        "Ingen sida har ett passerat granskningsdatum.",
    ),
    (
        f"Upphör inom {EXPIRING_WITHIN_DAYS} dagar",
        "upphor",
        "Upphör",
        expiring,
        "Ingen sida upphör den närmaste tiden.",
    ),
)


def table(items, date_field: str, date_heading: str, from_src: str) -> str:
    rows = [f"| Sida | Typ | Ansvarig | {date_heading} |", "| --- | --- | --- | --- |"]
    for item in sorted(items, key=lambda i: (str(i.data.get(date_field) or ""), i.title.lower())):
        date = item.data.get(date_field)
        title = display_title(item)
        owner = md_text(item.data.get("ansvarig") or "–")
        when = swedish_date(date) if date else "–"
        rows.append(
            f"| [{md_text(title)}]({link_to(item, from_src)}) | {item.type.name.capitalize()} | {owner} | {when} |"
        )
    return "\n".join(rows)


def contact_details_table(items, from_src: str) -> str:
    """Stories that publish named contact details: an editor checks each one and its reason."""
    rows = ["| Sida | Kontaktuppgifter | Skäl |", "| --- | --- | --- |"]
    for item in sorted(items, key=lambda i: i.title.lower()):
        named = ", ".join(str(v) for v in item.data.get("kontaktuppgifter") or [])
        rows.append(
            f"| [{md_text(display_title(item))}]({link_to(item, from_src)}) | {md_text(named)} | "
            f"{md_text(item.data.get('personuppgifter_tillatna') or '–')} |"
        )
    return "\n".join(rows)


def page(catalog, preview: bool, from_src: str, today) -> str:
    """Every section with its heading; drafts only in the preview, since only it gives them a page."""
    items = [i for i in catalog.items.values() if preview or not is_draft(i)]
    parts = [f"Sammanställt {swedish_date(today)}, när webbplatsen byggdes.", ""]
    for heading, date_field, date_heading, rule, empty in SECTIONS:
        found = [i for i in items if rule(i, today)]
        listing = table(found, date_field, date_heading, from_src) if found else f"*{empty}*"
        parts += [f"## {heading}", "", listing, ""]
    named = [i for i in items if i.data.get("kontaktuppgifter") or i.data.get("personuppgifter_tillatna")]
    listing = contact_details_table(named, from_src) if named else "*Ingen sida publicerar kontaktuppgifter.*"
    parts += ["## Publicerar kontaktuppgifter", "", listing, ""]
    return "\n".join(parts)
