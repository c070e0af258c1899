"""One page of the staging tree: its front matter (title, description, tags, edit_url, search weight) and its
decorated body, with a macro page's Jinja rendered first as mkdocs-macros would (the whole body, then the
decoration; a failing macro stops the build naming the file and line).
"""

from types import SimpleNamespace

import jinja2
import yaml

from macros.content.build import Build
from macros.generate import search_index
from macros.generate.staged_manifest import GenerationError, PageSource
from macros.model import developer_pages
from macros.views import macro_library, sanitize, site

# libyaml's emitter when PyYAML has it: front matter is written for every page.
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def macro_environment(build: Build, repo):
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
