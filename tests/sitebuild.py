"""Build a site (the real one or a tiny fixture site) the way `make build` does, and serve it.

The engine command and the server live in scripts/engine.py, shared with the scripts.
"""

import shutil
from pathlib import Path

from engine import build, serve  # noqa: F401  (the tests import them from here)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def make_fixture_project(tmp: Path, *contents: Path) -> Path:
    """A tiny project: the real config, templates and macros, with fixture content laid on in order."""
    project = tmp / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "macros", project / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("docs", "stories", "strategies"):
        (project / folder).mkdir()
        for content in contents:
            if (content / folder).is_dir():
                shutil.copytree(content / folder, project / folder, dirs_exist_ok=True)
    for needed in ("_ordlista/forkortningar.md",):
        target = project / "docs" / needed
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / "docs" / needed, target)
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


def html_pages(site_dir: Path) -> list[str]:
    """Site paths of every built reading page (directory URLs): not the 404 page, and not the redirect
    pages at old addresses (macros/redirects.py), which only send the reader on."""
    from macros.generate.redirects import is_redirect_page

    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        if is_redirect_page(path.read_text(encoding="utf-8")):
            continue
        rel = path.parent.relative_to(site_dir).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def text_of(site: Path, path: str) -> str:
    """The built HTML of the page at a site path ('' for the start page)."""
    return (site / path / "index.html").read_text(encoding="utf-8")


def article_of(site: Path, path: str) -> str:
    """Only the page's own content, so a link in the menu cannot make a content test pass."""
    html = text_of(site, path)
    return html[html.index("<article"):html.index("</article>")]
