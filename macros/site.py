"""What the build does with the catalog: load it, publish the content folders, decorate pages.

Plain functions that the MkDocs hooks (macros/hooks.py) call; nothing here imports
MkDocs at module level, so the logic can move to a successor of MkDocs unchanged.
"""

import datetime
import logging
import html
import secrets
from dataclasses import dataclass
from pathlib import Path

from . import (charts, developer_pages, facets, history, journeys, last_changed, navigation, page_anatomy, page_history,
               provenance, relations, sanitize, search_index, workflow)
from .catalog import Catalog, load_catalog
from .problems import errors, report, warnings

log = logging.getLogger("mkdocs.kunskapsbanken")
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default when KB_SITE_URL is not set


@dataclass
class BuildState:
    catalog: Catalog
    preview: bool
    changed: dict  # repository path -> date of last change (from git)
    nonce: str = ""  # secret per build: fences the author's text for the sanitizer
    history: "history.History | None" = None  # the one read of git history (macros/history.py)
    repo: page_history.Repo = page_history.Repo()  # where commits and file histories are on GitHub
    site_url: str = DEFAULT_SITE_URL  # absolute addresses in the feed and the redirects' canonical links
    site_name: str = ""


_state: BuildState | None = None


def is_loaded() -> bool:
    return _state is not None


def current() -> BuildState:
    if _state is None:
        raise RuntimeError("the catalog is loaded in on_config; nothing may ask for it earlier")
    return _state


class ContentError(Exception):
    """Raised with every content problem at once; the build stops with this message."""


def _checked_catalog(root: Path, today_date, past: history.History):
    catalog = load_catalog(root, today_date, renames=past.renames)
    if errors(catalog.problems):
        raise ContentError("Innehållet har fel som måste rättas innan webbplatsen kan byggas:\n"
                           + report(catalog.problems))
    return catalog


def _state_for(catalog, preview: bool, past: history.History, repo_url, edit_uri, site_url, site_name) -> BuildState:
    return BuildState(catalog, preview, past.dates, secrets.token_hex(16), past,
                      page_history.Repo.from_config(repo_url, edit_uri), str(site_url or DEFAULT_SITE_URL),
                      str(site_name or ""))


def load(config, preview: bool) -> BuildState:
    global _state
    root = Path(config.config_file_path).resolve().parent
    past = history.read(root)  # the build's one read of git history
    catalog = _checked_catalog(root, workflow.today(), past)
    for problem in warnings(catalog.problems):
        log.info(str(problem))  # info, not warning: an overdue review must not fail a strict build
    config.extra["material_search_worker"] = search_index.material_worker_name(config.theme.dirs)
    allow_tags(config, catalog)
    if config.nav is None:
        config.nav = navigation.build_nav(catalog, preview)
    _state = _state_for(catalog, preview, past, config.repo_url, config.edit_uri, config.site_url, config.site_name)
    return _state


def load_root(root: Path, preview: bool, today_date: datetime.date | None = None, config: dict | None = None) -> BuildState:
    """The catalog without an engine's config: for the staging generator (macros/generate.py), which
    passes mkdocs.yml as read, and for the macros when no hook has loaded the catalog (a staging tree
    built by plain mkdocs-macros)."""
    global _state
    config = config or {}
    past = history.read(Path(root))
    catalog = _checked_catalog(Path(root), today_date or workflow.today(), past)
    _state = _state_for(catalog, preview, past, config.get("repo_url"), config.get("edit_uri"),
                        config.get("site_url"), config.get("site_name"))
    return _state


def allow_tags(config, catalog) -> None:
    """Fill the tags plugin's allow-list (a set it already holds) from the vocabularies and catalog."""
    plugin = config.plugins.get("material/tags")
    if plugin is None:
        return
    from material.plugins.tags.structure.tag import Tag

    plugin.config.tags_allowed.clear()
    plugin.config.tags_allowed.update(Tag(name) for name in facets.allowed_tags(catalog))


def published_items(state: BuildState):
    """Items that get a page: everything but drafts, which only the preview shows."""
    return [i for i in state.catalog.items.values() if state.preview or not workflow.is_draft(i)]


