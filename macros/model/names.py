"""Names: ids, file and folder names, and the site addresses content may not take.

A file name is contributed text like a title: it becomes an address, a link target, an edit link
and a line in messages. So every file and folder under the content folders follows one rule, the
same for docs/, stories/ and strategies/: a lower-case slug (a–z, 0–9, single hyphens), at most
MAX_NAME characters, ending in one of the suffixes allowed where it lies. What the rule refuses never
reaches a template, and the message spells out the name to rename it to.
"""

import re
import unicodedata

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_NAME = 80  # characters in one file or folder name, without its suffix (slugify cuts titles here)
PAGE_SUFFIX = ".md"
# Files other than pages that may sit in docs/ (images, documents); anything else (HTML, SVG,
# scripts) would be published as it stands, outside the sanitizer.
DOCS_ASSET_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")
GLOSSARY_FOLDER = "_ordlista"  # docs/_ordlista/: appended to every page by pymdownx.snippets (mkdocs.yml)

# First parts of site addresses that the theme, the engine or the build own: a content file there
# would replace the site's own file on every page (docs/assets/images/favicon.png was the icon of
# every page) or collide with it and stop the build. Kept complete by a test that reads every
# top-level name of the built site (tests/test_file_names.py).
RESERVED_ADDRESSES = {
    "assets": "temats och webbplatsens stilmallar, skript och bilder",
    "search": "sökindexet",
    "schemas": "JSON-schemana för redigerare",
    "redigera": "formuläret för nya berättelser",
    "sitemap": "webbplatskartan (sitemap.xml)",
    "nytt": "flödet Nytt och ändrat (nytt.xml)",
    "404": "sidan som visas när en adress inte finns",
}


# Addresses the build gives the whole lists of stories (macros/views/full_lists.py) when a list is cut:
# content may not take them, whether or not a list is long enough today to need them.
ALL_STORIES_SRC = "berattelser/alla.md"  # every listed story, newest first: /berattelser/alla/, …/sida-2/
STORY_LIST_NAME = "berattelser"  # an item's whole list of stories: /strategier/k2/berattelser/
TAG_LISTS = "amnen"  # a tag value's whole list, under its tag page: /amnen/strategigrupper/aldre/


def generated_list_problem(site_path: str, item_urls: set[str]) -> str | None:
    """The Swedish problem if a content page's site path is one the build keeps for a whole list: the
    list of every story, a list of the stories that name an item (its address + berattelser/), or a
    tag value's list under a tag page (amnen/<ämne>/…); None otherwise."""
    stem = site_path[: -len(PAGE_SUFFIX)] if site_path.endswith(PAGE_SUFFIX) else site_path
    parts = stem.split("/")
    everything = ALL_STORIES_SRC[: -len(PAGE_SUFFIX)]
    if stem == everything or stem.startswith(everything + "/"):
        what = "listan över alla berättelser"
    elif parts[0] == TAG_LISTS and len(parts) >= 3:
        what = f"listorna under ämnessidan /{TAG_LISTS}/{parts[1]}/"
    else:
        at = next((i for i, part in enumerate(parts) if part == STORY_LIST_NAME and i > 0), None)
        if at is None or "/".join(parts[:at]) + "/" not in item_urls:
            return None
        what = f"listan över berättelserna som hänvisar till /{'/'.join(parts[:at])}/"
    return (
        f"Adressen /{printable(stem)}/ är reserverad för {what}, som bygget skriver när listan blir lång. "
        f"Ge sidan ett annat namn eller flytta den till en annan mapp."
    )


def slugify(text: str) -> str:
    """A file name from a title: å/ä -> a, ö -> o, spaces -> hyphens."""
    plain = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_NAME].strip("-") or "namnlos"


def valid_slug(value: str) -> bool:
    return len(value) <= MAX_NAME and bool(SLUG.match(value))


CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(path: str) -> str:
    """A contributed path as a message may print it: control characters (a newline would start a
    forged report line) written as escapes."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", path)


def name_problem(top: str, parts: list[str], is_file: bool) -> str | None:
    """What is wrong with the last name in `parts` (the path below `top`), in Swedish, or None.

    `top` is docs, stories or strategies; `parts` the names below it, the last one being checked.
    """
    name = parts[-1]
    where = "/".join([top, *parts[:-1]])
    if not is_file:
        if top == "docs" and parts == [GLOSSARY_FOLDER]:
            return None
        if valid_slug(name):
            return None
        return (
            f"Mappen '{printable(name)}' i {printable(where)}/ har ett namn som inte är tillåtet: mappar och filer får "
            f"bara heta små bokstäver a–z, siffror och bindestreck, högst {MAX_NAME} tecken. "
            f"Byt namn på mappen till '{slugify(name)}'."
        )
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (name, "")
    allowed = (PAGE_SUFFIX, *DOCS_ASSET_SUFFIXES) if top == "docs" else (PAGE_SUFFIX,)
    fixed_suffix = suffix.lower() if suffix.lower() in allowed else PAGE_SUFFIX
    if valid_slug(stem) and suffix in allowed:
        return None
    fixed = f"{slugify(stem)}{fixed_suffix}"
    return (
        f"Filnamnet '{printable(name)}' i {printable(where)}/ är inte tillåtet: filer får bara heta små bokstäver "
        f"a–z, siffror och bindestreck (högst {MAX_NAME} tecken) och sluta på "
        f"{' eller '.join(allowed)}. Byt namn på filen till '{fixed}'."
    )


def reserved_problem(site_path: str) -> str | None:
    """The Swedish problem if a published file's site path (berattelser/x.md, assets/logo.png, …) lies at
    an address the theme or the build owns, else None."""
    first = site_path.split("/", 1)[0]
    key = first[: -len(PAGE_SUFFIX)] if first.endswith(PAGE_SUFFIX) else first
    if key not in RESERVED_ADDRESSES:
        return None
    return (
        f"Adressen /{printable(key)}/ tillhör webbplatsen själv ({RESERVED_ADDRESSES[key]}), så innehåll kan inte "
        f"ligga där: det skulle ersätta eller krocka med webbplatsens egen fil. Flytta filen till en annan mapp "
        f"eller ge den ett annat namn."
    )
