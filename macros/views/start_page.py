"""The start page's own parts: a search field on the page, and Nytt och ändrat.

The search field is a plain form that reloads the page with ?q=…, which Material's search
opens with the query, so it needs no script of ours. Nytt och ändrat lists the pages that
changed most recently, and links to the same list as an Atom feed (nytt.xml, macros/views/feed.py).
Dates come from the build's one read of git history (macros/content/history.py: the day each change
reached the main line, not the date its author gave the commit), falling back to
the front-matter dates, so the list costs nothing extra and needs no upkeep.
"""

from html import escape

from macros.content.last_changed import last_changed
from macros.content.workflow import is_listed
from macros.model.vocabularies import REGION
from macros.views.feed import FEED_PATH
from macros.views.markdown import display_title, link_to, markdown_link, md_text
from macros.views.sources import swedish_date


def latest(catalog, changed: dict, preview: bool, count: int):
    """The `count` listed pages changed last, newest first (overview and index pages left out)."""
    pages = [
        i
        for i in catalog.items.values()
        if is_listed(i, catalog.today, preview) and not i.src_uri.endswith("index.md") and last_changed(i, changed)
    ]
    pages.sort(key=lambda i: (str(last_changed(i, changed)), i.title), reverse=True)
    return pages[:count]


def whats_new_markdown(catalog, changed: dict, preview: bool, from_src: str, count: int = 6) -> str:
    lines = []
    for item in latest(catalog, changed, preview, count):
        kind = item.type.name.lower()
        lines.append(
            f"- [{md_text(display_title(item))}]({link_to(item, from_src)}) "
            f"<small>{md_text(kind)}, {swedish_date(last_changed(item, changed))}</small>"
        )
    listing = "\n".join(lines) if lines else "Inga ändringar att visa."
    # The same list as an Atom feed (macros/views/feed.py), which Outlook and other feed readers can follow.
    feed = markdown_link(FEED_PATH, from_src)
    return (
        listing
        + f"\n\n[Följ Nytt och ändrat i Outlook eller en annan flödesläsare]({feed}) (Atom-flöde)\n{{ .kb-flode }}"
    )


def search_box_html() -> str:
    examples = REGION.search_examples
    placeholder = f' placeholder="Till exempel {escape(examples)}"' if examples else ""
    return (
        '<form class="kb-startsok" action="./" method="get" role="search" aria-label="Sök på webbplatsen">\n'
        '<label for="kb-startsok-falt">Vad letar du efter?</label>\n'
        '<span class="kb-startsok__rad">'
        '<input id="kb-startsok-falt" name="q" type="search" autocomplete="off"'
        f"{placeholder}>"
        '<button type="submit">Sök</button></span>\n</form>'
    )