def outside_docs(state: BuildState):
    return [i for i in published_items(state) if not i.rel_path.startswith("docs/")]


def left_out_drafts(state: BuildState):
    return [i for i in state.catalog.items.values() if workflow.is_draft(i) and not state.preview]


def page_meta(item, catalog) -> dict:
    """The metadata MkDocs and Material see; Jinja only ever runs on developer pages that opt in."""
    # Material prints both as HTML (the title into <h1> and <title>, the description into an attribute).
    # Strategies are named "K2 · Samverkan och kontinuitet" in the title, menu and breadcrumb alike.
    meta = {"title": html.escape(relations.display_title(item)),
            "description": html.escape(str(item.data.get("beskrivning", "")))}
    if workflow.is_listed(item, catalog.today):
        meta["tags"] = facets.facet_tags(item, catalog)
    else:
        meta["search"] = {"exclude": True}  # drafts, archived and expired pages leave search and tag pages
    if item.type.key == "page" and "hide" in item.data:
        meta["hide"] = item.data["hide"]
    # Never from front matter: only pages on the list in code run Jinja.
    meta["render_macros"] = developer_pages.runs_macros(item.rel_path)
    if item.status in ("utkast", "granskning", "arkiverad"):
        meta["status"] = item.status
    return meta


def decorate(markdown: str, item, state: BuildState) -> str:
    """The page anatomy (macros/page_anatomy.py): lead first, relations and sources after the body."""
    catalog, preview = state.catalog, state.preview
    body, source_notes = page_anatomy.split_source_notes(markdown)
    heading, body = page_anatomy.split_own_title(body)
    fence = sanitize.author_region(state.nonce)
    if not developer_pages.runs_macros(item.rel_path):
        # Everything the author wrote stays inside an author fence, wherever the anatomy puts it.
        heading = f"\n\n{fence[0]}\n\n{heading.strip()}\n\n{fence[1]}\n\n" if heading else ""
        body = f"\n\n{fence[0]}\n\n{body.strip()}\n\n{fence[1]}\n\n"
    parts = [heading + workflow.banner(item, catalog.today) + page_anatomy.lead_markdown(item) + body.rstrip("\n"), "\n",
             journeys.journey_markdown(item, catalog, preview)]
    if item.type.key == "indicator":
        parts.append(charts.indicator_markdown(item))
    parts.append(journeys.step_box_markdown(item, catalog, preview))  # after the text (and its chart); hidden
    parts.append(relations.relations_markdown(item, catalog, preview, has_tags=bool(facets.facet_tags(item, catalog))))
    parts.append(page_anatomy.sources_section(provenance.source_lines(item, item.src_uri), source_notes, fence))
    parts.append(page_history.history_markdown(item, state.history, state.repo))
    parts.append(provenance.review_markdown(item, last_changed.last_changed(item, state.changed)))
    return "\n".join(p for p in parts if p)


def clean_html(html_text: str, item, state: BuildState) -> str:
    """Every page but the developer pages on the list in code passes the HTML allow-list.

    What it removes is logged as a warning, so a strict build stops and nothing goes silently;
    `make validate` reports the same things first, with their lines.
    """
    if developer_pages.runs_macros(item.rel_path):
        # Not sanitized, but the build's secret markers (Om källorna is fenced there too) never reach a reader.
        start, end = sanitize.author_region(state.nonce)
        return html_text.replace(start, "").replace(end, "")
    cleaned, removed = sanitize.clean_page_reporting(html_text, state.nonce)
    for what in dict.fromkeys(removed):
        log.warning(f"{item.rel_path}: {what} togs bort ur sidan, eftersom det inte är tillåtet i innehåll. "
                    f"Kör make validate för raden och hur du rättar.")
    return cleaned


def edit_url(config, item) -> str | None:
    """The file a communicator must edit: stories/<slug>.md, not a virtual docs path."""
    if not config.repo_url or not config.edit_uri:
        return None
    base = config.repo_url.rstrip("/") + "/" + config.edit_uri.strip("/")
    base = base[: -len("/docs")] if base.endswith("/docs") else base
    return f"{base}/{item.rel_path}"
