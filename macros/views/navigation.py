"""The site menu, generated from the catalog so it never needs hand upkeep.

Sections come in a fixed order; stories are deliberately left out (they are
listed on the story pages instead), so the menu stays small however many
stories are written: every page carries the menu, and its size is the build's cost.
"""

from html import escape

from macros.content.workflow import is_draft
from macros.views.markdown import display_title

# The menu has at most nine entries (top tasks, as on GOV.UK and 1177): content folders are grouped
# under them in this order. Editors' pages (bidra/) sit under "Om kunskapsbanken", out of readers' way.
GROUPS = (
    ("Ny här?", ("introduktion",)),
    ("Strategier och planer", ("riktning", "planer", "strategier", "principer")),
    ("Vem beslutar vad", ("styrning",)),
    ("Berättelser", ("berattelser", "personas")),
    ("Resultat och indikatorer", ("indikatorer", "lanet")),
    ("Kartor och ämnen", ("kartor", "amnen")),
    ("Om kunskapsbanken", ("om", "bidra")),
)
FOLDER_LABELS = {  # a folder's label when it is a subsection of a group with several folders
    "riktning": "Riktning och målbild",
    "planer": "Planer",
    "strategier": "Strategier",
    "principer": "Principer",
    "berattelser": "Berättelser",
    "personas": "Personas",
    "indikatorer": "Indikatorer",
    "lanet": "Länet",
    "kartor": "Kartor",
    "amnen": "Bläddra per ämne",
    "om": "Om webbplatsen",
    "bidra": "Bidra",
}
TOP_PAGES_IN = {"kallor.md": "Om kunskapsbanken"}  # top-level pages filed under a group; others stay top level
MAX_TOP_LEVEL = 9
NOT_IN_MENU = {"berattelser": "story"}  # section -> content type kept out of the menu


def _order(item):
    return (
        not item.src_uri.endswith("index.md"),
        str(item.data.get("plan", "")),
        str(item.data.get("samling", "")),
        item.data.get("ordning", 0),
        display_title(item).lower(),
    )


def _entries(items) -> list:
    return [
        i.src_uri if i.src_uri.endswith("/index.md") else {escape(display_title(i)): i.src_uri}
        for i in sorted(items, key=_order)
    ]


def build_nav(catalog, preview: bool) -> list:
    folders: dict = {}
    top_pages = []
    for item in catalog.items.values():
        if is_draft(item) and not preview:
            continue
        folder, _, _ = item.src_uri.partition("/")
        if "/" not in item.src_uri:
            top_pages.append(item)
        elif NOT_IN_MENU.get(folder) != item.type.key:
            folders.setdefault(folder, []).append(item)
    grouped = {folder for _, members in GROUPS for folder in members}
    # A new folder nobody has placed yet still gets a menu entry (under its own name): no page goes missing.
    groups = list(GROUPS) + [(folder.capitalize(), (folder,)) for folder in sorted(folders) if folder not in grouped]
    filed = {label: [] for label, _ in groups}
    for item in top_pages:
        if item.src_uri in TOP_PAGES_IN:
            filed[TOP_PAGES_IN[item.src_uri]].append(item)
    nav = [{"Startsida": "index.md"}] if "index" in catalog.items else []
    for label, members in groups:
        present = [f for f in members if folders.get(f)]
        if len(present) == 1 and not filed[label]:
            entries = _entries(folders[present[0]])
        else:
            entries = [{FOLDER_LABELS.get(f, f.capitalize()): _entries(folders[f])} for f in present]
            entries += [{escape(i.title): i.src_uri} for i in filed[label]]
        if entries:
            nav.append({label: entries})
    for item in sorted(top_pages, key=lambda i: i.title.lower()):
        if item.src_uri != "index.md" and item.src_uri not in TOP_PAGES_IN:
            nav.append({escape(item.title): item.src_uri})
    return nav
