"""The generated "Kopplingar" section: both directions of every link, per content type.

Authors write a link once (a story names its strategies); the catalog's backlinks
give the other direction, so no page lists its relations by hand. What many pages share is
worked out once per build and kept on the Build (`build.table`): which listed stories name each
strategy, indicator and persona, and every item's link text, so a page costs the same however
large the knowledge base grows.
"""

from collections import Counter

from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.views import facets, paging
from macros.views.markdown import display_title, link_to, markdown_link, md_text

MAX_RELATED_STORIES = 5


def _link_texts(build) -> dict:
    """Item id -> (link text, " – description" or ""), for every item, once per build."""
    texts = {}
    for item in build.catalog.items.values():
        description = item.data.get("beskrivning")
        texts[item.id] = (md_text(display_title(item)), f" – {md_text(description)}" if description else "")
    return texts


def link(item, from_src: str, build, with_description: bool = False) -> str:
    title, description = build.table("link_texts", _link_texts)[item.id]
    return f"[{title}]({link_to(item, from_src)})" + (description if with_description else "")


def _visible(items, build):
    return [i for i in items if is_listed(i, build.today, build.preview)]


def _sorted(items):
    return sorted(
        items, key=lambda i: (str(i.data.get("plan", "")), i.data.get("ordning", 0), display_title(i).lower())
    )


MAX_LISTED = paging.MAX_LISTED  # longer story lists end with a link to their whole list, so pages stay light


def _section(
    build, heading: str, items, from_src: str, empty: str | None = None, describe: bool = False, more: str | None = None
) -> list[str]:
    """A relation list; `more`, the whole list's staged path, cuts it to the newest MAX_LISTED when longer."""
    if not items and empty is None:
        return []
    lines = [f"### {heading} {{ data-search-exclude }}", ""]
    cut = more is not None and paging.is_cut(items)
    shown = paging.newest(items)[:MAX_LISTED] if cut else items
    lines += [f"- {link(i, from_src, build, describe)}" for i in shown] if items else [empty]
    if cut:
        lines += ["", paging.more_line(len(items), more, from_src, "berättelser")]
    return lines + [""]


def whole_list_src(item, build) -> str | None:
    """The staged path of the whole list of stories naming `item` (macros/views/full_lists.py), if it has one."""
    return paging.item_list_src(item) if paging.is_cut(listed_referrers(item, "story", build)) else None


def _newest_key(item):
    return str(item.data.get("skapad", "")), item.title


def _newest(items):
    return sorted(items, key=_newest_key, reverse=True)


def _labels(heading: str, vocabulary: dict, keys) -> list[str]:
    keys = [k for k in (keys or []) if k in vocabulary]
    if not keys:
        return []
    return [f"### {heading} {{ data-search-exclude }}", "", ", ".join(v.label(vocabulary, k) for k in keys), ""]


CANDIDATES_PER_LINK = 20  # bounds the work per story, so related stories cost linear time
STORY_LINKS = ("strategier", "indikatorer", "personas")


def _stories_by_link(build) -> dict:
    """For each item, the listed stories that link to it, newest first."""
    catalog = build.catalog
    table: dict = {}
    for story in catalog.of_type("story"):
        if is_listed(story, build.today, build.preview):
            for name in STORY_LINKS:
                for target in catalog.refs(story, name):
                    table.setdefault(target.id, []).append(story)
    for stories in table.values():
        stories.sort(key=_newest_key, reverse=True)
    return table


def _referrers(build) -> dict:
    """(item id, type key) -> the listed items of that type that name the item, newest first for
    stories and in list order for the rest; what every page's backlink sections read."""
    catalog = build.catalog
    table: dict = {}
    for target_id, links in catalog.backlinks.items():
        for source in dict.fromkeys(source for _, source in links):
            if is_listed(source, build.today, build.preview):
                table.setdefault((target_id, source.type.key), []).append(source)
    for (_, key), found in table.items():
        found[:] = _newest(found) if key == "story" else _sorted(found)
    return table


def listed_referrers(item, type_key: str, build) -> list:
    """The listed items of one type that name `item`, sorted as its page lists them."""
    return build.table("listed_referrers", _referrers).get((item.id, type_key), [])


def related_stories(item, build):
    """Other stories sharing strategies, indicators or personas, most shared first.

    Candidates are the newest few stories per shared link, so a story's page costs the same
    whether the knowledge base holds a hundred stories or ten thousand.
    """
    table = build.table("stories_by_link", _stories_by_link)
    scores = Counter()
    for name in STORY_LINKS:
        for target in build.catalog.refs(item, name):
            for other in table.get(target.id, [])[:CANDIDATES_PER_LINK]:
                if other is not item:
                    scores[other] += 1
    ranked = sorted(scores, key=lambda s: (-scores[s], s.title))
    return ranked[:MAX_RELATED_STORIES]


