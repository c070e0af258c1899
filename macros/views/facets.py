"""Facet tags: browse by strategy, strategy group, persona, municipality and subject.

Tags are derived from the typed fields, never typed by hand, and checked against an allow-list
generated from the same vocabularies and catalog, so a tag page cannot drift from the content.
The build writes everything itself, as plain Markdown, so no engine plugin is needed:

- the tag listing pages: a page whose whole body is `<!-- material/tags { include: [Strategi] } -->`
  (docs/amnen/*.md) gets, after its lead, one heading per value of that facet with the pages
  carrying it, in the grouping and with the anchors (`#tag:strategi/k2--…`) that Material's
  tags plugin used, so links to them keep working;
- on every listed page, under Kopplingar, its tags grouped by facet, each linking to its heading.

The index of which pages carry which tag is computed once per build (`build.table`).
"""

import re
import unicodedata
from html import escape

from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.views import paging
from macros.views.markdown import display_title, link_to, md_text, relative_url

FACETS = {  # facet -> tag prefix (the parent of each value, as the listing pages and Kopplingar show it)
    "strategy": "Strategi",
    "group": "Strategigrupp",
    "persona": "Persona",
    "municipality": "Kommun",
    "subject": "Ämne",
}
PREFIXES = tuple(FACETS.values())  # the order Kopplingar shows the facets in
# The field each facet comes from, for a message that names the line.
FACET_FIELDS = {
    "strategy": "strategier",
    "group": "strategigrupper",
    "persona": "personas",
    "municipality": "kommuner",
    "subject": "taggar",
}
# A tag listing page: its whole body is the directive Material's tags plugin reads, which the build
# now fulfils itself. Only `include:` with facet prefixes is understood.
TAG_LISTING = re.compile(r"^\s*<!--\s*material/tags\b([^>]*)-->\s*$")
INCLUDE = re.compile(r"include\s*:\s*\[([^\]\n]{0,500})\]")


def _tag(facet: str, value: str) -> str:
    return f"{FACETS[facet]}/{value.replace('/', '–')}"


def strategy_tag(strategy) -> str:
    return _tag("strategy", display_title(strategy))


def _facet_tags(item, catalog) -> list[tuple[str, str]]:
    """(facet, tag) for every tag the item's fields give it, in field order, once each."""
    data = item.data
    tags = [("subject", _tag("subject", v.TAGS[t])) for t in data.get("taggar") or [] if t in v.TAGS]
    strategies = catalog.refs(item, "strategier")
    if item.type.key == "strategy":
        strategies = [item]
    elif item.type.key == "indicator":
        strategies = catalog.related(item, "strategy", "strategier")
    tags += [("strategy", strategy_tag(s)) for s in strategies]
    tags += [
        ("group", _tag("group", v.STRATEGY_GROUPS[g]))
        for g in data.get("strategigrupper") or []
        if g in v.STRATEGY_GROUPS
    ]
    personas = [item] if item.type.key == "persona" else catalog.refs(item, "personas")
    tags += [("persona", _tag("persona", p.title)) for p in personas]
    tags += [
        ("municipality", _tag("municipality", v.MUNICIPALITIES[m]))
        for m in data.get("kommuner") or []
        if m in v.MUNICIPALITIES
    ]
    return list(dict.fromkeys(tags))


def facet_tags(item, catalog) -> list[str]:
    """The item's tags as `Facet/value` names."""
    return list(dict.fromkeys(tag for _, tag in _facet_tags(item, catalog)))


def allowed_tags(catalog) -> set[str]:
    allowed = {_tag("subject", label) for label in v.TAGS.values()}
    allowed |= {_tag("group", label) for label in v.STRATEGY_GROUPS.values()}
    allowed |= {_tag("municipality", label) for label in v.MUNICIPALITIES.values()}
    allowed |= {strategy_tag(s) for s in catalog.of_type("strategy")}
    allowed |= {_tag("persona", p.title) for p in catalog.of_type("persona")}
    return allowed


def tag_problems(build, allowed: set[str] | None = None) -> list[str]:
    """Every tag of a page that is not on the allow-list, as `file:line: message` in Swedish (all at once).

    Tags come from checked fields, so a problem here means the vocabularies and the content disagree;
    the build stops rather than publish a tag page nobody can reach from the lists.
    """
    catalog = build.catalog
    allowed = allowed_tags(catalog) if allowed is None else allowed
    problems = []
    for item in build.published_items():
        for facet, tag in _facet_tags(item, catalog):
            if tag not in allowed:
                field = FACET_FIELDS[facet]
                problems.append(
                    f"{item.rel_path}:{item.line(field)}: ämnesordet '{tag}' (från fältet '{field}') "
                    f"finns inte bland de tillåtna ämnesorden. Använd ett värde ur listan i "
                    f"bidragsguiden, eller be en utvecklare lägga till det i macros/model/vocabularies.py."
                )
    for item in listing_items(build):
        unknown = [name for name in listing_facets(item) if name not in PREFIXES]
        if unknown or not listing_facets(item):
            line = item.body_line + item.body.count("\n", 0, len(item.body) - len(item.body.lstrip()))
            problems.append(
                f"{item.rel_path}:{line}: ämnessidan listar {', '.join(unknown) or 'inget'}; "
                f"skriv <!-- material/tags {{ include: [{PREFIXES[0]}] }} --> med ett av "
                f"{', '.join(PREFIXES)}."
            )
    return problems


# --- The listing pages -----------------------------------------------------------------------------


