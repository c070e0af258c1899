"""Matris and Täckning: strategies against stories and indicators, and what is missing.

Coverage is what mapping tools do not compute: it tells communicators which stories are
still to be written and editors which pages need attention.
"""

from .catalog import md_text
from .relations import display_title
from .strategy_map import map_graph
from .workflow import is_listed, review_due

MARK = '✓<span class="kb-sr-only"> kopplad</span>'


def _strategy_header(strategies, from_src) -> list[str]:
    heads = " | ".join(f"[{md_text(s.data.get('kod', s.id))}]({s.link_from(from_src)})" for s in strategies)
    return [f"| | {heads} |", "| --- |" + " :---: |" * len(strategies)]


def matrix(catalog, preview: bool, from_src: str, rows_type: str) -> str:
    """A table with one row per story (or indicator) and one column per strategy."""
    columns, links = map_graph(catalog, preview)
    strategies = columns["strategy"]
    lines = _strategy_header(strategies, from_src)
    for item in columns[rows_type]:
        cells = " | ".join(MARK if s.id in links[item.id] else "" for s in strategies)
        lines.append(f"| [{md_text(item.title)}]({item.link_from(from_src)}) | {cells} |")
    totals = " | ".join(str(sum(1 for i in columns[rows_type] if s.id in links[i.id])) for s in strategies)
    lines.append(f"| **Antal** | {totals} |")
    return "\n".join(lines)


def _links(items, from_src: str, empty: str) -> str:
    if not items:
        return empty
    return "\n".join(f"- [{md_text(display_title(i))}]({i.link_from(from_src)})" for i in items)


def coverage(catalog, preview: bool, from_src: str) -> str:
    columns, links = map_graph(catalog, preview)
    kinds = {key: {i.id for i in columns[key]} for key in columns}
    no_story = [s for s in columns["strategy"] if not links[s.id] & kinds["story"]]
    no_indicator = [s for s in columns["strategy"] if not links[s.id] & kinds["indicator"]]
    no_data = [i for i in columns["indicator"] if not i.data.get("serie")]
    lonely = [s for s in columns["story"]
              if not any(s.data.get(f) for f in ("strategier", "principer", "indikatorer", "personas"))]
    due = sorted((i for i in catalog.items.values() if review_due(i, catalog.today)
                  and is_listed(i, catalog.today, preview)), key=lambda i: str(i.data.get("nasta_granskning")))
    sections = [
        ("Strategier utan berättelse", no_story, "Alla strategier har minst en berättelse."),
        ("Strategier utan indikator", no_indicator, "Alla strategier har minst en indikator."),
        ("Indikatorer utan mätvärden", no_data, "Alla indikatorer har mätvärden."),
        ("Berättelser utan kopplingar", lonely, "Alla berättelser är kopplade till något."),
        ("Sidor som ska granskas", due, "Inga sidor har passerat sitt granskningsdatum."),
    ]
    summary = ["| Vad saknas | Antal |", "| --- | ---: |"] + [f"| [{h}](#{_anchor(h)}) | {len(items)} |"
                                                                for h, items, _ in sections]
    parts = ["\n".join(summary)]
    for heading, items, empty in sections:
        parts.append(f"## {heading} {{#{_anchor(heading)}}}\n\n{_links(items, from_src, empty)}")
    return "\n\n".join(parts)


def _anchor(heading: str) -> str:
    return heading.lower().replace(" ", "-").replace("å", "a").replace("ä", "a").replace("ö", "o")