def _related(item, type_key: str, name: str, build) -> list:
    """Both directions of a link, listed items only: what item names in `name`, and what names item."""
    catalog = build.catalog
    named = [i for i in catalog.refs(item, name) if i.type.key == type_key]
    return _visible(list(dict.fromkeys(named + catalog.referrers(item, type_key))), build)


def story_sections(item, build):
    catalog, src = build.catalog, item.src_uri
    out = []
    out += _section(build, "Strategier", _sorted(_visible(catalog.refs(item, "strategier"), build)), src)
    out += _section(build, "Principer", _sorted(_visible(catalog.refs(item, "principer"), build)), src)
    out += _section(build, "Personas", _visible(catalog.refs(item, "personas"), build), src)
    out += _section(build, "Indikatorer", _visible(catalog.refs(item, "indikatorer"), build), src)
    out += _labels("Strategigrupper", v.STRATEGY_GROUPS, item.data.get("strategigrupper"))
    out += _labels("Kommuner", v.MUNICIPALITIES, item.data.get("kommuner"))
    out += _section(build, "Relaterade berättelser", related_stories(item, build), src, describe=True)
    return out


def strategy_sections(item, build):
    catalog, src = build.catalog, item.src_uri
    plan = item.data.get("plan")
    out = []
    if plan in v.PLANS:
        info = v.PLANS[plan]
        period = f", {info['period']}" if info["period"] else ""
        out += ["### Plan { data-search-exclude }", "", f"{info['label']} ({v.PLAN_OWNERS[info['owner']]}{period})", ""]
    stories = _related(item, "story", "strategier", build)
    out += _section(
        build,
        "Berättelser som visar strategin",
        _newest(stories),
        src,
        empty="Ingen berättelse visar strategin ännu. Vet du en? Se [Bidra med en berättelse]"
        f"({markdown_link('bidra/index.md', src)}).",
        describe=True,
        more=whole_list_src(item, build),
    )
    out += _section(
        build,
        "Indikatorer som mäter strategin",
        _related(item, "indicator", "indikatorer", build),
        src,
        empty="Ingen indikator är kopplad till strategin ännu.",
    )
    out += _section(
        build, "Principer som strategin vilar på", _sorted(_visible(catalog.refs(item, "principer"), build)), src
    )
    out += _section(
        build,
        "Motsvarande strategi i den andra planen",
        _sorted(_related(item, "strategy", "motsvarighet", build)),
        src,
    )
    out += _labels("Strategigrupper", v.STRATEGY_GROUPS, item.data.get("strategigrupper"))
    return out


def indicator_sections(item, build):
    src = item.src_uri
    out = _section(
        build, "Strategier som indikatorn mäter", _sorted(_related(item, "strategy", "strategier", build)), src
    )
    out += _section(
        build,
        "Berättelser som belyser indikatorn",
        listed_referrers(item, "story", build),
        src,
        describe=True,
        more=whole_list_src(item, build),
    )
    return out


def body_sections(item, build):
    src = item.src_uri
    parent = _visible(build.catalog.refs(item, "overordnad"), build)
    children = sorted(listed_referrers(item, "body", build), key=lambda i: i.title)
    out = _section(build, "Rapporterar till", parent, src)
    out += _section(build, "Organ under", children, src)
    return out + backlink_sections(item, build, exclude=("body",))


TYPE_HEADINGS = {
    "story": "Berättelser",
    "strategy": "Strategier",
    "indicator": "Indikatorer",
    "principle": "Principer",
    "persona": "Personas",
    "body": "Styrorgan",
    "page": "Sidor",
}  # journeys are left out: the step box at the top of the page already shows them


def backlink_sections(item, build, exclude=()):
    out = []
    for key, heading in TYPE_HEADINGS.items():
        if key in exclude:
            continue
        found = listed_referrers(item, key, build)
        if key == "story":
            out += _section(
                build,
                f"{heading} som hänvisar hit",
                found,
                item.src_uri,
                describe=True,
                more=whole_list_src(item, build),
            )
        else:
            out += _section(build, f"{heading} som hänvisar hit", found, item.src_uri)
    return out


SECTION_BUILDERS = {
    "story": story_sections,
    "strategy": strategy_sections,
    "indicator": indicator_sections,
    "body": body_sections,
    "persona": backlink_sections,
    "principle": backlink_sections,
}


def relations_markdown(item, build) -> str:
    """Kopplingar: the generated relations, then (if the page has any) its subject tags."""
    builder = SECTION_BUILDERS.get(item.type.key)
    lines = builder(item, build) if builder else []
    lines += facets.tags_section(item, build)
    if not lines:
        return ""
    # Generated sections are left out of search: a page should not match on its neighbours' titles.
    return "\n".join(["", "## Kopplingar {#kopplingar data-search-exclude}", ""] + lines)
