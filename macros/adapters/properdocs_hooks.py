"""ProperDocs (MkDocs) hooks for a staging tree: the step after the engine has written the site.

The generated config (macros/generate/staged_config.py) names this file. Everything a page says was
decided by the generator; here the built HTML passes the allow-list (macros/generate/postbuild.py)
and Material's search index is shaped (macros/generate/search_index.py), in `make build` and in
every rebuild of `make serve` alike. A removal is a warning, so a strict build stops on it.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from macros.generate import postbuild, search_index, search_shards, staged_manifest

log = logging.getLogger("mkdocs.kunskapsbanken")


# The pages the engine renders in this build. A build of `make serve` (ProperDocs' --dirty) renders only the
# pages whose staged file changed; the hooks module is loaded anew with the config of every build.
rendered: set[str] = set()


def on_pre_build(config, **kwargs):
    rendered.clear()


def on_post_page(output, page, config, **kwargs):
    rendered.add(page.file.src_uri)
    return output


@event_priority(-100)  # after Material's search plugin has written search/search_index.json
def on_post_build(config, **kwargs):
    staging_dir = Path(config.config_file_path).parent
    manifest = staged_manifest.read_manifest(staging_dir)
    everything = rendered >= set(manifest.pages)
    report = postbuild.sanitize_site(
        Path(config.site_dir), manifest.nonce, manifest.pages, None if everything else rendered
    )
    for message in report.removed:
        log.warning(message)
    if report.errors:
        raise PluginError("\n".join(report.errors))
    # Material's index holds the rendered pages only: the others' entries come from the last build's.
    search_index.complete_index(Path(config.site_dir), staging_dir / search_index.LAST_INDEX, manifest.pages)
    search_index.enrich_index(Path(config.site_dir), manifest.search)
    search_shards.write_shards(Path(config.site_dir))
