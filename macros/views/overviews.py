"""Matris, Täckning and Indikatorer i korthet: strategies against stories and indicators, what is
missing, and the latest value of every indicator.

Coverage is what mapping tools do not compute: it tells communicators which stories are
still to be written and editors which pages need attention.
"""

from html import escape

from macros.content.workflow import is_listed, review_due
from macros.views import paging, series
from macros.views.charts import scroll_box
from macros.views.markdown import display_title, link_to, md_text, url_to
from macros.views.strategy_map import map_graph

MARK = '<span aria-hidden="true">✓</span><span class="kb-sr-only">kopplad</span>'
ROW_HEADS = {"story": "Berättelse", "indicator": "Indikator"}


def _full_name(strategy) -> str:
    """Code, short name and, when the short name is not the start of it, the full title (label in name)."""
    code, short, title = (
        str(strategy.data.get("kod", strategy.id)),
        str(strategy.data.get("kortnamn") or ""),
        strategy.title,
    )
    if not short or title.startswith(short):
        return f"{code} {title}"
    return f"{code} {short}: {title}"


def _strategy_head(strategy, from_src: str) -> str:
    code, short = str(strategy.data.get("kod", strategy.id)), str(strategy.data.get("kortnamn") or strategy.title)
    return (
        f'<th scope="col" class="kb-matris-strategi"><a href="{escape(url_to(strategy, from_src))}" '
        f'aria-label="{escape(_full_name(strategy))}"><span class="kb-matris-kod">{escape(code)}</span> '
        f'<span class="kb-matris-kortnamn">{escape(short)}</span></a></th>'
    )


def matrix(catalog, preview: bool, from_src: str, rows_type: str) -> str:
    """A table with one row per story (or indicator) and one column per strategy.

    The table scrolls in its own box with the first column fixed; the page never scrolls sideways.
    Column heads show code and short name; the full name is the link's accessible name, and a line
    above the table shows it on hover and focus without covering any cell (kunskapsbanken.css, section diagram).
    """
    columns, links = map_graph(catalog, preview)
    strategies, rows = columns["strategy"], columns[rows_type]
    every = rows  # the totals count every row, shown or not
    cut = ""
    if len(rows) > paging.MATRIX_MAX_ROWS:  # the newest rows only, so the page stays light
        rows = paging.newest(rows)[: paging.MATRIX_MAX_ROWS]
        cut = (
            f'<p class="kb-matris-urval">Tabellen visar de {len(rows)} nyaste av {len(every)} '
            f"{'berättelser' if rows_type == 'story' else 'indikatorer'}; raden Antal räknar alla. "
            "Kartan och sidorna per strategi listar resten.</p>"
        )
    head = (
        f'<tr><th scope="col" class="kb-matris-rad">{ROW_HEADS.get(rows_type, "")}</th>'
        + "".join(_strategy_head(s, from_src) for s in strategies)
        + "</tr>"
    )
    body = []
    for item in rows:
        cells = "".join(f"<td>{MARK}</td>" if s.id in links[item.id] else "<td></td>" for s in strategies)
        body.append(
            f'<tr><th scope="row" class="kb-matris-rad"><a href="{escape(url_to(item, from_src))}">'
            f"{escape(item.title)}</a></th>{cells}</tr>"
        )
    totals = "".join(f"<td>{sum(1 for i in every if s.id in links[i.id])}</td>" for s in strategies)
    body.append(f'<tr class="kb-matris-summa"><th scope="row" class="kb-matris-rad">Antal</th>{totals}</tr>')
    names = "".join(f"<span>{escape(_full_name(s))}</span>" for s in strategies)
    label = f"Matris: strategier och {'berättelser' if rows_type == 'story' else 'indikatorer'}"
    table = f'<table class="kb-tabell kb-matris"><thead>{head}</thead><tbody>{"".join(body)}</tbody></table>'
    return (
        f'{cut}<div class="kb-matris-ram"><p class="kb-matris-namn" aria-hidden="true">'
        f'<span class="kb-matris-namn-tips">Peka på eller gå till en kolumnrubrik för att se strategins hela namn.'
        f"</span>{names}</p>{scroll_box(table, label, 'kb-matris-rulle')}</div>"
    )


