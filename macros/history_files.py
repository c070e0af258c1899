"""The files the build writes from git history, besides the pages: the Atom feed and the redirects.

One function for both build paths: the hook build adds these files to MkDocs' file set
(macros/hooks.py on_files), the staging generator writes them into its tree (macros/generate.py),
so each engine copies them into the site as they are.
"""

from . import feed, redirects, workflow


def site_files(state, taken=()) -> dict:
    """Site path -> text: nytt.xml and one index.html per old address (see macros/redirects.py).

    taken: site paths (directory URLs) other files already use, which a redirect must not overwrite.
    """
    published = [i for i in state.catalog.items.values() if state.preview or not workflow.is_draft(i)]
    files = {feed.FEED_PATH: feed.atom_feed(state.catalog, state.history, state.site_url, state.site_name,
                                            state.preview)}
    for redirect in redirects.redirects(state.catalog, state.history, published, taken):
        files[redirect.src_uri] = redirects.redirect_page(redirect, state.site_url, state.site_name)
    return files
