"""Indicator charts, generated at build time: horizontal bars with HTML labels, and a data table.

The labels and values are HTML text, so they keep their size at any width (an SVG with text
scales its letters down with the column: 7 px on a phone). Only the bars themselves are SVG,
one rectangle per row whose width is a percentage. No charting script is loaded; the table is
the chart's text twin, in a scroll box that says when it can be scrolled (kunskapsbanken.css, section diagram).
"""

from html import escape

from macros.model import vocabularies as v
from macros.views import series
from macros.views.markdown import md_text

BAR_COLOUR = "#00566b"  # 7.6:1 against white: well above the 3:1 that graphics need


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _unit(item) -> str:
    return str(item.data.get("enhet", ""))


def undated_note(item) -> str:
    """Said above the bars when the source names no year for some values ("Förra året", "I år")."""
    periods = series.undated_periods(item)
    if not periods:
        return ""
    which = "värdena" if len(periods) == len(series.points(item)) else "en del av värdena"
    quoted = ", ".join(f"”{escape(p)}”" for p in periods)
    return (
        f'<p class="kb-diagram-not"><strong>Källan anger inte vilka år</strong> {which} gäller. '
        f"Perioderna står med källans ord: {quoted}.</p>"
    )


def bar_chart(item) -> str:
    points = series.points(item)
    top = _nice_max(max(p["varde"] for p in points))
    rows, places = [], series.decimals(item)
    for point in points:
        share = max(0.5, 100 * point["varde"] / top)
        rows.append(
            '<li class="kb-stapel">'
            f'<span class="kb-stapel-etikett"><span class="kb-stapel-period">{escape(series.period_text(point))}</span> '
            f'<span class="kb-stapel-omfattning">{escape(str(point.get("omfattning", "")))}</span></span>'
            '<span class="kb-stapel-spar"><svg class="kb-stapel-yta" aria-hidden="true" focusable="false" '
            f'xmlns="http://www.w3.org/2000/svg"><rect width="{share:.1f}%" height="100%" fill="{BAR_COLOUR}"/>'
            "</svg></span>"
            f'<span class="kb-stapel-varde">{escape(series.number(point["varde"], places))}</span></li>'
        )
    caption = (
        f'<figcaption class="kb-diagram-rubrik"><strong>{escape(item.title)}</strong>'
        f'<span class="kb-diagram-enhet">Enhet: {escape(_unit(item))}</span></figcaption>'
    )
    scale = (
        f'<p class="kb-diagram-skala">Staplarna är ritade från 0 till {escape(series.number(top))}. '
        "Samma värden finns i tabellen under diagrammet.</p>"
    )
    return (
        f'<figure class="kb-diagram">{caption}{undated_note(item)}'
        f'<ol class="kb-staplar">{"".join(rows)}</ol>{scale}</figure>'
    )


def scroll_box(table: str, label: str, extra_class: str = "") -> str:
    """A table in its own sideways scroll box: focusable and named (so the keyboard can scroll it),
    with a hint that the stylesheet's diagram section shows only when the table is wider than the box."""
    classes = f"kb-tabellrulle {extra_class}".strip()
    return (
        f'<div class="{classes}" role="region" tabindex="0" aria-label="{escape(label)}">'
        '<p class="kb-rullhint">Tabellen är bredare än skärmen: rulla i sidled för att se allt.</p>'
        f"{table}</div>"
    )


def data_table(item) -> str:
    unit = escape(_unit(item))
    points = series.points(item)
    with_source = any(p.get("kalla") for p in points)
    head = (
        '<tr><th scope="col">Period</th><th scope="col" class="kb-tal">Värde</th>'
        '<th scope="col">Omfattning</th>' + ('<th scope="col">Källa</th>' if with_source else "") + "</tr>"
    )
    rows, places = [], series.decimals(item)
    for point in points:
        source = f"<td>{escape(str(point.get('kalla') or 'Se sidans källor'))}</td>" if with_source else ""
        rows.append(
            f"<tr><td>{escape(series.period_text(point))}</td>"
            f'<td class="kb-tal">{escape(series.number(point["varde"], places))}</td>'
            f"<td>{escape(str(point.get('omfattning', '')))}</td>{source}</tr>"
        )
    caption = f"<caption>Mätvärden: {escape(item.title)} ({unit})</caption>"
    table = f'<table class="kb-tabell">{caption}<thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    return scroll_box(table, f"Tabell: mätvärden för {item.title}")


def indicator_markdown(item) -> str:
    """Chart, data table, direction and target for an indicator page."""
    direction = v.DIRECTIONS.get(item.data.get("riktning"), "")
    facts = [
        f"**Enhet:** {md_text(_unit(item))}",
        f"**Riktning:** {direction}",
        f"**Tas fram av:** {md_text(item.data.get('dataagare', ''))}",
    ]
    if item.data.get("mal"):
        facts.append(f"**Mål:** {md_text(item.data['mal'])}")
    lines = [
        "",
        "## Mätvärden {#matvarden}",
        "",
        f"**Definition:** {md_text(item.data.get('definition', ''))}",
        "",
        " · ".join(facts),
        "",
    ]
    if not series.points(item):
        lines += ["Källorna anger inga mätvärden för den här indikatorn ännu.", ""]
        return "\n".join(lines)
    lines += [bar_chart(item), "", data_table(item), ""]
    if item.data.get("kallor") and not any(p.get("kalla") for p in series.points(item)):
        lines += ["Värdena kommer från källorna under [Om källorna](#om-kallorna).", ""]
    return "\n".join(lines)