def _links(items, from_src: str, empty: str) -> str:
    if not items:
        return empty
    return "\n".join(f"- [{md_text(display_title(i))}]({link_to(i, from_src)})" for i in items)


def coverage(catalog, preview: bool, from_src: str) -> str:
    columns, links = map_graph(catalog, preview)
    kinds = {key: {i.id for i in columns[key]} for key in columns}
    no_story = [s for s in columns["strategy"] if not links[s.id] & kinds["story"]]
    no_indicator = [s for s in columns["strategy"] if not links[s.id] & kinds["indicator"]]
    no_data = [i for i in columns["indicator"] if not i.data.get("serie")]
    lonely = [
        s
        for s in columns["story"]
        if not any(s.data.get(f) for f in ("strategier", "principer", "indikatorer", "personas"))
    ]
    due = sorted(
        (i for i in catalog.items.values() if review_due(i, catalog.today) and is_listed(i, catalog.today, preview)),
        key=lambda i: str(i.data.get("nasta_granskning")),
    )
    sections = [
        ("Strategier utan berättelse", no_story, "Alla strategier har minst en berättelse."),
        ("Strategier utan indikator", no_indicator, "Alla strategier har minst en indikator."),
        ("Indikatorer utan mätvärden", no_data, "Alla indikatorer har mätvärden."),
        ("Berättelser utan kopplingar", lonely, "Alla berättelser är kopplade till något."),
        ("Sidor som ska granskas", due, "Inga sidor har passerat sitt granskningsdatum."),
    ]
    summary = ["| Vad saknas | Antal |", "| --- | ---: |"] + [
        f"| [{h}](#{_anchor(h)}) | {len(items)} |" for h, items, _ in sections
    ]
    parts = ["\n".join(summary)]
    for heading, items, empty in sections:
        parts.append(f"## {heading} {{#{_anchor(heading)}}}\n\n{_links(items, from_src, empty)}")
    return "\n\n".join(parts)


def _anchor(heading: str) -> str:
    return heading.lower().replace(" ", "-").replace("å", "a").replace("ä", "a").replace("ö", "o")


def indicators_at_a_glance(catalog, preview: bool, from_src: str) -> str:
    """Indikatorer i korthet: each indicator's latest value, period, scope and direction, or that the
    sources give none. Indicators with values come first; on a phone each row becomes a card (kunskapsbanken.css, section diagram)."""
    indicators = [i for i in catalog.of_type("indicator") if is_listed(i, catalog.today, preview)]
    with_values = sorted((i for i in indicators if series.latest(i)), key=lambda i: i.title.lower())
    without = sorted((i for i in indicators if not series.latest(i)), key=lambda i: i.title.lower())
    rows = []
    for item in with_values + without:
        name = f'<th scope="row"><a href="{escape(url_to(item, from_src))}">{escape(item.title)}</a></th>'
        last = series.latest(item)
        if last is None:
            cells = f'<td colspan="3" class="kb-korthet-inga" data-rubrik="Senaste värde">{series.NO_VALUES}</td>'
        else:
            cells = (
                f'<td data-rubrik="Senaste värde"><span class="kb-korthet-tal">{escape(series.number(last["varde"], series.decimals(item)))}'
                f"</span> {escape(str(item.data.get('enhet', '')))}</td>"
                f'<td data-rubrik="Period">{escape(series.period_text(last))}</td>'
                f'<td data-rubrik="Gäller">{escape(str(last.get("omfattning", "")))}</td>'
            )
        rows.append(f'<tr>{name}{cells}<td data-rubrik="Riktning">{escape(series.change_text(item))}</td></tr>')
    head = (
        '<tr><th scope="col">Indikator</th><th scope="col">Senaste värde</th><th scope="col">Period</th>'
        '<th scope="col">Gäller</th><th scope="col">Riktning</th></tr>'
    )
    summary = (
        f'<p class="kb-korthet-summa">{len(with_values)} av {len(indicators)} indikatorer har värden i '
        f"källorna. Riktningen säger vilket håll som är bättre och, när det finns två värden för samma "
        f"omfattning, om den senaste förändringen gick åt det hållet.</p>"
    )
    table = (
        f'<table class="kb-tabell kb-korthet"><caption>Indikatorer i korthet: senaste värde, period och '
        f"riktning</caption><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return summary + table
