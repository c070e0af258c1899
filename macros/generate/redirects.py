"""Old addresses keep working: a small redirect page wherever a renamed page used to be.

Like Plone's redirector, but with nothing kept by hand: the renames come from the build's one read
of git (macros/content/history.py), which resolves chains (a → b → c sends a and b to c). A redirect page is
plain HTML at the old address: an instant meta refresh, a visible Swedish link for anyone whose
browser does not follow it, and rel=canonical to the new address. No script, no other host.

What is never written: a redirect to a page that is not published in this build (deleted, a draft),
one at an address a real page or file has now, and one whose old or new address is not made of the
catalog's slug characters (a-z, 0-9 and hyphens per segment): file names are contributed text.
"""

import html
import posixpath
from dataclasses import dataclass

from macros.content.catalog import CONTENT_ROOTS, FLAT_ROOTS, directory_url, site_path
from macros.content.workflow import SLUG
from macros.views.feed import absolute
from macros.views.markdown import display_title, url_to


@dataclass(frozen=True)
class Redirect:
    old_path: str  # the repository file that used to be published there (contributed: a file name)
    old_url: str  # site path with directory URLs, e.g. berattelser/gammalt-namn/
    item: object  # the catalog item it leads to

    @property
    def src_uri(self) -> str:
        """The file written into the site, e.g. berattelser/gammalt-namn/index.html."""
        return self.old_url + "index.html"


def safe_url(url: str) -> bool:
    """A site path made only of slug segments (berattelser/trygg-hemgang/), never the start page."""
    return bool(url) and url.endswith("/") and all(SLUG.match(part) for part in url[:-1].split("/"))


def old_url(old_path: str) -> str | None:
    """Where a repository file was published, or None if it could never have been a page."""
    parts = old_path.split("/")
    if parts[0] not in CONTENT_ROOTS or not old_path.endswith(".md") or len(parts) < 2:
        return None
    if parts[0] in FLAT_ROOTS and len(parts) != 2:
        return None
    if any(part.startswith(("_", ".")) for part in parts[1:]):
        return None
    url = directory_url(site_path(old_path))
    return url if safe_url(url) else None


def redirects(catalog, history, published, taken=()) -> list[Redirect]:
    """Every old address that leads to a page published in this build, sorted by address.

    published: the items that get a page in this build; taken: other site paths already in use
    (directory URLs, as item.url writes them), besides the published pages' own.
    """
    if history is None or not history.available:
        return []
    live = {item.rel_path: item for item in published}
    used = {item.url for item in published} | set(taken)
    found = {}
    for old, now in history.renames.items():
        item = live.get(now)
        url = old_url(old)
        if item is None or url is None or url in used or url in found or not safe_url(item.url):
            continue
        found[url] = Redirect(old, url, item)
    return [found[url] for url in sorted(found)]


def redirect_page(redirect: Redirect, site_url: str, site_name: str) -> str:
    """The redirect page's HTML: valid, Swedish, no script, nothing from another host."""
    item = redirect.item
    here = redirect.old_url + "index.md"  # as if a page were built at the old address
    target = html.escape(url_to(item, here), quote=True)
    canonical = html.escape(absolute(site_url, item.url), quote=True)
    title = html.escape(display_title(item), quote=True)
    home = html.escape(posixpath.relpath(".", redirect.old_url) + "/", quote=True)
    return f"""<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sidan har flyttat: {title} – {html.escape(site_name, quote=True)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{canonical}">
<meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
<main>
<h1>Sidan har flyttat</h1>
<p>Sidan du letar efter har fått en ny adress: <a href="{target}">{title}</a>.</p>
<p>Uppdatera gärna ditt bokmärke. <a href="{home}">Till startsidan</a></p>
</main>
</body>
</html>
"""


def is_redirect_page(text: str) -> bool:
    """Whether a built HTML file is one of these redirect pages (for tools that walk the built site)."""
    return '<meta http-equiv="refresh" content="0; url=' in text and '<meta name="robots" content="noindex">' in text
