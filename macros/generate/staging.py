"""Generate, then build: the whole site as a staging tree of final Markdown that any engine can build.

    python -m macros.generate --ut .cache/staging [--motor zensical] [--forhandsvisning]

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
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import jinja2
import yaml

from macros.content.build import Build, ContentError, load_build, site_settings
from macros.content.catalog import directory_url
from macros.generate import cms_bundle, cms_config, history_files, search_index
from macros.generate.staged_config import (
    GLOSSARY,
    STAGED_DOCS,
    read_config,
    staged_config,
)
from macros.model import developer_pages, schema_export
from macros.model.names import DOCS_ASSET_SUFFIXES
from macros.model.problems import warnings
from macros.model.settings import Settings, from_environment
from macros.views import facets, full_lists, macro_library, sanitize, site

FLAVOURS = ("mkdocs", "zensical")
MANIFEST = "staging.json"  # what the steps after the engine need: pages and their sources, nonce, search
GENERATED_LIST = "(genererad lista, macros/views/full_lists.py)"  # the source a generated list page names
# libyaml's emitter when PyYAML has it: front matter is written for every page.
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class GenerationError(Exception):
    """A problem generating the staging tree, as `source-file:line: message` in Swedish."""


@dataclass
class PageSource:
    rel_path: str  # the repository file a reader's page comes from
    body_line: int  # its body's first line, so a line in the body maps back to the file
    # False only for the developer pages that run macros (trusted, reviewed code).
    sanitized: bool
    staged_body_line: int = 0  # where the author's body starts in the staging copy (0: not found as written)
    body_lines: int = 0

    def source_line(self, staged_line: int) -> int:
        """A line of the staging copy as the line of the source file (the body's first line if generated)."""
        offset = staged_line - self.staged_body_line
        if self.staged_body_line and 0 <= offset < self.body_lines:
            return self.body_line + offset
        return self.body_line


@dataclass
class StagingResult:
    out: Path
    flavour: str
    config_file: Path
    nonce: str
    pages: dict = field(default_factory=dict)  # staged src_uri (berattelser/x.md) -> PageSource
    drafts_left_out: list = field(default_factory=list)  # repository paths
    seconds: float = 0.0
    search: dict = field(default_factory=dict)  # search_index.search_plan, for the step after the engine
    notices: list = field(default_factory=list)  # Swedish lines for the build log: warnings, drafts left out

    def source_of(self, src_uri: str) -> str:
        page = self.pages.get(src_uri)
        return page.rel_path if page else src_uri

    def translate(self, output: str) -> str:
        """An engine's messages with every staging path replaced by the source file a person edits."""
        staged_docs = str(self.out / STAGED_DOCS)
        output = output.replace(staged_docs + os.sep, "").replace(staged_docs, "docs")
        # Longest first, so berattelser/index.md is not half-replaced by a shorter path.
        for src_uri in sorted(self.pages, key=len, reverse=True):
            output = _replace_path(output, src_uri, self.pages[src_uri])
        return output


def _replace_path(text: str, src_uri: str, source) -> str:
    """src_uri replaced where it stands as a whole path (not inside docs/…, which is already a source),
    and a line number after it (`path:12` or `path:12:5`, as Zensical writes) mapped to the source file."""
    pattern = re.compile(r"(?<![\w/\\.-])" + re.escape(src_uri) + r"(?::(\d+)(?::\d+)?)?")

    def replace(match):
        line = f":{source.source_line(int(match.group(1)))}" if match.group(1) else ""
        return source.rel_path + line

    return pattern.sub(replace, text)


# --- the pages -----------------------------------------------------------------------------------


def _macro_environment(build: Build, repo):
    """Jinja with the macro library, as mkdocs-macros set it up for us (on_undefined strict, on_error_fail).
    Returns (the page being rendered, jinja)."""
    page = SimpleNamespace(src_uri="")
    library = macro_library.macros(build, lambda: page.src_uri, repo.repo_url, repo.edit_uri)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=True)
    jinja.globals.update(library)
    return page, jinja


def _error_line(error: Exception) -> int:
    """The line of the template a Jinja error happened on (1 if unknown)."""
    if getattr(error, "lineno", None):
        return error.lineno
    tb = error.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_macros(item, body: str, body_line: int, page, jinja) -> str:
    """A macro page's body as mkdocs-macros would render it: the whole body, before the decoration."""
    page.src_uri = item.src_uri
    try:
        return jinja.from_string(body).render()
    except Exception as error:  # any failure in a macro is the page's: say which file and line
        line = body_line + _error_line(error) - 1
        raise GenerationError(
            f"{item.rel_path}:{line}: makrot kunde inte köras: {type(error).__name__}: {error}"
        ) from error


def front_matter(item, state, repo: SimpleNamespace) -> dict:
    meta = site.page_meta(item, state.catalog)
    edit = site.edit_url(repo, item)
    if edit:
        meta["edit_url"] = edit
    weight = search_index.search_weight(item)
    if weight is None:
        meta["search"] = {"exclude": True}
    elif "search" not in meta and weight != 1:
        meta["search"] = {"boost": weight}
    return meta


def stage_page(item, state, repo, macro_env) -> tuple[str, PageSource]:
    meta = front_matter(item, state, repo)
    body_line = item.body_line
    runs_macros = developer_pages.runs_macros(item.rel_path)
    if runs_macros:
        page, jinja = macro_env()
        body = site.decorate(render_macros(item, item.body, body_line, page, jinja), item, state)
        # What the page says is the site's own; the nonce never reaches a reader.
        start, end = sanitize.author_region(state.nonce)
        body = body.replace(start, "").replace(end, "")
    else:
        body = site.decorate(item.body, item, state)
    head = yaml.dump(meta, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    text = f"---\n{head}---\n\n{body}\n"
    own = item.body.strip("\n")
    at = text.find(own) if own else -1
    staged_line = text.count("\n", 0, at) + 1 if at >= 0 else 0
    source_line = body_line + len(item.body) - len(item.body.lstrip("\n"))
    return text, PageSource(item.rel_path, source_line, not runs_macros, staged_line, own.count("\n") + 1 if own else 0)


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
    state = load_build(root, preview, today or settings.day(), site_settings(base))
    problems = facets.tag_problems(state)
    if problems:
        raise GenerationError("Ämnesorden stämmer inte med listan över tillåtna ämnesord:\n" + "\n".join(problems))
    if nonce:  # the preview server keeps one for its session
        state.nonce = nonce
    repo = SimpleNamespace(repo_url=base.get("repo_url"), edit_uri=base.get("edit_uri"))
    cache = {}

    def macro_env():
        if "env" not in cache:
            cache["env"] = _macro_environment(state, repo)
        return cache["env"]

    config_name = "mkdocs.yml" if flavour == "mkdocs" else "zensical.yml"
    result = StagingResult(out, flavour, out / config_name, state.nonce)
    files: dict = {}  # staged path under docs/ -> text, or the Path of a file to copy
    for item in state.published_items():
        files[item.src_uri], result.pages[item.src_uri] = stage_page(item, state, repo, macro_env)
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
    _write_if_changed(
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


def read_manifest(out: Path) -> StagingResult:
    """The staging tree's manifest as written by write_staging (for the steps after the engine)."""
    data = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8"))
    config = "mkdocs.yml" if data["flavour"] == "mkdocs" else "zensical.yml"
    result = StagingResult(
        Path(out),
        data["flavour"],
        Path(out) / config,
        data["nonce"],
        {k: PageSource(**v) for k, v in data["pages"].items()},
        data["drafts_left_out"],
    )
    result.search = data["search"]
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
