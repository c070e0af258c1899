"""Indicator charts as inline SVG, generated at build time, each with its data as a table beside it.

Horizontal bars suit every series the sources give (mixed periods and scopes, few points);
no charting script is loaded, and the table is the chart's text twin.
"""

from html import escape

from . import vocabularies as v

WIDTH, LABEL_W, BAR_H, GAP, TOP, AXIS_H = 640, 190, 26, 10, 10, 46
BAR_COLOUR, AXIS_COLOUR, TEXT_COLOUR = "#00566b", "#4d4d4d", "#1f1f1f"


def _number(value) -> str:
    """Swedish number format: 1 113 and 45,5."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return text.replace(",", " ").replace(".", ",")


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def _points(item) -> list[dict]:
    return [p for p in (item.data.get("serie") or []) if isinstance(p, dict) and isinstance(p.get("varde"), (int, float))]


def svg_chart(item) -> str:
    points = _points(item)
    unit = str(item.data.get("enhet", ""))
    top_value = _nice_max(max(p["varde"] for p in points))
    plot_w = WIDTH - LABEL_W - 60
    height = TOP + len(points) * (BAR_H + GAP) + AXIS_H
    title_id, desc_id = f"diagram-{item.id}-titel", f"diagram-{item.id}-beskrivning"
    parts = [f'<svg class="kb-diagram" viewBox="0 0 {WIDTH} {height}" role="img" '
             f'aria-labelledby="{title_id} {desc_id}" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{title_id}">{escape(item.title)}</title>',
             f'<desc id="{desc_id}">Stapeldiagram med {len(points)} värden i {escape(unit)}. '
             f'Samma värden finns i tabellen under diagrammet.</desc>']
    for index, point in enumerate(points):
        y = TOP + index * (BAR_H + GAP)
        width = max(1.0, plot_w * point["varde"] / top_value)
        label = f"{point.get('period', '')} · {point.get('omfattning', '')}"
        parts += [f'<text x="{LABEL_W - 8}" y="{y + BAR_H * 0.68:.0f}" text-anchor="end" font-size="13" '
                  f'fill="{TEXT_COLOUR}">{escape(label[:30])}</text>',
                  f'<rect x="{LABEL_W}" y="{y}" width="{width:.1f}" height="{BAR_H}" fill="{BAR_COLOUR}"/>',
                  f'<text x="{LABEL_W + width + 6:.1f}" y="{y + BAR_H * 0.68:.0f}" font-size="13" '
                  f'fill="{TEXT_COLOUR}">{escape(_number(point["varde"]))}</text>']
    axis_y = TOP + len(points) * (BAR_H + GAP)
    parts.append(f'<line x1="{LABEL_W}" y1="{axis_y}" x2="{LABEL_W + plot_w}" y2="{axis_y}" '
                 f'stroke="{AXIS_COLOUR}"/>')
    for step in range(5):
        value = top_value * step / 4
        x = LABEL_W + plot_w * step / 4
        parts += [f'<line x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" y2="{axis_y + 5}" stroke="{AXIS_COLOUR}"/>',
                  f'<text x="{x:.1f}" y="{axis_y + 19}" text-anchor="middle" font-size="12" '
                  f'fill="{TEXT_COLOUR}">{escape(_number(value if value % 1 else int(value)))}</text>']
    parts.append(f'<text x="{LABEL_W + plot_w / 2:.0f}" y="{axis_y + 38}" text-anchor="middle" font-size="13" '
                 f'fill="{TEXT_COLOUR}">{escape(unit)}</text>')
    return "".join(parts) + "</svg>"


def data_table(item) -> str:
    unit = str(item.data.get("enhet", ""))
    rows = [f"| Period | Värde ({unit}) | Omfattning | Källa |", "| --- | ---: | --- | --- |"]
    for point in _points(item):
        source = str(point.get("kalla") or "Se sidans källor").replace("|", "\\|")
        rows.append(f"| {point.get('period', '')} | {_number(point['varde'])} | {point.get('omfattning', '')} "
                    f"| {source} |")
    return "\n".join(rows)


def indicator_markdown(item) -> str:
    """Chart, caption, data table, direction and target for an indicator page."""
    direction = v.DIRECTIONS.get(item.data.get("riktning"), "")
    facts = [f"**Enhet:** {item.data.get('enhet', '')}", f"**Riktning:** {direction}",
             f"**Tas fram av:** {item.data.get('dataagare', '')}"]
    if item.data.get("mal"):
        facts.append(f"**Mål:** {item.data['mal']}")
    lines = ["", "## Mätvärden {#matvarden}", "", f"**Definition:** {item.data.get('definition', '')}", "",
             " · ".join(facts), ""]
    if not _points(item):
        lines += ["Källorna anger inga mätvärden för den här indikatorn ännu.", ""]
        return "\n".join(lines)
    caption = f"{escape(item.title)}, {escape(str(item.data.get('enhet', '')))}. Värdena finns också i tabellen."
    lines += [f'<figure class="kb-figur">{svg_chart(item)}<figcaption>{caption}</figcaption></figure>',
              "", data_table(item), ""]
    return "\n".join(lines)
