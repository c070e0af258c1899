"""Build a site (the real one or a tiny fixture site) the way `make build` does, and serve it.

The build and the server live in macros/adapters/properdocs.py and scripts/engine.py, shared with
the scripts: every test build takes the one build path `make build` takes (the engine in this
process). build_command is the oracle it is held to (tests/test_engine_in_process.py): the engine's
own command line, `python -m properdocs build`, on the same staging tree.
"""

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import engine
from engine import serve  # noqa: F401  (the tests import it from here)

from macros.adapters.properdocs import BuildResult, engine_env, staging_dir_for
from macros.content.build import ContentError
from macros.generate import staging

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# A script run in a process of its own checks the fixtures with the tests' region, as this process does.
REGION_ENV = {"KB_REGION": str(FIXTURES / "region.yml")}
TODAY = "2026-11-23"


def build(project: Path, site_dir: Path, preview: bool = False, today: str | None = None, strict: bool = True):
    """Generate and build `project` into `site_dir` as `make build` does."""
    return engine.build(project, site_dir, preview=preview, today=today, strict=strict)


def build_command(project: Path, site_dir: Path, preview: bool = False, today: str | None = None, strict: bool = True):
    """The same staging tree built by the engine's own command line (`python -m properdocs build`)."""
    try:
        staged = staging.write_staging(Path(project), staging_dir_for(site_dir), preview, today, "mkdocs")
    except (staging.GenerationError, ContentError) as error:
        return BuildResult(1, "", str(error) + "\n")
    command = [sys.executable, "-m", "properdocs", "build", "--clean", "-f", str(staged.config_file)]
    command += ["-d", str(Path(site_dir).resolve())] + (["--strict"] if strict else [])
    process = subprocess.run(
        command, cwd=staged.out, env=engine_env(), capture_output=True, text=True, encoding="utf-8"
    )
    return BuildResult.of_engine(staged, process.returncode, process.stdout, process.stderr)


@dataclass
class SiteBuild:
    project: Path  # the fixture project (read only: other test modules read the same build)
    site: Path
    result: object  # the BuildResult: returncode, stdout, stderr


class FixtureSites:
    """Fixture projects built once per test session, whichever modules read them (conftest: fixture_sites).

    A build is named by what it is made of: fixture folders laid in order over each other, folders of the
    real docs/ copied in, preview or not, and the day. Tests that only read a site share one build; a test
    that changes a project or a site makes its own.
    """

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.builds: dict = {}

    def get(
        self, *layers: str, real_docs: tuple[str, ...] = (), preview: bool = False, today: str = TODAY
    ) -> SiteBuild:
        key = (layers, real_docs, preview, today)
        if key not in self.builds:
            name = "-".join(Path(layer).name for layer in layers) + ("-preview" if preview else "")
            tmp = self.tmp_path_factory.mktemp(name)
            project = make_fixture_project(tmp, *(FIXTURES / layer for layer in layers))
            for folder in real_docs:
                shutil.copytree(ROOT / "docs" / folder, project / "docs" / folder, dirs_exist_ok=True)
            result = build(project, tmp / "site", preview=preview, today=today)
            self.builds[key] = SiteBuild(project, tmp / "site", result)
        return self.builds[key]


def make_fixture_project(tmp: Path, *contents: Path) -> Path:
    """A tiny project: the real config, templates, macros and npm pins, with fixture content laid on in order."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    # The npm pins (npm/<folder>/package.json) the generator reads, as the checkout has them.
    shutil.copytree(ROOT / "npm", project / "npm", ignore=shutil.ignore_patterns("package-lock.json"))
    for folder in ("docs", "stories", "strategies"):
        (project / folder).mkdir()
        for content in contents:
            if (content / folder).is_dir():
                shutil.copytree(content / folder, project / folder, dirs_exist_ok=True)
    cms = ROOT / ".cache" / "cms"  # the editor's bundle (make cms), which every build publishes
    if cms.is_dir():
        (project / ".cache").mkdir()
        (project / ".cache" / "cms").symlink_to(cms.resolve())
    # The glossary every page gets (mkdocs.yml): the tests' copy, a link to this repository's (the code
    # branch holds the file, scripts/code_branch.py), so every region's repository builds the same fixtures.
    target = project / "docs" / "_ordlista" / "forkortningar.md"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / "forkortningar.md", target)
    return project


def build_strict_and_lenient(tmp: Path, stories: dict[str, str], today: str = "2026-11-23"):
    """The base fixture with extra stories, built strictly (which should stop on what the sanitizer
    removes) and leniently (to read the cleaned pages). Returns (strict result, lenient site folder)."""
    project = make_fixture_project(tmp, FIXTURES / "base")
    for name, text in stories.items():
        (project / "stories" / name).write_text(text, encoding="utf-8")
    strict = build(project, tmp / "strict", today=today)
    lenient = build(project, tmp / "site", today=today, strict=False)
    assert lenient.returncode == 0, lenient.stdout + lenient.stderr
    return strict, tmp / "site"


def unexpected_warnings(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("WARNING", "ERROR"))]


EDITOR = "redigera/"  # the form editor (macros/generate/cms_config.py): a Decap CMS app, tested in tests/test_cms_browser.py and its neighbours


def html_pages(site_dir: Path) -> list[str]:
    """Site paths of every built reading page (directory URLs): not the 404 page, not the redirect
    pages at old addresses (macros/generate/redirects.py), which only send the reader on, and not the form editor."""
    from macros.generate.redirects import is_redirect_page

    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if is_redirect_page(path.read_text(encoding="utf-8")):
            continue
        rel = path.parent.relative_to(site_dir).as_posix()
        page = "" if rel == "." else rel + "/"
        if not page.startswith(EDITOR):
            pages.append(page)
    return pages


def text_of(site: Path, path: str) -> str:
    """The built HTML of the page at a site path ('' for the start page)."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def article_of(site: Path, path: str) -> str:
    """Only the page's own content, so a link in the menu cannot make a content test pass."""
    html = text_of(site, path)
    return html[html.index("<article") : html.index("</article>")]


# The elements an Atom feed of ours may hold (macros/views/feed.py writes no others).
ATOM_ELEMENTS = ("feed", "id", "title", "subtitle", "updated", "link", "author", "name", "entry", "category", "summary")


def node_json(command: list, stdin: str | None = None):
    """Run a Node program that prints JSON (the form's own scripts, Decap's bundle) and return what it printed."""
    import json
    import subprocess

    result = subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def search_entries(site: Path) -> list[dict]:
    """Every entry of a built site's search index (address, title, text), from its split files
    (macros/generate/search_shards.py), as scripts/search.py reads them."""
    from macros.adapters.offline_search import BrowserSearch

    return BrowserSearch.from_site(site).entries()


def search_files_text(site: Path) -> str:
    """All the search files of a built site as one text: the manifest, the shards and the entries."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((site / "search").rglob("*.json")))
