"""Tidslinje: every dated event that any page records in its `tidslinje` field, year by year."""

from macros.content.workflow import is_listed
from macros.views.markdown import link_to, md_text


def events(catalog, preview: bool):
    found = []
    for item in catalog.items.values():
        if not is_listed(item, catalog.today, preview):
            continue
        for event in item.data.get("tidslinje") or []:
            if isinstance(event, dict) and isinstance(event.get("ar"), int):
                found.append((event["ar"], str(event.get("handelse", "")), item))
    return sorted(found, key=lambda e: (e[0], e[2].title))


def timeline_markdown(catalog, preview: bool, from_src: str) -> str:
    found = events(catalog, preview)
    if not found:
        return "*Inga daterade händelser ännu.*"
    lines, year = [], None
    for when, text, item in found:
        if when != year:
            lines += ["", f"## {when}", ""]
            year = when
        lines.append(f"- {md_text(text)} ([{md_text(item.title)}]({link_to(item, from_src)}))")
    return "\n".join(lines).strip()
