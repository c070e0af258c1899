"""The files the build writes from git history, besides the pages: the Atom feed and the redirects.

The staging generator (macros/generate/staging.py) writes them into its tree beside the pages, so
every engine copies them into the site as they are.
"""

from macros.generate import redirects
from macros.views import feed


def site_files(build, taken=()) -> dict:
    """Site path -> text: nytt.xml and one index.html per old address (see macros/generate/redirects.py).

    taken: site paths (directory URLs) other files already use, which a redirect must not overwrite.
    """
    site = build.site
    files = {feed.FEED_PATH: feed.atom_feed(build.catalog, build.history, site.site_url, site.site_name, build.preview)}
    for redirect in redirects.redirects(build.catalog, build.history, build.published_items(), taken):
        files[redirect.src_uri] = redirects.redirect_page(redirect, site.site_url, site.site_name)
    return files
