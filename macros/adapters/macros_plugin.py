"""mkdocs-macros' entry point (the staging config's `module_name`): registers the macro library.

The staging config says where the sources are (`extra.kb_source_root`, `kb_preview`, `kb_today`); the
Build is loaded once per engine build, when mkdocs-macros calls define_env, and kept in this closure.
Only pages on the list in code run Jinja (mkdocs.yml: render_by_default false; the generator sets
render_macros on those pages alone).
"""

from pathlib import Path

from macros.content.build import load_build
from macros.views import macro_library


def define_env(env):
    extra = env.conf["extra"]
    root = Path(extra.get("kb_source_root") or Path(env.conf["config_file_path"]).parent)
    build = load_build(root, bool(extra.get("kb_preview")), extra.get("kb_today"))
    library = macro_library.macros(build, lambda: env.page.file.src_uri, env.conf["repo_url"], env.conf["edit_uri"])
    for name, function in library.items():
        env.macro(function, name)
