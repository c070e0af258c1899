"""Generate, then build: the whole site as a staging tree of final Markdown that any engine can build.

    kb-generera --ut .cache/staging [--motor zensical] [--forhandsvisning]

writes `<out>/docs/` (every published page with its front matter and decorated body, the JSON
Schemas, the glossary snippet) and a generated config beside it: `mkdocs.yml` for MkDocs or
ProperDocs, or `zensical.yml` for Zensical. Neither engine then needs a hook of ours:

- front matter: the title and description escaped as the hooks set them (Material prints both as
  HTML), the facet tags, `edit_url` to the real source file (stories/…, strategies/…, docs/…), and
  the page's search weight (`search.boost`, or `search.exclude`);
- body: macros/views/site.decorate's page anatomy, with the author's text fenced by this build's nonce so
  that macros/generate/postbuild.sanitize_site can clean it as the author's in the built HTML;
- macro pages (macros/model/developer_pages.py): the generator renders their Jinja here, with
  mkdocs-macros' semantics (the whole body is rendered first, then decorated; undefined names and
  failing macros stop the build naming the file and line), so no engine needs a macros plugin;
- tags: the tag listing pages and each page's tags are written as Markdown (macros/views/facets.py),
  after a check of every tag against the allow-list, so no engine needs a tags plugin;
- drafts are left out unless previewing; the menu goes into the config.

The staged ProperDocs config therefore differs from the engine alone only by the step after the
build (macros/adapters/properdocs_hooks.py). Nothing here imports an engine (mkdocs, material,
properdocs, zensical, mkdocs-macros): the same tree builds on each. Errors name the source file and
line, never the staging copy.
"""

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import yaml

from macros.content.build import ContentError, load_build, site_settings
from macros.content.catalog import directory_url
from macros.generate import cms_bundle, cms_config, history_files, search_index
from macros.generate.preview_memory import PreviewMemory
from macros.generate.staged_config import (
    GLOSSARY,
    STAGED_DOCS,
    read_config,
    region_site_files,
    staged_config,
)
from macros.generate.staged_manifest import (
    MANIFEST,
    GenerationError,
    PageSource,
    StagingResult,
)
from macros.generate.staged_pages import Dumper, macro_environment, stage_page
from macros.model import schema_export
from macros.model.names import DOCS_ASSET_SUFFIXES
from macros.model.problems import warnings
from macros.model.region_file import repository_region
from macros.model.settings import Settings, from_environment
from macros.views import facets, full_lists

FLAVOURS = ("mkdocs", "zensical")
GENERATED_LIST = "(genererad lista, macros/views/full_lists.py)"  # the source a generated list page names


