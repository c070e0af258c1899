"""Karta: stories, strategies and indicators in three columns joined by lines, with a text twin.

The layout is computed at build time (macros/views/map_layout.py), so the lines are plain inline SVG
and no script is needed to draw them.

The nodes are real HTML <button>s laid over the SVG (which is aria-hidden), so keyboard and
screen readers work as on any list of buttons; karta.js does selection, the detail panel and
the filters. Geometry contract with the stylesheet's karta section: the map is a grid of five columns in the
proportions COLUMN:GUTTER:COLUMN:GUTTER:COLUMN, each node column a flex column of equal
slots, so node i of n sits at height (i + ½)/n of the map whatever its pixel height; the SVG
is stretched over the same area (preserveAspectRatio="none") and its strokes do not scale.
Without script the text twin below the map says the same in lists.
"""

from html import escape

from macros.content.catalog import directory_url
from macros.content.workflow import is_listed
from macros.model import vocabularies as v
from macros.views import paging, relations
from macros.views.map_layout import COLUMNS, HEIGHT, WIDTH, line_paths
from macros.views.markdown import display_title, link_to, markdown_link, md_text, relative_url, url_to

PANEL_ID = "kb-karta-detalj"


def map_graph(catalog, preview: bool):
    """Nodes per column and, for each node id, the ids it links to (both directions)."""
    listed = lambda items: [i for i in items if is_listed(i, catalog.today, preview)]  # noqa: E731
    strategies = sorted(
        listed(catalog.of_type("strategy")), key=lambda i: (i.data.get("plan", ""), i.data.get("ordning", 0))
    )
    stories = sorted(listed(catalog.of_type("story")), key=lambda i: i.title)
    indicators = sorted(listed(catalog.of_type("indicator")), key=lambda i: i.title)
    links = {i.id: set() for i in strategies + stories + indicators}
    for strategy in strategies:
        for other in catalog.related(strategy, "story", "strategier") + catalog.related(
            strategy, "indicator", "indikatorer"
        ):
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
    return f'<label>{label} <select data-kb-filter="{name}"><option value="">Alla</option>{choices}</select></label>'


def _svg(columns, links) -> str:
    paths = "".join(
        f'<path class="kb-linje" data-fran="{escape(a)}" data-till="{escape(b)}" d="{d}"></path>'
        for a, b, d in line_paths(columns, links)
    )
    return (
        f'<svg class="kb-karta__linjer" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false"><g>{paths}</g></svg>'
    )


def _node(item, key: str, catalog, links, from_src: str, drawn=None, every: tuple | None = None) -> str:
    """A node; `drawn` are the links the map shows (all of them unless the map is an overview), `every`
    (number, URL) its whole list of stories, which the detail panel links to when the map shows fewer."""
    drawn = links if drawn is None else drawn
    data = " ".join(
        f'data-{name}="{escape(" ".join(sorted(values)))}"' for name, values in facets(item, catalog, links).items()
    )
    if every and every[0]:
        data += f' data-antal="{every[0]}" data-alla="{escape(every[1])}"'
    return (
        f'<li class="kb-nod" data-id="{escape(item.id)}" data-typ="{key}" '
        f'data-links="{escape(" ".join(sorted(drawn[item.id])))}" data-href="{escape(url_to(item, from_src))}" {data}>'
        f'<button type="button" aria-pressed="false" aria-controls="{PANEL_ID}">{escape(display_title(item))}</button>'
        "</li>"
    )


def overview(columns, links) -> list | None:
    """Above paging.MAP_MAX_STORIES stories, the stories the map shows: the MAP_STORIES_PER_STRATEGY
    newest of each strategy not shown already, then as many of the stories without a strategy.
    None when the map shows every story."""
    stories = columns["story"]
    if len(stories) <= paging.MAP_MAX_STORIES:
        return None
    per_strategy = {s.id: paging.newest(i for i in stories if i.id in links[s.id]) for s in columns["strategy"]}
    strategy_ids = set(per_strategy)
    without = paging.newest(i for i in stories if not links[i.id] & strategy_ids)
    shown, seen = [], set()
    for mine in list(per_strategy.values()) + [without]:
        for story in [i for i in mine if i.id not in seen][: paging.MAP_STORIES_PER_STRATEGY]:
            shown.append(story)
            seen.add(story.id)
    return shown


def _restricted(columns, links, shown):
    """The columns with only the shown stories, and the links among the nodes that remain."""
    columns = dict(columns, story=shown)
    present = {i.id for key in columns for i in columns[key]}
    return columns, {i: {x for x in links[i] if x in present} for i in present}


def _all_of(item, build, from_src: str) -> str:
    """The relative URL of the whole list of stories naming `item`, or of its page when that lists them all."""
    whole = relations.whole_list_src(item, build) if build is not None else None
    return relative_url(directory_url(whole), directory_url(from_src)) if whole else url_to(item, from_src)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def overview_html(columns, links, shown, build, from_src: str) -> str:
    """Counts per strategy and indicator, with the link to each one's whole list of stories."""
    total = len(columns["story"])
    out = [
        '<div class="kb-karta__oversikt">',
        '<h3 id="karta-oversikt">Översikt</h3>',
        f"<p>Kartan visar de {paging.MAP_STORIES_PER_STRATEGY} nyaste berättelserna för varje strategi, "
        f"{len(shown)} av {total} berättelser. Välj en strategi eller indikator för att se alla.</p>",
        '<ul class="kb-karta__antal-lista">',
    ]
    kinds = {key: {i.id for i in columns[key]} for key in columns}
    for key in ("strategy", "indicator"):
        for item in columns[key]:
            stories = len(links[item.id] & kinds["story"])
            label = "Visa berättelsen" if stories == 1 else f"Visa alla {stories} berättelser"
            more = f' <a href="{escape(_all_of(item, build, from_src))}">{label}</a>' if stories else ""
            extra = (
                f", {_count(len(links[item.id] & kinds['indicator']), 'indikator', 'indikatorer')}"
                if key == "strategy"
                else ""
            )
            out.append(
                f'<li><a href="{escape(url_to(item, from_src))}">{escape(display_title(item))}</a>: '
                f"{_count(stories, 'berättelse', 'berättelser')}{extra}.{more}</li>"
            )
    out.append("</ul></div>")
    return "\n".join(out)


