"""A page as the reader gets it: its metadata, its decorated body, and its HTML through the allow-list.

Plain functions of one Build (macros/content/build.py); the generator (macros/generate/staging.py)
writes what they return into the staging tree, which any engine builds.
"""

import html
import urllib.parse

from macros.content import last_changed, workflow
from macros.model import developer_pages
from macros.views import charts, facets, journeys, page_anatomy, page_history, relations, sanitize, sources
from macros.views.markdown import display_title


def page_meta(item, catalog) -> dict:
    """The metadata MkDocs and Material see. Tags are not among them: the build writes the tag pages and
    each page's tags itself (macros/views/facets.py)."""
    # Material prints both as HTML (the title into <h1> and <title>, the description into an attribute).
    # Strategies are named "K1 · Kortnamn" (code and short name) in the title, menu and breadcrumb alike.
    meta = {
        "title": html.escape(display_title(item)),
        "description": html.escape(str(item.data.get("beskrivning", ""))),
    }
    if not workflow.is_listed(item, catalog.today):
        meta["search"] = {"exclude": True}  # drafts, archived and expired pages leave search and tag pages
    if item.type.key == "page" and "hide" in item.data:
        meta["hide"] = item.data["hide"]
    if item.status in ("utkast", "granskning", "arkiverad"):
        meta["status"] = item.status
    return meta


def decorate(markdown: str, item, state) -> str:
    """The page anatomy (macros/views/page_anatomy.py): lead first, relations and sources after the body."""
    catalog, preview = state.catalog, state.preview
    body, source_notes = page_anatomy.split_source_notes(markdown)
    heading, body = page_anatomy.split_own_title(body)
    if facets.is_listing(item):
        body = ""  # the tag-page directive: the build writes the listing (facets.listing_markdown)
    fence = sanitize.author_region(state.nonce)
    if not developer_pages.runs_macros(item.rel_path):
        # Everything the author wrote stays inside an author fence, wherever the anatomy puts it.
        heading = f"\n\n{fence[0]}\n\n{heading.strip()}\n\n{fence[1]}\n\n" if heading else ""
        body = f"\n\n{fence[0]}\n\n{body.strip()}\n\n{fence[1]}\n\n"
    parts = [
        heading + page_anatomy.banner(item, catalog.today) + page_anatomy.lead_markdown(item) + body.rstrip("\n"),
        "\n",
        journeys.journey_markdown(item, catalog, preview),
        facets.listing_markdown(item, state),
    ]
    if item.type.key == "indicator":
        parts.append(charts.indicator_markdown(item))
    parts.append(journeys.step_box_markdown(item, state))  # after the text (and its chart); hidden
    parts.append(relations.relations_markdown(item, state))
    parts.append(page_anatomy.sources_section(sources.source_lines(item, item.src_uri), source_notes, fence))
    parts.append(page_history.history_markdown(item, state.history, page_history.repo_of(state)))
    parts.append(sources.review_markdown(item, last_changed.last_changed(item, state.changed)))
    return "\n".join(p for p in parts if p)


def edit_url(config, item) -> str | None:
    """The file a communicator must edit: stories/<slug>.md, not a virtual docs path."""
    if not config.repo_url or not config.edit_uri:
        return None
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/")
    base = base[: -len("/docs")] if base.endswith("/docs") else base
    # The path is quoted for a URL even though the naming rule (macros/model/names.py) allows only slugs.
    return f"{base}/{urllib.parse.quote(item.rel_path)}"
