"""Where a page's facts come from and how fresh they are: the Källor and review sections."""

import datetime
from typing import Any

from macros.content.catalog import Item
from macros.model import vocabularies as v
from macros.views.markdown import markdown_link, md_text

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)


def swedish_date(value: object) -> str:
    """2026-11-23 -> 23 november 2026."""
    if not isinstance(value, datetime.date):  # YAML and git give nothing else with a year
        return str(value)
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def source_line(source: dict[str, Any], from_src: str) -> str:
    if source.get("dokument") in v.SOURCE_DOCUMENTS:
        doc = source["dokument"]
        target = markdown_link("kallor.md", from_src)
        text = f"[{v.label(v.SOURCE_DOCUMENTS, doc)}]({target}#{doc})"
        return text + (f", avsnitt ”{md_text(source['avsnitt'])}”" if source.get("avsnitt") else "")
    if source.get("url"):
        # The validator allows only plain web addresses; brackets are encoded so none can end the link early.
        target = str(source["url"]).translate({ord("("): "%28", ord(")"): "%29", ord("<"): "%3C", ord(">"): "%3E"})
        return f"[{md_text(source.get('titel') or source['url'])}]({target})"
    return md_text(source.get("text", ""))


def source_lines(item: Item, from_src: str) -> list[str]:
    """The page's sources, one Markdown line each, for the Om källorna section."""
    return [source_line(s, from_src) for s in (item.data.get("kallor") or []) if isinstance(s, dict)]


def review_markdown(item: Item, changed: datetime.date | None = None) -> str:
    data = item.data
    parts = [f"Senast ändrad: {swedish_date(changed)}"] if changed else []
    if data.get("ansvarig"):
        parts.append(f"Ansvarig: {md_text(data['ansvarig'])}")
    if data.get("senast_granskad"):
        parts.append(f"Senast granskad: {swedish_date(data['senast_granskad'])}")
    if data.get("nasta_granskning"):
        parts.append(f"Nästa granskning: {swedish_date(data['nasta_granskning'])}")
    if not parts:
        return ""
    return "\n" + " · ".join(parts) + "\n{ .kb-granskning }\n"


def source_documents_markdown() -> str:
    """The source documents, each with an anchor that the Källor sections link to."""
    parts = []
    for key, doc in v.SOURCE_DOCUMENTS.items():
        parts.append(f"### {doc['label']} {{#{key}}}\n\n{doc['detail']}. Id i front matter: `{key}`.\n")
    return "\n".join(parts)
