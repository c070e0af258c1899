"""Karta: strategies, stories and indicators in three columns, with a text twin.

Each node is a button; selecting one highlights what it links to (karta.js). Filters
by plan owner, strategy group and persona hide what does not match. Without script
the columns are plain lists of links, and the text twin below says the same in lists.
"""

from html import escape

from .catalog import md_text
from . import vocabularies as v
from .relations import display_title
from .workflow import is_listed

COLUMNS = (("strategy", "Strategier"), ("story", "Berättelser"), ("indicator", "Indikatorer"))


def map_graph(catalog, preview: bool):
    """Nodes per column and, for each node id, the ids it links to (both directions)."""
    listed = lambda items: [i for i in items if is_listed(i, catalog.today, preview)]  # noqa: E731
    strategies = sorted(listed(catalog.of_type("strategy")), key=lambda i: (i.data.get("plan", ""), i.data.get("ordning", 0)))
    stories = sorted(listed(catalog.of_type("story")), key=lambda i: i.title)
    indicators = sorted(listed(catalog.of_type("indicator")), key=lambda i: i.title)
    links = {i.id: set() for i in strategies + stories + indicators}
    for strategy in strategies:
        for other in catalog.related(strategy, "story", "strategier") + catalog.related(strategy, "indicator", "indikatorer"):
            if other.id in links:
                links[strategy.id].add(other.id)
                links[other.id].add(strategy.id)
    for story in stories:
        for indicator in catalog.refs(story, "indikatorer"):
            if indicator.id in links:
                links[story.id].add(indicator.id)
                links[indicator.id].add(story.id)
    return {"strategy": strategies, "story": stories, "indicator": indicators}, links


def facets(item, catalog, links) -> dict:
    """Plan owners, strategy groups and personas of a node, taken from itself and its neighbours."""
    group = {item} | {catalog.items[i] for i in links[item.id]}
    owners = {v.PLANS[i.data["plan"]]["owner"] for i in group if i.data.get("plan") in v.PLANS}
    groups = {g for i in group for g in (i.data.get("strategigrupper") or [])}
    personas = {p.id for i in group for p in catalog.refs(i, "personas")}
    return {"owner": owners, "group": groups, "persona": personas}


def _select(name: str, label: str, options: dict) -> str:
    choices = "".join(f'<option value="{escape(k)}">{escape(t)}</option>' for k, t in options.items())
    return (f'<label>{label} <select data-kb-filter="{name}"><option value="">Alla</option>{choices}</select>'
            "</label>")


def map_html(catalog, preview: bool, from_src: str) -> str:
    columns, links = map_graph(catalog, preview)
    personas = {p.id: p.title for p in catalog.of_type("persona") if is_listed(p, catalog.today, preview)}
    owners = {k: label for k, label in v.PLAN_OWNERS.items() if k != "gemensam"}
    out = ['<div class="kb-karta" data-kb-karta markdown="0">',
           '<div class="kb-karta__filter" role="group" aria-label="Filtrera kartan">',
           _select("owner", "Plan", owners), _select("group", "Strategigrupp", v.STRATEGY_GROUPS),
           _select("persona", "Persona", personas), "</div>",
           '<p class="kb-karta__status" aria-live="polite">Välj en strategi, berättelse eller indikator för att '
           "se vad den hänger ihop med.</p>", '<div class="kb-karta__kolumner">']
    for key, heading in COLUMNS:
        out.append(f'<div class="kb-karta__kolumn"><h2 id="karta-{key}">{heading} ({len(columns[key])})</h2><ul>')
        for item in columns[key]:
            data = " ".join(f'data-{name}="{escape(" ".join(sorted(values)))}"'
                            for name, values in facets(item, catalog, links).items())
            href = item.url_from(from_src)
            out.append(f'<li class="kb-nod" data-id="{item.id}" data-links="{" ".join(sorted(links[item.id]))}" {data}>'
                       f'<button type="button" aria-pressed="false">{escape(display_title(item))}</button> '
                       f'<a href="{href}" aria-label="Öppna {escape(item.title)}">Öppna</a></li>')
        out.append("</ul></div>")
    out.append("</div></div>")
    return "\n".join(out)


def text_twin(catalog, preview: bool, from_src: str) -> str:
    """The same nodes and links as nested lists: each strategy with its stories and indicators."""
    columns, links = map_graph(catalog, preview)
    lines = []
    for strategy in columns["strategy"]:
        lines.append(f"- [{md_text(display_title(strategy))}]({strategy.link_from(from_src)})")
        for key, label in (("story", "Berättelser"), ("indicator", "Indikatorer")):
            linked = [i for i in columns[key] if i.id in links[strategy.id]]
            names = ", ".join(f"[{md_text(i.title)}]({i.link_from(from_src)})" for i in linked) or "inga ännu"
            lines.append(f"    - {label}: {names}")
    unlinked = [i for i in columns["story"] + columns["indicator"]
                if not any(catalog.items[x].type.key == "strategy" for x in links[i.id])]
    if unlinked:
        lines.append("- Utan koppling till en strategi: "
                     + ", ".join(f"[{md_text(i.title)}]({i.link_from(from_src)})" for i in unlinked))
    return "\n".join(lines)
