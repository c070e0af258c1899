"""MkDocs hooks: connect build events to the plain functions in macros.site.

Loaded by MkDocs from mkdocs.yml (`hooks:`); holds no logic and no state.
"""

import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros import cms_config, schema_export, search_index, site  # noqa: E402

_preview = False


def on_startup(command, dirty, **kwargs):
    global _preview
    # `make serve` previews drafts; `make build` never publishes them. KB_PREVIEW=1 lets tests build a preview.
    _preview = command == "serve" or os.environ.get("KB_PREVIEW") == "1"


def on_config(config, **kwargs):
    try:
        site.load(config, _preview)
    except site.ContentError as error:
        raise PluginError(str(error)) from None
    return config


def on_files(files, config, **kwargs):
    state = site.current()
    drafts = site.left_out_drafts(state)
    for item in drafts:
        existing = files.get_file_from_path(item.src_uri)
        if existing is not None:
            files.remove(existing)
    for item in site.outside_docs(state):
        files.append(File.generated(config, item.src_uri, abs_src_path=str(state.catalog.root / item.rel_path)))
    for src_uri, content in schema_export.site_files().items():
        files.append(File.generated(config, src_uri, content=content))
    try:
        editor = cms_config.site_files(state.catalog, config["repo_url"], cms_config.branch_of(config["edit_uri"]))
    except (cms_config.EditorBundleMissing, ValueError) as error:
        raise PluginError(str(error)) from None
    for src_uri, content in editor.items():
        files.append(File.generated(config, src_uri, content=content))
    if drafts:
        site.log.info(f"Utkast som inte publiceras i det här bygget: {len(drafts)}")
    return files


def on_page_read_source(page, config, **kwargs):
    # The catalog has read and parsed the file once already: hand MkDocs the body only,
    # so the page is not read or parsed again. Its metadata is set just below.
    item = site.current().catalog.item_at(page.file.src_uri)
    return None if item is None else item.body


@event_priority(100)  # before the macros and tags plugins, which read page.meta
def _set_metadata(markdown, page, config, files, **kwargs):
    # Our metadata, not the author's: it decides, among other things, whether Jinja runs.
    state = site.current()
    item = state.catalog.item_at(page.file.src_uri)
    if item is not None:
        page.meta = site.page_meta(item, state.catalog)
        page.title = page.meta["title"]  # escaped: MkDocs and Material print titles as HTML
    return markdown


@event_priority(-100)  # after the macros plugin: generated text is never run as Jinja
def _decorate(markdown, page, config, files, **kwargs):
    state = site.current()
    item = state.catalog.item_at(page.file.src_uri)
    return markdown if item is None else site.decorate(markdown, item, state)


on_page_markdown = CombinedEvent(_set_metadata, _decorate)


def on_page_content(html, page, config, files, **kwargs):
    state = site.current()
    item = state.catalog.item_at(page.file.src_uri)
    if item is None:
        # Every page comes from the catalog; one that does not was never checked, so it is not published.
        raise PluginError(f"{page.file.src_uri}: sidan finns inte i katalogen och kan inte publiceras säkert.")
    site.sanitize.clean_toc(page.toc)
    return site.clean_html(html, item, state)


def on_page_context(context, page, config, nav, **kwargs):
    item = site.current().catalog.item_at(page.file.src_uri)
    if item is not None and not item.rel_path.startswith("docs/"):
        page.edit_url = site.edit_url(config, item)
    return context


@event_priority(-100)  # after Material's search plugin has written search/search_index.json
def on_post_build(config, **kwargs):
    state = site.current()
    search_index.enrich_index(Path(config.site_dir), state.catalog)
