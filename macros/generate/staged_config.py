"""The staging tree's configuration: mkdocs.yml as the project writes it (with !ENV and !relative), made
into the config an engine builds the staged tree with (menu, search, theme, Zensical's overrides).
Nothing here imports an engine.
"""

import shutil
from collections.abc import Mapping
from pathlib import Path

import yaml

from macros.model.region import Region
from macros.model.region_file import repository_region
from macros.views import full_lists, navigation

# The engine adapter the staged ProperDocs config names (a path, not an import: nothing here imports it).
PROPERDOCS_HOOKS = Path(__file__).resolve().parents[1] / "adapters" / "properdocs_hooks.py"
GLOSSARY = Path("docs", "_ordlista")
STAGED_DOCS = "docs"
SITE_DIR = "site"


# --- the config ----------------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: !ENV from the environment given (Settings.environment), !relative from
    the project folder."""


def _env_tag(loader, node):
    names = (
        [loader.construct_scalar(node)]
        if isinstance(node, yaml.ScalarNode)
        else [loader.construct_scalar(n) for n in node.value[:-1]]
    )
    default = None if isinstance(node, yaml.ScalarNode) else loader.construct_object(node.value[-1])
    for name in names:
        if name in loader.environment:
            return yaml.safe_load(loader.environment[name])
    return default


def _relative_tag(loader, node):
    value = loader.construct_scalar(node)
    return value.replace("$config_dir", str(loader.project_root)).replace(
        "$docs_dir", str(loader.project_root / "docs")
    )


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_constructor("!relative", _relative_tag)


# The theme's one stylesheet, which the region's colours are added to (still one request for a phone).
STYLESHEET = "assets/kunskapsbanken.css"
LOGO = "assets/logotyp"  # the region's logo (region.yml webbplats.logotyp), with its own suffix


def apply_region(config: dict, region: Region) -> dict:
    """mkdocs.yml with the region's names and addresses (region.yml): the engine's settings are the same for
    every region. KB_REPO_URL and KB_SYNPUNKTER_EPOST, set at build time, go before the region's."""
    config = dict(config)
    config["site_name"] = region.site_name
    config["site_description"] = region.site_description
    config["copyright"] = region.copyright
    config["repo_url"] = config.get("repo_url") or region.repository
    extra = dict(config.get("extra") or {})
    extra["synpunkter_epost"] = extra.get("synpunkter_epost") or region.feedback_email
    config["extra"] = extra
    if region.logo:  # the theme's header shows it; the file is staged beside the stylesheet
        config["theme"] = dict(config["theme"], logo=LOGO + Path(region.logo).suffix.lower())
    return config


def region_site_files(root: Path, region: Region) -> dict[str, str | Path]:
    """The theme's stylesheet with the region's colours at its end. A file in the staged docs goes before the
    theme's file of the same name, so the site still loads one stylesheet."""
    theme_css = (root / "macros" / "templates" / STYLESHEET).read_text(encoding="utf-8")
    files: dict[str, str | Path] = {STYLESHEET: theme_css.rstrip("\n") + "\n\n" + region.colour_css()}
    if region.logo:
        files[LOGO + Path(region.logo).suffix.lower()] = root / region.logo
    return files


def read_config(root: Path, environment: Mapping[str, str] | None = None) -> dict:
    """mkdocs.yml as the engine reads it (its !ENV tags from `environment`), with the region's names and
    addresses."""
    return apply_region(_read_mkdocs_yml(root, environment), repository_region())


def _read_mkdocs_yml(root: Path, environment: Mapping[str, str] | None) -> dict:
    """mkdocs.yml with its !ENV tags read from `environment` (none given: each tag's default)."""
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        loader = _ConfigLoader(handle)
        loader.project_root = root
        loader.environment = environment or {}
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()


def _plugin(plugins: list, name: str):
    for entry in plugins:
        if entry == name or (isinstance(entry, dict) and name in entry):
            return entry
    return None


def _plugin_options(plugins: list, name: str) -> dict:
    entry = _plugin(plugins, name)
    return dict(entry[name] or {}) if isinstance(entry, dict) else {}


def staged_config(root: Path, out: Path, base: dict, state, flavour: str) -> dict:
    """The project's mkdocs.yml for the staging tree: no hooks, generated menu and tags, absolute paths."""
    config = {k: v for k, v in base.items() if k not in ("hooks", "watch", "plugins", "markdown_extensions")}
    config["docs_dir"] = STAGED_DOCS
    config["site_dir"] = SITE_DIR
    config["nav"] = navigation.build_nav(state.catalog, state.preview)
    generated = full_lists.page_srcs(state)  # the whole lists (macros/views/full_lists.py) are not in the menu
    if generated:
        config["not_in_nav"] = (
            str(config.get("not_in_nav") or "").rstrip("\n") + "\n" + "".join(f"/{src}\n" for src in generated)
        )
    theme = dict(config["theme"])
    theme["custom_dir"] = str(root / theme.get("custom_dir", "macros/templates"))
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["kb_nonce"] = state.nonce  # partials/content.html marks the page's own HTML for macros/generate/postbuild.py
    config["extra"] = extra

    extensions = []
    for entry in base["markdown_extensions"]:
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            options = dict(entry["pymdownx.snippets"])
            options["base_path"] = [str(out / STAGED_DOCS / GLOSSARY.name)]
            entry = {"pymdownx.snippets": options}
        extensions.append(entry)
    config["markdown_extensions"] = extensions

    # The search alone: the generator has written the tag pages and rendered the macro pages itself.
    config["plugins"] = [{"search": _plugin_options(base["plugins"], "search")}]
    if flavour == "mkdocs":
        config["hooks"] = [str(PROPERDOCS_HOOKS)]  # after the build: sanitize, shape the search index
    if flavour == "zensical":
        theme["variant"] = "classic"  # looks like Material
        theme["custom_dir"] = str(zensical_overrides(root, out))
    return config


# Material-only templates: main.html points Material's search at our worker over the split index, and
# partials/search.html is Material's search dialog; Zensical brings its own search.
MATERIAL_ONLY_TEMPLATES = ("main.html", "partials/search.html")


def zensical_overrides(root: Path, out: Path) -> Path:
    """macros/templates for Zensical: the same assets and partials, minus Material's search, with
    macros/templates_zensical laid over them where MiniJinja needs other syntax."""
    target = out / "overrides"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(root / "macros" / "templates", target)
    for name in MATERIAL_ONLY_TEMPLATES:
        (target / name).unlink(missing_ok=True)
    if (root / "macros" / "templates_zensical").is_dir():
        shutil.copytree(root / "macros" / "templates_zensical", target, dirs_exist_ok=True)
    return target
