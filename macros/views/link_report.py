"""Tell authors, before the strict build does, which links in their text lead nowhere.

The strict build stops on a link to a page that does not exist (or is a draft the build leaves out), on
an absolute link (/kallor/), on a link to a folder or an unknown file, and on an anchor (#rubrik) the
target page does not have; it says so in English, naming the staging copy. The validator reads the same
links from the same rendering the sanitizer report makes (macros/views/sanitize_report.py) and reports
them in Swedish at the source line, with the link to write instead where one can be found.

Anchors are checked against every id the target's own text renders plus the headings every page gets
from the build (GENERATED_ANCHORS); pages that run macros are the developers' and are not read here,
so links from them are left to the build and any anchor on them is taken as present.
"""

import html
import posixpath
import re
import urllib.parse

from macros.content.catalog import site_path
from macros.content.workflow import is_draft
from macros.model.names import DOCS_ASSET_SUFFIXES, PAGE_SUFFIX, printable
from macros.model.problems import Problem
from macros.views.markdown import markdown_link
from macros.views.sanitize_report import SourceText

# Sections the build adds under a page's text: Kopplingar (relations.py), Om källorna (page_anatomy.py),
# Historik (page_history.py), Mätvärden (charts.py, indicators).
GENERATED_ANCHORS = frozenset({"kopplingar", "om-kallorna", "historik", "matvarden"})
LINK = re.compile(r"""<(a|img)\b[^>]*?\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
ID = re.compile(r"""\b(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def targets(rendered: str):
    """(tag, address) for every link and image in rendered HTML, the address as written there (entities decoded)."""
    for match in LINK.finditer(rendered):
        yield match.group(1).lower(), html.unescape(match.group(3) if match.group(3) is not None else match.group(4))


def anchors(rendered: str) -> set:
    """Every id (and name) in rendered HTML: the anchors a link may point to."""
    return {html.unescape(m.group(1) if m.group(1) is not None else m.group(2)) for m in ID.finditer(rendered)}


def _problem(item, tag: str, address: str, catalog, assets: set, ids: dict, moved: set) -> str | None:
    """What is wrong with one address on the page of `item`, in Swedish, or None."""
    parts = urllib.parse.urlsplit(address)
    if parts.scheme or parts.netloc or address.startswith("//"):
        return None  # another site (remote images are refused by the guards), mailto:, tel:
    path, fragment = urllib.parse.unquote(parts.path), urllib.parse.unquote(parts.fragment)
    shown = printable(address)
    if not path:
        if fragment and item in ids and fragment not in ids[item] | GENERATED_ANCHORS:
            return (
                f"Länken '{shown}' pekar på en rubrik som inte finns på sidan. Skriv #-delen som rubrikens adress "
                f"(små bokstäver, bindestreck i stället för mellanslag), eller ta bort länken."
            )
        return None
    if path.startswith("/"):
        known = catalog.item_at(path.strip("/") + ".md") or catalog.item_at(path.strip("/") + "/index.md")
        hint = f" Skriv '{markdown_link(known.src_uri, item.src_uri)}'." if known else ""
        return (
            f"Länken '{shown}' börjar med / och fungerar därför inte på alla adresser där webbplatsen kan ligga. "
            f"Länka relativt till sidans fil i stället.{hint}"
        )
    target = posixpath.normpath(posixpath.join(posixpath.dirname(item.src_uri), path))
    if target.startswith("../") or target == "..":
        return f"Länken '{shown}' pekar utanför webbplatsen. Länka till en sida på webbplatsen eller ta bort länken."
    if not target.endswith(PAGE_SUFFIX):
        if target in assets:
            return None
        if tag == "img":
            return (
                f"Bilden '{shown}' finns inte på webbplatsen ({printable(target)}). Bilder ligger i docs/ (till "
                f"exempel docs/bilder/) och länkas relativt till den här sidan; kontrollera namnet och mappen."
            )
        page = catalog.item_at(target + "/index.md") or catalog.item_at(target + PAGE_SUFFIX)
        hint = f" Skriv '{markdown_link(page.src_uri, item.src_uri)}'." if page else ""
        kinds = ", ".join(DOCS_ASSET_SUFFIXES)
        return (
            f"Länken '{shown}' pekar inte på en sida (.md) eller en fil som finns ({kinds}). Länka till sidans "
            f"fil.{hint}"
        )
    linked = catalog.item_at(target)
    if linked is None and target in moved:
        return None
    if linked is None:
        return (
            f"Länken '{shown}' pekar på en sida som inte finns ({printable(target)} på webbplatsen). Kontrollera namnet och "
            f"mappen: en sida länkas med sin fil (.md), räknat från den här sidans mapp."
        )
    if is_draft(linked) and not is_draft(item):
        return (
            f"Länken '{shown}' pekar på {linked.rel_path}, som är ett utkast och inte publiceras. Publicera den "
            f"först eller ta bort länken."
        )
    if fragment and linked in ids and fragment not in ids[linked] | GENERATED_ANCHORS:
        return (
            f"Länken '{shown}' pekar på rubriken #{printable(fragment)}, som inte finns på {linked.rel_path}. "
            f"Kontrollera rubrikens adress eller ta bort #-delen."
        )
    return None


def problems(catalog, rendered: dict, raws: dict, renamed: dict | None = None) -> list[Problem]:
    """Problems for the links of every item in `raws` (item -> source text); `rendered` maps every item of
    the catalog that could be rendered to its HTML (items missing from it are not read). `renamed`: old
    repository path -> new, from git: a link to a renamed page is the rename check's to report
    (macros/content/renames.py names the new link), not reported twice."""
    moved = {site_path(old) for old in (renamed or {}) if old.endswith(PAGE_SUFFIX)}
    root = catalog.root / "docs"
    assets = (
        {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.suffix in DOCS_ASSET_SUFFIXES}
        if root.is_dir()
        else set()
    )
    ids = {item: anchors(html) for item, html in rendered.items()}
    found = []
    for item, raw in raws.items():
        if item not in rendered:
            continue
        source = SourceText(raw)
        for tag, address in dict.fromkeys(targets(rendered[item])):
            message = _problem(item, tag, address, catalog, assets, ids, moved)
            if message:
                found.append(Problem(item.rel_path, source.line_of(address), message))
    return found
