"""Facet tags for Material's tags plugin: browse by strategy, strategy group, persona, municipality, subject.

Tags are derived from the typed fields, never typed by hand, and the plugin's allow-list is
generated from the same vocabularies and catalog, so a tag page cannot drift from the content.
"""

from html import escape

from macros.model import vocabularies as v
from macros.content.catalog import display_title

FACETS = {  # facet -> tag prefix (the tags plugin shows it as the parent of each value)
    "strategy": "Strategi", "group": "Strategigrupp", "persona": "Persona", "municipality": "Kommun",
    "subject": "Ämne",
}


def _tag(facet: str, value: str) -> str:
    # Material prints tag names as HTML (chips, tag pages), and values come from contributed titles.
    return f"{FACETS[facet]}/{escape(value.replace('/', '–'))}"


def strategy_tag(strategy) -> str:
    return _tag("strategy", display_title(strategy))


def facet_tags(item, catalog) -> list[str]:
    data = item.data
    tags = [_tag("subject", v.TAGS[t]) for t in data.get("taggar") or [] if t in v.TAGS]
    strategies = catalog.refs(item, "strategier")
    if item.type.key == "strategy":
        strategies = [item]
    elif item.type.key == "indicator":
        strategies = catalog.related(item, "strategy", "strategier")
    tags += [strategy_tag(s) for s in strategies]
    tags += [_tag("group", v.STRATEGY_GROUPS[g]) for g in data.get("strategigrupper") or [] if g in v.STRATEGY_GROUPS]
    personas = [item] if item.type.key == "persona" else catalog.refs(item, "personas")
    tags += [_tag("persona", p.title) for p in personas]
    tags += [_tag("municipality", v.MUNICIPALITIES[m]) for m in data.get("kommuner") or [] if m in v.MUNICIPALITIES]
    return list(dict.fromkeys(tags))


def allowed_tags(catalog) -> set[str]:
    allowed = {_tag("subject", label) for label in v.TAGS.values()}
    allowed |= {_tag("group", label) for label in v.STRATEGY_GROUPS.values()}
    allowed |= {_tag("municipality", label) for label in v.MUNICIPALITIES.values()}
    allowed |= {strategy_tag(s) for s in catalog.of_type("strategy")}
    allowed |= {_tag("persona", p.title) for p in catalog.of_type("persona")}
    return allowed