def map_html(catalog, preview: bool, from_src: str, build=None) -> str:
    columns, links = map_graph(catalog, preview)
    chosen = overview(columns, links)
    drawn_columns, drawn = _restricted(columns, links, chosen) if chosen else (columns, links)
    personas = {p.id: p.title for p in catalog.of_type("persona") if is_listed(p, catalog.today, preview)}
    # The owners of the plans the map's strategies belong to (a joint plan without strategies has no column).
    planned = {v.PLANS[i.data["plan"]]["owner"] for i in columns["strategy"] if i.data.get("plan") in v.PLANS}
    owners = {k: label for k, label in v.PLAN_OWNERS.items() if k in planned}
    story_ids = {i.id for i in columns["story"]}
    every = (
        {
            i.id: (len(links[i.id] & story_ids), _all_of(i, build, from_src))
            for i in columns["strategy"] + columns["indicator"]
        }
        if chosen
        else {}
    )
    out = ['<div class="kb-karta" data-kb-karta>']
    if chosen:
        out.append(overview_html(columns, links, chosen, build, from_src))
    out += [
        '<div class="kb-karta__filter" role="group" aria-label="Filtrera kartan">',
        _select("owner", "Plan", owners),
        _select("group", "Strategigrupp", v.STRATEGY_GROUPS),
        _select("persona", "Persona", personas),
        '<button type="button" class="kb-karta__aterstall" data-kb-reset>Återställ</button></div>',
        '<p class="kb-karta__status" role="status" aria-live="polite">Välj en berättelse, strategi eller '
        "indikator.</p>",
        '<div class="kb-karta__yta">',
        '<div class="kb-karta__karta">',
        _svg(drawn_columns, drawn),
    ]
    for key, heading in COLUMNS:
        total = len(drawn_columns[key])
        out.append(
            f'<div class="kb-karta__kolumn kb-karta__kolumn--{key}">'
            f'<h3 id="karta-{key}">{heading} <span class="kb-karta__antal" data-typ="{key}" data-total="{total}">({total})</span></h3>'
            f'<ul aria-labelledby="karta-{key}">'
        )
        out.extend(_node(item, key, catalog, links, from_src, drawn, every.get(item.id)) for item in drawn_columns[key])
        out.append("</ul></div>")
    out.append("</div>")
    out.append(
        f'<div class="kb-karta__detalj" id="{PANEL_ID}" data-kb-detalj>'
        '<p class="kb-karta__tips">Välj något i kartan, så visas dess kopplingar här.</p></div>'
    )
    out.append("</div></div>")
    return "\n".join(out)


def text_twin(catalog, preview: bool, from_src: str, build=None) -> str:
    """The same nodes and links as nested lists: each strategy with its stories and indicators.

    When the map is an overview, the twin says what the map shows: per strategy its number of stories,
    the newest the map shows and the link to all of them; every node of the map is in the twin."""
    columns, links = map_graph(catalog, preview)
    chosen = overview(columns, links)
    shown = {i.id for i in chosen or columns["story"]}
    lines = []
    for strategy in columns["strategy"]:
        lines.append(f"- [{md_text(display_title(strategy))}]({link_to(strategy, from_src)})")
        for key, label in (("story", "Berättelser"), ("indicator", "Indikatorer")):
            linked = [i for i in columns[key] if i.id in links[strategy.id]]
            listed = [i for i in linked if key != "story" or i.id in shown]
            names = ", ".join(f"[{md_text(i.title)}]({link_to(i, from_src)})" for i in listed) or "inga ännu"
            if chosen and key == "story" and linked:
                whole = relations.whole_list_src(strategy, build) if build is not None else None
                target = markdown_link(whole, from_src) if whole else link_to(strategy, from_src)
                names = f"{len(linked)}, de nyaste {names}; [Visa alla {len(linked)} berättelser]({target})"
            lines.append(f"    - {label}: {names}")
    # The map also draws story–indicator lines; the twin says them too.
    measured = [
        (story, [i for i in columns["indicator"] if i.id in links[story.id]])
        for story in columns["story"]
        if story.id in shown
    ]
    measured = [(story, indicators) for story, indicators in measured if indicators]
    if measured:
        lines.append("- Berättelser och indikatorerna de tar upp:")
        lines.extend(
            f"    - [{md_text(story.title)}]({link_to(story, from_src)}): "
            + ", ".join(f"[{md_text(i.title)}]({link_to(i, from_src)})" for i in indicators)
            for story, indicators in measured
        )
    unlinked = [i for i in columns["story"] + columns["indicator"] if i.id in shown or i.type.key != "story"]
    unlinked = [i for i in unlinked if not any(catalog.items[x].type.key == "strategy" for x in links[i.id])]
    if unlinked:
        lines.append(
            "- Utan koppling till en strategi: "
            + ", ".join(f"[{md_text(i.title)}]({link_to(i, from_src)})" for i in unlinked)
        )
    return "\n".join(lines)
