"""The generated "Kopplingar" section: both directions of every link, per content type.

Authors write a link once (a story names its strategies); the catalog's backlinks
give the other direction, so no page lists its relations by hand.
"""

from collections import Counter

from macros.model import vocabularies as v
from macros.views.page_anatomy import TAGS_SLOT
from macros.content.catalog import markdown_link, md_text
from macros.content.workflow import is_listed
from macros.content.catalog import display_title

MAX_RELATED_STORIES = 5


def link(item, from_src: str, with_description: bool = False) -> str:
    text = f"[{md_text(display_title(item))}]({item.link_from(from_src)})"
    if with_description and item.data.get("beskrivning"):
        text += f" – {md_text(item.data['beskrivning'])}"
    return text


def _visible(items, catalog, preview):
    return [i for i in items if is_listed(i, catalog.today, preview)]


def _sorted(items):
    return sorted(items, key=lambda i: (str(i.data.get("plan", "")), i.data.get("ordning", 0), display_title(i).lower()))


MAX_LISTED = 25  # longer lists end with a link to the full listing, so pages stay light


def _section(heading: str, items, from_src: str, empty: str | None = None, describe: bool = False,
             more: str | None = None) -> list[str]:
    if not items and empty is None:
        return []
    lines = [f"### {heading} {{ data-search-exclude }}", ""]
    shown = items[:MAX_LISTED] if more else items
    lines += [f"- {link(i, from_src, describe)}" for i in shown] if items else [empty]
    if more and len(items) > MAX_LISTED:
        lines += ["", f"Visar {MAX_LISTED} av {len(items)}. [Se alla]({markdown_link(more, from_src)})."]
    return lines + [""]


def _newest(items):
    return sorted(items, key=lambda i: (str(i.data.get("skapad", "")), i.title), reverse=True)


def _labels(heading: str, vocabulary: dict, keys) -> list[str]:
    keys = [k for k in (keys or []) if k in vocabulary]
    if not keys:
        return []
    return [f"### {heading} {{ data-search-exclude }}", "", ", ".join(v.label(vocabulary, k) for k in keys), ""]


CANDIDATES_PER_LINK = 20  # bounds the work per story, so related stories cost linear time


def _stories_by_link(catalog, preview) -> dict:
    """For each item, the listed stories that link to it, newest first; computed once per build."""
    key = ("stories_by_link", preview)
    if key not in catalog.memo:
        table: dict = {}
        for story in catalog.of_type("story"):
            if is_listed(story, catalog.today, preview):
                for name in ("strategier", "indikatorer", "personas"):
                    for target in catalog.refs(story, name):
                        table.setdefault(target.id, []).append(story)
        for stories in table.values():
            stories.sort(key=lambda s: (str(s.data.get("skapad", "")), s.title), reverse=True)
        catalog.memo[key] = table
    return catalog.memo[key]


def related_stories(item, catalog, preview):
    """Other stories sharing strategies, indicators or personas, most shared first.

    Candidates are the newest few stories per shared link, so a story's page costs the same
    whether the knowledge base holds a hundred stories or ten thousand.
    """
    table = _stories_by_link(catalog, preview)
    scores = Counter()
    for name in ("strategier", "indikatorer", "personas"):
        for target in catalog.refs(item, name):
            for other in table.get(target.id, [])[:CANDIDATES_PER_LINK]:
                if other is not item:
                    scores[other] += 1
    ranked = sorted(scores, key=lambda s: (-scores[s], s.title))
    return ranked[:MAX_RELATED_STORIES]


def story_sections(item, catalog, preview):
    src = item.src_uri
    out = []
    out += _section("Strategier", _sorted(_visible(catalog.refs(item, "strategier"), catalog, preview)), src)
    out += _section("Principer", _sorted(_visible(catalog.refs(item, "principer"), catalog, preview)), src)
    out += _section("Personas", _visible(catalog.refs(item, "personas"), catalog, preview), src)
    out += _section("Indikatorer", _visible(catalog.refs(item, "indikatorer"), catalog, preview), src)
    out += _labels("Strategigrupper", v.STRATEGY_GROUPS, item.data.get("strategigrupper"))
    out += _labels("Kommuner", v.MUNICIPALITIES, item.data.get("kommuner"))
    out += _section("Relaterade berättelser", related_stories(item, catalog, preview), src, describe=True)
    return out