def _write_if_changed(path: Path, content) -> bool:
    """Write text (or copy the file at a Path) unless the target already holds it: a preview server
    watching the tree then rebuilds for real changes only."""
    data = content.read_bytes() if isinstance(content, Path) else content.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _sync_tree(folder: Path, files: dict) -> None:
    """Make `folder` hold exactly `files` (relative path -> text or source Path): stale files go."""
    for rel, content in files.items():
        _write_if_changed(folder / rel, content)
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):  # files before their folders
            rel = path.relative_to(folder).as_posix()
            if path.is_file() and rel not in files:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def write_staging(
    root: Path,
    out: Path,
    preview: bool = False,
    today=None,
    flavour: str = "mkdocs",
    nonce: str | None = None,
    settings: Settings = Settings(),
    memory: PreviewMemory | None = None,
) -> StagingResult:
    """Write the staging tree for one engine flavour; returns where everything came from.

    today: the build's day (a date or ÅÅÅÅ-MM-DD; settings.day() if not given); settings: what the command
    line read from the environment (macros/model/settings.py).
    """
    if flavour not in FLAVOURS:
        raise ValueError(f"unknown flavour {flavour!r}; one of {FLAVOURS}")
    started = time.perf_counter()
    root, out = Path(root).resolve(), Path(out).resolve()
    if isinstance(today, str):
        today = datetime.date.fromisoformat(today)
    base = read_config(root, settings.environment)
    state = load_build(root, preview, today or settings.day(), site_settings(base), files=memory and memory.files)
    problems = facets.tag_problems(state)
    if problems:
        raise GenerationError("Ämnesorden stämmer inte med listan över tillåtna ämnesord:\n" + "\n".join(problems))
    if nonce:  # the preview server keeps one for its session
        state.nonce = nonce
    repo = SimpleNamespace(repo_url=base.get("repo_url"), edit_uri=base.get("edit_uri"))
    cache = {}

    def macro_env():
        if "env" not in cache:
            cache["env"] = macro_environment(state, repo)
        return cache["env"]

    config_name = "mkdocs.yml" if flavour == "mkdocs" else "zensical.yml"
    result = StagingResult(out, flavour, out / config_name, state.nonce)
    files: dict = {}  # staged path under docs/ -> text, or the Path of a file to copy
    signature = memory.signature(state) if memory else ""
    for item in state.published_items():
        staged = memory.recall(item, signature) if memory else None
        if staged is None:
            staged = stage_page(item, state, repo, macro_env)
            if memory:
                memory.keep(item, signature, staged)
        files[item.src_uri], result.pages[item.src_uri] = staged
    for src, meta, body in full_lists.site_pages(state):  # the whole lists that cut lists link to
        if src in files:
            raise GenerationError(
                f"{result.pages[src].rel_path}: adressen behövs för en genererad lista "
                f"({directory_url(src)}); byt namn på filen."
            )
        head = yaml.dump(meta, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10_000)
        files[src] = f"---\n{head}---\n\n{body}\n"
        result.pages[src] = PageSource(GENERATED_LIST, 1, False)
    result.drafts_left_out = sorted(i.rel_path for i in state.left_out_drafts())
    result.search = search_index.search_plan(state)
    # Warnings (an overdue review, say) are told, never fatal: a strict build must not stop on them.
    result.notices = [str(problem) for problem in warnings(state.catalog.problems)]
    if result.drafts_left_out:
        result.notices.append(f"Utkast som inte publiceras i det här bygget: {len(result.drafts_left_out)}")
    files.update(schema_export.site_files())
    files.update(region_site_files(root, repository_region()))
    # What git history gives besides the pages: the Atom feed and the redirect pages at old addresses
    # (macros/generate/history_files.py), which the engine copies as they are.
    files.update({path: text for path, text in history_files.site_files(state).items() if path not in files})
    try:  # the form editor at /redigera/, with the bundle `make cms` installed
        files.update(
            cms_config.site_files(state.catalog, repo.repo_url, cms_config.branch_of(repo.edit_uri), settings=settings)
        )
    except (cms_bundle.EditorBundleMissing, ValueError) as error:
        raise GenerationError(str(error)) from None
    for path in (root / GLOSSARY).rglob("*.md"):
        files[Path(GLOSSARY.name, path.relative_to(root / GLOSSARY)).as_posix()] = path
    for path in (root / "docs").rglob("*"):  # images and documents beside the pages
        if path.is_file() and path.suffix.lower() in DOCS_ASSET_SUFFIXES:
            rel = path.relative_to(root / "docs")
            if not rel.parts[0].startswith(("_", ".")):
                files[rel.as_posix()] = path
    _sync_tree(out / STAGED_DOCS, files)

    config = staged_config(root, out, base, state, flavour)
    result.config_changed = _write_if_changed(
        result.config_file,
        "# Generated by macros/generate/staging.py from mkdocs.yml and the catalog; "
        "do not edit.\n" + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=10_000),
    )
    _write_if_changed(
        out / MANIFEST,
        json.dumps(
            {
                "flavour": flavour,
                "nonce": state.nonce,
                "pages": {k: vars(v) for k, v in result.pages.items()},
                "drafts_left_out": result.drafts_left_out,
                "search": result.search,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ),
    )
    result.seconds = time.perf_counter() - started
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Skriv webbplatsen som färdig Markdown för en byggmotor.")
    parser.add_argument("--ut", type=Path, required=True, help="mappen att skriva till")
    parser.add_argument("--motor", choices=FLAVOURS, default="mkdocs")
    parser.add_argument("--forhandsvisning", action="store_true", help="ta med utkast")
    parser.add_argument("--rot", type=Path, default=Path(__file__).resolve().parents[2])
    args = parser.parse_args(argv)
    try:
        settings = from_environment(os.environ)
        result = write_staging(args.rot, args.ut, args.forhandsvisning, flavour=args.motor, settings=settings)
    except (GenerationError, ContentError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{len(result.pages)} sidor skrivna till {result.out} på {result.seconds:.2f} s ({result.config_file.name}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
