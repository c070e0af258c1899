"""The site menu, generated from the catalog so it never needs hand upkeep.

Sections come in a fixed order; stories are deliberately left out (they are
listed on the story pages instead), so the menu stays small however many
stories are written: every page carries the menu, and its size is the build's cost.
"""

from html import escape
from .relations import display_title
from .workflow import is_draft

SECTIONS = (
    ("introduktion", "Ny här?"),
    ("riktning", "Riktning och målbild"),
    ("planer", "Planer"),
    ("strategier", "Strategier"),
    ("principer", "Principer"),
    ("styrning", "Styrning"),
    ("berattelser", "Berättelser"),
    ("amnen", "Bläddra per ämne"),
    ("personas", "Personas"),
    ("indikatorer", "Indikatorer"),
    ("kartor", "Kartor"),
    ("lanet", "Länet"),
    ("bidra", "Bidra"),
    ("om", "Om kunskapsbanken"),
)
NOT_IN_MENU = {"berattelser": "story"}  # section -> content type kept out of the menu


def _order(item):
    return (not item.src_uri.endswith("index.md"), str(item.data.get("plan", "")), str(item.data.get("samling", "")),
            item.data.get("ordning", 0),
            display_title(item).lower())


def build_nav(catalog, preview: bool) -> list:
    groups: dict = {}
    top_pages = []
    for item in catalog.items.values():
        if is_draft(item) and not preview:
            continue
        folder, _, _ = item.src_uri.partition("/")
        if "/" not in item.src_uri:
            top_pages.append(item)
        elif NOT_IN_MENU.get(folder) != item.type.key:
            groups.setdefault(folder, []).append(item)
    nav = [{"Start": "index.md"}] if "index" in catalog.items else []
    known = [key for key, _ in SECTIONS]
    for key, label in list(SECTIONS) + [(k, k.capitalize()) for k in sorted(groups) if k not in known]:
        items = sorted(groups.get(key, []), key=_order)
        if not items:
            continue
        entries = [i.src_uri if i.src_uri.endswith("/index.md") else {escape(display_title(i)): i.src_uri} for i in items]
        nav.append({label: entries})
    for item in sorted(top_pages, key=lambda i: i.title.lower()):
        if item.src_uri != "index.md":
            nav.append({escape(item.title): item.src_uri})
    return nav