def slug(text: str) -> str:
    """The anchor part Material's tags plugin wrote for a tag level (pymdownx.slugs, lower case)."""
    text = re.sub(r"</?[^>]*>", "", unicodedata.normalize("NFC", text)).strip().lower()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchor(tag: str) -> str:
    """`#tag:strategigrupp/äldre` for Strategigrupp/Äldre: each level slugged, as the plugin did."""
    return "tag:" + "/".join(slug(escape(level)) for level in tag.split("/"))


def is_listing(item) -> bool:
    return item.type.key == "page" and bool(TAG_LISTING.match(item.body))


def listing_facets(item) -> list[str]:
    match = INCLUDE.search(TAG_LISTING.match(item.body).group(1))
    return [name.strip().strip("'\"") for name in match.group(1).split(",") if name.strip()] if match else []


def listing_items(build) -> list:
    return [i for i in build.published_items() if is_listing(i)]


def listing_pages(build) -> dict:
    """Facet prefix -> the tag page that lists it (the first by path when several do)."""
    return build.table("facet_listing_pages", _listing_pages)


def _listing_pages(build) -> dict:
    listing_for: dict = {}
    for item in sorted(listing_items(build), key=lambda i: i.src_uri):
        for name in listing_facets(item):
            listing_for.setdefault(name, item)
    return listing_for


def _tag_targets(build) -> dict:
    """Tag name -> (its listing page's directory URL or None, its anchor), for every tag of the build."""
    listing_for = listing_pages(build)
    targets = {}
    for item in build.published_items():
        for tag in facet_tags(item, build.catalog):
            if tag not in targets:
                page = listing_for.get(tag.split("/", 1)[0])
                targets[tag] = (page.url if page is not None else None, anchor(tag))
    return targets


def _tag_index(build) -> dict:
    """Tag name -> the listed pages carrying it, by title; what every listing page reads."""
    catalog = build.catalog
    index: dict = {}
    for item in build.published_items():
        if is_listed(item, catalog.today):
            for tag in facet_tags(item, catalog):
                index.setdefault(tag, []).append(item)
    for items in index.values():
        items.sort(key=display_title)
    return index


def _tag_items(build) -> dict:
    """Tag name -> the strategy or persona it stands for: their stories already have a whole list."""
    found = {strategy_tag(s): s for s in build.catalog.of_type("strategy")}
    found.update({_tag("persona", p.title): p for p in build.catalog.of_type("persona")})
    return found


def tag_item(tag: str, build):
    return build.table("facet_tag_items", _tag_items).get(tag)


def tag_list_src(tag: str, build) -> str:
    """Where the whole list of a tag's stories lives: the strategy's or persona's own list of stories
    (macros/views/full_lists.py), else under the tag page that lists its facet."""
    item = tag_item(tag, build)
    if item is not None:
        return paging.item_list_src(item)
    prefix, value = tag.split("/", 1)
    return paging.tag_list_src(listing_pages(build)[prefix].url, value)


def tag_index(build) -> dict:
    """Tag name -> the listed pages carrying it, by title (computed once per build)."""
    return build.table("facet_tag_index", _tag_index)


def listing_markdown(item, build) -> str:
    """The generated listing of a tag page: a heading per value (with its tag chip), its pages below.

    A value with more than paging.MAX_LISTED stories shows its other pages, its newest stories and a link
    to all its stories
    (macros/views/full_lists.py), so a tag page stays light however many stories carry the tag."""
    if not is_listing(item):
        return ""
    index = tag_index(build)
    src = item.src_uri
    out = []
    for prefix in listing_facets(item):
        for tag in sorted(name for name in index if name.startswith(prefix + "/")):
            value = tag[len(prefix) + 1 :]
            pages = index[tag]
            out += [f'## <span class="md-tag">{md_text(value)}</span> {{ #{anchor(tag)} }}', ""]
            stories = [page for page in pages if page.type.key == "story"]
            if paging.is_cut(stories):  # the other pages are few and written by hand: all of them stay
                shown = [page for page in pages if page.type.key != "story"]
                shown += paging.newest(stories)[: paging.MAX_LISTED]
                out += [f"- [{md_text(display_title(page))}]({link_to(page, src)})" for page in shown] + [""]
                out += [paging.more_line(len(stories), tag_list_src(tag, build), src, "berättelser"), ""]
                continue
            out += [f"- [{md_text(display_title(page))}]({link_to(page, src)})" for page in pages] + [""]
    return "\n".join(out)


def tags_section(item, build) -> list[str]:
    """Under Kopplingar: the page's tags grouped by facet with short labels, each a link to its listing."""
    if not is_listed(item, build.today):
        return []
    tags = facet_tags(item, build.catalog)
    if not tags:
        return []
    targets = build.table("facet_tag_targets", _tag_targets)
    here = item.url
    lines = ['<dl class="kb-amnen">']
    for prefix in PREFIXES:
        values = sorted(tag for tag in tags if tag.startswith(prefix + "/"))
        if values:
            lines.append(f"<dt>{prefix}</dt>")
        for tag in values:
            label = escape(tag[len(prefix) + 1 :])
            url, fragment = targets[tag]
            lines.append(
                f'<dd><a href="{escape(relative_url(url, here) + "#" + fragment)}">{label}</a></dd>'
                if url is not None
                else f"<dd>{label}</dd>"
            )
    return ["### Fler sidor om { data-search-exclude }", "", "\n".join(lines + ["</dl>"]), ""]
