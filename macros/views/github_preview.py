"""A pull request's preview for reviewers: which pages to photograph, and the job summary that lists them.

The pages are the ones the pull request changes, found by the same mapping from changed files to pages as
the validator's summary (macros.views.github_annotations.changed_pages). When code or styling changes, every page may
look different, so the key pages are added. GitHub's job summary cannot show pictures taken in the run, so
the screenshots travel as an artifact and the summary lists each one next to the page it shows.

Titles and file paths are contributed text: they are escaped as table cells. A screenshot's file name is
made here from an allow-list of characters, never taken from a contributed name.
"""

import re
from dataclasses import dataclass

from macros.content.workflow import is_listed
from macros.views.github_annotations import cell, changed_pages
from macros.views.markdown import display_title

# Changed files under these paths can change how every page looks: the key pages are photographed too.
SITE_WIDE = ("macros/", "docs/assets/", "docs/_ordlista/", "mkdocs.yml", "region.yml")
MAX_PAGES = 12  # two pictures each; a pull request touching more pages lists the rest without pictures
ARTIFACTS = {"skarmbilder": "skärmbilderna", "webbplats": "hela webbplatsen, byggd med ändringarna"}


@dataclass(frozen=True)
class Page:
    url: str  # site path, "" for the start page
    title: str
    source: str = ""  # the changed repository file, or "" for a key page


def is_site_wide(path: str) -> bool:
    return path.startswith(SITE_WIDE)


# The pages a reviewer looks at first: one of each kind a reader meets. The site's own pages by address,
# each content type by its first published page (by id): the region's own content, so it fits any region.
KEY_PAGES: tuple[tuple[str, str], ...] = (
    ("startsida", "/"),
    ("berattelse", "story"),
    ("strategi", "strategy"),
    ("karta", "/kartor/karta/"),
    ("introduktion", "journey"),
    ("indikator", "indicator"),
    ("matris", "/kartor/matris/"),
)


def key_pages(catalog) -> dict[str, str]:
    """Name -> site path of the key pages in this catalog; a type without a published page is left out."""
    pages = {}
    for name, what in KEY_PAGES:
        if what.startswith("/"):
            pages[name] = what[1:]
            continue
        listed = sorted((i for i in catalog.of_type(what) if is_listed(i, catalog.today, False)), key=lambda i: i.id)
        if listed:
            pages[name] = listed[0].url
    return pages


def pages_to_photograph(
    catalog, changed_files, key_pages: dict, is_built=lambda url: True, limit: int = MAX_PAGES
) -> tuple[list[Page], list[tuple[Page, str]]]:
    """(pages to photograph, [(page, why not)]) for these changed files; key pages when nothing else is."""
    by_path = {item.rel_path: item for item in catalog.items.values()}
    by_url = {item.url: item for item in catalog.items.values()}
    changed = [
        Page(url, display_title(by_path[path]), path)
        for path, url in changed_pages(changed_files, {p: i.url for p, i in by_path.items()})
    ]
    if not changed or any(is_site_wide(path) for path in changed_files):
        seen = {page.url for page in changed}
        changed += [
            Page(url, display_title(by_url[url]) if url in by_url else name)
            for name, url in key_pages.items()
            if url not in seen
        ]
    chosen, skipped = [], []
    for page in changed:
        if not is_built(page.url):
            skipped.append((page, "sidan finns inte i bygget"))
        elif len(chosen) >= limit:
            skipped.append((page, f"fler än {limit} sidor ändras"))
        else:
            chosen.append(page)
    return chosen, skipped


def shot_stem(index: int, page: Page) -> str:
    """A screenshot's file name without the device, from an allow-list of characters: number and path."""
    slug = re.sub(r"[^a-z0-9]+", "-", page.url.lower()).strip("-")[:60].strip("-") or "startsida"
    return f"{index:02d}-{slug}"


def preview_summary(
    shots: list[tuple[Page, str]], skipped, viewports: dict, site_url: str = "", drafts: bool = True
) -> str:
    """Swedish Markdown for the job summary: each page with its address and its screenshots' file names.

    `shots` are (page, file stem): the pictures are `<stem>-<device>.png`, one per viewport."""
    base = site_url.strip().rstrip("/") + "/" if site_url.strip() else "/"
    sizes = " och ".join(f"{device} ({w}×{h})" for device, (w, h) in viewports.items())
    lines = [
        "## Förhandsvisning",
        "",
        "Webbplatsen är byggd med ändringarna i den här pull requesten"
        + (", utkast inräknade (de är märkta *Utkast*)" if drafts else "")
        + f". Skärmbilderna visar första skärmen i {sizes}.",
        "",
    ]
    if shots:
        devices = [device.capitalize() for device in viewports]
        lines += [
            "| Sida | Ändrad fil | Adress när sidan är publicerad | " + " | ".join(devices) + " |",
            "| --- | --- | --- | " + " | ".join("---" for _ in devices) + " |",
        ]
        for page, stem in shots:
            source = cell(page.source) if page.source else "nyckelsida"
            files = " | ".join(cell(f"{stem}-{device}.png") for device in viewports)
            lines.append(f"| {cell(page.title)} | {source} | {cell(base + page.url)} | {files} |")
    else:
        lines.append("Inga sidor att ta skärmbilder av.")
    if skipped:
        lines += ["", "Utan skärmbild:", ""]
        lines += [f"- {cell(page.title)} ({cell(page.source or 'nyckelsida')}): {why}" for page, why in skipped]
    artifacts = ", ".join(f"**{name}** ({what})" for name, what in ARTIFACTS.items())
    lines += [
        "",
        f"Bilderna och webbplatsen finns som artefakter under *Artifacts* på körningens sida: {artifacts}. "
        "Packa upp webbplatsen, kör `python3 -m http.server` i mappen och öppna http://127.0.0.1:8000/.",
    ]
    return "\n".join(lines) + "\n"
