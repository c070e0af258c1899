"""The form editor's npm bundle: which versions (npm/cms/package.json and its lockfile), where `make cms`
installed them (.cache/cms/, or Settings.cms_dir) and which of their files the site publishes.

Each npm install folder of the project has its package.json and committed package-lock.json under npm/
(cms, decap-server, vnu, lighthouse); the Makefile installs them exactly with `npm ci --prefix .cache/<folder>`.
"""

import json
from pathlib import Path

from macros.model.settings import Settings

CHECKOUT = Path(__file__).resolve().parents[2]  # the repository this code runs from
NPM = CHECKOUT / "npm"  # one folder per install folder: package.json and package-lock.json
CACHE = Path(".cache", "cms")
EDITOR = "redigera"  # the site folder the editor is published under
BUNDLE = {  # site file -> file in the npm install under .cache/cms/node_modules
    f"{EDITOR}/decap-cms.js": "decap-cms/dist/decap-cms.js",
    f"{EDITOR}/js-yaml.min.js": "js-yaml/dist/browser/js-yaml.umd.min.js",
}
LAZY_PARTS = (".decap-cms.js", ".wasm")  # decap-cms.js fetches these beside itself, on demand (not the .map files)


class EditorBundleMissing(Exception):
    """The Decap CMS bundle is not installed; the message says, in Swedish, how to install it."""


def pins(folder: str) -> dict[str, str]:
    """{package: exact version} that npm/<folder>/package.json asks for (the lockfile holds the same)."""
    manifest = json.loads((NPM / folder / "package.json").read_text(encoding="utf-8"))
    return dict(manifest["dependencies"])


def pin(folder: str, package: str) -> str:
    """ "name@version" of one package of an install folder, as messages name it."""
    return f"{package}@{pins(folder)[package]}"


DECAP_CMS = pin("cms", "decap-cms")
JS_YAML = pin("cms", "js-yaml")


def bundle_dir(root: Path, settings: Settings = Settings()) -> Path:
    """Where `make cms` installed the npm packages: settings.cms_dir (KB_CMS_DIR) if set, else .cache/cms in
    the project being built, else in the checkout this code runs from (a test's small project has none)."""
    if settings.cms_dir:
        return Path(settings.cms_dir) / "node_modules"
    candidates = [Path(root) / CACHE / "node_modules", CHECKOUT / CACHE / "node_modules"]
    return next((c for c in candidates if (c / "decap-cms").is_dir()), candidates[0])


def installed_version(packages: Path, pin: str) -> str | None:
    """ "name@version" of the installed package a pin names, or None when it is not installed."""
    name = pin.rpartition("@")[0]
    try:
        with open(packages / name / "package.json", encoding="utf-8") as handle:
            return f"{name}@{json.load(handle)['version']}"
    except (OSError, ValueError, KeyError):
        return None


def bundle_files(root: Path, settings: Settings = Settings()) -> dict[str, Path]:
    """{site path: installed file} of the pinned bundle, the chunks decap-cms.js loads on demand included.

    Raises EditorBundleMissing, in Swedish, when `make cms` has not installed the pinned versions.
    """
    packages = bundle_dir(root, settings)
    missing = [name for name in BUNDLE.values() if not (packages / name).is_file()]
    missing += [p for p in (DECAP_CMS, JS_YAML) if installed_version(packages, p) not in (None, p)]
    if missing:
        raise EditorBundleMissing(
            f"Formulärredigeraren saknas eller har fel version ({', '.join(missing)} i {packages}). Installera den "
            f"med: make cms (installerar {DECAP_CMS} och {JS_YAML} från npm till .cache/cms/). make build, "
            f"make serve och make test gör det själva."
        )
    files = {site_path: packages / package_file for site_path, package_file in BUNDLE.items()}
    for chunk in sorted((packages / "decap-cms" / "dist").iterdir()):
        if chunk.name.endswith(LAZY_PARTS):  # loaded by decap-cms.js only when a widget needs them
            files[f"{EDITOR}/{chunk.name}"] = chunk
    return files