def strategy_sections(item, catalog, preview):
    src = item.src_uri
    plan = item.data.get("plan")
    out = []
    if plan in v.PLANS:
        info = v.PLANS[plan]
        period = f", {info['period']}" if info["period"] else ""
        out += ["### Plan { data-search-exclude }", "", f"{info['label']} ({v.PLAN_OWNERS[info['owner']]}{period})", ""]
    stories = _visible(catalog.related(item, "story", "strategier"), catalog, preview)
    out += _section("Berättelser som visar strategin", _newest(stories), src,
                    empty="Ingen berättelse visar strategin ännu. Vet du en? Se [Bidra med en berättelse]"
                          f"({markdown_link('bidra/index.md', src)}).", describe=True, more="amnen/strategier.md")
    out += _section("Indikatorer som mäter strategin",
                    _visible(catalog.related(item, "indicator", "indikatorer"), catalog, preview), src,
                    empty="Ingen indikator är kopplad till strategin ännu.")
    out += _section("Principer som strategin vilar på",
                    _sorted(_visible(catalog.refs(item, "principer"), catalog, preview)), src)
    out += _section("Motsvarande strategi i den andra planen",
                    _sorted(_visible(catalog.related(item, "strategy", "motsvarighet"), catalog, preview)), src)
    out += _labels("Strategigrupper", v.STRATEGY_GROUPS, item.data.get("strategigrupper"))
    return out


def indicator_sections(item, catalog, preview):
    src = item.src_uri
    out = _section("Strategier som indikatorn mäter",
                   _sorted(_visible(catalog.related(item, "strategy", "strategier"), catalog, preview)), src)
    out += _section("Berättelser som belyser indikatorn",
                    _newest(_visible(catalog.referrers(item, "story"), catalog, preview)), src, describe=True,
                    more="berattelser/index.md")
    return out


def body_sections(item, catalog, preview):
    src = item.src_uri
    parent = _visible(catalog.refs(item, "overordnad"), catalog, preview)
    children = sorted(_visible(catalog.referrers(item, "body"), catalog, preview), key=lambda i: i.title)
    out = _section("Rapporterar till", parent, src)
    out += _section("Organ under", children, src)
    return out + backlink_sections(item, catalog, preview, exclude=("body",))


TYPE_HEADINGS = {
    "story": "Berättelser", "strategy": "Strategier", "indicator": "Indikatorer", "principle": "Principer",
    "persona": "Personas", "body": "Styrorgan", "page": "Sidor",
}  # journeys are left out: the step box at the top of the page already shows them


def backlink_sections(item, catalog, preview, exclude=()):
    out = []
    for key, heading in TYPE_HEADINGS.items():
        if key in exclude:
            continue
        found = _visible(catalog.referrers(item, key), catalog, preview)
        if key == "story":
            out += _section(f"{heading} som hänvisar hit", _newest(found), item.src_uri, describe=True,
                            more="amnen/personas.md" if item.type.key == "persona" else "berattelser/index.md")
        else:
            out += _section(f"{heading} som hänvisar hit", _sorted(found), item.src_uri)
    return out



SECTION_BUILDERS = {
    "story": story_sections,
    "strategy": strategy_sections,
    "indicator": indicator_sections,
    "body": body_sections,
    "persona": backlink_sections,
    "principle": backlink_sections,
}


def relations_markdown(item, catalog, preview: bool = False, has_tags: bool = False) -> str:
    """Kopplingar: the generated relations, then (if the page has any) its subject tags."""
    builder = SECTION_BUILDERS.get(item.type.key)
    lines = builder(item, catalog, preview) if builder else []
    if has_tags:
        # The template fills the slot with the tag links (Material's tags plugin knows their pages).
        lines += ["### Fler sidor om { data-search-exclude }", "", TAGS_SLOT, ""]
    if not lines:
        return ""
    # Generated sections are left out of search: a page should not match on its neighbours' titles.
    return "\n".join(["", "## Kopplingar {#kopplingar data-search-exclude}", ""] + lines)
