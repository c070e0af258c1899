"""Whole lists: the generated, paged pages that a cut list links to (macros/views/paging.py).

A list is cut on its page only above paging.MAX_LISTED, and only then does the build write its
whole list, so today's small site gets no extra pages. Three kinds, each newest first:

- every listed story (the stories index links to it): /berattelser/alla/, /berattelser/alla/sida-2/ …;
- the stories that name an item (a strategy, indicator, persona …), linked from its Kopplingar and
  from the map: /strategier/k2/berattelser/;
- the stories carrying a tag value, linked from the tag page: /amnen/strategigrupper/aldre/ (a strategy's
  or persona's tag links to that item's list instead, which holds the same stories).

Each page holds paging.LIST_PAGE_SIZE items and links to the previous and next page. The pages are
left out of search (they only repeat titles) and out of the menu. The staging generator
(macros/generate/staging.py) writes them beside the content pages.
"""

import html
from dataclasses import dataclass

from macros.content.workflow import is_listed
from macros.views import facets, paging, relations
from macros.views.markdown import display_title, link_to, markdown_link, md_text


@dataclass
class WholeList:
    src: str  # the first page's staged path
    title: str  # plain text
    lead: str  # Markdown, without the page count
    back: tuple  # (Markdown link text, staged path, fragment): where the list is cut
    items: list  # newest first


def _whole_lists(build) -> dict:
    """Key -> WholeList for every list that is cut somewhere on the site."""
    catalog, found = build.catalog, {}
    stories = paging.newest(i for i in catalog.of_type("story") if is_listed(i, build.today, build.preview))
    index = next((i for i in build.published_items() if i.src_uri == "berattelser/index.md"), None)
    if paging.is_cut(stories):
        back = ("Berättelser", index.src_uri, "") if index else ("startsidan", "index.md", "")
        found[("all",)] = WholeList(
            paging.ALL_STORIES_SRC,
            "Alla berättelser",
            f"Alla {len(stories)} berättelser, de nyaste först.",
            back,
            stories,
        )
    for item in build.published_items():
        if not is_listed(item, build.today, build.preview):
            continue
        referrers = relations.listed_referrers(item, "story", build)
        if paging.is_cut(referrers):
            name = md_text(display_title(item))
            found[("item", item.id)] = WholeList(
                paging.item_list_src(item),
                f"Berättelser: {display_title(item)}",
                f"{len(referrers)} berättelser som hänvisar till {name}, de nyaste först.",
                (name, item.src_uri, ""),
                referrers,
            )
    listing_for = facets.listing_pages(build)
    for tag, pages in facets.tag_index(build).items():
        prefix, value = tag.split("/", 1)
        listing = listing_for.get(prefix)
        stories = [page for page in pages if page.type.key == "story"]
        if listing is not None and paging.is_cut(stories) and facets.tag_item(tag, build) is None:
            found[("tag", tag)] = WholeList(
                facets.tag_list_src(tag, build),
                f"Berättelser: {prefix} {value}",
                f"{len(stories)} berättelser med ämnesordet {md_text(value)}, de nyaste först.",
                (md_text(display_title(listing)), listing.src_uri, ""),
                paging.newest(stories),
            )
    return found


def whole_lists(build) -> dict:
    return build.table("whole_lists", _whole_lists)


def item_list(item, build) -> WholeList | None:
    """The whole list of stories naming `item`, if it is long enough to have one."""
    return whole_lists(build).get(("item", item.id))


def _link(target_src: str, from_src: str) -> str:
    return markdown_link(target_src, from_src)


def page_markdown(whole: WholeList, number: int) -> tuple[str, dict, str]:
    """(staged path, front matter, body) of page `number` of a whole list."""
    pages = paging.page_count(len(whole.items))
    src = paging.page_src(whole.src, number)
    start = (number - 1) * paging.LIST_PAGE_SIZE
    shown = whole.items[start : start + paging.LIST_PAGE_SIZE]
    title = whole.title if number == 1 else f"{whole.title} – sida {number}"
    lines = [
        f"{whole.lead} Sida {number} av {pages}.",
        "",
        f"Tillbaka till [{whole.back[0]}]({_link(whole.back[1], src)}{whole.back[2]}).",
        "",
    ]
    for item in shown:
        description = item.data.get("beskrivning")
        lines.append(
            f"- [{md_text(display_title(item))}]({link_to(item, src)})"
            + (f" – {md_text(description)}" if description else "")
        )
    steps = []
    if number > 1:
        steps.append(f"[← Föregående sida]({_link(paging.page_src(whole.src, number - 1), src)})")
    steps.append(f"Sida {number} av {pages}")
    if number < pages:
        steps.append(f"[Nästa sida →]({_link(paging.page_src(whole.src, number + 1), src)})")
    lines += ["", " · ".join(steps) + "\n{ .kb-sidor }", ""]
    meta = {
        "title": html.escape(title),
        "description": html.escape(f"{whole.title}, de nyaste först."),
        "search": {"exclude": True},
    }  # plain text: the lead holds Markdown
    return src, meta, "\n".join(lines)


def site_pages(build) -> list[tuple[str, dict, str]]:
    """Every page of every whole list, for the staging tree."""
    out = []
    for whole in whole_lists(build).values():
        out += [page_markdown(whole, n) for n in range(1, paging.page_count(len(whole.items)) + 1)]
    return out


def page_srcs(build) -> list[str]:
    """The staged paths of every whole-list page (the config keeps them out of the menu)."""
    return [
        paging.page_src(whole.src, n)
        for whole in whole_lists(build).values()
        for n in range(1, paging.page_count(len(whole.items)) + 1)
    ]
